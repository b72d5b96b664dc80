/**
 * Danger to someone's safety now or soon (shared/eval/TAXONOMY.md, flag `urgent`). Missing one costs far
 * more than a false alarm, which puts the emergency numbers first and has the duty mediator check on a
 * resident who was safe, so the patterns are broad and the exceptions narrow: an act told as finished and past, a death that already happened, a question
 * about the law itself with nobody in it. Reads normalized text (see normalize-text.ts), in which
 * punctuation has become spaces.
 *
 * The word lists were widened against data/urgent-examples (460 messages written independently of the
 * rules, in the ways villagers and their relatives type: dialect, typos, danger mentioned in passing).
 * On test/fixtures/urgent-final, written afterwards and never used to choose words, the rules find 68 of
 * 100 dangers (the rules before widening: 47). Session 3 read them over the 2,329 real questions of
 * shared/eval: they tell harm that is over from danger now (see AFTERMATH, HARMLESS) and find 41 of its 42
 * dangers with 12 false alarms; `npm run eval` lists both with the words that fired (explainUrgent).
 */

const join = (...parts: string[]) => new RegExp(parts.join('|'));

const KIN = '(?:孩子|小孩|娃|儿子|女儿|闺女|老人|老母亲|老父亲|我妈|我爸|俺娘|俺爹|俺妈|俺爸|娘|爹|爷爷|奶奶|姥姥|姥爷|外婆|外公|老伴|婆婆|公公|弟弟|妹妹|侄子|外孙|孙子)';

/** Wishing to die or to end it: urgent whatever else the message tells, a death in the family included. */
const SELF_HARM_WISH = join(
  '寻死|寻短见|轻生|想不开|想死|不想活|活不下去|活不成|没法活|活不了|活够了|活着干(?:啥|什么|嘛)|活着(?:还)?有(?:啥|什么)(?:意思|用|劲)|活着没意思',
  '活着\\S{0,2}没意思|熬不下去|熬不住了|不想再熬|(?:我|俺)走了(?:以后|之后)|(?:刀|绳子|药|农药)\\S{0,3}(?:都)?(?:准备好|买好)了|买(?:好|了)\\S{0,2}(?:农药|安眠药|绳子)|一了百了|了结自己|了断|死给(?:你|我|他|她|俺)?(?:们)?看|一起死|同归于尽|撑不下去|不想拖累|遗书|遗言|逼死',
);
/** Acts of self-harm: urgent when spoken of as a possibility now, not when they tell how someone died. */
const SELF_HARM_ACT = join(
  '自杀|自尽|去死|跳楼|跳河|跳井|跳江|跳崖|跳湖|跳桥|跳下去|(?:站在|我在|现在在|爬上|坐在)\\S{0,6}(?:楼顶|天台|桥上|桥边|河边|江边|塔吊)',
  '喝了?药|喝\\S{0,3}农药|敌敌畏|百草枯|安眠药|老鼠药|服毒|吞\\S{0,4}药|吃了?(?:一把|一瓶|好多|很多|一堆)\\S{0,2}药|割腕|割\\S{0,2}(?:手腕|脉)|上吊|吊死',
);
/** A death that already happened (by self-harm or otherwise): the message is about its consequences. */
const DEATH_DONE =
  /(?:导致|因|因为|逼得?)\S{0,4}(?:自杀|跳楼|跳河|喝药|上吊)|(?<!(?:怕|要|想|会|担心)\S{0,4})(?:自杀|跳楼|跳河|上吊|喝药|喝农药)(?:了|身亡|死亡|死因|死了|没了|走了|去世|案|以后|之后)|已经(?:自杀|去世|死)|(?<!(?:怕|要|想|会|担心)\S{0,4})被\S{0,6}打死|(?:自杀|自尽)(?:条款|免责)|(?<![想要去该快])死了|去世|过世|身亡|人已经走了|人没了|自杀的人/;

