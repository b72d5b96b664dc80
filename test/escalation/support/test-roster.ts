import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'yaml';

export const TOKENS = {
  admin: 'admin-token-for-mediation-tests',
  lin: 'lin-token-for-mediation-tests',
  he: 'he-token-for-mediation-tests',
  duty: 'duty-token-for-mediation-tests',
} as const;

const sha256 = (t: string) => createHash('sha256').update(t).digest('hex');

/**
 * A small roster whose mediators are told through a WeCom robot at `robotUrl` (a fake on loopback):
 * lin-shufen takes 清溪村 and 上坪村, he-jianguo 石门村, the duty mediator the rest; gao-old is inactive.
 */
export async function writeTestRoster(dir: string, robotUrl: string): Promise<string> {
  const robot = (key: string) => ({ kind: 'wecom_robot', url: `${robotUrl}/cgi-bin/webhook/send?key=${key}` });
  const roster = {
    villages: [
      { name: '清溪村', aliases: ['清溪'] },
      { name: '上坪村' },
      { name: '石门村' },
      { name: '河东社区', kind: 'community' },
    ],
    dutyMediator: 'duty',
    mediators: [
      { id: 'duty', name: '值班室', wecomUserId: 'Duty', webhook: robot('duty'), tokenSha256: sha256(TOKENS.duty) },
      { id: 'gao-old', name: '高老', villages: ['清溪村'], categories: ['neighbor'], wecomUserId: 'GaoOld', webhook: robot('gao'), active: false },
      { id: 'lin-shufen', name: '林淑芬', villages: ['清溪村', '上坪村'], categories: ['neighbor', 'land_homestead'], wecomUserId: 'LinShuFen', webhook: robot('lin'), tokenSha256: sha256(TOKENS.lin) },
      { id: 'he-jianguo', name: '何建国', villages: ['石门村'], categories: ['labor_wages'], wecomUserId: 'HeJianGuo', webhook: robot('he'), tokenSha256: sha256(TOKENS.he) },
    ],
  };
  const path = join(dir, 'roster.yaml');
  await writeFile(path, stringify(roster));
  return path;
}
