import type { Channel } from '../consultation/consultation-record.js';

/**
 * How a resident hears about their case between their own messages. Per channel: the API and the chat page
 * have no push, so the message waits for the resident's next reply (the resident inbox); WeChat or WeCom
 * push can implement the same interface.
 */
export interface ResidentMessenger {
  send(to: { channel: Channel; resident: string }, text: string): Promise<void>;
}
