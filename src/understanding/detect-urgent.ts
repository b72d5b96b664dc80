/**
 * Danger to someone's safety now or soon (shared/eval/TAXONOMY.md, flag `urgent`). Missing one costs far
 * more than a false alarm, which only puts the emergency numbers first, so the patterns are broad and
 * the exceptions narrow: an act told as finished and past, or a death that already happened.
 * Reads normalized text (see normalize-text.ts).
 */

/** Self-harm: urgent whenever it is spoken of as a possibility for someone now. */
const SELF_HARM =
  /自杀|自尽|轻生|寻死|寻短见|想不开|想死|去死|逼死|不想活|活不下去|活着没意思|跳楼|跳河|跳井|喝了?药|喝了?农药|吃了?(安眠药|老鼠药)|服毒|吃药死|割腕|上吊|了结自己|一死了之|同归于尽/;
/** Self-harm words that report a death or a case, not a present danger. */
const SELF_HARM_DONE = /(导致|因|因为|逼得?)\S{0,4}(自杀|跳楼|喝药|上吊)|(自杀|跳楼|上吊)(身亡|死亡|死因|案)|已经(自杀|去世|死)/;

/** Violence or threats that, by their wording, go on or hang over someone. */
const DANGER = new RegExp(
  [
    '家暴|家庭暴力|打骂|拳打脚踢|暴打|毒打|往死里打|打得|动手打|还打|又打|老打|天天打|经常打|总是打|一直打|常打|打人',
    '打我|打她|打他妈|打我妈|打我爸|打孩子|打老人|打老婆|打媳妇|(要|想)打(我|她|他|人|死)|扬言|揍我|砸坏|砸门|砸窗|砸东西|砸我家',
    '威胁|恐吓|吓唬|要杀|杀了我|杀我|砍我|砍死|弄死|打死|整死|报复|黑社会|混混|找人打|叫人打|带人|上门闹',
    '人身安全|生命危险|有危险|害怕|软禁|关起来|锁在|关在|绑架|囚禁|非法拘禁|限制人身自由|不让出门|跟踪|拿刀|持刀|举刀|要砍|斧头|泼汽油|放火|纵火|烧死|掐脖子|掐我|卡脖子|掐死|勒死',
    '暴力催收|(老人|父母|爸妈|老娘|我妈|我爸|孩子|小孩|儿子|儿女|子女|女儿)\\S{0,8}都不管|不管不顾|一个人在家|赶出家门|赶出来|无家可归|没饭吃|不给饭吃|饿着|没人管|没人照顾|无人照顾|扔下不管|丢下不管|遗弃|独自在家|走失',
    '拒绝治疗|不给治|不救|泄漏|漏气|煤气|着火|起火|塌了|走丢',
  ].join('|'),
);

/**
 * Phrases that hold a danger word without danger: 打 in phoning, paying or suing, a denial ("没有打她",
 * "从没威胁过"), a question about the offence itself.
 */
const HARMLESS =
  /打(我|他|她)?(电话|手机|官司|款|针|工|卡|印|听|算|扫|开|车|麻将|牌|球|游戏|折|字|借条|欠条|条|包|钱|给)|(没有?|不是|并没有?|从没有?|从来没有?)(打|威胁|恐吓|家暴|动手)(过|了)?(她|他|人|我)?|打人的?罪|打人怎么判|打人判|害怕(被骗|上当|影响|麻烦)|遗弃罪怎么/g;

/** The danger is told as over: at some earlier time, with nothing saying it goes on. */
const PAST = /以前|之前|曾经|当年|那年|年前|去年|前年|小时候|那时|当时|年轻时|\d{2,4}年|\d+月\d+日/;
const ONGOING = /现在还|还在|还会|还要|还想|一直|经常|天天|每天|总是|老是|常常|最近|这几天|今天|昨天|刚刚|刚才|再次|又|仍然|依然|长期|怕/;

export function detectUrgent(normalized: string): boolean {
  const deathTold = SELF_HARM_DONE.test(normalized);
  if (!deathTold && SELF_HARM.test(normalized)) return true;
  const text = normalized.replace(HARMLESS, ' ');
  if (!DANGER.test(text)) return false;
  // After a death the message is about its consequences, unless something says the danger goes on.
  if (deathTold || PAST.test(text)) return ONGOING.test(text);
  return true;
}
