/**
 * Words that tell whether a message describes a conflict with someone a mediator could bring to the
 * table (flag `dispute` in shared/eval/TAXONOMY.md) or asks for information. They are features of the
 * dispute model, which learns their weights; the split into lists only documents intent.
 */
const OTHER_PARTY =
  '邻居 隔壁 老板 包工头 工头 老公 老婆 丈夫 妻子 前夫 前妻 男方 女方 婆婆 公公 婆家 娘家 儿媳 媳妇 女婿 亲戚 哥哥 姐姐 弟弟 妹妹 兄弟 姐妹 叔叔 伯伯 大伯 小叔子 舅舅 姑姑 朋友 同学 同事 房东 租客 开发商 物业 商家 卖家 买家 公司 单位 厂里 村里 村委 村干部 对方 他家 她家 他们 别人 欠款人 借款人';
const CONFLICT =
  '不给 不还 不让 不肯 不同意 不承认 不认账 不管 不配合 不退 不赔 不付 拖欠 欠我 欠了 赖账 霸占 占了 侵占 抢占 强占 独占 吵架 打架 争吵 纠纷 矛盾 闹 威胁 骂 打我 要回 讨回 追回 要不回 要钱 催 躲 跑了 失联 拉黑 反悔 违约 起诉他 告他 告她 赔偿 损失 侵权 挡 堵 扣押 扣留 拒绝';
const INFORMATION =
  '什么是 是什么 多少钱 标准 流程 手续 需要什么 材料 怎么办理 在哪 哪里 能不能 可不可以 是否 有效吗 合法吗 算不算 属于 规定 多久 多长时间 怎么算 怎么判 判几年 判多久 取保';

export function listDisputeCues(): string[] {
  return [OTHER_PARTY, CONFLICT, INFORMATION].flatMap((list) => list.split(' '));
}

const PARTY = new RegExp(`${OTHER_PARTY.split(' ').join('|')}|哥|姐|弟|妹|叔|伯|舅|姑|他|她|儿子|女儿|甲方|乙方|承包人|老师|学校|医院`);
const CLASH = new RegExp(`${CONFLICT.split(' ').join('|')}|欠|赖|占|吵|打|讨|赔|告|离婚|分开|出轨|争`);
const SELF = /我|俺|咱|本人/;
const ASKING = new RegExp(`${INFORMATION.split(' ').join('|')}|会判|量刑|罪`);
/** Bodies of the state: a complaint against one is not for a mediator (TAXONOMY.md). */
const GOVERNMENT = /政府|城管|派出所|公安|警察|法院|检察院|民政|国土|住建|环保|局|乡里|镇里|县里|街道办|执法/;
/** Parties a mediator can sit down with, beside a government body in the same message. */
const PRIVATE_PARTY = /邻居|老板|对方|公司|老公|老婆|丈夫|妻子|男方|女方|哥|姐|弟|妹|儿子|女儿|亲戚/;
const FAMILY = /老公|老婆|丈夫|妻子|前夫|前妻|男方|女方|婆婆|公公|儿媳|媳妇|女婿|哥|姐|弟|妹|叔|伯|舅|姑|姨|儿子|女儿|父亲|母亲|爸|妈|亲戚|家人/;
/** Someone else doing or refusing something to the writer: the core of a dispute. */
const REFUSING =
  /不给|不还|不让|不肯|不同意|不承认|不认|不管|不配合|不退|不赔|不付|不发|不出|拖欠|欠我|赖|霸占|占了|占用|侵占|强占|独占|吵|打|骂|威胁|恐吓|欺负|闹|要回|讨回|追回|要不回|催|躲|跑了|失联|拉黑|反悔|扣押|扣压|扣留|拒绝|纠纷|矛盾|争|辱|诽谤|骗/;
const DONE_TO = /被.{0,6}(?:打|骂|占|骗|拆|扣|拖|欠|赶|辞|开除|咬|撞)/;
/** Prosecution and punishment: criminal questions are not mediated (TAXONOMY.md). */
const PUNISHMENT = /判几年|判多久|判多少|会判|判刑|坐牢|量刑|罪|拘留|刑拘|取保|逮捕|看守所|抓了|被抓|缓刑|吸毒|戒毒/;
const INFORMATION_FORM = /(?:吗|么|嘛|呢|不)$|是什么|什么是|多少钱|需要什么|怎么办理|在哪|哪里办|流程|手续|材料/;
const LEGALITY_QUESTION = /合法吗|违法吗|犯法吗|合法不|有效吗|算不算|属于|是否|可以吗|能不能|可不可以/;
const WHAT_TO_DO = /怎么办|怎么处理|如何处理|该怎么|怎样处理|怎么解决|怎么维权|如何维权/;

/**
 * Combinations that single words cannot express: someone else and a clash in the same message, told
 * in the first person, is the shape of a dispute; an information question, a question about
 * punishment or a complaint about a government body is not. Message length stands for narrative
 * versus a short question.
 */
export function toDisputeSignals(normalized: string): string[] {
  const party = PARTY.test(normalized);
  const clash = CLASH.test(normalized);
  const self = SELF.test(normalized);
  const asking = ASKING.test(normalized);
  const family = FAMILY.test(normalized);
  const refusing = REFUSING.test(normalized);
  const government = GOVERNMENT.test(normalized);
  const length = normalized.replaceAll(' ', '').length;
  const signals: string[] = [];
  if (party && clash) signals.push('party+clash');
  if (party && clash && self) signals.push('party+clash+self');
  if (clash && self) signals.push('clash+self');
  if (party && self) signals.push('party+self');
  if (asking) signals.push('asking');
  if (asking && !clash) signals.push('asking-only');
  if (family && refusing) signals.push('family+refusing');
  if (party && refusing) signals.push('party+refusing');
  if (self && party && refusing) signals.push('self+party+refusing');
  if (DONE_TO.test(normalized)) signals.push('done-to');
  if (government) signals.push('government');
  if (government && !PRIVATE_PARTY.test(normalized)) signals.push('government-only');
  if (PUNISHMENT.test(normalized)) signals.push('punishment');
  if (INFORMATION_FORM.test(normalized)) signals.push('information-form');
  if (LEGALITY_QUESTION.test(normalized)) signals.push('legality-question');
  if (WHAT_TO_DO.test(normalized)) signals.push('what-to-do');
  if (!self && !party && !family) signals.push('impersonal');
  signals.push(length < 20 ? 'short' : length < 50 ? 'medium' : 'long');
  return signals;
}
