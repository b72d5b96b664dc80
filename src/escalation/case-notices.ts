import { CATEGORY_LABELS } from '../understanding/category.js';
import type { CaseRecord } from './case-record.js';
import { otherPartyText, shorten } from './intake-texts.js';
import type { MediatorNotice } from './mediator-notice.js';

/*
 * What mediators and residents are told as a case moves. Mediators never get the phone number in a
 * notification (a group robot is read by the whole group): they read it in the case once it is theirs.
 */

function notice(c: CaseRecord, event: MediatorNotice['event'], title: string, lines: string[]): MediatorNotice {
  return { event, caseId: c.id, priority: c.priority, title, lines };
}

function caseLines(c: CaseRecord): string[] {
  return [
    `类别：${CATEGORY_LABELS[c.category]}`,
    `村（社区）：${c.village ?? '没说'}`,
    `对方：${otherPartyText(c.relation, c.otherParty)}`,
    `事情：${shorten(c.summary, 300)}`,
    ...(c.hope ? [`希望：${shorten(c.hope, 100)}`] : []),
    `联系电话：${c.contact ? '已留，在案件里查看' : '没留'}`,
  ];
}

export function caseAssignedNotice(c: CaseRecord, township: string, why?: string): MediatorNotice {
  const title = c.priority === 'urgent' ? `【紧急】${township}值班调解：案件 ${c.id}` : `新调解案件 ${c.id}`;
  const lines = [
    ...(why ? [why] : []),
    ...caseLines(c),
    ...(c.priority === 'urgent' ? ['居民说有人身危险，已提示先报警（110）。请尽快处理。'] : []),
    `接单：在企业微信回复“接单 ${c.id}”，或在案件系统中接单。`,
  ];
  return notice(c, 'case_assigned', title, lines);
}

export function acceptReminderNotice(c: CaseRecord): MediatorNotice {
  return notice(c, 'accept_reminder', `提醒：案件 ${c.id} 还没有接单`, [
    `分配时间：${c.assignedAt ?? ''}`,
    '超时没接，案件会转给值班调解员。',
    `接单：在企业微信回复“接单 ${c.id}”。`,
  ]);
}

export function reassignedAwayNotice(c: CaseRecord, toName: string): MediatorNotice {
  return notice(c, 'case_reassigned_away', `案件 ${c.id} 已改由${toName}负责`, ['这个案件不用您再处理了，谢谢。']);
}

export function followUpNotice(c: CaseRecord): MediatorNotice {
  return notice(c, 'follow_up_due', `回访：案件 ${c.id}`, [
    `今天该回访了，看看调解协议有没有履行。`,
    `协议：${shorten(c.agreementSummary ?? '', 200)}`,
    '回访情况请记在案件备注里。',
  ]);
}

export function contactAddedNotice(c: CaseRecord): MediatorNotice {
  return notice(c, 'contact_added', `案件 ${c.id}：居民留了电话`, ['请在案件里查看电话，尽快联系。']);
}

export function residentWroteAgainNotice(c: CaseRecord, text: string): MediatorNotice {
  return notice(c, 'resident_wrote_again', `案件 ${c.id}：居民又发来紧急消息`, [`内容：${shorten(text, 300)}`]);
}

/* --- to the resident --------------------------------------------------------------------------------- */

export function caseAcceptedText(c: CaseRecord, mediatorName: string): string {
  return `【调解进展】人民调解员${mediatorName}已经接手您的案件 ${c.id}，会尽快联系您。`;
}

/** 人民调解法 第三十三条, in plain words: optional, both parties together, within 30 days of the agreement. */
export const JUDICIAL_CONFIRMATION_TEXT =
  '提醒：如果想让法院确认这份调解协议（叫“司法确认”），您和对方要在协议生效之日起30天内，一起向法院申请。' +
  '确认以后，对方不履行，您可以直接申请法院强制执行。（《人民调解法》第三十三条）';

export function caseClosedText(c: CaseRecord, township: string): string {
  switch (c.outcome) {
    case 'resolved':
      return [
        `【调解结果】您的案件 ${c.id} 调解成功。`,
        `协议内容：${c.agreementSummary ?? ''}`,
        ...(c.judicialConfirmationAdvised ? [JUDICIAL_CONFIRMATION_TEXT] : []),
      ].join('\n');
    case 'not_resolved':
      return `【调解结果】您的案件 ${c.id} 这次没有调解成功。下一步怎么办，可以拨打12348法律援助热线，或到${township}司法所咨询。`;
    case 'withdrawn':
    case null:
      return `【调解结果】您的案件 ${c.id} 已撤回，调解结束。以后需要，回复“找调解员”就行。`;
  }
}
