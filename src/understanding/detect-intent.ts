import type { Intent } from '../consultation/consultation-record.js';

const strip = (text: string) => text.normalize('NFKC').replace(/[\s\p{P}\p{S}]/gu, '');

const DELETE = /^(请|麻烦|帮我)?(删除|删掉|清除|注销)(我的)?(个人)?(信息|资料|数据|记录|聊天记录|提问)(吧|谢谢)?$/;
const GREETING = /^(你好|您好|你们好|大家好|在吗|在不在|有人吗|有人在吗|喂|哈喽|嗨|hello|hi|早|早上好|上午好|中午好|下午好|晚上好|小明白|明白)+(啊|呀|吗|呢)?$/i;
const THANKS = /^(好的|好|嗯|哦|知道了|明白了|懂了|晓得了|收到)?(谢谢|多谢|感谢|谢了|谢谢你|谢谢您|非常感谢|太感谢了|辛苦了|麻烦了)(你|您|啦|了)?$|^(好的|知道了|明白了|懂了|晓得了|收到|ok)$/i;
const HUMAN = /^(转)?(人工|人工服务|人工客服|真人|找人|找真人|要人工)$/;
const MENU = /^[0-9]{1,2}$/;
const CITED = /^(看|查|发|给我看|我要看|请发)?(一下)?(法条|法律条文|条文|原文|法律原文|依据|法律依据)(原文)?(是什么|呢|吧)?$/;
const DETAILS = /^(请)?(再)?(详细|具体)(一点|点|些|一些)?(说说|讲讲|说一下|讲一下|介绍)?(吧|呢)?$|^(详情|看详细|更详细)$/;

/**
 * Recognises messages that are not legal questions, so they get a short fitting reply rather than a
 * legal answer. Only whole short messages count: "你好，我想问离婚" is a question.
 */
export function detectIntent(text: string): Intent {
  const s = strip(text).toLowerCase();
  if (s.length === 0) return 'greeting';
  if (s.length > 14) return 'question';
  if (DELETE.test(s)) return 'delete_data';
  if (HUMAN.test(s)) return 'human';
  if (MENU.test(s)) return 'menu';
  if (CITED.test(s)) return 'cited_articles';
  if (DETAILS.test(s)) return 'more_details';
  if (GREETING.test(s)) return 'greeting';
  if (THANKS.test(s)) return 'thanks';
  return 'question';
}
