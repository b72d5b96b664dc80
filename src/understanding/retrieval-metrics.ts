import type { Category } from './category.js';
import type { Retriever } from './classification.js';

export interface RetrievalFigures {
  paraphrases: number;
  top1: number;
  top3: number;
  /** Best hit at or above the threshold (the pipeline answers). */
  answered: number;
  /** Answered with the right entry. */
  answeredRight: number;
  /** Paraphrases skipped because their entry is not (or no longer) in the knowledge base. */
  skipped: number;
  /** "expected → retrieved instead", most frequent first: entries that may overlap. */
  confusions: { expected: string; retrieved: string; count: number }[];
}

export interface UnanswerableFigures {
  messages: number;
  /** Share whose best hit scored below the threshold, as it should. */
  declined: number;
}

export function measureRetrieval(
  retriever: Retriever,
  paraphrases: readonly { entryId: string; question: string }[],
  knownIds: ReadonlySet<string>,
  hint: (text: string) => Category | undefined,
): RetrievalFigures {
  const usable = paraphrases.filter(({ entryId }) => knownIds.has(entryId));
  let top1 = 0;
  let top3 = 0;
  let answered = 0;
  let answeredRight = 0;
  const confusions = new Map<string, number>();
  for (const { entryId, question } of usable) {
    const category = hint(question);
    const hits = retriever.search(question, { limit: 3, ...(category ? { category } : {}) });
    const first = hits[0];
    if (first?.entryId === entryId) top1 += 1;
    else if (first) confusions.set(`${entryId} ${first.entryId}`, (confusions.get(`${entryId} ${first.entryId}`) ?? 0) + 1);
    if (hits.some((hit) => hit.entryId === entryId)) top3 += 1;
    if (first && first.score >= retriever.threshold) {
      answered += 1;
      if (first.entryId === entryId) answeredRight += 1;
    }
  }
  const share = (count: number) => (usable.length === 0 ? 0 : count / usable.length);
  return {
    paraphrases: usable.length,
    top1: share(top1),
    top3: share(top3),
    answered: share(answered),
    answeredRight: share(answeredRight),
    skipped: paraphrases.length - usable.length,
    confusions: [...confusions]
      .map(([pair, count]) => {
        const [expected = '', retrieved = ''] = pair.split(' ');
        return { expected, retrieved, count };
      })
      .sort((a, b) => b.count - a.count),
  };
}

export function measureUnanswerable(
  retriever: Retriever,
  messages: readonly string[],
  hint: (text: string) => Category | undefined,
): UnanswerableFigures {
  const declined = messages.filter((text) => {
    const category = hint(text);
    const [first] = retriever.search(text, { limit: 1, ...(category ? { category } : {}) });
    return !first || first.score < retriever.threshold;
  }).length;
  return { messages: messages.length, declined: messages.length === 0 ? 0 : declined / messages.length };
}
