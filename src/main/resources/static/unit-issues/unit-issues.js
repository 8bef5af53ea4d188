// "Hồ sơ của đơn vị": the issues of the official's units (GET /api/issues). Every value from the
// server is inserted as text, never as HTML. An issue opens at #<number>, so a link can name it.
'use strict';

const state = { page: 0, size: 20, filters: {} };

function clearError() {
  document.getElementById('error').hidden = true;
}

function fill(name, choices) {
  const select = document.querySelector('#filters [name=' + name + ']');
  choices.forEach(choice => {
    const option = el('option', choice.label);
    option.value = choice.code;
    select.appendChild(option);
  });
}

function deadlineCell(item) {
  const td = el('td');
  if (!item.deadline) {
    td.textContent = '—';
    return td;
  }
  td.appendChild(el('div', item.deadlineText));
  if (item.overdue) {
    td.appendChild(el('div', 'Quá hạn', 'late'));
  } else if (item.workingDaysLeft !== null) {
    td.appendChild(el('div', 'còn ' + item.workingDaysLeft + ' ngày làm việc', item.workingDaysLeft < 0 ? 'late' : null));
  }
  if (item.deadlineProvisional) {
    const mark = el('span', 'Tạm tính', 'provisional-mark');
    mark.title = 'Thời hạn tính qua kỳ nghỉ Tết chưa được công bố; sẽ tính lại khi có lịch chính thức.';
    td.appendChild(mark);
  }
  return td;
}

async function loadList() {
  const params = new URLSearchParams({ page: state.page, size: state.size });
  Object.entries(state.filters).forEach(([k, v]) => { if (v) params.set(k, v); });
  const list = await api('/api/issues?' + params);
  clearError();
  const rows = document.getElementById('rows');
  rows.replaceChildren();
  list.items.forEach(item => {
    const tr = el('tr');
    const number = el('td');
    const link = el('a', item.number, 'number');
    link.href = '#' + encodeURIComponent(item.number);
    number.appendChild(link);
    tr.appendChild(number);
    tr.appendChild(el('td', item.title));
    tr.appendChild(el('td', item.communeName));
    tr.appendChild(el('td', item.fieldName));
    const status = el('td');
    status.appendChild(el('span', item.statusLabel, 'state ' + item.status));
    tr.appendChild(status);
    const holder = el('td', item.unitName ? item.levelLabel + ' · ' + item.unitName : '—');
    if (item.heldByCaller) holder.appendChild(el('span', 'Đơn vị anh/chị', 'mine'));
    tr.appendChild(holder);
    tr.appendChild(deadlineCell(item));
    rows.appendChild(tr);
  });
  document.getElementById('empty').hidden = list.items.length > 0;
  const pages = Math.max(1, Math.ceil(list.total / state.size));
  document.getElementById('page-info').textContent =
    `Trang ${state.page + 1}/${pages} · ${list.total.toLocaleString('vi-VN')} hồ sơ`;
  document.getElementById('prev').disabled = state.page === 0;
  document.getElementById('next').disabled = state.page + 1 >= pages;
}

async function openIssue(number) {
  const issue = await api('/api/issues/' + encodeURIComponent(number));
  clearError();
  showIssue(issue);
  const detail = document.getElementById('detail');
  detail.hidden = false;
  document.getElementById('close-detail').focus();
}

function followHash() {
  const number = decodeURIComponent(location.hash.replace(/^#/, ''));
  if (number) {
    openIssue(number).catch(fail);
  } else {
    document.getElementById('detail').hidden = true;
  }
}

async function start() {
  try {
    const filters = await api('/api/issues/filters');
    fill('status', filters.statuses);
    fill('field', filters.fields);
    document.getElementById('list').hidden = false;
    await loadList();
    followHash();
  } catch (error) {
    fail(error);
  }
}

document.addEventListener('DOMContentLoaded', () => {
  document.getElementById('filters').addEventListener('submit', event => {
    event.preventDefault();
    const form = event.target;
    state.filters = { status: form.status.value, field: form.field.value };
    state.page = 0;
    loadList().catch(fail);
  });
  document.getElementById('prev').addEventListener('click', () => { state.page--; loadList().catch(fail); });
  document.getElementById('next').addEventListener('click', () => { state.page++; loadList().catch(fail); });
  document.addEventListener('keydown', event => {
    if (event.key === 'Escape' && !document.getElementById('detail').hidden) location.hash = '';
  });
  window.addEventListener('hashchange', followHash);
  start();
});
