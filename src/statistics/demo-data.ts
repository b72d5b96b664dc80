import type { Channel, ConsultationRecord } from '../consultation/consultation-record.js';
import type { CaseOutcome, CaseRecord } from '../escalation/case-record.js';
import { toLocalMonth } from '../time/clock.js';
import { CATEGORIES, type Category } from '../understanding/category.js';
import { daysOf, monthsOf } from './period.js';

/** Demo residents are visibly so: every pseudonym starts with 0de70de70de7 ("demo" in hex-ish). */
export const DEMO_RESIDENT_PREFIX = '0de70de70de7';
/** Every demo text starts with this, so nobody mistakes a demo question or case for a real one. */
export const DEMO_TEXT_MARK = '【演示】';

export interface DemoOptions {
  now: Date;
  /** Village names (the roster's); the last two get no consultations in the current month. */
  villages: readonly string[];
  mediatorIds: readonly string[];
  months: number;
  seed: number;
}

export interface DemoCase {
  openedAt: Date;
  /** Builds the case once the store has given it an id. */
  build(id: string): CaseRecord;
}

export interface DemoData {
  consultations: ConsultationRecord[];
  cases: DemoCase[];
}

const WEIGHTS: Record<Category, number> = {
  marriage_family: 14, inheritance: 6, elder_support: 7, land_homestead: 14, expropriation: 3, neighbor: 10,
  labor_wages: 12, debt_contract: 11, traffic: 5, injury: 4, consumer_fraud: 6, housing: 3, criminal: 2,
  administrative: 5, legal_procedure: 5, other: 3,
};
const DISPUTE_PRONE = new Set<Category>(['marriage_family', 'inheritance', 'elder_support', 'land_homestead', 'neighbor', 'labor_wages', 'debt_contract']);
const QUESTIONS: Partial<Record<Category, string[]>> = {
  land_homestead: ['宅基地上的老房子兄弟几个怎么分', '承包地被村里调整了没有通知我'],
  marriage_family: ['离婚后孩子的抚养费一个月给多少合适', '彩礼给了还没领证能退多少'],
  labor_wages: ['包工头跑了工钱找谁要', '在厂里干了三年没签合同能要补偿吗'],
  debt_contract: ['借给亲戚的钱没打借条怎么要回来', '装修队收了定金不来干活'],
  neighbor: ['邻居家的猪圈臭气熏到我家', '邻居砌墙占了我家的路'],
  consumer_fraud: ['老人买了三万块的保健品能退吗', '网上刷单被骗了钱还能追回吗'],
  administrative: ['低保被取消了去哪里申诉'],
};

/** A small fixed-seed generator (mulberry32), so the same day gives the same demo data. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Months of made-up consultations and mediation cases for trying the dashboard: several villages (two left
 * out of the current month, to show the marking), every category, answered and unanswered questions,
 * offers of mediation and cases in every state. Nothing in it comes from a real resident.
 */
