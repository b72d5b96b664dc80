import { AppError, ForbiddenError, NotFoundError } from '../errors.js';
import { CATEGORY_LABELS } from '../understanding/category.js';
import { CaseStateError, type CaseViewer } from './case-actor.js';
import type { CaseOutcome, CaseRecord, CaseStatus } from './case-record.js';
import type { CaseService } from './create-case-service.js';
import { otherPartyText } from './intake-texts.js';
import type { Roster } from './roster.js';

/** What a mediator types in WeCom: `接单 TJ-2026-0001`, `结案 TJ-2026-0001 调解成功 <协议摘要>`, `备注 TJ-… <文字>`. */
export type MediatorCommandHandler = (mediatorWecomUserId: string, text: string) => Promise<string | undefined>;

const COMMAND = /^(接单|结案|备注)\s*(TJ-\d{4}-\d{4,})?\s*([\s\S]*)$/i;
const OUTCOMES: readonly [RegExp, CaseOutcome][] = [
  [/^(调解不成功|调解失败|不成功|失败|未达成协议|没有达成协议|没谈成)/, 'not_resolved'],
  [/^(调解成功|成功|达成协议|已达成协议)/, 'resolved'],
  [/^(撤回|撤销|当事人撤回|不调了)/, 'withdrawn'],
];
const STATUS_LABELS: Record<CaseStatus, string> = { new: '新建', assigned: '待接单', accepted: '调解中', closed: '已结案' };
const USAGE = '可以这样回复：\n接单 TJ-2026-0001\n结案 TJ-2026-0001 调解成功 协议摘要\n结案 TJ-2026-0001 调解不成功\n结案 TJ-2026-0001 撤回\n备注 TJ-2026-0001 备注内容';

/**
 * Case commands from mediators' WeCom messages. Undefined when the sender is not a mediator on the roster or
 * the text is not a command, so the WeCom route can pass the message on to the consultation.
 */
export function createMediatorCommands(cases: CaseService, roster: Roster): MediatorCommandHandler {
  return async (wecomUserId, text) => {
    const mediator = roster.mediators.find((m) => m.wecomUserId === wecomUserId);
    const match = COMMAND.exec(text.normalize('NFKC').trim());
    if (!mediator || !match) return undefined;
    const [, verb, rawId, rest = ''] = match;
    if (!rawId) return USAGE;
    const id = rawId.toUpperCase();
    const viewer: CaseViewer = { kind: 'mediator', mediator };
    try {
      if (verb === '接单') return acceptedText(await cases.accept(viewer, id));
      if (verb === '备注') {
        if (rest.trim() === '') return USAGE;
        await cases.addNote(viewer, id, rest.trim());
        return `已记下案件 ${id} 的备注。`;
      }
      const outcome = OUTCOMES.find(([pattern]) => pattern.test(rest));
      if (!outcome) return USAGE;
      const detail = rest.replace(outcome[0], '').trim();
      if (outcome[1] === 'resolved') {
        if (detail === '') return `请写上协议摘要：结案 ${id} 调解成功 协议摘要`;
        await cases.close(viewer, id, { outcome: 'resolved', agreementSummary: detail });
      } else {
        await cases.close(viewer, id, { outcome: outcome[1] });
        if (detail !== '') await cases.addNote(viewer, id, detail);
      }
      return `已结案：案件 ${id}。已告诉居民结果。`;
    } catch (err) {
      return refusalText(err, id, verb === '接单' ? '接单' : verb === '备注' ? '备注' : '结案');
    }
  };
}

/* Only the mediator's own WeCom gets this reply, so it may carry the phone number the case keeps. */
function acceptedText(c: CaseRecord): string {
  return [
    `已接单：案件 ${c.id}（${CATEGORY_LABELS[c.category]}）`,
    `村（社区）：${c.village ?? '没说'}；对方：${otherPartyText(c.relation, c.otherParty)}`,
    `事情：${c.summary}`,
    ...(c.hope ? [`希望：${c.hope}`] : []),
    `居民电话：${c.contact ?? '没留'}`,
    '已告诉居民您接手了。调解结束后回复“结案 编号 调解成功 协议摘要”。',
  ].join('\n');
}

function refusalText(err: unknown, id: string, action: string): string {
  if (err instanceof NotFoundError) return `没有找到案件 ${id}，请核对编号。`;
  if (err instanceof ForbiddenError) return `案件 ${id} 不是分给您的，不能${action}。`;
  if (err instanceof CaseStateError) return `案件 ${id} 现在是“${STATUS_LABELS[err.caseStatus]}”，不能${action}。`;
  if (err instanceof AppError && err.expose) return `没办成：${err.message}\n${USAGE}`;
  throw err;
}
