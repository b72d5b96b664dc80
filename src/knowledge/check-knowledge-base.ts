import type { LawCorpus } from './laws/load-law-corpus.js';
import type { CategoryRoutes } from './category-routes.js';
import type { Citation } from './knowledge-entry.js';
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

    problems.push(...checkCitations(entry.citations, at, corpus));

    const verdict = toBareVerdict(entry.answer);
    if (verdict) {
      problems.push({ ...at, field: 'answer', message: `opens with a bare "${verdict}": name the situation first, so a near miss is visibly about something else` });
    }

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

/** Each citation names a law of the corpus and an article it has (nothing to check without a corpus). */
export function checkCitations(
  citations: readonly Citation[],
  at: Omit<KnowledgeProblem, 'message' | 'field'>,
  corpus: LawCorpus | undefined,
): KnowledgeProblem[] {
  if (!corpus) return [];
  return citations.flatMap((c, i): KnowledgeProblem[] => {
    const field = `citations.${i}`;
    if (!corpus.laws.has(c.law)) return [{ ...at, field, message: `no law "${c.law}" in LAWS_DIR (use a short name from manifest.json)` }];
    if (corpus.article(c.law, c.article) === undefined) return [{ ...at, field, message: `${c.law} has no article ${c.article}` }];
    return [];
  });
}

/** The routes' citations resolve and their steps name no repealed law. */
export function checkCategoryRoutes(file: string, routes: CategoryRoutes, corpus?: LawCorpus): KnowledgeProblem[] {
  return [...routes.values()].flatMap((route) => {
    const at = { file, entryId: route.category };
    const named = route.steps.flatMap((step, i) =>
      REPEALED_LAWS.filter((law) => step.replace('劳动合同法', '□').includes(law)).map((law) => ({ ...at, field: `steps.${i}`, message: `names ${law}, repealed by the 民法典 on 2021-01-01` })),
    );
    return [...checkCitations(route.citations, at, corpus), ...named];
  });
}

/**
 * A first clause that is only a verdict ("能。", "可以，", "有效。", "要看情况，"): a resident whose question
 * was about something else reads it as a yes or no to their own question.
 */
const BARE_VERDICT = /^(?:一般|通常|原则上|大多)?(?:不|没|并不)?(?:能|可以|有|会|是|要|需要|用|行|算|应该|应当|必须|一定|属于|违法|合法|犯法|有效|无效|看情况|分情况|风险)/;

function toBareVerdict(answer: string): string | undefined {
  const first = answer.trim().split(/[，。！；：,.!;:？?]/, 1)[0] ?? '';
  return first.length <= 4 && BARE_VERDICT.test(first) ? first : undefined;
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
