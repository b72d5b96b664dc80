import { listLexiconTerms } from './category-lexicon.js';
import { toCharNgrams } from './char-ngrams.js';
import { createTermMatcher } from './create-term-matcher.js';
import { listDisputeCues, toDisputeSignals } from './dispute-cues.js';
import type { FeatureValue } from './linear-model.js';

/**
 * What the models see of a message: `@word` lexicon words, `!word` dispute cues and signals, n-grams;
 * the dispute model also sees `#category`, the message's category.
 */
export interface MessageFeatures {
  terms: string[];
  cues: string[];
  ngrams: string[];
}

export type FeatureExtractor = (normalized: string) => MessageFeatures;

export const TERM_PREFIX = '@';
export const CUE_PREFIX = '!';
export const CATEGORY_PREFIX = '#';

/** Lexicon words and dispute cues (each leftmost-longest) plus the distinct character 1-3 grams. */
export function createFeatureExtractor(): FeatureExtractor {
  const matchTerms = createTermMatcher(listLexiconTerms().map(({ term }) => term));
  const matchCues = createTermMatcher(listDisputeCues());
  return (normalized) => ({
    terms: [...new Set(matchTerms(normalized))].map((term) => TERM_PREFIX + term),
    cues: [...new Set([...matchCues(normalized), ...toDisputeSignals(normalized)])].map((cue) => CUE_PREFIX + cue),
    ngrams: [...new Set(toCharNgrams(normalized, 3))],
  });
}

/** Words count 1 each; n-grams share `ngramScale` so that long messages do not drown the words. */
export function toFeatureValues(features: MessageFeatures, ngramScale: number, withCues = false): FeatureValue[] {
  const values: FeatureValue[] = features.terms.map((term) => [term, 1] as const);
  if (withCues) for (const cue of features.cues) values.push([cue, 1]);
  const ngramValue = toNgramValue(features, ngramScale);
  for (const ngram of features.ngrams) values.push([ngram, ngramValue]);
  return values;
}

export function toNgramValue(features: MessageFeatures, ngramScale: number): number {
  return ngramScale / Math.sqrt(Math.max(1, features.ngrams.length));
}

/**
 * The dispute model's features: words, cues and n-grams plus the category, because whether a conflict
 * is one for a mediator depends on its kind (criminal prosecution and complaints against the state are
 * not). Training uses the labelled category, classification the predicted one.
 */
export function toDisputeFeatureValues(features: MessageFeatures, ngramScale: number, category: string): FeatureValue[] {
  return [...toFeatureValues(features, ngramScale, true), [CATEGORY_PREFIX + category, 1]];
}
