/* The statistics dashboard: loads one month's report from /admin/api/report and draws it. No inline code
   (the page's Content-Security-Policy forbids it); every text is set with textContent. */
'use strict';

const $ = (id) => document.getElementById(id);
const charts = new Map();
const calendar = document.documentElement.dataset;
const MONTHS_TO_OFFER = 24;
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

/** `2026-10` → `2026年10月`; `2026-11-04` → `11月4日`. */
const monthLabel = (month) => `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;
const dayLabel = (day) => `${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`;

function monthBefore(month) {
  const [y, m] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

function render({ report, paragraph, labels, durations }) {
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
  $('n-accept-days').textContent = `接手 ${durations.toAcceptance}`;
  $('n-close-days').textContent = `办结 ${durations.toClosure}`;
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
  $('unreached').textContent = unreached.size > 0 ? `当月无咨询的村（社区）：${[...unreached].join('、')}` : '';

  // Days still to come are left out: drawn as zeros they would read as days nobody asked anything.
  const days = c.byDay.filter((r) => r.day <= calendar.today);
  draw('chart-days', {
    type: 'line',
    data: {
      labels: days.map((r) => String(Number(r.day.slice(8)))),
      datasets: [{ label: '人次', data: days.map((r) => r.count), borderColor: COLORS.line, backgroundColor: COLORS.line, pointRadius: 2 }],
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

/** The current month is still going on: its figures are marked as part of a month, up to today. */
function markPartial(month) {
  const partial = month === calendar.currentMonth;
  $('partial').hidden = !partial;
  $('partial').textContent = partial ? `本月（截至${dayLabel(calendar.today)}，未满一月）：数字还会随新的咨询增加，每日图只画到今天。` : '';
  $('days-caption').textContent = partial ? `每日咨询（截至${dayLabel(calendar.today)}）` : '每日咨询';
  $('cases-note').textContent = partial ? '（本月受理、办结或目前在办）' : '（当月受理、办结或月末仍在办）';
}

function showError(text) {
  $('error').textContent = text;
  $('error').hidden = false;
  document.body.dataset.state = 'error';
}

let latest = 0;

async function load(month) {
  const asked = ++latest;
  document.body.dataset.state = 'loading';
  markPartial(month);
  $('csv').href = `/admin/export.csv?month=${encodeURIComponent(month)}`;
  let res;
  try {
    res = await fetch(`/admin/api/report?month=${encodeURIComponent(month)}`, { credentials: 'same-origin' });
  } catch {
    if (asked === latest) showError('连不上服务器，请检查网络后刷新页面再试。');
    return;
  }
  if (asked !== latest) return;
  if (res.status === 401) {
    window.location.assign('/admin');
    return;
  }
  if (!res.ok) {
    // The server's message is for developers; staff get what to do, in Chinese.
    showError(res.status === 400 ? '这个月份读不出来，请在上面的列表里重新选择月份。' : '统计暂时读不出来，请过一会儿刷新页面再试。');
    return;
  }
  const body = await res.json();
  if (asked !== latest) return;
  $('error').hidden = true;
  render(body);
  document.body.dataset.state = 'ready';
}

/** The month list, newest first: the current (partial) month, then whole months back two years. */
function fillMonths(picker, wanted) {
  const months = [];
  for (let m = calendar.currentMonth; months.length < MONTHS_TO_OFFER; m = monthBefore(m)) months.push(m);
  if (!months.includes(wanted)) months.push(wanted);
  picker.replaceChildren(
    ...months.map((m) => {
      const option = document.createElement('option');
      option.value = m;
      option.textContent = m === calendar.currentMonth ? `${monthLabel(m)}（本月，未满一月）` : monthLabel(m);
      return option;
    }),
  );
  picker.value = wanted;
}

function start() {
  const picker = $('month');
  const fromUrl = new URLSearchParams(window.location.search).get('month');
  const month = fromUrl && /^\d{4}-(0[1-9]|1[0-2])$/.test(fromUrl) && fromUrl <= calendar.currentMonth ? fromUrl : calendar.defaultMonth;
  fillMonths(picker, month);
  picker.addEventListener('change', () => {
    history.replaceState(null, '', `?month=${picker.value}`);
    void load(picker.value);
  });
  void load(month);
}

start();
