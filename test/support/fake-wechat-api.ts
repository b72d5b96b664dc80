import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ApiCall {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  /** What the fake answered. */
  reply: { errcode?: number; errmsg?: string; invaliduser?: string; access_token?: string; expires_in?: number };
}

export interface FakeWechatApi {
  /** Use as WECHAT_API_BASE / WECOM_API_BASE. */
  url: string;
  calls: ApiCall[];
  tokenCalls(): ApiCall[];
  sendCalls(): ApiCall[];
  /** Texts that reached a resident (sends answered with errcode 0). */
  delivered(): { touser: string; content: string; agentid?: number }[];
  /** Every token issued so far stops working, as when another server refreshes it: sends then get 40001. */
  invalidateTokens(): void;
  /** The next sends answer these errcodes, in order (45015, 45047…), whatever the token. */
  failNextSends(...errcodes: number[]): void;
  /** The next WeCom send answers 0 but names the member as unreachable, as WeCom does. */
  failNextSendAsInvalidUser(): void;
  /** The next token requests answer these errcodes, in order. */
  failNextTokens(...errcodes: number[]): void;
  close(): Promise<void>;
}

const TOKEN_PATHS = new Set(['/cgi-bin/stable_token', '/cgi-bin/gettoken']);
const SEND_PATHS = new Set(['/cgi-bin/message/custom/send', '/cgi-bin/message/send']);

/**
 * A stand-in for api.weixin.qq.com and qyapi.weixin.qq.com on loopback: hands out tokens, accepts text
 * messages sent with a valid one, and records every call.
 */
export async function startFakeWechatApi(): Promise<FakeWechatApi> {
  const calls: ApiCall[] = [];
  const valid = new Set<string>();
  const sendFailures: ApiCall['reply'][] = [];
  const tokenFailures: number[] = [];
  let issued = 0;

  const answer = (call: Omit<ApiCall, 'reply'>): ApiCall['reply'] => {
    if (TOKEN_PATHS.has(call.path)) {
      const errcode = tokenFailures.shift();
      if (errcode !== undefined) return { errcode, errmsg: 'refused by the fake' };
      const token = `TOKEN-${++issued}`;
      valid.add(token);
      return call.path === '/cgi-bin/gettoken'
        ? { errcode: 0, errmsg: 'ok', access_token: token, expires_in: 7200 }
        : { access_token: token, expires_in: 7200 };
    }
    if (SEND_PATHS.has(call.path)) {
      const failure = sendFailures.shift();
      if (failure !== undefined) return failure;
      if (!valid.has(call.query['access_token'] ?? '')) return { errcode: 40001, errmsg: 'invalid credential' };
      return { errcode: 0, errmsg: 'ok' };
    }
    return { errcode: 40066, errmsg: 'invalid url' };
  };

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    const text = await readBody(req);
    const call = {
      method: req.method ?? '',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      body: text === '' ? undefined : (JSON.parse(text) as unknown),
    };
    const reply = answer(call);
    calls.push({ ...call, reply });
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(reply));
  });
  server.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const sendCalls = () => calls.filter((c) => SEND_PATHS.has(c.path));
  return {
    url,
    calls,
    tokenCalls: () => calls.filter((c) => TOKEN_PATHS.has(c.path)),
    sendCalls,
    delivered: () =>
      sendCalls()
        .filter((c) => c.reply.errcode === 0 && !c.reply.invaliduser)
        .map((c) => {
          const body = c.body as { touser: string; agentid?: number; text: { content: string } };
          return { touser: body.touser, content: body.text.content, ...(body.agentid === undefined ? {} : { agentid: body.agentid }) };
        }),
    invalidateTokens: () => valid.clear(),
    failNextSends: (...errcodes) => void sendFailures.push(...errcodes.map((errcode) => ({ errcode, errmsg: 'refused by the fake' }))),
    failNextSendAsInvalidUser: () => void sendFailures.push({ errcode: 0, errmsg: 'ok', invaliduser: 'someone' }),
    failNextTokens: (...errcodes) => void tokenFailures.push(...errcodes),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
