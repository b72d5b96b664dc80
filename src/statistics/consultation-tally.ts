import { createHash } from 'node:crypto';
import type { Channel } from '../consultation/consultation-record.js';
import type { Category } from '../understanding/category.js';
import { normalizeText } from '../understanding/normalize-text.js';
import type { StatsLine } from './stats-line.js';

/** How a record without a village is counted and keyed in the tables. */
export const UNKNOWN_VILLAGE = 'unknown';

/** Where a record sits: its month file and the byte offset of its line. */
export interface LineRef {
  month: string;
  offset: number;
}

/**
 * Unanswered questions with the same normalised wording. The text itself is not kept: `first` points at the
 * first record with this wording, read back when the question makes the report's list. So no question text
 * outlives the log, in memory or in the on-disk cache, once a resident has it erased.
 */
export interface UnansweredGroup {
  category: Category;
  count: number;
  first: LineRef;
}

/**
 * Everything the reports need from one month of consultations. Small whatever the month's size: counts,
 * the set of resident pseudonyms (for distinct residents over a range) and the unanswered questions grouped.
 */
export interface ConsultationTally {
  consultations: number;
  answered: number;
  unanswered: number;
  urgent: number;
  dispute: number;
  voice: number;
  escalationsOffered: number;
  residents: Set<string>;
  byCategory: Map<Category, number>;
  byVillage: Map<string, number>;
  byChannel: Map<Channel, number>;
  byDay: Map<string, number>;
  unansweredGroups: Map<string, UnansweredGroup>;
}

export function createTally(): ConsultationTally {
  return {
    consultations: 0,
    answered: 0,
    unanswered: 0,
    urgent: 0,
    dispute: 0,
    voice: 0,
    escalationsOffered: 0,
    residents: new Set(),
    byCategory: new Map(),
    byVillage: new Map(),
    byChannel: new Map(),
    byDay: new Map(),
    unansweredGroups: new Map(),
  };
}

/**
 * Only legal questions count as consultations: a question, or a request to read an article. Greetings,
 * thanks, the menu, asking for a person, follow-ups (法条, 详细) and deletion commands are not consultations.
 */
export function isConsultation(line: Pick<StatsLine, 'intent'>): boolean {
  return line.intent === 'question' || line.intent === 'article_lookup';
}

/** A question Mingbai had no curated answer for; an article look-up is answered with the statute text. */
export function isUnanswered(line: Pick<StatsLine, 'intent' | 'answerId' | 'urgent'>): boolean {
  // A message about danger got the emergency guidance, not an answer: it is not content the adviser lacks.
  return line.intent === 'question' && line.answerId === null && !line.urgent;
}

/** Adds one record. Every field of a record is counted in one synchronous step, so a tally is never half-added. */
export function addToTally(tally: ConsultationTally, line: StatsLine, day: string, ref: LineRef): void {
  // Offers of mediation can follow a non-legal turn (e.g. asking for a person), so they are counted on any record.
  if (line.mediationOffered === true) tally.escalationsOffered++;
  if (!isConsultation(line)) return;
  tally.consultations++;
  tally.residents.add(line.resident);
  if (line.urgent) tally.urgent++;
  if (line.dispute) tally.dispute++;
  if (line.voice === true) tally.voice++;
  increment(tally.byCategory, line.category);
  increment(tally.byVillage, line.village?.trim() || UNKNOWN_VILLAGE);
  increment(tally.byChannel, line.channel);
  increment(tally.byDay, day);
  if (!isUnanswered(line)) {
    tally.answered++;
    return;
  }
  tally.unanswered++;
  // An erased text still counts as unanswered; it just has nothing left to show.
  if (line.text === null) return;
  const id = questionId(line.text);
  const group = tally.unansweredGroups.get(id);
  if (group) group.count++;
  else tally.unansweredGroups.set(id, { category: line.category, count: 1, first: ref });
}

/** Adds `from` into `into`; months are merged in order so the first wording seen stays the group's text. */
export function mergeTally(into: ConsultationTally, from: ConsultationTally): void {
  for (const field of ['consultations', 'answered', 'unanswered', 'urgent', 'dispute', 'voice', 'escalationsOffered'] as const) {
    into[field] += from[field];
  }
  for (const r of from.residents) into.residents.add(r);
  for (const [k, n] of from.byCategory) increment(into.byCategory, k, n);
  for (const [k, n] of from.byVillage) increment(into.byVillage, k, n);
  for (const [k, n] of from.byChannel) increment(into.byChannel, k, n);
  for (const [k, n] of from.byDay) increment(into.byDay, k, n);
  for (const [id, g] of from.unansweredGroups) {
    const group = into.unansweredGroups.get(id);
    if (group) group.count += g.count;
    else into.unansweredGroups.set(id, { ...g });
  }
}

/**
 * The form two wordings of one question share: the classifier's normalisation (full-width, traditional
 * characters, common typos, punctuation) without spaces or a trailing particle, so "宅基地能继承吗？" and
 * "宅基地能繼承嗎" group together.
 */
export function questionKey(text: string): string {
  return normalizeText(text).replace(/\s+/g, '').replace(/[吗呢啊呀吧么]+$/u, '');
}

/** A short digest of the normalised wording: groups questions without keeping their words. */
export function questionId(text: string): string {
  return createHash('sha256').update(questionKey(text)).digest('base64url').slice(0, 22);
}

function increment<K>(map: Map<K, number>, key: K, by = 1): void {
  map.set(key, (map.get(key) ?? 0) + by);
}
