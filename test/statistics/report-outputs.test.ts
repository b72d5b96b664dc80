import { writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { demoMarkerOf } from '../../src/statistics/data-paths.js';
import { renderReportParagraph } from '../../src/statistics/render-report-paragraph.js';
import { renderStatsTables } from '../../src/statistics/render-stats-tables.js';
import { toStatsTables } from '../../src/statistics/stats-tables.js';
import { toStatsCsv } from '../../src/statistics/to-stats-csv.js';
import { useTempDirs } from '../support/temp-dir.js';
import { consultation, knownStatistics, writeMonth } from './known-data.js';

const tempDir = useTempDirs();
const october = { from: '2026-10', to: '2026-10' };

/** The 31 day rows of October: the days with consultations, zeros elsewhere. */
function octoberDays(): string[] {
  const busy: Record<string, number> = { '01': 2, '02': 1, '16': 2, '20': 2, '31': 1 };
  return Array.from({ length: 31 }, (_, i) => {
    const d = String(i + 1).padStart(2, '0');
    return `2026-10-${d},${busy[d] ?? 0}`;
  });
}

describe('report paragraph', () => {
  it('says what the October JSON says, in the register of the township report', async () => {
    const report = await (await knownStatistics(await tempDir())).report(october);
    expect(renderReportParagraph(report, '清溪乡')).toBe(
      '清溪乡2026年10月法律咨询与人民调解工作情况：' +
        '本月共接待群众法律咨询8人次（涉及群众5人），咨询较多的是婚姻家庭（3人次）、劳动与欠薪（2人次）、土地与宅基地（1人次）。' +
        '其中4人次当即得到解答，4人次暂未能解答，已列入法律顾问待完善问题清单；涉及矛盾纠纷2人次，紧急求助1人次。' +
        '咨询群众来自2个村（社区），另有2人次未注明村；石门村暂无群众咨询。' +
        '引导群众申请人民调解2人次，新受理调解案件5件。' +
        '本月调解纠纷3件，成功2件，成功率66.67%（另有当事人撤回1件，不计入成功率）；调解员接手用时中位数0.2天，办结用时中位数6.5天。' +
        '月末尚有2件调解案件在办。',
    );
    // Every figure of the sentence the township quotes comes from the JSON.
    const { consultations: c, cases } = report;
    expect(renderReportParagraph(report, '清溪乡')).toContain(
      `本月共接待群众法律咨询${c.total}人次（涉及群众${c.residents}人）`,
    );
    expect(renderReportParagraph(report, '清溪乡')).toContain(
      `调解纠纷${cases.successRate.denominator}件，成功${cases.successRate.numerator}件，成功率${cases.successRate.percent}%`,
    );
  });

  it('speaks of a period for a range and says when nothing was closed', async () => {
    const statistics = await knownStatistics(await tempDir());
    const range = renderReportParagraph(await statistics.report({ from: '2026-09', to: '2026-11' }), '清溪乡');
    expect(range).toMatch(/^清溪乡2026年9月至11月法律咨询与人民调解工作情况：本期共接待群众法律咨询11人次（涉及群众6人）/);
    expect(range).toContain('本期调解纠纷4件，成功3件，成功率75%');
    expect(range).toContain('期末尚有2件调解案件在办。');
    const september = renderReportParagraph(await statistics.report({ from: '2026-09', to: '2026-09' }), '清溪乡');
    expect(september).toContain('本月无调解结案的纠纷。');
    const empty = renderReportParagraph(await statistics.report({ from: '2027-02', to: '2027-02' }), '清溪乡');
    expect(empty).toContain('本月未接待群众法律咨询。');
  });
});

describe('CSV export', () => {
  it('writes every October table exactly, UTF-8 with a BOM and CRLF, with no personal data', async () => {
    const report = await (await knownStatistics(await tempDir())).report(october);
    const csv = toStatsCsv(toStatsTables(report));
    expect(csv.startsWith('\uFEFF汇总\r\n')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.slice(1).split('\r\n')).toEqual([
      '汇总',
      '指标,数值',
      '统计期间,2026-10',
      '咨询人次,8',
      '咨询群众人数,5',
      '当即解答,4',
      '暂未能解答,4',
      '涉及矛盾纠纷,2',
      '紧急求助,1',
      '语音提问,1',
      '提议人民调解,2',
      '新受理调解案件,5',
      '其中紧急,1',
      '调解员接手,4',
      '办结调解案件,4',
      '其中调解成功,2',
      '其中调解未成功,1',
      '其中当事人撤回,1',
      '调解成功率（%）,66.67',
      '成功率分子：调解成功,2',
      '成功率分母：调解成功+调解未成功（不含撤回）,3',
      '接手用时中位数（小时）,5',
      '办结用时中位数（小时）,156',
      '期末在办调解案件,2',
      '',
      '按类别',
      '类别,代码,人次',
      '婚姻家庭,marriage_family,3',
      '劳动与欠薪,labor_wages,2',
      '土地与宅基地,land_homestead,1',
      '邻里纠纷,neighbor,1',
      '法律服务与程序,legal_procedure,1',
      '继承,inheritance,0',
      '赡养与老人权益,elder_support,0',
      '征地拆迁,expropriation,0',
      '借贷与合同,debt_contract,0',
      '交通事故,traffic,0',
      '人身损害,injury,0',
      '消费与防诈骗,consumer_fraud,0',
      '房屋与物业,housing,0',
      '刑事与治安,criminal,0',
      '行政与政务,administrative,0',
      '其他,other,0',
      '',
      '按村（社区）',
      '村（社区）,人次',
      '清溪村,3',
      '上坪村,3',
      '石门村,0',
      '未注明村,2',
      '',
      '按渠道',
      '渠道,代码,人次',
      '微信公众号,wechat,4',
      '接口,api,2',
      '网页,web,1',
      '企业微信,wecom,1',
      '',
      '按日',
      '日期,人次',
      ...octoberDays(),
      '',
      '按月',
      '月份,咨询人次,咨询群众人数,当即解答,暂未能解答,紧急求助,提议人民调解,新受理案件,办结案件,调解成功,调解未成功,当事人撤回,调解成功率（%）',
      '2026-10,8,5,4,4,1,2,5,4,2,1,1,66.67',
      '',
    ]);
    // No pseudonyms, no question texts (not even masked ones), no case contacts, summaries or ids.
    expect(csv).not.toMatch(/aaaa|bbbb|彩礼|老板跑路|138|13800000000|邻居排水|TJ-2026/);
  });

  it('leaves a missing figure empty and keeps a formula-like village name from running in Excel', async () => {
    const dataDir = await tempDir();
    const statistics = await knownStatistics(dataDir);
    await writeMonth(dataDir, '2027-01', [consultation({ village: '=HYPERLINK("http://x","点我")', time: '2027-01-05T02:00:00.000Z' })]);
    const csv = toStatsCsv(toStatsTables(await statistics.report({ from: '2027-01', to: '2027-01' })));
    expect(csv).toContain('\r\n"\'=HYPERLINK(""http://x"",""点我"")",1\r\n');
    expect(csv).toContain('\r\n调解成功率（%）,\r\n');
    expect(csv).toContain('\r\n接手用时中位数（小时）,\r\n');
  });

  it('heads the file and the paragraph with a demo notice when the data directory holds demo data', async () => {
    const dataDir = await tempDir();
    const statistics = await knownStatistics(dataDir);
    await writeFile(demoMarkerOf(dataDir), 'demo');
    const report = await statistics.report(october);
    expect(report.demo).toBe(true);
    expect(toStatsCsv(toStatsTables(report), '演示数据').startsWith('\uFEFF演示数据\r\n\r\n汇总\r\n')).toBe(true);
    expect(renderReportParagraph(report, '清溪乡')).toMatch(/^【演示数据，非真实统计】清溪乡2026年10月/);
  });
});

describe('text tables', () => {
  it('aligns the CLI tables and shows a missing figure as a dash', async () => {
    const report = await (await knownStatistics(await tempDir())).report({ from: '2026-09', to: '2026-09' });
    const text = renderStatsTables(toStatsTables(report));
    expect(text).toContain('【汇总】');
    expect(text).toMatch(/\n调解成功率（%） +—\n/);
    expect(text).toMatch(/\n咨询人次 +1\n/);
    const categoryLines = text.split('\n').filter((l) => /^(继承|婚姻家庭) /.test(l));
    // Chinese characters take two columns: the codes and counts line up under each other.
    expect(categoryLines).toEqual(['继承            inheritance         1', '婚姻家庭        marriage_family     0']);
  });
});
