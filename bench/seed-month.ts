import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ConsultationRecord } from '../src/consultation/consultation-record.js';
import { CATEGORIES } from '../src/understanding/category.js';
import { toLocalMonth } from '../src/time/clock.js';

/** Writes `count` synthetic consultations (no real data) into the current month's file under dataDir. */
export async function seedMonth(dataDir: string, count: number, now = new Date()): Promise<void> {
  const month = toLocalMonth(now);
  const dir = join(dataDir, 'consultations');
  await mkdir(dir, { recursive: true });
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    const record: ConsultationRecord = {
      id: `seed-${i}`,
      time: new Date(now.getTime() - (count - i) * 1000).toISOString(),
      month,
      channel: i % 3 === 0 ? 'wechat' : 'api',
      resident: (i % 5000).toString(16).padStart(24, '0'),
      messageId: `seed-msg-${i}`,
      intent: 'question',
      category: CATEGORIES[i % CATEGORIES.length]!,
      confidence: 0.8,
      dispute: i % 4 === 0,
      urgent: i % 97 === 0,
      answerId: i % 6 === 0 ? null : 'seed-answer',
      village: `村${i % 12}`,
      text: `示例问题第${i}条：邻居家的树挡住了我家的光，该怎么办`,
    };
    lines.push(JSON.stringify(record));
  }
  await writeFile(join(dir, `${month}.jsonl`), lines.join('\n') + '\n');
}
