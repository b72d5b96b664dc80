/*
 * The common topics a resident can pick by number after the welcome (every channel) or from the WeChat
 * account's custom menu. Each shows a few example questions the resident can send as they are; they are
 * worded like the curated questions in data/kb so the answers are found.
 */

export interface Topic {
  id: TopicId;
  title: string;
  examples: readonly string[];
}

export type TopicId = 'land' | 'elder' | 'marriage' | 'wages' | 'debt' | 'neighbor' | 'inheritance' | 'help';

/** In menu order: the resident's "1" is the first. */
export const TOPICS: readonly Topic[] = [
  { id: 'land', title: '宅基地与承包地', examples: ['我家宅基地被别人占了怎么办', '爸妈留下的宅基地儿女能继承吗', '出嫁女的承包地村里能收回吗', '土地承包期是多少年'] },
  { id: 'elder', title: '赡养老人', examples: ['兄弟几个都推着不养老人怎么办', '赡养费一个月给多少合适', '嫁出去的女儿有没有赡养义务', '儿子拿走了我的养老金卡不还'] },
  { id: 'marriage', title: '婚姻彩礼', examples: ['彩礼要退吗', '订婚了没结成婚彩礼能要回来吗', '协议离婚怎么办手续', '离婚孩子归谁'] },
  { id: 'wages', title: '工资欠薪', examples: ['老板不给工钱怎么办', '包工头跑了工钱找谁要', '劳动仲裁怎么申请', '上班受伤了老板不给报工伤'] },
  { id: 'debt', title: '借钱欠债', examples: ['借钱没打借条怎么要', '借条怎么写才有效', '借钱多少年不要就要不回来了', '亲兄弟借钱不还怎么办'] },
  { id: 'neighbor', title: '邻里纠纷', examples: ['跟邻居闹矛盾能找谁调解', '邻居盖房子占了我家的地怎么办', '邻居家的树挡了我家的光怎么办', '两家吵架动了手会拘留吗'] },
  { id: 'inheritance', title: '继承遗产', examples: ['法定继承人有哪些', '女儿有继承权吗', '遗嘱怎么写才有效', '父债子还吗'] },
  { id: 'help', title: '找人调解/法律援助', examples: ['人民调解收费吗', '法律援助怎么申请', '哪些人可以申请免费律师', '调解协议有法律效力吗'] },
];

/** "1. 宅基地与承包地" lines, one per topic. */
export function topicListText(): string {
  return TOPICS.map((t, i) => `${i + 1}. ${t.title}`).join('\n');
}

export function topicMenuText(topic: Topic): string {
  const examples = topic.examples.map((q) => `· ${q}`).join('\n');
  return `【${topic.title}】可以这样问，把问题直接发给我：\n${examples}\n也可以把您家的情况打字告诉我，说得越具体越好。回复“0”看全部话题。`;
}

export function findTopic(id: string): Topic | undefined {
  return TOPICS.find((t) => t.id === id);
}

/** The topic a lone number picks ("3", "３", "3."), or undefined for any other text or number. */
export function topicByNumber(text: string): Topic | undefined {
  const digits = text.normalize('NFKC').replace(/[\s\p{P}\p{S}]/gu, '');
  if (!/^\d{1,2}$/.test(digits)) return undefined;
  return TOPICS[Number(digits) - 1];
}
