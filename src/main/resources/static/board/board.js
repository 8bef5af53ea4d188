// The supervisors' board. Every value from the server is inserted as text (never as HTML).
'use strict';

const state = { page: 0, size: 50, filters: {}, total: 0 };

function show(id) { document.getElementById(id).hidden = false; }

function query(params) {
  const q = new URLSearchParams();
  Object.entries(params).forEach(([k, v]) => { if (v !== '' && v !== null && v !== undefined) q.set(k, v); });
  return q.toString();
}

async function start() {
  try {
    const me = await api('/api/board/me');
    document.getElementById('who').textContent = me.userId + ' · phạm vi: ' + me.scopeLabel;
    const options = await api('/api/board/options');
    fillSelect('province', options.provinces, me.province);
    fillSelect('field', options.fields);
    fillSelect('level', options.levels);
    if (me.province) {
      document.querySelector('#timer-filters [name=province]').disabled = true;
    }
    show('tabs');
    openTab('timers');
    await loadProvisional();
    await loadTimers();
  } catch (error) {
    fail(error);
  }
}

function fillSelect(name, items, selected) {
  const select = document.querySelector(`#timer-filters [name=${name}]`);
  items.forEach(item => {
    const option = el('option', item.label);
    option.value = item.code;
    if (item.code === selected) option.selected = true;
    select.appendChild(option);
  });
}

function openTab(name) {
  document.querySelectorAll('.tab').forEach(tab => { tab.hidden = tab.id !== name; });
  document.querySelectorAll('#tabs button').forEach(b => b.classList.toggle('active', b.dataset.tab === name));
  if (name === 'league' && !document.getElementById('league-rows').children.length) loadLeague().catch(fail);
  if (name === 'trend') loadTrend().catch(fail);
  if (name === 'reports') loadReports().catch(fail);
}

// While any open deadline in scope waits for a Tết announcement, a banner says so (and why).
async function loadProvisional() {
  const provisional = await api('/api/board/provisional');
  const banner = document.getElementById('provisional-banner');
  banner.replaceChildren();
  if (!provisional.openProvisional) {
    banner.hidden = true;
    return;
  }
  banner.appendChild(el('strong', provisional.message));
  banner.appendChild(el('div', provisional.tetDefaultRule, 'rule'));
  banner.hidden = false;
}

async function loadTimers() {
  const page = await api('/api/board/timers?' + query({ ...state.filters, page: state.page, size: state.size }));
  state.total = page.total;
  const rows = document.getElementById('timer-rows');
  rows.replaceChildren();
  page.items.forEach(item => {
    const tr = document.createElement('tr');
    tr.dataset.number = item.number;
    tr.appendChild(el('td', item.number));
    tr.appendChild(el('td', item.communeName));
    tr.appendChild(el('td', item.provinceName));
    tr.appendChild(el('td', item.levelLabel));
    tr.appendChild(el('td', item.unitName));
    const deadline = el('td', item.deadlineText);
    if (item.provisional) {
      const mark = el('span', 'Tạm tính', 'provisional-mark');
      mark.title = 'Tạm tính theo Bộ luật Lao động, chờ thông báo nghỉ Tết chính thức';
      deadline.appendChild(mark);
    }
    tr.appendChild(deadline);
    tr.appendChild(el('td', item.workingDaysLeft, item.workingDaysLeft < 0 ? 'negative' : ''));
    tr.appendChild(el('td', item.nextTimerLabel ? item.nextTimerLabel + ' · ' + item.nextTimerText : '—'));
    const status = el('td');
    status.appendChild(el('span', item.stateLabel, 'state ' + item.state));
    if (item.escalatedForNoAnswer) status.appendChild(el('span', 'Chuyển lên do cấp dưới không trả lời', 'escalated'));
    tr.appendChild(status);
    tr.addEventListener('click', () => openIssue(item.number).catch(fail));
    rows.appendChild(tr);
  });
  const pages = Math.max(1, Math.ceil(page.total / state.size));
  document.getElementById('page-info').textContent =
    `Trang ${state.page + 1}/${pages} · ${page.total.toLocaleString('vi-VN')} hồ sơ`;
  document.getElementById('prev').disabled = state.page === 0;
  document.getElementById('next').disabled = state.page + 1 >= pages;
}

async function openIssue(number) {
  const issue = await api('/api/issues/' + encodeURIComponent(number));
  showIssue(issue);
  const form = document.getElementById('extend');
  form.dataset.number = issue.number;
  form.hidden = !issue.current;
  document.getElementById('extend-message').textContent = '';
  show('detail');
}

async function extend(event) {
  event.preventDefault();
  const form = event.target;
  const message = document.getElementById('extend-message');
  try {
    await api('/api/issues/' + encodeURIComponent(form.dataset.number) + '/deadline-extension', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ workingDays: Number(form.workingDays.value), reason: form.reason.value }),
    });
    message.className = 'message';
    message.textContent = 'Đã gia hạn.';
    form.reset();
    await openIssue(form.dataset.number);
    await loadProvisional();
    await loadTimers();
  } catch (error) {
    message.className = 'message error';
    message.textContent = error.message;
  }
}

