/**
 * What differs between the Official Account (plaintext or safe mode) and WeCom: how a request is proven to
 * come from them, how the message is unwrapped, and how our reply is wrapped. Both throw
 * `WechatSignatureError` (401), `WechatXmlError` or request-side `WechatCryptoError` (400).
 */
export interface WebhookEndpoint {
  /** The server-URL check (GET): the text to answer with. */
  verify(query: unknown): string;
  /** A pushed message (POST): its plaintext XML and how to wrap a reply to it. */
  open(query: unknown, body: string): OpenedMessage;
}

export interface OpenedMessage {
  xml: string;
  /** The response body carrying a reply built by `buildReplyXml`: as is, or encrypted and signed. */
  seal(replyXml: string): string;
}
