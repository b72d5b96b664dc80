import { benchStats } from './stats.js';
import { benchUnderstanding } from './understanding.js';
import { benchWechatSafeMode } from './wechat.js';

/** The other figures of `npm run bench`: the WeChat route, understanding in-process, and statistics. */
export async function extraBenches(): Promise<Record<string, unknown>> {
  const wechat = await benchWechatSafeMode();
  console.log('\nPOST /wechat in safe mode (encrypted, signed), 50 connections');
  console.table([wechat]);

  const understanding = await benchUnderstanding();
  console.log('\nUnderstanding in-process (classification + retrieval per message; start-up with the full knowledge base)');
  console.log(JSON.stringify(understanding, null, 2));

  const statistics = await benchStats();
  console.log('\nStatistics: 12 months × 100,000 consultations');
  console.log(JSON.stringify(statistics, null, 2));

  return { wechat, understanding, statistics };
}
