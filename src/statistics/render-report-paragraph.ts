import { CATEGORY_LABELS } from '../understanding/category.js';
import { UNKNOWN_VILLAGE } from './consultation-tally.js';
import { daysLabel, periodLabel } from './labels.js';
import type { StatsReport } from './stats-report.js';

/**
 * The paragraph staff paste into a work report, in the register of the township's own reports
 * (本月共接待群众法律咨询X人次…调解纠纷Y件，成功Z件，成功率W%). Every figure comes from the report, so it
 * always says what the JSON says.
 */
export function renderReportParagraph(report: StatsReport, township: string): string {
  const { consultations: c, cases } = report;
  const single = report.period.from === report.period.to;
  const here = single ? '本月' : '本期';
  // Marked inside the paragraph itself, so a demo paragraph pasted anywhere still says what it is.
  const demo = report.demo ? '【演示数据，非真实统计】' : '';
  const heading = `${demo}${township}${periodLabel(report.period.from, report.period.to)}法律咨询与人民调解工作情况：`;
  const parts: string[] = [];

  if (c.total === 0) {
    parts.push(`${here}未接待群众法律咨询。`);
  } else {
    const top = c.byCategory.filter((r) => r.count > 0).slice(0, 3);
    parts.push(
      `${here}共接待群众法律咨询${c.total}人次（涉及群众${c.residents}人），` +
        `咨询较多的是${top.map((r) => `${CATEGORY_LABELS[r.category]}（${r.count}人次）`).join('、')}。`,
    );
    parts.push(
      `其中${c.answered}人次当即得到解答，${c.unanswered}人次暂未能解答，已列入法律顾问待完善问题清单；` +
        `涉及矛盾纠纷${c.dispute}人次，紧急求助${c.urgent}人次。`,
    );
    parts.push(villageSentence(report));
  }

  parts.push(`引导群众申请人民调解${c.escalationsOffered}人次，新受理调解案件${cases.opened}件。`);
  const rate = cases.successRate;
  if (rate.denominator === 0) {
    parts.push(`${here}无调解结案的纠纷${cases.byOutcome.withdrawn > 0 ? `（当事人撤回${cases.byOutcome.withdrawn}件）` : ''}。`);
  } else {
    const withdrawn = cases.byOutcome.withdrawn > 0 ? `（另有当事人撤回${cases.byOutcome.withdrawn}件，不计入成功率）` : '';
    const timing = [
      cases.medianHoursToAcceptance === null ? '' : `调解员接手用时中位数${daysLabel(cases.medianHoursToAcceptance)}`,
      cases.medianHoursToClosure === null ? '' : `办结用时中位数${daysLabel(cases.medianHoursToClosure)}`,
    ].filter(Boolean);
    parts.push(
      `${here}调解纠纷${rate.denominator}件，成功${rate.numerator}件，成功率${rate.percent}%${withdrawn}` +
        `${timing.length > 0 ? `；${timing.join('，')}` : ''}。`,
    );
  }
  if (cases.openAtEnd > 0) parts.push(`${single ? '月末' : '期末'}尚有${cases.openAtEnd}件调解案件在办。`);
  return heading + parts.join('');
}

function villageSentence(report: StatsReport): string {
  const { byVillage } = report.consultations;
  const reached = byVillage.filter((r) => r.village !== UNKNOWN_VILLAGE && r.count > 0).length;
  const unknown = byVillage.find((r) => r.village === UNKNOWN_VILLAGE)?.count ?? 0;
  const unreached = report.villagesWithoutConsultations;
  let sentence = `咨询群众来自${reached}个村（社区）`;
  if (unknown > 0) sentence += `，另有${unknown}人次未注明村`;
  if (unreached.length > 0) sentence += `；${unreached.join('、')}暂无群众咨询`;
  return `${sentence}。`;
}
