import type { Intent } from '../consultation/consultation-record.js';
import { listLexiconTerms } from './category-lexicon.js';
import { createTermMatcher } from './create-term-matcher.js';
import { detectUrgent } from './detect-urgent.js';
import { normalizeText } from './normalize-text.js';

const strip = (text: string) => text.normalize('NFKC').replace(/[\s\p{P}\p{S}]/gu, '');

const DELETE = /^(请|麻烦|帮我)?(删除|删掉|清除|注销)(我的)?(个人)?(信息|资料|数据|记录|聊天记录|提问)(吧|谢谢)?$/;
const GREETING = /^(你好|您好|你们好|大家好|在吗|在不在|有人吗|有人在吗|喂|哈喽|嗨|hello|hi|早|早上好|上午好|中午好|下午好|晚上好|小明白|明白)+(啊|呀|吗|呢)?$/i;
const THANKS = /^(好的|好|嗯|哦|知道了|明白了|懂了|晓得了|收到)?(谢谢|多谢|感谢|谢了|谢谢你|谢谢您|非常感谢|太感谢了|辛苦了|麻烦了)(你|您|啦|了)?$|^(好的|知道了|明白了|懂了|晓得了|收到|ok)$/i;
const HUMAN = /^(转)?(人工|人工服务|人工客服|真人|找人|找真人|要人工)$/;
const MENU = /^[0-9]{1,2}$/;
const CITED = /^(看|查|发|给我看|我要看|请发)?(一下)?(法条|法律条文|条文|原文|法律原文|依据|法律依据)(原文)?(是什么|呢|吧)?$/;
const DETAILS = /^(请)?(再)?(详细|具体)(一点|点|些|一些)?(说说|讲讲|说一下|讲一下|介绍)?(吧|呢)?$|^(详情|看详细|更详细)$/;

/**
 * What people say to a helper that is not a question: thanks and praise, greetings and goodbyes, small
 * talk about meals, weather or the harvest, asking who it is, and grumbling that it did not help. Such a
 * message is told apart by what it lacks: a legal word, a conflict, danger, or a question about some matter.
 */
const SOCIAL_MAX = 40;
/** Signs of talk rather than a matter: thanks, praise, greetings, goodbyes, daily life, blessings, testing. */
const SOCIAL =
  /谢|多亏|麻烦你|麻烦您|麻烦恁|耽误|辛苦|好人|真好|真棒|真行|真中|中听|不错|不赖|厉害|本事|赞|👍|🙏|佩服|给力|管用|好用|灵光|巴适|安逸|得劲|清楚|明白了|晓得了|懂了|知道了|记住了|你好|您好|恁好|.好$|早上好|晚上好|早哦|在吗|在不在|有人没|有人吗|听得到|再见|回见|拜拜|晚安|先下了|不说了|走了哦|下回|明天再|改天|天气|天热|天冷|好热|好冷|冷死|热死|晒|太阳|下雨|落雨|下雪|落雪|凉快|吃了|吃饭|饭没|包饺子|做饭|煮|蒸|收成|收完|打完|麦子|玉米|包谷|花生|谷子|稻子|油菜|庄稼|菜园|鸡|鸭|猪|牛|羊|腊肉|赶场|赶集|孙子|孙女|孙娃|外孙|放假|回来了|高兴|老毛病|腰|腿|新手机|祝|健康|顺利|如意|快乐|平安|过年|新年|中秋|端午|试一|试试|测试|瞎点|没用|没得用|答非所问|名堂|搞啥|哈哈|呵呵|嘿嘿|😂|😄|😊/;
/** Words of law, conflict, money owed or authority: any one makes a message a question. */
const LEGAL_MATTER =
  /法|律|告|诉|判|罚|赔|偿|罪|警|案|证|约|款|欠|借|贷|债|租|押|钱|元|\d+万|几万|万元|万块|块钱|工资|补贴|补助|低保|保险|社保|医保|养老金|退休|合同|协议|手续|办理|申请|登记|政府|村委|单位|公司|老板|房子|房产|土地|承包|宅基|地界|离婚|结婚|彩礼|抚养|赡养|继承|遗产|遗嘱|打人|打我|打了|被打|打伤|打架|殴打|打官司|骂|吵|对方|纠纷|矛盾|不给|不还|不让|不管|霸占|占了|占用|拆|征|事故|撞|伤|死了|去世|住院|骗|丢了|偷|抢|违法|犯法|合法|权|精神病|残|级|限制/;
/** Asking about some matter ("怎么办", "能不能"), unless the words are about the assistant itself. */
const ASKING = /怎么|咋办|咋整|咋弄|如何|能否|能不能|可不可以|可以吗|是否|去哪|找谁|多少|多久|什么时候|几天|几年|为什么|凭什么|应该|需要|要不要|算不算|属于|有影响|是不是|咨询|想问|问一下|问下|请问|是指|哪些|我住|住在/;
/** Talk about the assistant or to it as a person: asking it something is then not asking about a matter. */
const ABOUT_YOU =
  /你是|恁是|您是|你到底|你叫|你多大|恁多大|你家|恁家|你在哪|明白是|机器|真人|是个人|是人吗|电脑|手机里|回我|回俺|回得|回话|听错|听懂|说的|说哩|讲的|讲得|字太多|太长|说短|说简单|讲简单|上班|辛苦|早点休息|休息吧|对象|耍朋友|会唱/;
/** How residents address whoever answers them. */
const ADDRESS = /闺女|孩子|娃儿|小伙子|小姑娘|姑娘|同志|领导|大姐|大哥|师傅|老师|妹子|妹儿|小妹|兄弟|老弟|干部/g;
const findStrongLegalWords = createTermMatcher(listLexiconTerms().filter(({ weight }) => weight >= 2).map(({ term }) => term));

function isSocial(text: string, stripped: string): boolean {
  if (stripped.length > SOCIAL_MAX || LEGAL_MATTER.test(stripped)) return false;
  const aboutYou = ABOUT_YOU.test(stripped);
  if (!aboutYou && !SOCIAL.test(stripped)) return false;
  if (ASKING.test(stripped) && !aboutYou) return false;
  const normalized = normalizeText(text);
  // A form of address ("老师好", "孩子 上班累不累") is not the family or school matter the same word names elsewhere.
  return findStrongLegalWords(normalized.replace(ADDRESS, ' ')).length === 0 && !detectUrgent(normalized);
}

/**
 * Recognises messages that are not legal questions, so they get a short fitting reply rather than a
 * legal answer. Only whole short messages count: "你好，我想问离婚" is a question.
 */
export function detectIntent(text: string): Intent {
  const s = strip(text).toLowerCase();
  if (s.length === 0) return 'greeting';
  if (s.length <= 14) {
    if (DELETE.test(s)) return 'delete_data';
    if (HUMAN.test(s)) return 'human';
    if (MENU.test(s)) return 'menu';
    if (CITED.test(s)) return 'cited_articles';
    if (DETAILS.test(s)) return 'more_details';
    if (GREETING.test(s)) return 'greeting';
    if (THANKS.test(s)) return 'thanks';
  }
  return isSocial(text, s) ? 'social' : 'question';
}
