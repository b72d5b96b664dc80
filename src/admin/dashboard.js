/* The statistics dashboard: loads one month's report from /admin/api/report and draws it. No inline code
   (the page's Content-Security-Policy forbids it); every text is set with textContent. */
'use strict';

const $ = (id) => document.getElementById(id);
const charts = new Map();
const COLORS = { bar: '#07c160', empty: '#c9cdd4', line: '#0b6bcb', outcomes: ['#07c160', '#e37318', '#a6a6a6'] };

Chart.defaults.animation = false;
Chart.defaults.font.family = '-apple-system, "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif';
Chart.defaults.maintainAspectRatio = false;

function draw(id, config) {
  charts.get(id)?.destroy();
  charts.set(id, new Chart($(id), config));
}

function setText(id, value) {
  $(id).textContent = value === null || value === undefined ? '—' : String(value);
}

function hoursText(value) {
  return value === null ? '—' : `${value}`;
}

function render({ report, paragraph, labels }) {
  const c = report.consultations;
  const cases = report.cases;
  $('demo').hidden = !report.demo;
  setText('n-total', c.total);
  setText('n-residents', c.residents);
  setText('n-answered', c.answered);
  setText('n-unanswered', c.unanswered);
  setText('n-urgent', c.urgent);
  setText('n-offered', c.escalationsOffered);
  setText('n-opened', cases.opened);
  setText('n-closed', cases.closed);
  const rate = cases.successRate;
  setText('n-rate', rate.percent === null ? '—' : `${rate.percent}%`);
  $('n-rate-parts').textContent = `成功 ${rate.numerator} / 成功+未成功 ${rate.denominator}（撤回 ${cases.byOutcome.withdrawn} 件不计入）`;
  $('n-hours').textContent = `接手 ${hoursText(cases.medianHoursToAcceptance)} · 办结 ${hoursText(cases.medianHoursToClosure)}`;
  $('paragraph').textContent = paragraph;

  const categories = c.byCategory.filter((r) => r.count > 0);
  $('box-categories').style.height = `${Math.max(160, categories.length * 28 + 40)}px`;
  draw('chart-categories', {
    type: 'bar',
    data: { labels: categories.map((r) => r.label), datasets: [{ label: '人次', data: categories.map((r) => r.count), backgroundColor: COLORS.bar }] },
    options: { indexAxis: 'y', plugins: { legend: { display: false } }, scales: { x: { beginAtZero: true, ticks: { precision: 0 } } } },
  });

  const unreached = new Set(report.villagesWithoutConsultations);
  const villages = c.byVillage.filter((r) => r.count > 0 || unreached.has(r.village));
  const villageName = (r) => (r.village === 'unknown' ? labels.unknownVillage : r.village);
  $('box-villages').style.height = `${Math.max(160, villages.length * 26 + 40)}px`;
  draw('chart-villages', {
    type: 'bar',
    data: {
      labels: villages.map((r) => (unreached.has(r.village) ? `${villageName(r)}（无咨询）` : villageName(r))),
      datasets: [{ label: '人次', data: villages.map((r) => r.count), backgroundColor: villages.map((r) => (r.count > 0 ? COLORS.bar : COLORS.empty)) }],
    },
    options: { indexAxis: 'y', plugins: { legend: { display: false } }, scales: { x: { beginAtZero: true, ticks: { precision: 0 } } } },
  });
  $('unreached').textContent = unreached.size > 0 ? `本月无咨询的村（社区）：${[...unreached].join('、')}` : '';

  draw('chart-days', {
    type: 'line',
    data: {
      labels: c.byDay.map((r) => String(Number(r.day.slice(8)))),
      datasets: [{ label: '人次', data: c.byDay.map((r) => r.count), borderColor: COLORS.line, backgroundColor: COLORS.line, pointRadius: 2 }],
    },
    options: { plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
  });

  const outcomes = ['resolved', 'not_resolved', 'withdrawn'];
  $('no-outcomes').hidden = cases.closed > 0;
  $('box-outcomes').hidden = cases.closed === 0;
  draw('chart-outcomes', {
    type: 'doughnut',
    data: {
      labels: outcomes.map((o) => `${labels.outcomes[o]} ${cases.byOutcome[o]}`),
      datasets: [{ data: outcomes.map((o) => cases.byOutcome[o]), backgroundColor: COLORS.outcomes }],
    },
    options: { plugins: { legend: { position: 'bottom' } } },
  });

  const list = $('unanswered');
  list.replaceChildren(
    ...report.unansweredQuestions.map((q) => {
      const li = document.createElement('li');
      const count = document.createElement('span');
      count.className = 'count';
      count.textContent = `×${q.count}`;
      li.append(q.text, count);
      return li;
    }),
  );
  $('no-unanswered').hidden = report.unansweredQuestions.length > 0;

  const categoryLabel = new Map(c.byCategory.map((r) => [r.category, r.label]));
  const body = $('cases').tBodies[0];
  body.replaceChildren(
    ...report.caseList.map((k) => {
      const tr = document.createElement('tr');
      const cells = [
        k.id,
        k.openedAt.slice(0, 10),
        categoryLabel.get(k.category) ?? k.category,
        k.village ?? labels.unknownVillage,
        labels.statuses[k.status] + (k.priority === 'urgent' ? '（紧急）' : ''),
        k.outcome ? labels.outcomes[k.outcome] : '',
      ];
      for (const text of cells) {
        const td = document.createElement('td');
        td.textContent = text;
        tr.append(td);
      }
      tr.className = `status-${k.status} priority-${k.priority}`;
      return tr;
    }),
  );
  $('no-cases').hidden = report.caseList.length > 0;
}

async function load(month) {
  document.body.dataset.state = 'loading';
  $('csv').href = `/admin/export.csv?month=${encodeURIComponent(month)}`;
  const res = await fetch(`/admin/api/report?month=${encodeURIComponent(month)}`, { credentials: 'same-origin' });
  if (res.status === 401) {
    window.location.assign('/admin');
    return;
  }
  if (!res.ok) {
    const problem = await res.json().catch(() => ({}));
    $('error').textContent = `无法读取统计：${problem.error?.message ?? res.status}`;
    $('error').hidden = false;
    document.body.dataset.state = 'error';
    return;
  }
  $('error').hidden = true;
  render(await res.json());
  document.body.dataset.state = 'ready';
}

function start() {
  const picker = $('month');
  const fromUrl = new URLSearchParams(window.location.search).get('month');
  const month = fromUrl && /^\d{4}-(0[1-9]|1[0-2])$/.test(fromUrl) ? fromUrl : document.documentElement.dataset.defaultMonth;
  picker.value = month;
  picker.max = document.documentElement.dataset.defaultMonth;
  picker.addEventListener('change', () => {
    if (!picker.value) return;
    history.replaceState(null, '', `?month=${picker.value}`);
    void load(picker.value);
  });
  void load(month);
}

start();
