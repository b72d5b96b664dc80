import type { KnowledgeEntry } from '../knowledge/knowledge-entry.js';
import type { Category } from '../understanding/category.js';
import type { ConsultationRecord } from './consultation-record.js';

/** Kinds of matter a people's mediator cannot settle between the parties (TAXONOMY.md): they get their route. */
const NOT_MEDIABLE = new Set<Category>(['criminal', 'administrative']);

/** A scam by strangers: there is nobody to sit down with, only the police (TAXONOMY.md: anonymous scams are N). */
const SCAM = /诈骗|被骗|骗了|骗走|骗子|骗局|安全账户|刷单|杀猪盘|冒充|假客服|客服说|中奖|网恋|投资平台|理财平台|返利|解冻|洗钱|涉案账户/;

/**
 * Whether a people's mediator suits this matter: the answering entry's own flag when there is one, else not
 * for crimes, complaints against government bodies or scams by strangers.
 */
export function isMediable(record: Pick<ConsultationRecord, 'category' | 'text'>, entry: KnowledgeEntry | undefined): boolean {
  if (entry) return entry.mediation;
  return !NOT_MEDIABLE.has(record.category) && !SCAM.test(record.text ?? '');
}
