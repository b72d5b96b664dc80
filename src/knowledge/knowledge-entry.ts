import { z } from 'zod';
import { CategorySchema } from '../understanding/category.js';

/** A citation as the legal adviser writes it: the law's short name (manifest.json `short`) and an article. */
export const CitationSchema = z.object({
  law: z.string().min(1),
  /** 1079, or "133之一" for the 之一 articles of 刑法. */
  article: z.union([z.number().int().positive(), z.string().regex(/^\d+(之[一二三四五六七八九十]+)?$/)]),
});
export type Citation = z.infer<typeof CitationSchema>;

export const ANSWER_MAX = 200;
export const DETAILS_MAX = 800;

export const KnowledgeEntrySchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'id: lower-case letters, digits and dashes'),
  category: CategorySchema,
  /** Ways residents actually ask it; the retriever matches messages against these. */
  questions: z.array(z.string().trim().min(2).max(120)).min(4),
  /** Stands alone: the first thing the resident reads. */
  answer: z.string().trim().min(10).max(ANSWER_MAX),
  details: z.string().trim().max(DETAILS_MAX).optional(),
  /** Concrete next steps: where to go, what to bring, time limits. */
  steps: z.array(z.string().trim().min(4).max(160)).min(1).max(6),
  citations: z.array(CitationSchema).min(1),
  /** Whether people's mediation suits this kind of matter. */
  mediation: z.boolean(),
  reviewed: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'reviewed: a date like 2026-11-01'),
});
export type KnowledgeEntry = z.infer<typeof KnowledgeEntrySchema>;

/** One file per category: a YAML list of entries. */
export const KnowledgeFileSchema = z.array(KnowledgeEntrySchema);
