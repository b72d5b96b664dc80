import { createReplacer } from './create-replacer.js';

/**
 * Everyday and dialect words residents use for the same thing, mapped to one word, so that "娃判给谁"
 * and "孩子归谁抚养" share their key word. Applied to normalized text (see normalize-text.ts) by the
 * retriever, longest first. Only words whose meaning is the same in any legal question.
 */
const GROUPS: Record<string, string> = {
  孩子: '娃娃 娃 小孩子 小孩 孩儿',
  女儿: '闺女 女娃',
  子女: '儿女',
  丈夫: '老公 男人 孩子他爸 孩子他爹 当家的',
  妻子: '老婆 媳妇儿 媳妇 孩子他妈 孩子他娘',
  儿媳: '儿媳妇',
  父亲: '爸爸 老爸 老爹 我爸 我爹',
  母亲: '妈妈 老妈 老娘 我妈 我娘',
  父母: '爸妈 爹妈 爹娘 双亲',
  夫妻: '两口子 夫妻俩 小两口',
  老人: '老人家 老年人 老头 老太太 老太婆',
  怎么: '咋个 咋',
  什么: '啥子 啥',
  我: '俺 本人',
  工资: '工钱 薪水 薪资 工资款 血汗钱',
  工厂: '厂子 厂里',
  包工头: '工头 包工的',
  去世: '过世 死了 没了 病逝 离世 走了以后',
  起诉: '告状 打官司 上法院 告到法院 去法院告',
  借条: '借据 条子 欠据',
  宅基地: '地皮 宅子地',
  承包地: '承包田 责任田',
  离婚: '离了婚 离婚了',
  邻居: '隔壁家 隔壁 邻里',
  房东: '房主',
  赡养费: '养老钱 生活费用',
  彩礼: '礼金 聘礼 彩礼钱',
  婚礼: '喜酒 办酒席 摆酒',
  结婚登记: '领证 扯证 领结婚证',
  讨债: '要债 要账 讨账 讨钱',
  乡镇政府: '乡政府 镇政府 乡里 镇上',
  被打: '挨打 挨了打',
  继父: '后爸 后爹',
  继母: '后妈 后娘',
  辞退: '不要我了 把我辞了 炒鱿鱼 被辞了',
  社保: '五险一金 五险',
  强拆: '强行拆 硬拆',
  放弃继承: '不要遗产 不想要遗产',
  房产证: '房本 房照 房产本 不动产证',
  赌博: '赌钱 耍钱',
  医药费: '看病钱 治病钱',
};

/** Applied to normalized text: every listed word becomes its group's word. */
export const toCanonicalWords = createReplacer(
  Object.fromEntries(Object.entries(GROUPS).flatMap(([canonical, words]) => words.split(' ').map((word) => [word, canonical]))),
);
