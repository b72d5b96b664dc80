import { createHash, randomBytes } from 'node:crypto';
import * as wecom from '@wecom/crypto';
import { XMLParser } from 'fast-xml-parser';
import { expect } from 'vitest';

/**
 * Plays WeChat's (or WeCom's) side of a webhook in tests: builds pushed messages, signs and encrypts them
 * with an independent implementation (@wecom/crypto and a plain sha1), and reads our replies the same way.
 */
export type WechatMode = 'plain' | 'safe' | 'compatible' | 'wecom';

export interface WechatSenderOptions {
  appUrl: string;
  path: '/wechat' | '/wecom';
  mode: WechatMode;
  token: string;
  /** The appid or corpid. */
  receiveId: string;
  encodingAesKey?: string;
  /** Unix seconds to sign with, unless a post says otherwise. */
  now: () => number;
  /** FromUserName of every message: RESIDENT unless given. */
  from?: string;
}

export interface PostOptions {
  timestamp?: number;
  /** Replaces the computed signature. */
  signature?: string;
  /** Sent instead of the message, already in its final form. */
  rawBody?: string;
  /** Encrypt for this appid/corpid instead of ours. */
  receiveId?: string;
}

export interface WechatSender {
  post(fields: Record<string, string>, options?: PostOptions): Promise<Response>;
  /** The text of a reply, checked as WeChat would check it; null when the answer was `success`. */
  replyOf(res: Response): Promise<string | null>;
  /** Posts and reads the reply in one go, expecting a 200. */
  send(fields: Record<string, string>): Promise<string | null>;
}

export const RESIDENT = 'oResident_0001';
export const ACCOUNT = 'gh_township';

let msgCounter = 0;
/** A text message from `from` with a fresh 64-bit-looking MsgId unless one is given. */
export function textMessage(content: string, extra: Record<string, string> = {}): Record<string, string> {
  return { MsgType: 'text', Content: content, MsgId: `72${String(Date.now())}${String(++msgCounter).padStart(4, '0')}`, ...extra };
}

let eventCounter = 0;
/** An event with a CreateTime of its own (events have no MsgId: WeChat tells them apart by time). */
export function eventMessage(event: string, extra: Record<string, string> = {}): Record<string, string> {
  return { MsgType: 'event', Event: event, CreateTime: String(1_764_295_200 + ++eventCounter), ...extra };
}

/** A pushed message in WeChat's documented layout: numbers bare, text in CDATA. */
export function pushedXml(fields: Record<string, string>, from = RESIDENT): string {
  const children = { ToUserName: ACCOUNT, FromUserName: from, CreateTime: '1764295200', ...fields };
  const xml = Object.entries(children).map(([tag, value]) =>
    /^\d+$/.test(value) ? `<${tag}>${value}</${tag}>` : `<${tag}><![CDATA[${value}]]></${tag}>`,
  );
  return `<xml>${xml.join('')}</xml>`;
}

export function plainSignature(token: string, timestamp: string, nonce: string): string {
  return createHash('sha1').update([token, timestamp, nonce].sort().join('')).digest('hex');
}

const parser = new XMLParser({ parseTagValue: false, processEntities: false });

function readXml(xml: string): Record<string, string> {
  const root: unknown = parser.parse(xml).xml;
  expect(root).toBeTypeOf('object');
  return root as Record<string, string>;
}

export function wechatSender(options: WechatSenderOptions): WechatSender {
  const { token, encodingAesKey, from = RESIDENT } = options;
  const encrypted = options.mode !== 'plain';

  const post = (fields: Record<string, string>, post: PostOptions = {}) => {
    const timestamp = String(post.timestamp ?? options.now());
    const nonce = String(randomBytes(4).readUInt32BE(0));
    const message = pushedXml(fields, from);
    const query = new URLSearchParams({ timestamp, nonce });
    let body = message;
    if (encrypted) {
      const encrypt = wecom.encrypt(encodingAesKey!, message, post.receiveId ?? options.receiveId);
      const envelope = `<ToUserName><![CDATA[${ACCOUNT}]]></ToUserName><Encrypt><![CDATA[${encrypt}]]></Encrypt>`;
      // Compatible mode sends the plaintext fields beside the envelope; they must be ignored.
      body = options.mode === 'compatible' ? message.replace('</xml>', `${envelope.slice(envelope.indexOf('<Encrypt>'))}</xml>`) : `<xml>${envelope}</xml>`;
      query.set('msg_signature', post.signature ?? wecom.getSignature(token, timestamp, nonce, encrypt));
      if (options.mode !== 'wecom') {
        query.set('signature', plainSignature(token, timestamp, nonce));
        query.set('encrypt_type', 'aes');
      }
    } else {
      query.set('signature', post.signature ?? plainSignature(token, timestamp, nonce));
    }
    if (options.mode !== 'wecom') query.set('openid', from);
    return fetch(`${options.appUrl}${options.path}?${query}`, {
      method: 'POST',
      headers: { 'content-type': 'text/xml' },
      body: post.rawBody ?? body,
    });
  };

  const replyOf = async (res: Response): Promise<string | null> => {
    const text = await res.text();
    if (text === 'success') return null;
    let inner = text;
    if (encrypted) {
      const outer = readXml(text);
      const timestamp = String(outer['TimeStamp']);
      expect(timestamp).toMatch(/^\d{10}$/);
      expect(outer['MsgSignature']).toBe(wecom.getSignature(token, timestamp, String(outer['Nonce']), String(outer['Encrypt'])));
      const opened = wecom.decrypt(encodingAesKey!, String(outer['Encrypt']));
      expect(opened.id).toBe(options.receiveId);
      inner = opened.message;
    }
    const reply = readXml(inner);
    expect(reply).toMatchObject({ ToUserName: from, FromUserName: ACCOUNT, MsgType: 'text' });
    expect(String(reply['CreateTime'])).toMatch(/^\d{10}$/);
    expect(Buffer.byteLength(String(reply['Content']))).toBeLessThanOrEqual(2048);
    return String(reply['Content']);
  };

  return {
    post,
    replyOf,
    async send(fields) {
      const res = await post(fields);
      expect(res.status).toBe(200);
      return replyOf(res);
    },
  };
}
