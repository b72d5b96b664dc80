import { describe, expect, it } from 'vitest';
import { parseWechatMessage } from '../../../src/channels/wechat/parse-wechat-message.js';
import { WechatXmlError } from '../../../src/channels/wechat/wechat-xml-error.js';

/** A pushed message in WeChat's documented layout, with `fields` as extra children. */
function pushed(msgType: string, fields: Record<string, string>, head: Record<string, string> = {}): string {
  const children = {
    ToUserName: 'gh_township',
    FromUserName: 'oResident123',
    CreateTime: '1732780800',
    MsgType: msgType,
    ...head,
    ...fields,
  };
  const xml = Object.entries(children).map(([tag, value]) =>
    /^\d+$/.test(value) ? `<${tag}>${value}</${tag}>` : `<${tag}><![CDATA[${value}]]></${tag}>`,
  );
  return `<xml>${xml.join('\n')}</xml>`;
}

const base = { toUserName: 'gh_township', fromUserName: 'oResident123', createTime: 1_732_780_800 };

function schemaError(xml: string): WechatXmlError {
  try {
    parseWechatMessage(xml);
  } catch (err) {
    expect(err).toBeInstanceOf(WechatXmlError);
    expect((err as WechatXmlError).reason).toBe('schema');
    return err as WechatXmlError;
  }
  throw new Error('expected a schema error');
}