/** Violence going on, or about to: hitting, weapons, people forcing their way in. */
const VIOLENCE = join(
  '家暴|家庭暴力|打骂|拳打脚踢|暴打|毒打|殴打|往死里打|挨打|被打|被人打|动手|打得|打我|打俺|打她|打他|打人|打孩子|打娃|打老人|打老婆|打媳妇|打儿媳|打我妈|打我爸|又打|还打|老打|天天打|经常打|总打|常打|一直打',
  '打的(?:脸|头|身上|浑身|鼻|眼|满)|(?:脸|眼|头)\\S{0,3}肿|鼻青脸肿|往墙上撞|拿\\S{0,2}出气|打起来|打群架|在打|堵在\\S{0,4}(?:门口|家门)|把(?:我|俺)\\S{0,3}打了|围着\\S{0,6}打|按在地上|踢我|踢她|踢他|踢俺|踢\\S{0,2}肚子|踹|扇\\S{0,3}耳光|抽(?:我|她|他|俺|孩子|娃)|皮带|拿(?:着)?\\S{0,2}(?:刀|棍|棒|斧|镰|铁锹|锄头|砖)|持刀|举刀|砍人|砍我(?!家)|捅',
  '流血|掐(?:脖子|我|她|他)|卡脖子|勒(?:死|脖子)|泼\\S{0,2}(?:汽油|硫酸|开水)|划花|毁容|放火|纵火|冲进|闯进|砸(?:门|窗|东西|我家|坏|的|得)|推倒|被人泼|泼(?:水|粪|油漆)|挑衅|人身安全|生命危险|有危险|暴力催收',
);

/** Threats of harm, by any channel. */
const THREAT = join(
  '威胁|恐吓|吓唬|扬言|放话|要杀|杀了(?:我|你|他|她|俺|全家)|(?:都|全)杀了|杀(?:你|他|她|我)全家|偿命|一把火|杀我|砍(?:死|谁|你|他)|砍我(?!家)|弄死|打死|整死|要(?:我|你|他|她|俺)(?:们)?的命|拼命|报复|(?:找|叫|请|喊|带)\\S{0,3}(?:黑社会|社会上的人|混混|社会小混混)',
  '找人(?:打|收拾|弄)|叫人(?:打|来)|带(?:了)?\\S{0,6}人(?:来|上门|堵)|上门(?:闹|找|要|堵)|收拾(?:我|你|他|她|俺)|小心(?:点|你)|走不出|出不了\\S{0,3}门|打断\\S{0,3}腿|埋了(?:你|谁|他|她|我)|活埋|不得好死|跟踪|堵门|堵我|放了?把刀',
  '烧(?:我家|你家|他家|房子|了你)|带走(?:孩子|娃|我)|把\\S{0,4}(?:娃|孩子)\\S{0,2}带走|抢(?:孩子|娃)|磨刀|派人(?:来|到|上门)',
);

/** Someone who cannot look after themselves left without care, shelter or food. */
const ABANDONED = join(
  `${KIN}\\S{0,8}(?:都不管|没人管|没有人管|不管不顾|找不着|找不到|不见了|没回家|失踪|走失|没吃的)`,
  `(?:扔|丢)(?:下|在|给)\\S{0,3}${KIN}|${KIN}\\S{0,6}(?:扔|丢)(?:下|在|给)`,
  '不管不顾|一个人在家|独自在家|赶出(?:家门|门|来|去)|撵出(?:来|去|家门|门)|不让\\S{0,4}进(?:家)?(?:门|屋)|无家可归|(?<!怕\\S{0,8})没(?:地方|处)住',
  '(?:跑出去|走丢|出走)\\S{0,8}(?:找不到|找不着|没回来|没找到)|到现在(?:找不到|找不着|没回来|没找到)|(?:娃|孩子|老人|老爷子|老太太)\\S{0,2}谁(?:来)?管|(?:娃|孩子)\\S{0,3}一个人|丢家里|扔家里|吃不上饭|饭都吃不上|没人送饭|不送饭|放在\\S{0,3}门口就走|不给(?:做)?手术|睡(?:在)?(?:桥洞|路边|村口|外面|院子|街上)|没饭吃|不给饭吃|没(?:东西|啥)吃|饿着|一天没吃|没人照顾|无人照顾|没人伺候|遗弃|喊也不应|好几天没出门|失踪\\S{0,4}(?:报案|报警)|(?:报案|报警)\\S{0,4}失踪|人口失踪|1\\d岁.{0,6}(?:离家出走|跑出来|无家可归)',
);

