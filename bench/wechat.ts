/**
 * The Official Account webhook in safe mode under load: the real app (bench/serve.ts, its own process,
 * temp DATA_DIR) receives encrypted, correctly signed text messages from 50 connections, each with its
 * own MsgId and one of 997 residents, and answers with encrypted passive replies.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { startBenchServer, stopBenchServer, toLoadFigures } from './bench-server.js';
import { computeSignature } from '../src/channels/wechat/compute-signature.js';
import { parseWechatXml } from '../src/channels/wechat/parse-wechat-xml.js';
import { createWechatCipher } from '../src/channels/wechat/wechat-cipher.js';
import { BENCH_QUESTIONS } from './questions.js';

const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);
const WARM_UP_S = 2;
const CONNECTIONS = 50;
const ACCOUNT = {
  token: 'bench-token',
  appId: 'wxbench000000000',
  encodingAesKey: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C',
};

export interface WechatBenchFigures {
  route: string;
  reqPerSec: number;
  p50ms: number;
  p99ms: number;
  errors: number;
  non2xx: number;
  /** Responses that were not an encrypted reply (e.g. `success` after the deadline) in the measured pass. */
  notEncrypted: number;
}

export async function benchWechatSafeMode(): Promise<WechatBenchFigures> {
  const dataDir = await mkdtemp(join(tmpdir(), 'mingbai-bench-wechat-'));
  const cipher = createWechatCipher({ encodingAesKey: ACCOUNT.encodingAesKey, receiveId: ACCOUNT.appId });
  let n = 0;
  const signedRequest = (): { path: string; body: string } => {
    n++;
    const xml =
      `<xml><ToUserName><![CDATA[gh_bench]]></ToUserName><FromUserName><![CDATA[oBench${n % 997}]]></FromUserName>` +
      `<CreateTime>${Math.floor(Date.now() / 1000)}</CreateTime><MsgType><![CDATA[text]]></MsgType>` +
      `<Content><![CDATA[${BENCH_QUESTIONS[n % BENCH_QUESTIONS.length]}]]></Content><MsgId>${7_000_000_000_000_000_000n + BigInt(n)}</MsgId></xml>`;
    const encrypt = cipher.encrypt(xml);
    const timestamp = String(Math.floor(Date.now() / 1000));
    const nonce = randomBytes(4).readUInt32BE(0).toString();
    const query = new URLSearchParams({
      signature: computeSignature({ token: ACCOUNT.token, timestamp, nonce }),
      timestamp,
      nonce,
      openid: `oBench${n % 997}`,
      encrypt_type: 'aes',
      msg_signature: computeSignature({ token: ACCOUNT.token, timestamp, nonce, encrypt }),
    });
    return { path: `/wechat?${query}`, body: `<xml><ToUserName><![CDATA[gh_bench]]></ToUserName><Encrypt><![CDATA[${encrypt}]]></Encrypt></xml>` };
  };

  const server = await startBenchServer('mingbai', {
    DATA_DIR: dataDir,
    WECHAT_TOKEN: ACCOUNT.token,
    WECHAT_APP_ID: ACCOUNT.appId,
    WECHAT_APP_SECRET: 'bench-secret',
    WECHAT_ENCODING_AES_KEY: ACCOUNT.encodingAesKey,
    // Late replies (none are expected) go nowhere rather than to WeChat.
    WECHAT_API_BASE: 'http://127.0.0.1:9',
  });
  try {
    await assertEncryptedReply(server.url, signedRequest(), cipher);
    await load(server.url, signedRequest, WARM_UP_S);
    return { route: 'POST /wechat (safe mode)', ...(await load(server.url, signedRequest, DURATION_S)) };
  } finally {
    await stopBenchServer(server.child);
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** One request first, so a misconfigured run fails loudly instead of measuring 401s. */
async function assertEncryptedReply(url: string, request: { path: string; body: string }, cipher: ReturnType<typeof createWechatCipher>): Promise<void> {
  const res = await fetch(url + request.path, { method: 'POST', body: request.body });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`POST /wechat answered ${res.status}: ${text}`);
  const reply = parseWechatXml(cipher.decrypt(String(parseWechatXml(text)['Encrypt'])));
  if (typeof reply['Content'] !== 'string' || reply['Content'] === '') throw new Error('POST /wechat gave no reply text');
}

function load(url: string, next: () => { path: string; body: string }, seconds: number): Promise<Omit<WechatBenchFigures, 'route'>> {
  let notEncrypted = 0;
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url,
        connections: CONNECTIONS,
        duration: seconds,
        requests: [
          {
            method: 'POST',
            headers: { 'content-type': 'text/xml' },
            setupRequest: (req) => ({ ...req, ...next() }),
            onResponse: (_status, body) => {
              if (!body.includes('<Encrypt>')) notEncrypted++;
            },
          },
        ],
      },
      (err, result) => {
        if (err) return reject(err);
        resolve({ ...toLoadFigures(result), notEncrypted });
      },
    );
  });
}