export function generateDemoData(options: DemoOptions): DemoData {
  const rand = random(options.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
  const chance = (p: number) => rand() < p;
  const weighted = (): Category => {
    let r = rand() * CATEGORIES.reduce((n, c) => n + WEIGHTS[c], 0);
    for (const c of CATEGORIES) if ((r -= WEIGHTS[c]) < 0) return c;
    return 'other';
  };
  const nowMs = options.now.getTime();
  const current = toLocalMonth(options.now);
  const first = monthsBack(current, options.months - 1);
  const consultations: DemoData['consultations'] = [];
  const cases: DemoCase[] = [];
  let n = 0;

  for (const month of monthsOf({ from: first, to: current })) {
    const villages = month === current ? options.villages.slice(0, Math.max(1, options.villages.length - 2)) : options.villages;
    const count = 120 + Math.floor(rand() * 100);
    const times: number[] = [];
    for (let i = 0; i < count; i++) {
      const day = pick(daysOf(month));
      const at = Date.parse(`${day}T08:00:00+08:00`) + Math.floor(rand() * 13 * 3_600_000);
      if (at <= nowMs) times.push(at);
    }
    for (const at of times.sort((a, b) => a - b)) {
      n++;
      const time = new Date(at).toISOString();
      const resident = DEMO_RESIDENT_PREFIX + String(Math.floor(rand() * 400)).padStart(12, '0');
      const channel: Channel = pick(['wechat', 'wechat', 'wechat', 'wechat', 'wechat', 'wechat', 'web', 'web', 'wecom', 'api']);
      const base = { id: `demo-${n}`, time, month, channel, resident, messageId: `demo-${n}`, confidence: 0.8, village: chance(0.08) ? null : pick(villages) };
      if (chance(0.12)) {
        consultations.push({ ...base, intent: pick(['greeting', 'thanks', 'menu'] as const), category: 'other', dispute: false, urgent: false, answerId: null, text: `${DEMO_TEXT_MARK}你好` });
        continue;
      }
      const category = weighted();
      const answered = chance(0.82);
      const dispute = DISPUTE_PRONE.has(category) && chance(0.45);
      const urgent = chance(0.015);
      const offered = (dispute && answered && chance(0.4)) || urgent;
      const text = `${DEMO_TEXT_MARK}${pick(QUESTIONS[category] ?? ['这种情况法律上怎么规定'])}`;
      consultations.push({
        ...base,
        ...(channel === 'wechat' && chance(0.1) ? { voice: true } : {}),
        intent: 'question',
        category,
        dispute,
        urgent,
        answerId: answered ? `demo-answer-${category}` : null,
        text,
        ...(offered ? { mediationOffered: true } : {}),
      });
      if (offered && (urgent || chance(0.45))) {
        const openedAt = at + (urgent ? 60_000 : Math.floor(rand() * 30 * 3_600_000));
        if (openedAt <= nowMs) cases.push(demoCase({ openedAt, consultationId: base.id, resident, channel, category, village: base.village, urgent, rand, nowMs, mediatorId: pick(options.mediatorIds) }));
      }
    }
  }
  cases.sort((a, b) => a.openedAt.getTime() - b.openedAt.getTime());
  return { consultations, cases };
}

function demoCase(c: {
  openedAt: number;
  consultationId: string;
  resident: string;
  channel: Channel;
  category: Category;
  village: string | null;
  urgent: boolean;
  rand: () => number;
  nowMs: number;
  mediatorId: string;
}): DemoCase {
  const accepted = c.openedAt + Math.floor((1 + c.rand() * 20) * 3_600_000);
  const closed = accepted + Math.floor((2 + c.rand() * 23) * 86_400_000);
  const roll = c.rand();
  const outcome: CaseOutcome = roll < 0.85 ? 'resolved' : roll < 0.95 ? 'not_resolved' : 'withdrawn';
  const iso = (ms: number) => new Date(ms).toISOString();
  const isAccepted = accepted <= c.nowMs;
  const isClosed = closed <= c.nowMs;
  const by = `mediator:${c.mediatorId}`;
  return {
    openedAt: new Date(c.openedAt),
    build: (id) => ({
      id,
      openedAt: iso(c.openedAt),
      month: toLocalMonth(new Date(c.openedAt)),
      resident: c.resident,
      channel: c.channel,
      consultationId: c.consultationId,
      category: c.category,
      village: c.village,
      relation: c.category === 'neighbor' ? 'neighbor' : c.category === 'labor_wages' ? 'employer' : 'family',
      summary: `${DEMO_TEXT_MARK}演示用纠纷，不是真实案件`,
      hope: null,
      contact: null,
      consentAt: iso(c.openedAt),
      priority: c.urgent ? 'urgent' : 'normal',
      status: isClosed ? 'closed' : isAccepted ? 'accepted' : 'assigned',
      mediatorId: c.mediatorId,
      assignedAt: iso(c.openedAt),
      acceptedAt: isAccepted ? iso(accepted) : null,
      closedAt: isClosed ? iso(closed) : null,
      outcome: isClosed ? outcome : null,
      agreementSummary: isClosed && outcome === 'resolved' ? `${DEMO_TEXT_MARK}双方达成调解协议` : null,
      judicialConfirmationAdvised: false,
      followUpDate: null,
      notes: [],
      timeline: [
        { at: iso(c.openedAt), by: 'system', action: 'opened', status: 'new' },
        { at: iso(c.openedAt), by: 'system', action: 'assigned', status: 'assigned' },
        ...(isAccepted ? [{ at: iso(accepted), by, action: 'accepted', status: 'accepted' as const }] : []),
        ...(isClosed ? [{ at: iso(closed), by, action: 'closed', status: 'closed' as const, note: outcome }] : []),
      ],
    }),
  };
}

function monthsBack(month: string, count: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 - count;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}
