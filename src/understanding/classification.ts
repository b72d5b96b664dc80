import type { Category } from './category.js';

/** What the classifier says about one resident message. */
export interface Classification {
  category: Category;
  /** 0-1: how sure the classifier is of `category`. */
  confidence: number;
  /** A conflict with an identifiable other party that a people's mediator could help resolve. */
  dispute: boolean;
  /** Someone's safety is in danger now or imminently. */
  urgent: boolean;
}

export interface Classifier {
  classify(text: string): Classification;
}

/** A curated entry found for a message, with a 0-1 score. */
export interface RetrievalHit {
  entryId: string;
  /** 0-1: how well the entry covers the message (never higher than a hit above it). */
  score: number;
  /** The entry's own coverage of the message, before the cap of the hits above. */
  coverage: number;
  /** Ranking score: weighted log-likelihood of the message's grams under the entry, per unit of gram weight. */
  likelihood: number;
}

export interface Retriever {
  /** Best first; `category` (when given) is a hint, not a filter. */
  search(text: string, options?: { category?: Category; limit?: number }): RetrievalHit[];
  /** Score at or above which the best hit is taken as the answer. */
  readonly threshold: number;
}
