import type { Category } from '../understanding/category.js';
import { dutyMediatorOf, type Mediator, type Roster } from './roster.js';

export interface Assignment {
  mediator: Mediator;
  /** Why this mediator, in a few words for the timeline. */
  reason: string;
}

/**
 * Who takes a new case: active mediators of the resident's village, narrowed to those who take the category
 * when any do, then the one with the fewest open cases (roster order breaks ties). With no village match the
 * category alone decides; with neither, or no one active, the duty mediator.
 */
export function chooseMediator(
  roster: Roster,
  wanted: { village: string | null; category: Category },
  openCases: (mediatorId: string) => number,
): Assignment {
  const active = roster.mediators.filter((m) => m.active);
  const byVillage = wanted.village === null ? [] : active.filter((m) => m.villages.includes(wanted.village!));
  const pool = byVillage.length > 0 ? byVillage : active;
  const byCategory = pool.filter((m) => m.categories.includes(wanted.category));
  const candidates = byCategory.length > 0 ? byCategory : byVillage;
  if (candidates.length === 0) return { mediator: dutyMediatorOf(roster), reason: 'duty mediator: no village or category match' };
  let best = candidates[0]!;
  for (const m of candidates.slice(1)) if (openCases(m.id) < openCases(best.id)) best = m;
  const basis = [byVillage.length > 0 ? 'village' : undefined, byCategory.length > 0 ? 'category' : undefined].filter(Boolean).join(' + ');
  return { mediator: best, reason: `${basis}, fewest open cases` };
}
