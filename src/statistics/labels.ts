import type { Channel } from '../consultation/consultation-record.js';
import type { CaseOutcome, CaseStatus } from '../escalation/case-record.js';
import { UNKNOWN_VILLAGE } from './consultation-tally.js';

/** The Chinese names staff read in tables, the CSV, the paragraph and the dashboard. */
export const CHANNEL_LABELS: Record<Channel, string> = {
  wechat: '微信公众号',
  wecom: '企业微信',
  web: '网页',
  api: '接口',
};

export const OUTCOME_LABELS: Record<CaseOutcome, string> = {
  resolved: '调解成功',
  not_resolved: '调解未成功',
  withdrawn: '当事人撤回',
};

export const STATUS_LABELS: Record<CaseStatus, string> = {
  new: '待分派',
  assigned: '已分派',
  accepted: '调解中',
  closed: '已办结',
};

export const UNKNOWN_VILLAGE_LABEL = '未注明村';

export function villageLabel(village: string): string {
  return village === UNKNOWN_VILLAGE ? UNKNOWN_VILLAGE_LABEL : village;
}

/** `2026-10` → `2026年10月`; a range → `2026年8月至10月` or `2025年11月至2026年2月`. */
export function periodLabel(from: string, to: string): string {
  const [fy, fm] = [from.slice(0, 4), Number(from.slice(5, 7))];
  const [ty, tm] = [to.slice(0, 4), Number(to.slice(5, 7))];
  if (from === to) return `${fy}年${fm}月`;
  return fy === ty ? `${fy}年${fm}月至${tm}月` : `${fy}年${fm}月至${ty}年${tm}月`;
}

/**
 * A median duration from the report's hours, in days with one decimal (195.8 → `8.2天`), the unit staff
 * think of cases in; `—` when there is none. Under a tenth of a day is said so rather than shown as 0.0天.
 */
export function daysLabel(hours: number | null): string {
  if (hours === null) return '—';
  const days = hours / 24;
  return days < 0.05 ? '不到0.1天' : `${days.toFixed(1)}天`;
}