describe('parseWechatMessage', () => {
  it('reads the official text sample', () => {
    const xml =
      '<xml><ToUserName><![CDATA[toUser]]></ToUserName><FromUserName><![CDATA[fromUser]]></FromUserName><CreateTime>1348831860</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[this is a test]]></Content><MsgId>1234567890123456</MsgId></xml>';
    expect(parseWechatMessage(xml)).toEqual({
      kind: 'text',
      toUserName: 'toUser',
      fromUserName: 'fromUser',
      createTime: 1_348_831_860,
      msgId: '1234567890123456',
      content: 'this is a test',
    });
  });

  it('keeps a MsgId beyond 2^53 exactly, as a string', () => {
    const msgId = '9223372036854775807';
    expect(BigInt(msgId) > BigInt(Number.MAX_SAFE_INTEGER)).toBe(true);
    const message = parseWechatMessage(pushed('text', { Content: '你好', MsgId: msgId }));
    expect(message.msgId).toBe(msgId);
  });

  it('reads a WeCom text with its AgentID', () => {
    const message = parseWechatMessage(pushed('text', { Content: '调解员在吗', MsgId: '7', AgentID: '1000002' }));
    expect(message).toMatchObject({ kind: 'text', content: '调解员在吗', agentId: '1000002' });
  });

  it('reads a voice with its recognised text', () => {
    const xml = pushed('voice', { MediaId: 'm1', Format: 'amr', Recognition: '我要离婚怎么办', MsgId: '8' });
    expect(parseWechatMessage(xml)).toEqual({
      kind: 'voice', ...base, msgId: '8', mediaId: 'm1', format: 'amr', recognition: '我要离婚怎么办',
    });
  });

  it('reads a voice without recognised text, or with an empty one, as having none', () => {
    for (const extra of [{}, { Recognition: '' }, { Recognition: '  ' }] as Record<string, string>[]) {
      const message = parseWechatMessage(pushed('voice', { MediaId: 'm1', Format: 'speex', MsgId: '8', ...extra }));
      expect(message).toMatchObject({ kind: 'voice', recognition: undefined });
    }
  });

  it('reads an image', () => {
    const message = parseWechatMessage(pushed('image', { PicUrl: 'http://mmbiz.qpic.cn/x', MediaId: 'm2', MsgId: '9' }));
    expect(message).toEqual({ kind: 'image', ...base, msgId: '9', picUrl: 'http://mmbiz.qpic.cn/x', mediaId: 'm2' });
  });

  it('reads a video and a short video as one kind', () => {
    const video = parseWechatMessage(pushed('video', { MediaId: 'm3', ThumbMediaId: 't3', MsgId: '10' }));
    const short = parseWechatMessage(pushed('shortvideo', { MediaId: 'm4', ThumbMediaId: 't4', MsgId: '11' }));
    expect(video).toEqual({ kind: 'video', ...base, msgId: '10', short: false, mediaId: 'm3', thumbMediaId: 't3' });
    expect(short).toMatchObject({ kind: 'video', short: true, mediaId: 'm4' });
  });

  it('reads a location with its coordinates as numbers', () => {
    const xml = pushed('location', { Location_X: '23.134521', Location_Y: '113.358803', Scale: '20', Label: '某某镇人民调解委员会', MsgId: '12' });
    expect(parseWechatMessage(xml)).toEqual({
      kind: 'location', ...base, msgId: '12', latitude: 23.134521, longitude: 113.358803, scale: 20, label: '某某镇人民调解委员会',
    });
  });

  it('reads a link', () => {
    const xml = pushed('link', { Title: '拆迁补偿标准', Description: '转发的文章', Url: 'https://example.cn/a', MsgId: '13' });
    expect(parseWechatMessage(xml)).toEqual({
      kind: 'link', ...base, msgId: '13', title: '拆迁补偿标准', description: '转发的文章', url: 'https://example.cn/a',
    });
  });

  it('reads a plain follow, whose empty EventKey means none', () => {
    const message = parseWechatMessage(pushed('event', { Event: 'subscribe', EventKey: '' }));
    expect(message).toEqual({ kind: 'subscribe', ...base, msgId: undefined, agentId: undefined, eventKey: undefined });
  });

  it('reads a follow through a QR code with its scene key', () => {
    const message = parseWechatMessage(pushed('event', { Event: 'subscribe', EventKey: 'qrscene_village3', Ticket: 'TICKET' }));
    expect(message).toMatchObject({ kind: 'subscribe', eventKey: 'qrscene_village3' });
  });

  it('reads an unfollow', () => {
    expect(parseWechatMessage(pushed('event', { Event: 'unsubscribe' }))).toEqual({ kind: 'unsubscribe', ...base });
  });

  it('reads an Official Account CLICK and a WeCom click alike', () => {
    const official = parseWechatMessage(pushed('event', { Event: 'CLICK', EventKey: 'TOPIC_LAND' }));
    const wecom = parseWechatMessage(pushed('event', { Event: 'click', EventKey: 'TOPIC_WAGES', AgentID: '1000002' }));
    expect(official).toEqual({ kind: 'click', ...base, eventKey: 'TOPIC_LAND' });
    expect(wecom).toMatchObject({ kind: 'click', eventKey: 'TOPIC_WAGES', agentId: '1000002' });
  });

  it('reads any other event by its name, ignoring nested details', () => {
    const view = parseWechatMessage(pushed('event', { Event: 'VIEW', EventKey: 'https://example.cn' }));
    expect(view).toEqual({ kind: 'event', ...base, event: 'VIEW', eventKey: 'https://example.cn' });
    const scan = parseWechatMessage(
      '<xml><ToUserName>gh_township</ToUserName><FromUserName>oResident123</FromUserName><CreateTime>1732780800</CreateTime><MsgType>event</MsgType><Event>scancode_push</Event><EventKey>k</EventKey><ScanCodeInfo><ScanType>qrcode</ScanType><ScanResult>1</ScanResult></ScanCodeInfo></xml>',
    );
    expect(scan).toMatchObject({ kind: 'event', event: 'scancode_push', eventKey: 'k' });
  });

  it('reads a type it does not know as unknown rather than failing', () => {
    const message = parseWechatMessage(pushed('file', { Title: 'a.pdf', MsgId: '14' }));
    expect(message).toEqual({ kind: 'unknown', ...base, msgId: '14', msgType: 'file' });
  });

  it('refuses a known type with a missing field instead of calling it unknown', () => {
    const error = schemaError(pushed('text', { MsgId: '15' }));
    expect(error.message).toContain('Content');
    schemaError(pushed('voice', { Format: 'amr', MsgId: '16' }));
    schemaError(pushed('event', { Event: 'CLICK' }));
  });

  it('refuses a message without sender, recipient or type', () => {
    schemaError('<xml><ToUserName>a</ToUserName><CreateTime>1</CreateTime><MsgType>text</MsgType><Content>x</Content></xml>');
    schemaError('<xml><ToUserName>a</ToUserName><FromUserName>b</FromUserName><CreateTime>1</CreateTime></xml>');
  });

  it('refuses a CreateTime in milliseconds or not in digits', () => {
    schemaError(pushed('text', { Content: 'x' }, { CreateTime: '1732780800000' }));
    schemaError(pushed('text', { Content: 'x' }, { CreateTime: '2024-11-28' }));
  });

  it('refuses a field given twice', () => {
    schemaError(pushed('text', { Content: 'a' }).replace('</xml>', '<Content><![CDATA[b]]></Content></xml>'));
  });

  it('passes the XML refusals through', () => {
    expect(() => parseWechatMessage('<!DOCTYPE x><xml/>')).toThrow(expect.objectContaining({ reason: 'doctype' }));
    expect(() => parseWechatMessage('<xml><a>')).toThrow(expect.objectContaining({ reason: 'malformed' }));
  });
});
