import { z } from 'zod';

/** The consultation categories of shared/eval/TAXONOMY.md, in its order. */
export const CATEGORIES = [
  'marriage_family',
  'inheritance',
  'elder_support',
  'land_homestead',
  'expropriation',
  'neighbor',
  'labor_wages',
  'debt_contract',
  'traffic',
  'injury',
  'consumer_fraud',
  'housing',
  'criminal',
  'administrative',
  'legal_procedure',
  'other',
] as const;

export const CategorySchema = z.enum(CATEGORIES);
export type Category = z.infer<typeof CategorySchema>;

export const CATEGORY_LABELS: Record<Category, string> = {
  marriage_family: '婚姻家庭',
  inheritance: '继承',
  elder_support: '赡养与老人权益',
  land_homestead: '土地与宅基地',
  expropriation: '征地拆迁',
  neighbor: '邻里纠纷',
  labor_wages: '劳动与欠薪',
  debt_contract: '借贷与合同',
  traffic: '交通事故',
  injury: '人身损害',
  consumer_fraud: '消费与防诈骗',
  housing: '房屋与物业',
  criminal: '刑事与治安',
  administrative: '行政与政务',
  legal_procedure: '法律服务与程序',
  other: '其他',
};
