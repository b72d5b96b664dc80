/**
 * Varied, real-style resident messages for load tests (written for Mingbai; no real personal data).
 * No urgent message: each one opens a priority mediation case, which a township sees a few times a month;
 * at load-test rates it would measure case-file writes, not consultations.
 */
export const BENCH_QUESTIONS = [
  '老板拖欠工资三个月了怎么办',
  '包工头跑了工钱找谁要',
  '宅基地能继承吗',
  '我爸妈的老房子拆迁款兄弟姐妹怎么分',
  '儿子不给养老钱，我七十多了',
  '彩礼给了十八万，没领证要退吗',
  '离婚孩子归谁',
  '邻居家盖房挡住我家采光',
  '借给亲戚五万块钱不还，有借条',
  '被车撞了对方不赔钱',
  '网上买东西被骗了两千块',
  '你好',
  '谢谢',
  '承包地被村里收回了合法吗',
  '打工摔断了腿老板不管',
  '我老公常年在外面不回家，也不给家里钱，想离婚',
  '父亲去世没留遗嘱房子怎么分',
  '邻居的狗把我咬了',
  '法律援助怎么申请',
  '派出所罚款不服怎么办',
];
