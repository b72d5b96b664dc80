import type { LawCorpus } from './laws/load-law-corpus.js';
import type { KnowledgeProblem, SourcedEntry } from './load-knowledge-base.js';
import { normalizeQuestion } from './normalize-question.js';

/** Laws the 民法典 repealed on 2021-01-01: content must never name them. */
export const REPEALED_LAWS = ['婚姻法', '继承法', '收养法', '担保法', '合同法', '物权法', '侵权责任法', '民法通则', '民法总则'];

/**
 * The checks a legal adviser's edits must pass: unique ids, no phrasing shared by two entries, citations
 * that resolve to real articles (when a corpus is given), and no repealed law named anywhere.
 */
export function checkKnowledgeBase(entries: readonly SourcedEntry[], corpus?: LawCorpus): KnowledgeProblem[] {
  const problems: KnowledgeProblem[] = [];
  const ids = new Map<string, string>();
  const phrasings = new Map<string, string>();
  // Current laws whose names contain a repealed one (劳动合同法 holds 合同法) are blanked out before the search.
  const currentNames = [...(corpus ? [...corpus.laws.values()].flatMap((l) => [l.title, l.short]) : []), '劳动合同法'].sort(
    (a, b) => b.length - a.length,
  );

  for (const { entry, file } of entries) {
    const at = { file, entryId: entry.id };
    const firstFile = ids.get(entry.id);
    if (firstFile) problems.push({ ...at, field: 'id', message: `is also used in ${firstFile}` });
    else ids.set(entry.id, file);

    entry.questions.forEach((q, i) => {
      const key = normalizeQuestion(q);
      const owner = phrasings.get(key);
      if (owner && owner !== entry.id) problems.push({ ...at, field: `questions.${i}`, message: `"${q}" is already a question of ${owner}` });
      else if (owner === entry.id) problems.push({ ...at, field: `questions.${i}`, message: `"${q}" is listed twice` });
      else phrasings.set(key, entry.id);
    });

    entry.citations.forEach((c, i) => {
      if (!corpus) return;
      const field = `citations.${i}`;
      if (!corpus.laws.has(c.law)) problems.push({ ...at, field, message: `no law "${c.law}" in LAWS_DIR (use a short name from manifest.json)` });
      else if (corpus.article(c.law, c.article) === undefined) problems.push({ ...at, field, message: `${c.law} has no article ${c.article}` });
    });

    for (const [field, text] of textFields(entry)) {
      let scrubbed = text;
      for (const name of currentNames) scrubbed = scrubbed.split(name).join('□');
      for (const repealed of REPEALED_LAWS) {
        if (scrubbed.includes(repealed)) problems.push({ ...at, field, message: `names ${repealed}, repealed by the 民法典 on 2021-01-01` });
      }
    }
  }
  return problems;
}

function textFields(entry: SourcedEntry['entry']): [string, string][] {
  return [
    ...entry.questions.map((q, i): [string, string] => [`questions.${i}`, q]),
    ['answer', entry.answer],
    ...(entry.details ? [['details', entry.details] as [string, string]] : []),
    ...entry.steps.map((s, i): [string, string] => [`steps.${i}`, s]),
    ...entry.citations.map((c, i): [string, string] => [`citations.${i}`, c.law]),
  ];
}
