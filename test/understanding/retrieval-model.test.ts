import { describe, expect, it } from 'vitest';
import type { KnowledgeEntry } from '../../src/knowledge/knowledge-entry.js';
import { createRetriever } from '../../src/understanding/create-retriever.js';
import { toExampleGrams, toRetrievalExamples } from '../../src/understanding/retrieval-model.js';

const entry = (id: string, questions: string[], answer: string): KnowledgeEntry => ({
  id,
  category: 'labor_wages',
  questions,
  answer,
  steps: ['到劳动保障监察投诉。'],
  citations: [{ law: '劳动合同法', article: 30 }],
  mediation: true,
  reviewed: '2026-12-04',
});

const ENTRIES = [
  entry('wages-unpaid', ['老板不给工资怎么办', '拖欠工资去哪告', '工钱要不回来'], '老板拖欠工资的，可以到劳动保障监察投诉，也可以申请劳动仲裁。'),
  entry('work-injury', ['上班受伤算工伤吗', '工伤怎么认定', '干活摔伤了谁管'], '上班时间因工作受伤的，一般可以认定为工伤，由单位申请工伤认定。'),
];

describe('retrieval examples from real questions', () => {
  it('keep only gram counts, never the questions themselves', () => {
    const examples = toRetrievalExamples(new Map([['wages-unpaid', ['干了一年活结账时老板说没钱']]]));
    const stored = JSON.stringify(examples);
    expect(stored).not.toContain('干了一年活结账时老板说没钱');
    expect(examples['wages-unpaid']).toMatchObject({ questions: 1, grams: { 结账: 1 } });
  });

  it('let an entry be found in the words residents really use', () => {
    const question = '年底结账包工头说没钱 一年白干了';
    const plain = createRetriever(ENTRIES).search(question, { limit: 1 })[0];
    const examples = toRetrievalExamples(new Map([['wages-unpaid', ['年底结账的时候包工头说没钱给', '白干了一年 结账没拿到钱']]]));
    const taught = createRetriever(ENTRIES, {}, toExampleGrams(examples)).search(question, { limit: 1 })[0];
    expect(taught?.entryId).toBe('wages-unpaid');
    expect(taught?.score ?? 0).toBeGreaterThan(plain?.entryId === 'wages-unpaid' ? plain.score : 0);
  });

  it('ignore examples for entries that are not in the knowledge base', () => {
    const examples = toRetrievalExamples(new Map([['gone-entry', ['年底结账包工头说没钱']]]));
    expect(createRetriever(ENTRIES, {}, toExampleGrams(examples)).search('年底结账包工头说没钱', { limit: 2 }).map((hit) => hit.entryId)).not.toContain('gone-entry');
  });
});
