import { describe, expect, it } from 'vitest';
import { readJson } from '../support/read-json.js';
import { callCases, say, useMediationApp } from './support/mediation-app.js';
import { TOKENS } from './support/test-roster.js';

const t = useMediationApp('2026-06-01T01:00:00.000Z');

const QUESTION = '邻居把围墙砌到我家地里，吵了好几次，怎么办';

/** From the question to consent through the real app; the last reply and the case id it names. */
async function intake(user: string, answers: { village: string; other: string; phone?: string; question?: string }) {
  const asked = await say(t.app, user, answers.question ?? QUESTION);
  expect(asked.reply.split('\n').at(-1)).toBe('回复 1 请调解员帮忙');
  await say(t.app, user, '1');
  await say(t.app, user, answers.village);
  await say(t.app, user, answers.other);
  await say(t.app, user, '跳过');
  await say(t.app, user, '让他把墙拆了');
  const summary = await say(t.app, user, answers.phone ?? '跳过');
  const done = await say(t.app, user, '同意');
  const caseId = /TJ-\d{4}-\d{4}/.exec(done.reply)?.[0];
  if (!caseId) throw new Error(`no case id in: ${done.reply}`);
  return { consultationId: asked.consultationId as string, summary: summary.reply as string, done: done.reply as string, caseId };
}

const villageCounts = async (): Promise<Record<string, number>> => {
  const res = await fetch(`${t.app.url}/api/stats/monthly?month=2026-06`, { headers: { authorization: `Bearer ${TOKENS.admin}` } });
  const rows: { village: string; count: number }[] = (await readJson(res)).consultations.byVillage;
  return Object.fromEntries(rows.filter((r) => r.count > 0).map((r) => [r.village, r.count]));
};

describe('what a finished intake records', () => {
  it('keeps the other party as the resident typed it, "姓王的", from the summary to the case and the mediator', async () => {
    const { summary, caseId } = await intake('wang-1', { village: '清溪村', other: '姓王的' });
    expect(summary).toContain('对方：姓王的');

    const viewed = await callCases(t.app, 'GET', `/api/cases/${caseId}`, TOKENS.lin);
    expect(viewed.body.case).toMatchObject({ otherParty: '姓王的', relation: 'other', village: '清溪村' });
    const [notice] = await t.robot.waitFor(1);
    expect(notice!.json.markdown.content).toContain('对方：姓王的');
  });

  it('keeps a name said with the kind of person, and survives a restart mid-intake', async () => {
    await say(t.app, 'wang-2', QUESTION);
    await say(t.app, 'wang-2', '1');
    await say(t.app, 'wang-2', '清溪');
    await say(t.app, 'wang-2', '隔壁王二');
    await t.restart();
    for (const answer of ['跳过', '跳过', '跳过']) await say(t.app, 'wang-2', answer);
    const done = await say(t.app, 'wang-2', '1');
    const caseId = /TJ-\d{4}-\d{4}/.exec(done.reply)![0];
    const viewed = await callCases(t.app, 'GET', `/api/cases/${caseId}`, TOKENS.lin);
    expect(viewed.body.case).toMatchObject({ otherParty: '隔壁王二', relation: 'neighbor' });
  });

  it('counts the consultation that led to the case under the village the intake learned, not 未注明村', async () => {
    await say(t.app, 'counted-elsewhere', '借钱不还怎么办');
    const asked = await say(t.app, 'village-1', QUESTION);
    // Counted once before the intake, so the tally already in memory has to notice the change.
    expect(await villageCounts()).toEqual({ unknown: 2 });
    for (const answer of ['1', '2', '王某', '跳过', '跳过', '跳过', '同意']) await say(t.app, 'village-1', answer);
    expect(await villageCounts()).toEqual({ 上坪村: 1, unknown: 1 });
    const consultationId: string = asked.consultationId;

    const month = await t.app.log.readMonth('2026-06');
    expect(month.find((r) => r.id === consultationId)?.village).toBe('上坪村');
    await t.restart();
    expect(await villageCounts()).toEqual({ 上坪村: 1, unknown: 1 });
  });

  it('tells the resident who will help, within how long, and what to have ready, in one short message', async () => {
    const { done, caseId } = await intake('reply-1', { village: '清溪村', other: '老王家', phone: '13812345678' });
    expect(done.split('\n')).toEqual([
      '已交给人民调解员林淑芬。',
      `案件编号 ${caseId}`,
      '一般在4小时内打电话联系您。',
      '请先准备好：身份证；和对方的聊天记录、欠条、合同、照片等，有什么带什么。',
    ]);
    expect([...done].length).toBeLessThanOrEqual(150);
  });

  it('names the duty mediator when no one else takes the village or the matter, and the hours the township set', async () => {
    await t.restart({ CASE_ACCEPT_HOURS: '48' });
    const { done } = await intake('reply-2', { village: '河东社区', other: '王某', question: '他借了我五千块钱，两年了一直不还，怎么办' });
    expect(done).toContain('已交给值班人民调解员。');
    expect(done).toContain('一般在2天内接手，到时我在这里告诉您。');
    expect(done).toContain('身份证');
    expect([...done].length).toBeLessThanOrEqual(150);
  });
});
