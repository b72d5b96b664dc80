import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any;
}

export interface Answer {
  status: number;
  body: unknown;
}

export interface FakeReceiver {
  url: string;
  received: Received[];
  /** How the next requests are answered (default: WeCom's `{"errcode":0}`). */
  answerWith(answer: (req: Received) => Answer): void;
  /** Resolves once `count` requests arrived (or fails after a few seconds). */
  waitFor(count: number): Promise<Received[]>;
  close(): Promise<void>;
}

export const WECOM_OK: Answer = { status: 200, body: { errcode: 0, errmsg: 'ok' } };

/** A stand-in for a WeCom group robot or any webhook receiver, on 127.0.0.1. */
export async function startReceiver(): Promise<FakeReceiver> {
  const received: Received[] = [];
  let answer: (req: Received) => Answer = () => WECOM_OK;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      let json: unknown;
      try {
        json = JSON.parse(body);
      } catch {
        json = undefined;
      }
      const entry = { path: req.url ?? '', headers: req.headers, body, json };
      received.push(entry);
      const { status, body: out } = answer(entry);
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(out));
    });
  });
  server.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    received,
    answerWith: (fn) => {
      answer = fn;
    },
    async waitFor(count) {
      for (let i = 0; i < 200 && received.length < count; i++) await new Promise((r) => setTimeout(r, 20));
      if (received.length < count) throw new Error(`expected ${count} requests, got ${received.length}`);
      return received.slice();
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
