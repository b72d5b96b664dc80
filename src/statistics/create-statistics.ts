import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { toLocalMonth, type Clock } from '../time/clock.js';
import { computeCaseFigures, listPeriodCases } from './case-figures.js';
import type { CaseSource } from './case-source.js';
import { createTally, mergeTally, questionId, type ConsultationTally } from './consultation-tally.js';
import { createMonthTallies } from './create-month-tallies.js';
import { monthsOf, type Period } from './period.js';
import { readLineAt } from './read-month-tally.js';
import { buildStatsReport, TOP_UNANSWERED, type StatsReport, type UnansweredQuestion } from './stats-report.js';
import { createTallyCacheFiles } from './tally-cache-file.js';
import type { VillageSource } from './village-source.js';

export interface StatisticsDeps {
  /** DATA_DIR/consultations: one JSON Lines file per month. */
  consultationsDir: string;
  /** DATA_DIR/statistics-cache: finished months' tallies; without it tallies are cached in memory only. */
  cacheDir?: string;
  cases: CaseSource;
  villages: VillageSource;
  /** The file `npm run seed-demo` leaves in a data directory it filled (DATA_DIR/DEMO). */
  demoMarker: string;
  /** Tells which months are finished (before the current one) and may be saved to the cache. */
  clock: Clock;
}

export interface Statistics {
  /** Figures for whole months `from`..`to` (one month: from = to). The period must already be valid. */
  report(period: Period): Promise<StatsReport>;
}

/** A month file changed between counting and reading a question back (its texts were erased). */
class StaleTallyError extends Error {
  override readonly name = 'StaleTallyError';
  constructor(readonly month: string) {
    super(`the consultations of ${month} changed while the report was being built`);
  }
}

/** The one function behind the JSON API, the CSV, the CLI and the dashboard. */
export function createStatistics(deps: StatisticsDeps): Statistics {
  const tallies = createMonthTallies({
    dir: deps.consultationsDir,
    ...(deps.cacheDir ? { cacheFiles: createTallyCacheFiles(deps.cacheDir) } : {}),
    isFinished: (month) => month < toLocalMonth(deps.clock.now()),
  });

  /** Reads back the wording of the most frequent unanswered questions from the log. */
  const topQuestions = async (total: ConsultationTally): Promise<UnansweredQuestion[]> => {
    const top = [...total.unansweredGroups]
      .map(([id, group], order) => ({ id, group, order }))
      .sort((a, b) => b.group.count - a.group.count || a.order - b.order)
      .slice(0, TOP_UNANSWERED);
    const questions: UnansweredQuestion[] = [];
    for (const { id, group } of top) {
      const line = await readLineAt(join(deps.consultationsDir, `${group.first.month}.jsonl`), group.first.offset).catch(() => undefined);
      if (line?.text == null || questionId(line.text) !== id) throw new StaleTallyError(group.first.month);
      questions.push({ text: line.text, category: group.category, count: group.count });
    }
    return questions;
  };

  const build = async (period: Period): Promise<StatsReport> => {
    const months = monthsOf(period);
    const [monthTallies, cases, villages, demo] = await Promise.all([
      // One month after another: reading months in parallel would only contend for the same CPU.
      sequential(months, (m) => tallies.get(m)),
      deps.cases.listCases(),
      deps.villages.listVillages(),
      access(deps.demoMarker).then(
        () => true,
        () => false,
      ),
    ]);
    const total = createTally();
    for (const t of monthTallies) mergeTally(total, t);
    return buildStatsReport({
      period,
      months,
      demo,
      total,
      tallies: monthTallies,
      unansweredQuestions: await topQuestions(total),
      cases: computeCaseFigures(cases, months),
      casesByMonth: months.map((m) => computeCaseFigures(cases, [m])),
      caseList: listPeriodCases(cases, months),
      villages,
    });
  };

  return {
    async report(period) {
      try {
        return await build(period);
      } catch (err) {
        if (!(err instanceof StaleTallyError)) throw err;
        tallies.forget(err.month);
        return build(period);
      }
    },
  };
}

async function sequential<T, R>(items: readonly T[], fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (const item of items) out.push(await fn(item));
  return out;
}
