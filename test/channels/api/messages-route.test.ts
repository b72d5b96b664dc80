import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../../src/understanding/category.js';
import { readJson } from '../../support/read-json.js';
import { startApp, type RunningApp } from '../../support/start-app.js';
import { useTempDirs } from '../../support/temp-dir.js';

const tempDir = useTempDirs();
let app: RunningApp;
let dataDir: string;

beforeEach(async () => {
  dataDir = await tempDir();
  app = await startApp(dataDir);
});
afterEach(() => app.close());

async function storedRecords(): Promise<Record<string, unknown>[]> {
  const dir = join(dataDir, 'consultations');
  const [month] = await app.log.months();
  const text = await readFile(join(dir, `${month}.jsonl`), 'utf8');
  return text.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe('POST /api/messages', () => {
  it('answers a question with the contract fields', async () => {
    const res = await app.post('/api/messages', { userId: 'resident-1', text: '老板拖欠工资三个月不给怎么办' });
    expect(res.status).toBe(200);
    const body = await readJson(res);
    expect(body).toMatchObject({ category: 'labor_wages', urgent: false });
    expect(typeof body.consultationId).toBe('string');
    expect(typeof body.reply).toBe('string');
    expect(body.reply.length).toBeGreaterThan(20);
    expect(CATEGORIES).toContain(body.category);
    expect(body.confidence).toBeGreaterThanOrEqual(0);
    expect(body.confidence).toBeLessThanOrEqual(1);
    expect(typeof body.dispute).toBe('boolean');
    expect(body.answerId === null || typeof body.answerId === 'string').toBe(true);
  });

  it('puts emergency guidance on the first line for someone in danger', async () => {
    const res = await app.post('/api/messages', { userId: 'resident-2', text: '我老公喝了酒正在打我，我好怕' });
    const body = await readJson(res);
    expect(body.urgent).toBe(true);
    expect(body.reply.split('\n')[0]).toMatch(/110/);
    expect(body.reply).toMatch(/120/);
    expect(body.reply).toMatch(/12338/);
  });

  it('welcomes a greeting instead of giving a legal answer', async () => {
    const body = await readJson(await app.post('/api/messages', { userId: 'resident-3', text: '你好' }));
    expect(body.intent).toBe('greeting');
    expect(body.answerId).toBeNull();
    expect(body.reply).toMatch(/明白/);
    expect(body.reply).not.toMatch(/依据/);
  });

  it('returns the same answer for a repeated messageId and logs it once', async () => {
    const message = { userId: 'resident-4', text: '借钱不还怎么办', messageId: 'msg-1' };
    const [a, b] = await Promise.all([app.post('/api/messages', message), app.post('/api/messages', message)]);
    const c = await app.post('/api/messages', message);
    const [ja, jb, jc] = await Promise.all([readJson(a), readJson(b), readJson(c)]);
    expect(jb).toEqual(ja);
    expect(jc).toEqual(ja);
    expect(await storedRecords()).toHaveLength(1);
    const other = await readJson(await app.post('/api/messages', { ...message, userId: 'resident-5' }));
    expect(other.consultationId).not.toBe(ja.consultationId);
  });

  it('stores a pseudonym and masked text, never the raw id or the phone number', async () => {
    await app.post('/api/messages', {
      userId: 'wx-open-id-zhang',
      text: '邻居占了我家宅基地，我电话13812345678，身份证110101199003071234',
      village: '东村',
    });
    const [record] = await storedRecords();
    const raw = JSON.stringify(record);
    expect(raw).not.toContain('wx-open-id-zhang');
    expect(raw).not.toContain('13812345678');
    expect(raw).not.toContain('110101199003071234');
    expect(record).toMatchObject({ channel: 'api', village: '东村', intent: 'question' });
    expect(record!.text).toContain('[电话]');
    expect(record!.resident).toMatch(/^[0-9a-f]{24}$/);
  });

  it('deletes a resident’s stored question texts on 删除我的信息 and keeps the counts', async () => {
    await app.post('/api/messages', { userId: 'resident-6', text: '儿子不给我养老钱怎么办' });
    await app.post('/api/messages', { userId: 'resident-7', text: '离婚孩子归谁' });
    const res = await app.post('/api/messages', { userId: 'resident-6', text: '删除我的信息' });
    const body = await readJson(res);
    expect(body.intent).toBe('delete_data');
    expect(body.reply).toMatch(/已删除/);
    const records = await storedRecords();
    expect(records).toHaveLength(3);
    expect(records.map((r) => r.text)).toEqual([null, '离婚孩子归谁', null]);
  });

  describe('refuses bad input with a JSON error naming the problem', () => {
    it.each([
      ['a missing userId', { text: '离婚' }, 'userId'],
      ['an empty userId', { userId: '', text: '离婚' }, 'userId'],
      ['a userId over 128 characters', { userId: 'x'.repeat(129), text: '离婚' }, 'userId'],
      ['a missing text', { userId: 'u' }, 'text'],
      ['a blank text', { userId: 'u', text: '   ' }, 'text'],
      ['a text over 2000 characters', { userId: 'u', text: '问'.repeat(2001) }, 'text'],
      ['an unknown channel', { userId: 'u', text: '离婚', channel: 'fax' }, 'channel'],
      ['a numeric messageId', { userId: 'u', text: '离婚', messageId: 42 }, 'messageId'],
      ['an array body', [1, 2], 'body'],
    ])('%s → 400', async (_label, body, field) => {
      const res = await app.post('/api/messages', body);
      expect(res.status).toBe(400);
      const json = await readJson(res);
      expect(json.error.code).toBe('invalid_request');
      expect(json.error.message).toContain(field);
    });

    it('400 for a body that is not JSON', async () => {
      const res = await app.post('/api/messages', '{"userId": "u", "text":');
      expect(res.status).toBe(400);
      expect((await readJson(res)).error.message).toMatch(/JSON/);
    });

    it('413 for a body over 16 KB', async () => {
      const res = await app.post('/api/messages', { userId: 'u', text: '问', pad: 'x'.repeat(17 * 1024) });
      expect(res.status).toBe(413);
      expect((await readJson(res)).error.code).toBe('payload_too_large');
    });

    it('415 for a body that is not JSON by type', async () => {
      const res = await app.post('/api/messages', 'userId=u&text=hi', { 'content-type': 'application/x-www-form-urlencoded' });
      expect(res.status).toBe(415);
      expect((await readJson(res)).error.code).toBe('unsupported_media_type');
    });

    it('records nothing for refused requests', async () => {
      await app.post('/api/messages', { userId: 'u' });
      expect(app.log.stats().appended).toBe(0);
    });
  });
});

describe('other routes', () => {
  it('GET /healthz answers 200 while the store is usable', async () => {
    const res = await fetch(`${app.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await readJson(res)).toEqual({ status: 'ok' });
  });

  it('GET /healthz answers 503 once the data directory is gone', async () => {
    await rm(dataDir, { recursive: true, force: true });
    const res = await fetch(`${app.url}/healthz`);
    expect(res.status).toBe(503);
    expect((await readJson(res)).error.code).toBe('unavailable');
  });

  it('unknown routes get a JSON 404', async () => {
    const res = await fetch(`${app.url}/nope`);
    expect(res.status).toBe(404);
    expect((await readJson(res)).error.code).toBe('not_found');
  });

  it('keeps admin endpoints closed when no ADMIN_TOKEN is set', async () => {
    const res = await fetch(`${app.url}/api/consultations?month=2026-11`, { headers: { authorization: 'Bearer anything-at-all-long' } });
    expect(res.status).toBe(403);
    expect((await readJson(res)).error.message).toMatch(/ADMIN_TOKEN/);
  });
});

describe('a question no curated entry answers', () => {
  it('gets the route for its kind of matter, names no entry and is recorded for the legal adviser', async () => {
    const tiny = await startApp(await tempDir(), { env: { KB_DIR: 'test/fixtures/kb-tiny' } });
    try {
      const body = await readJson(await tiny.post('/api/messages', { userId: 'u1', text: '老板拖欠俺三个月工资不给，包工头也跑了' }));
      expect(body).toMatchObject({ category: 'labor_wages', answerId: null, intent: 'question' });
      expect(body.reply).toContain('这个问题我还没有现成的解答，已经记下来');
      expect(body.reply).toContain('劳动人事争议仲裁委员会申请仲裁，一般在知道权利受侵害之日起一年内');
      expect(body.reply).toContain('12348');
      expect(body.reply).not.toContain('宅基地');
    } finally {
      await tiny.close();
    }
  });
});

describe('admin consultation list', () => {
  it('needs the admin token and lists the unanswered questions of a month', async () => {
    const admin = await startApp(await tempDir(), { env: { ADMIN_TOKEN: 'a-long-admin-token-for-tests', KB_DIR: 'test/fixtures/kb-tiny' } });
    try {
      await admin.post('/api/messages', { userId: 'u1', text: '我想注册一个商标，国外的专利怎么申请' });
      const month = (await admin.log.months())[0]!;
      expect((await fetch(`${admin.url}/api/consultations?month=${month}`)).status).toBe(401);
      const wrong = await fetch(`${admin.url}/api/consultations?month=${month}`, { headers: { authorization: 'Bearer wrong-token-wrong-token' } });
      expect(wrong.status).toBe(401);
      const auth = { authorization: 'Bearer a-long-admin-token-for-tests' };
      const bad = await fetch(`${admin.url}/api/consultations?month=2026-13`, { headers: auth });
      expect(bad.status).toBe(400);
      expect((await readJson(bad)).error.message).toContain('month');
      const res = await fetch(`${admin.url}/api/consultations?month=${month}&unanswered=1`, { headers: auth });
      const body = await readJson(res);
      expect(body.count).toBe(1);
      expect(body.consultations[0].answerId).toBeNull();
    } finally {
      await admin.close();
    }
  });
});

describe('logging', () => {
  it('writes one line per request with no question text, phone number or raw user id', async () => {
    await app.post('/api/messages', { userId: 'secret-user-id', text: '打我电话13812345678，宅基地被占了' });
    await app.post('/api/messages', { userId: 'secret-user-id' });
    const lines = app.logLines();
    const requests = lines.filter((l) => JSON.parse(l).msg === 'request');
    expect(requests).toHaveLength(2);
    const all = lines.join('\n');
    expect(all).not.toContain('secret-user-id');
    expect(all).not.toContain('13812345678');
    expect(all).not.toContain('宅基地');
  });
});
