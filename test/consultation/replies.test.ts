import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../src/knowledge/load-knowledge-base.js';
import { FIRST_SCREEN_MAX, renderAnswer } from '../../src/consultation/render-reply.js';
import { DISCLAIMER, MEDIATION_HINT } from '../../src/consultation/reply-texts.js';
import { readJson } from '../support/read-json.js';
import { startApp } from '../support/start-app.js';
import { useTempDirs } from '../support/temp-dir.js';

const tempDir = useTempDirs();

async function ask(app: Awaited<ReturnType<typeof startApp>>, userId: string, text: string) {
  return readJson(await app.post('/api/messages', { userId, text }));
}

describe('the first answer', () => {
  it('fits one phone screen for every curated entry: the answer and, when it fits, the first step', async () => {
    const entries = await loadKnowledgeBase('data/kb');
    const tooLong = entries.filter((entry) => {
      const [firstScreen = ''] = renderAnswer({ dispute: true, newConversation: true }, entry).split('\n\n');
      return firstScreen.length > FIRST_SCREEN_MAX;
    });
    expect(tooLong.map(({ id }) => id)).toEqual([]);
  });

  it('names the laws it rests on as the statutes do, 之一 articles included', () => {
    const reply = renderAnswer(
      { dispute: false, newConversation: false },
      {
        id: 'debt-collection-harassment',
        category: 'debt_contract',
        questions: ['催收天天打电话骂人', '催债的骚扰家人', '网贷催收爆通讯录', '催收上门闹'],
        answer: '欠钱该还，但催收也要守法：威胁、骚扰你的家人都是违法的。',
        steps: ['保存录音和截图。'],
        citations: [{ law: '刑法', article: '293之一' }, { law: '民法典', article: 1033 }],
        mediation: false,
        reviewed: '2026-12-04',
      },
    );
    expect(reply).toContain('依据：《刑法》第293条之一，《民法典》第1033条');
    expect(reply).not.toContain(DISCLAIMER);
  });

  it('says once a conversation that it is general information, and offers free mediation once', async () => {
    const app = await startApp(await tempDir());
    try {
      const first = await ask(app, 'u1', '邻居家盖房子把排水沟堵了，雨水都流到我家院子里');
      expect(first.reply).toContain(DISCLAIMER);
      expect(first.reply).toContain(MEDIATION_HINT);
      const second = await ask(app, 'u1', '邻居家的树枝伸到我家院子里了，他不肯砍');
      expect(second.answerId).not.toBeNull();
      expect(second.reply).not.toContain(DISCLAIMER);
      expect(second.reply).not.toContain(MEDIATION_HINT);
    } finally {
      await app.close();
    }
  });
});

describe('a mediator is offered only for what mediators settle', () => {
  it.each([
    ['a phone scam', '接到电话说我银行卡涉嫌洗钱，让我转到安全账户，转了三万块钱，对方不接电话了'],
    ['a crime to report', '有人偷了我家的三头牛，派出所不给立案'],
  ])('not for %s', async (_, text) => {
    const app = await startApp(await tempDir());
    try {
      const body = await ask(app, 'u1', text);
      expect(body.reply).not.toContain('回复 1 请调解员帮忙');
    } finally {
      await app.close();
    }
  });

  it('but for a quarrel between neighbours', async () => {
    const app = await startApp(await tempDir());
    try {
      expect((await ask(app, 'u1', '邻居占了我家的宅基地砌墙，说了他也不拆')).reply).toContain('回复 1 请调解员帮忙');
    } finally {
      await app.close();
    }
  });
});

describe('an urgent message when the duty mediator cannot be notified', () => {
  it('never says 已通知: it gives 110 and the township phone, and the entry about the danger only', async () => {
    // The example roster's duty mediator is reached through WeCom, which is not configured here.
    const app = await startApp(await tempDir(), { env: { TOWNSHIP_PHONE: '0000-1234567' } });
    try {
      const body = await ask(app, 'u1', '他拿着刀在俺家门口说要砍死俺 快救命');
      expect(body.urgent).toBe(true);
      expect(body.reply).not.toContain('已通知');
      expect(body.reply).toContain('请您先拨打110');
      expect(body.reply).toContain('0000-1234567');
      expect(body.answerId).toBe('threat-intimidation-stalking');
      expect(body.reply.split('\n\n')).toHaveLength(3);
      expect(app.logLines().some((line) => line.includes('THE DUTY MEDIATOR CANNOT BE NOTIFIED'))).toBe(true);
    } finally {
      await app.close();
    }
  });

  it('keeps the urgent message, and small talk, out of the legal adviser’s unanswered list', async () => {
    const app = await startApp(await tempDir(), { env: { ADMIN_TOKEN: 'a-long-admin-token-for-tests' } });
    try {
      await ask(app, 'u1', '我不想活了 活着没意思');
      const social = await ask(app, 'u2', '谢谢你啊闺女');
      expect(social).toMatchObject({ intent: 'social', answerId: null });
      expect(social.reply).toContain('法律咨询助手');
      await ask(app, 'u3', '你吃饭了没 今天天真冷');
      const month = (await app.log.months())[0]!;
      const listed = await fetch(`${app.url}/api/consultations?month=${month}&unanswered=1`, {
        headers: { authorization: 'Bearer a-long-admin-token-for-tests' },
      });
      expect((await readJson(listed)).count).toBe(0);
    } finally {
      await app.close();
    }
  });
});
