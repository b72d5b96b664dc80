import { z } from 'zod';

/** Unix seconds as WeChat writes them; ten digits last until 2286, so milliseconds are refused. */
const SecondsSchema = z
  .string()
  .regex(/^\d{1,10}$/, 'expected Unix seconds as digits')
  .transform(Number);
const DecimalSchema = z
  .string()
  .regex(/^-?\d+(?:\.\d+)?$/, 'expected a decimal number')
  .transform(Number);
const IntegerSchema = z
  .string()
  .regex(/^\d{1,9}$/, 'expected a whole number')
  .transform(Number);

/** Fields every pushed message carries; AgentID only comes from WeCom. */
const BaseWireSchema = z.object({
  ToUserName: z.string().min(1),
  FromUserName: z.string().min(1),
  CreateTime: SecondsSchema,
  // 64-bit: a JavaScript number would round it, and it is the dedupe key.
  MsgId: z.string().min(1).optional(),
  AgentID: z.string().min(1).optional(),
});
type BaseWire = z.output<typeof BaseWireSchema>;

function toBase(wire: BaseWire) {
  return {
    toUserName: wire.ToUserName,
    fromUserName: wire.FromUserName,
    createTime: wire.CreateTime,
    msgId: wire.MsgId,
    agentId: wire.AgentID,
  };
}

const TextSchema = BaseWireSchema.extend({ MsgType: z.literal('text'), Content: z.string() }).transform((w) => ({
  kind: 'text' as const,
  ...toBase(w),
  content: w.Content,
}));

const VoiceSchema = BaseWireSchema.extend({
  MsgType: z.literal('voice'),
  MediaId: z.string().min(1),
  Format: z.string(),
  Recognition: z.string().optional(),
}).transform((w) => ({
  kind: 'voice' as const,
  ...toBase(w),
  mediaId: w.MediaId,
  format: w.Format,
  // WeChat sends an empty Recognition when speech could not be recognised.
  recognition: w.Recognition?.trim() || undefined,
}));

const ImageSchema = BaseWireSchema.extend({
  MsgType: z.literal('image'),
  PicUrl: z.string(),
  MediaId: z.string().min(1),
}).transform((w) => ({ kind: 'image' as const, ...toBase(w), picUrl: w.PicUrl, mediaId: w.MediaId }));

const VideoSchema = BaseWireSchema.extend({
  MsgType: z.enum(['video', 'shortvideo']),
  MediaId: z.string().min(1),
  ThumbMediaId: z.string(),
}).transform((w) => ({
  kind: 'video' as const,
  ...toBase(w),
  short: w.MsgType === 'shortvideo',
  mediaId: w.MediaId,
  thumbMediaId: w.ThumbMediaId,
}));

const LocationSchema = BaseWireSchema.extend({
  MsgType: z.literal('location'),
  Location_X: DecimalSchema,
  Location_Y: DecimalSchema,
  Scale: IntegerSchema,
  Label: z.string(),
}).transform((w) => ({
  kind: 'location' as const,
  ...toBase(w),
  latitude: w.Location_X,
  longitude: w.Location_Y,
  scale: w.Scale,
  label: w.Label,
}));

const LinkSchema = BaseWireSchema.extend({
  MsgType: z.literal('link'),
  Title: z.string(),
  Description: z.string(),
  Url: z.string(),
}).transform((w) => ({ kind: 'link' as const, ...toBase(w), title: w.Title, description: w.Description, url: w.Url }));

const EventSchema = BaseWireSchema.extend({
  MsgType: z.literal('event'),
  Event: z.string().min(1),
  EventKey: z.string().optional(),
}).transform((w, ctx) => {
  const base = toBase(w);
  // A plain follow sends an empty EventKey; a follow through a QR code sends `qrscene_…`.
  const eventKey = w.EventKey || undefined;
  // The Official Account says CLICK, WeCom says click.
  switch (w.Event.toLowerCase()) {
    case 'subscribe':
      return { kind: 'subscribe' as const, ...base, eventKey };
    case 'unsubscribe':
      return { kind: 'unsubscribe' as const, ...base };
    case 'click':
      if (eventKey === undefined) {
        ctx.addIssue({ code: 'custom', path: ['EventKey'], message: 'a CLICK event needs an EventKey' });
        return z.NEVER;
      }
      return { kind: 'click' as const, ...base, eventKey };
    default:
      return { kind: 'event' as const, ...base, event: w.Event, eventKey };
  }
});

/** The message types WeChat documents, each held to its fields: a `text` without Content is an error. */
export const KnownWechatInboundSchema = z.discriminatedUnion('MsgType', [
  TextSchema,
  VoiceSchema,
  ImageSchema,
  VideoSchema,
  LocationSchema,
  LinkSchema,
  EventSchema,
]);

export const KNOWN_MSG_TYPES: ReadonlySet<string> = new Set([
  'text',
  'voice',
  'image',
  'video',
  'shortvideo',
  'location',
  'link',
  'event',
]);

/** Any other type (WeCom `file`, mini-program cards, …) still gets an answer instead of a failed request. */
export const UnknownWechatInboundSchema = BaseWireSchema.extend({ MsgType: z.string().min(1) }).transform((w) => ({
  kind: 'unknown' as const,
  ...toBase(w),
  msgType: w.MsgType,
}));

/** A message pushed by the Official Account or WeCom, as the rest of the app sees it. */
export type WechatInbound = z.output<typeof KnownWechatInboundSchema> | z.output<typeof UnknownWechatInboundSchema>;