/** Someone held against their will. */
const CONFINED = join(
  '强迫\\S{0,4}(?:打掉|流产|堕胎|结婚|嫁)|逼\\S{0,3}(?:打掉孩子|流产|堕胎)|软禁|关起来|拴(?:在|着|起来)|铁链|锁链|绑走|关在|锁在|关屋里|被关|关着|绑架|囚禁|非法拘禁|限制人身自由|扣着\\S{0,3}不放|扣(?:住|下)?(?:人|我|他|她)不放|赎人',
  '不让(?:我|她|他|人)?(?:离开|出门|回家|出来|回娘家)|不让\\S{0,3}接电话|不让走(?!路)|看着不让|传销\\S{0,12}(?:不让|看着|关|扣|出不来|回不来)|缅甸|收了\\S{0,4}(?:身份证|手机)',
);

/** Dangers that are not people: gas, fire, water, falling houses and slopes. */
const HAZARD = join(
  '(?:天然气|煤气|燃气)\\S{0,4}(?:泄漏|泄露|漏)|(?:泄漏|泄露)\\S{0,2}(?:天然气|煤气|燃气)|漏气|煤气中毒|(?:煤改气|燃气|煤气|天然气)\\S{0,12}(?:气味|味道|泄)|漏电|触电|电线\\S{0,4}露|堤坝|决堤|溃坝|随时(?:要|会)?(?:倒|塌)|要倒了|着火|起火|失火|火\\S{0,2}烧(?:过来|到)|冒火花|电线\\S{0,2}(?:断|掉)',
  '塌了|倒塌|要塌|快塌|发大水|洪水|被困|晕倒|墙\\S{0,4}裂\\S{0,8}(?:掉|响|塌)|房梁\\S{0,2}响|拒绝治疗|不给治|不救',
);

/**
 * Phrases that hold a danger word without danger: 打 in phoning, paying, working or suing, a denial
 * ("没有打她", "从没威胁过"), a question about the offence itself, an animal killed, a medical operation.
 */
const HARMLESS =
  /打(?:我|他|她|俺)?(?:电话|手机|官司|款|针|工|卡|印|听|算|扫|开|车|麻将|牌|球|游戏|折|字|借条|欠条|条|包|钱|给|招呼|交道|零工|短工|理|扫|扮)|(?:没有?|不是|并没有?|从没有?|从来没有?)(?:打|威胁|恐吓|家暴|动手)(?:过|了)?(?:她|他|人|我)?|打人的?罪|打人怎么判|打人判|打死(?:了)?\S{0,3}(?:鸡|鸭|鹅|狗|猫|羊|猪|牛)|动手术|害怕(?:被骗|上当|影响|麻烦)|害怕\S{0,4}(?:坐牢|判|罚|输|吃官司|被告|起诉)|人身安全保护令|遗弃(?:罪|案|的自诉)|(?:扬言|威胁|放话)要?(?:去)?(?:告|起诉|投诉|举报|曝光)|打过?彩票|关在(?:看守所|拘留所|监狱)|被?关(?:过|了)?\S{0,6}(?:看守所|拘留所|监狱|戒毒所)|被关过|关了\d+天|失火罪|打死(?:了)?(?:两|一|几|\d)个人|丢(?:下|在)\S{0,3}(?:钱|东西|手机|包)|关进去|抓进去|(?:钱|东西|证|条|合同)\S{0,3}(?:找不到|找不着|不见了)/g;

/** The danger is told as over: at some earlier time, with nothing saying it goes on. */
const PAST =
  /以前|之前|曾经|当年|那年|那会|年前|去年|前年|早些年|前几年|小时候|那时|当时|年轻时|\d{2,4}年|\d+月\d+日|过去的事|(?:打|骂|威胁|吓唬|恐吓|动手|砍|捅)过/;