async function loadLeague() {
  const form = document.getElementById('league-filters');
  const params = query({ by: form.by.value, period: form.period.value });
  const table = await api('/api/board/league?' + params);
  document.getElementById('league-title').textContent = table.period;
  document.getElementById('league-csv').href = '/api/board/league.csv?' + params;
  const rows = document.getElementById('league-rows');
  rows.replaceChildren();
  table.rows.forEach(row => {
    const tr = document.createElement('tr');
    tr.appendChild(el('td', row.name));
    [row.received, row.answeredOnTime, row.answeredLate, row.unanswered, row.openOverdue]
      .forEach(v => tr.appendChild(el('td', v)));
    tr.appendChild(el('td', row.medianWorkingDays ?? '—'));
    tr.appendChild(el('td', row.onTimeRate === null ? '—' : Math.round(row.onTimeRate * 100) + '%'));
    rows.appendChild(tr);
  });
}

async function loadTrend() {
  const points = await api('/api/board/trend?months=12');
  const width = 880, height = 300, pad = 30;
  const max = Math.max(1, ...points.map(p => p.received));
  const step = (width - pad) / points.length;
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', 'Hồ sơ tiếp nhận và quá hạn theo tháng');
  points.forEach((p, i) => {
    const late = p.late + p.unanswered;
    const bar = (value, cls, offset) => {
      const h = (height - 2 * pad) * value / max;
      const rect = document.createElementNS(ns, 'rect');
      rect.setAttribute('x', pad + i * step + offset);
      rect.setAttribute('y', height - pad - h);
      rect.setAttribute('width', step / 2 - 4);
      rect.setAttribute('height', h);
      rect.setAttribute('class', cls);
      const title = document.createElementNS(ns, 'title');
      title.textContent = `${p.month}: ${value}`;
      rect.appendChild(title);
      svg.appendChild(rect);
    };
    bar(p.received, 'bar-received', 0);
    bar(late, 'bar-late', step / 2 - 4);
    const label = document.createElementNS(ns, 'text');
    label.setAttribute('x', pad + i * step);
    label.setAttribute('y', height - 8);
    label.textContent = p.month.slice(5) + '/' + p.month.slice(2, 4);
    svg.appendChild(label);
  });
  document.getElementById('chart').replaceChildren(svg);
}

async function loadReports() {
  const list = document.getElementById('report-list');
  list.replaceChildren();
  let reports;
  try {
    reports = await api('/api/reports');
  } catch (error) {
    list.appendChild(el('li', 'Chưa có báo cáo tháng: ' + error.message));
    return;
  }
  if (!reports.length) list.appendChild(el('li', 'Chưa có báo cáo tháng nào được công bố.'));
  reports.forEach(report => {
    const [year, month] = String(report.month).split('-');
    const published = report.publishedAt
      ? ' · công bố ' + new Date(report.publishedAt).toLocaleDateString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' }) : '';
    const period = report.periodText ? ' · ' + report.periodText : '';
    const li = el('li', 'Báo cáo tháng ' + month + '/' + year + published + period + ' · ');
    const html = el('a', 'Xem');
    html.href = '/api/reports/' + encodeURIComponent(report.month) + '.html';
    const csv = el('a', 'CSV');
    csv.href = '/api/reports/' + encodeURIComponent(report.month) + '.csv';
    const annex = el('a', 'Phụ lục tồn đọng (CSV)');
    annex.href = '/api/reports/' + encodeURIComponent(report.month) + '/annex.csv';
    li.appendChild(html);
    li.appendChild(document.createTextNode(' · '));
    li.appendChild(csv);
    li.appendChild(document.createTextNode(' · '));
    li.appendChild(annex);
    list.appendChild(li);
  });
}

document.addEventListener('DOMContentLoaded', () => {
  document.querySelectorAll('#tabs button').forEach(b => b.addEventListener('click', () => openTab(b.dataset.tab)));
  document.getElementById('timer-filters').addEventListener('submit', event => {
    event.preventDefault();
    state.filters = Object.fromEntries(new FormData(event.target));
    state.page = 0;
    loadTimers().catch(fail);
  });
  document.getElementById('prev').addEventListener('click', () => { state.page--; loadTimers().catch(fail); });
  document.getElementById('next').addEventListener('click', () => { state.page++; loadTimers().catch(fail); });
  document.getElementById('league-filters').addEventListener('submit', event => {
    event.preventDefault();
    loadLeague().catch(fail);
  });
  document.getElementById('extend').addEventListener('submit', extend);
  document.getElementById('close-detail').addEventListener('click', () => { document.getElementById('detail').hidden = true; });
  start();
});
