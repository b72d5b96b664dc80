/**
 * In-process speed of the embedded understanding: start-up (reading the knowledge base, loading the
 * classifier and retrieval models, building classifier and retriever) and per-message classification,
 * retrieval and the answer picker,
 * median and p99 over a few thousand varied messages after a warm-up.
 *
 *   npx tsx bench/understanding.ts
 */
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadKnowledgeBase } from '../src/knowledge/load-knowledge-base.js';
import type { KnowledgeEntry } from '../src/knowledge/knowledge-entry.js';
import { loadClassifierModel } from '../src/understanding/classifier-model.js';
import { createClassifier } from '../src/understanding/create-classifier.js';
import { createRetriever } from '../src/understanding/create-retriever.js';
import { PICKER_CANDIDATES, pickAnswer, toPickerEntries } from '../src/understanding/answer-picker.js';
import { loadRetrievalModel, toExampleGrams } from '../src/understanding/retrieval-model.js';
import { BENCH_QUESTIONS } from './questions.js';

export interface UnderstandingBench {
  entries: number;
  messages: number;
  startup: { readKnowledgeBaseMs: number; loadModelMs: number; buildClassifierMs: number; buildRetrieverMs: number; totalMs: number };
  perMessage: { medianMs: number; p99Ms: number; maxMs: number };
}

const WARM_UP = 500;

export async function benchUnderstanding(kbDir = fileURLToPath(new URL('../data/kb', import.meta.url))): Promise<UnderstandingBench> {
  const t0 = performance.now();
  const entries = await loadKnowledgeBase(kbDir);
  const t1 = performance.now();
  const model = loadClassifierModel();
  const t2 = performance.now();
  const classifier = createClassifier(model);
  const t3 = performance.now();
  // As the app runs: real examples added to the entries, and the answer picker over the best hits.
  const retrieval = loadRetrievalModel();
  const retriever = createRetriever(entries, {}, retrieval ? toExampleGrams(retrieval.examples) : {});
  const pickerEntries = retrieval ? toPickerEntries(entries, retrieval.examples) : undefined;
  const t4 = performance.now();

  const messages = toVariedMessages(entries);
  const understand = (text: string) => {
    const classification = classifier.classify(text);
    const hits = retriever.search(text, { category: classification.category, limit: PICKER_CANDIDATES });
    return retrieval && pickerEntries ? pickAnswer(retrieval.picker, hits, classification, text.length, pickerEntries) : hits[0];
  };
  for (let i = 0; i < WARM_UP; i += 1) understand(messages[i % messages.length] ?? '');
  const timings = messages.map((text) => {
    const start = performance.now();
    understand(text);
    return performance.now() - start;
  });
  timings.sort((a, b) => a - b);
  const at = (share: number) => round(timings[Math.min(timings.length - 1, Math.floor(share * timings.length))] ?? 0);
  return {
    entries: entries.length,
    messages: messages.length,
    startup: {
      readKnowledgeBaseMs: round(t1 - t0),
      loadModelMs: round(t2 - t1),
      buildClassifierMs: round(t3 - t2),
      buildRetrieverMs: round(t4 - t3),
      totalMs: round(t4 - t0),
    },
    perMessage: { medianMs: at(0.5), p99Ms: at(0.99), maxMs: at(1) },
  };
}

/**
 * Short, typical and long messages: every curated phrasing as typed, cut to its first few characters,
 * run together with the next one, and an answer pasted back as a long paragraph.
 */
function toVariedMessages(entries: readonly KnowledgeEntry[]): string[] {
  const phrasings = [...BENCH_QUESTIONS, ...entries.flatMap((entry) => entry.questions)];
  const messages = phrasings.flatMap((text, i) => [text, text.slice(0, 4), `${text}，${phrasings[i + 1] ?? ''}`]);
  for (const entry of entries) messages.push(`${entry.answer}${entry.details ?? ''}`);
  return messages;
}

function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(JSON.stringify(await benchUnderstanding(), null, 2));
}