const ONGOING =
  /现在还在|现在又|现在连|连续|还在|还会|还要|还想|一直|经常|天天|每天|总是|老是|常常|最近|这几天|这两天|今天|今晚|昨天|昨晚|刚刚|刚才|马上|正在|再次|又|仍然|依然|长期|怕/;

/** What someone asks once violence is over: compensation, punishment, reporting, court. */
const AFTERMATH =
  /医药费|赔偿|赔个|赔多少|赔钱|怎么赔|谁付|谁出|谁承担|责任|判几年|判多久|怎么判|判刑|量刑|什么罪|有罪|罪吗|故意伤害|故意伤人|轻伤|重伤|伤残|鉴定|立案|起诉|控诉|告他|能告|报警吗|能报警|可以报警|能不能报警/;

/** A question about the law itself ("家暴怎么认定") that names nobody it happens to. */
const LAW_QUESTION =
  /怎么认定|怎么判|判几年|判多久|犯法吗|违法吗|犯罪吗|罪吗|什么罪|罪还是|属于什么|什么法|立案标准|法律规定|有哪些|是什么|是个啥|啥意思|算不算|是不是算|能不能减|能减轻|多久能批|怎么申请|在哪(?:里)?申请|要交钱|需要什么|拘留几天|如果|假如|的话/;
const SOMEONE = /我|俺|咱|本人|妈|爸|娘|爹|儿|女|媳|老公|老婆|丈夫|妻子|婆|孩子|娃|姐|妹|哥|弟|家里|家人|邻居|他(?!人)|她/;

export function detectUrgent(normalized: string): boolean {
  return explainUrgent(normalized) !== undefined;
}

/**
 * Why a message is urgent: the kind of danger and the words that show it ("violence: 打我"), or undefined
 * when it is not. `npm run eval` prints it beside every false alarm, so a rule that misfires can be found.
 */
export function explainUrgent(normalized: string): string | undefined {
  if (LAW_QUESTION.test(normalized) && !SOMEONE.test(normalized)) return undefined;
  const wish = SELF_HARM_WISH.exec(normalized);
  if (wish) return `self-harm: ${wish[0]}`;
  const deathTold = DEATH_DONE.test(normalized);
  const act = deathTold ? null : SELF_HARM_ACT.exec(normalized);
  if (act) return `self-harm: ${act[0]}`;
  const text = normalized.replace(HARMLESS, ' ');
  const found = DANGERS.flatMap(({ kind, pattern }) => {
    const match = pattern.exec(text);
    return match ? [{ kind, words: match[0], pattern }] : [];
  });
  if (found.length === 0) return undefined;
  const reason = found.map(({ kind, words }) => `${kind}: ${words}`).join('; ');
  // Violence alone, with a question about what follows it (who pays, what sentence, may I report it),
  // is told as over: "被客人殴打医药费谁付". Threats, confinement and neglect point ahead, so they stay.
  const aftermath = found.every(({ pattern }) => pattern === VIOLENCE) && AFTERMATH.test(text);
  if (!deathTold && !aftermath && !PAST.test(text)) return reason;
  // After a death, or for harm told as over, the danger counts only if a word just before it says it
  // goes on, as adverbs come before their verb: "婆婆一直打骂我", "现在又天天动手"; in "两年前被人打伤了
  // 对方一直没赔" the 一直 comes after and is about the money.
  const dangers = found.flatMap(({ pattern }) => [...text.matchAll(new RegExp(pattern.source, 'g'))].map(({ index }) => index));
  const ongoing = [...text.matchAll(ONGOING_ALL)].find(({ index }) => dangers.some((at) => at >= index && at - index <= NEAR));
  return ongoing ? `${reason} (ongoing: ${ongoing[0]})` : undefined;
}

const DANGERS = [
  { kind: 'violence', pattern: VIOLENCE },
  { kind: 'threat', pattern: THREAT },
  { kind: 'left without care', pattern: ABANDONED },
  { kind: 'confined', pattern: CONFINED },
  { kind: 'hazard', pattern: HAZARD },
];
const ONGOING_ALL = new RegExp(ONGOING.source, 'g');
/** How many characters before a danger word an "ongoing" word may stand and still qualify it. */
const NEAR = 15;
