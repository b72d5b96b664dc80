/**
 * Sends a text to one person outside a webhook reply: the Official Account's customer-service message or
 * a WeCom app message. Throws `WechatApiError`; its `errcode` says why (45015, 45047…).
 */
export interface TextSender {
  sendText(userId: string, text: string): Promise<void>;
}
