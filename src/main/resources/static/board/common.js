// Shared by the supervisors' board and "Hồ sơ của đơn vị" (loaded before each page's own script):
// the API call, elements, the error box and an issue's facts and timeline. Every value from the
// server is inserted as text, never as HTML.
'use strict';

async function api(path, options = {}) {
  const response = await fetch(path, {
    credentials: 'same-origin',
    ...options,
    headers: { 'X-Requested-With': 'XMLHttpRequest', 'Accept': 'application/json', ...(options.headers || {}) },
  });
  if (response.status === 401) {
    document.getElementById('login').hidden = false;
    throw new Error('login');
  }
  const body = response.headers.get('Content-Type')?.includes('json') ? await response.json() : null;
  if (!response.ok) {
    throw new Error(body?.detail || body?.message || ('Lỗi ' + response.status));
  }
  return body;
}

function el(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  if (className) node.className = className;
  return node;
}

function fail(error) {
  if (error.message === 'login') return;
  const box = document.getElementById('error');
  box.textContent = error.message;
  box.hidden = false;
}

/** Fills #detail-title, #detail-current (the issue's facts) and #timeline from GET /api/issues/{n}. */
function showIssue(issue) {
  document.getElementById('detail-title').textContent = issue.number + ' · ' + issue.title;
  const current = document.getElementById('detail-current');
  current.replaceChildren();
  const facts = [
    ['Xã, phường', issue.communeName + ' (' + issue.provinceName + ')'],
    ['Lĩnh vực', issue.fieldName],
    ['Tình trạng', issue.statusLabel],
  ];
  if (issue.current) {
    facts.push(['Đang ở', issue.current.levelLabel + ' · ' + issue.current.unitName]);
    facts.push(['Thời hạn', issue.current.deadlineText + ', giờ Việt Nam' + (issue.current.workingDaysLeft === null ? ''
      : ' (còn ' + issue.current.workingDaysLeft + ' ngày làm việc)')]);
    if (issue.current.deadlineProvisional) facts.push(['Tạm tính', issue.current.provisionalNote]);
    facts.push(['Căn cứ và quy định', issue.current.legalBasis]);
  }
  facts.forEach(([label, value]) => { current.appendChild(el('dt', label)); current.appendChild(el('dd', value)); });
  const timeline = document.getElementById('timeline');
  timeline.replaceChildren();
  issue.timeline.forEach(entry => {
    const li = el('li');
    li.appendChild(el('span', new Date(entry.at).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' })
      + (entry.unitName ? ' · ' + entry.unitName : '') + (entry.actor ? ' (' + entry.actor + ')' : ''), 'when'));
    li.appendChild(el('strong', entry.typeLabel + (entry.outcomeLabel ? ': ' + entry.outcomeLabel : '')));
    if (entry.text) li.appendChild(el('div', entry.text));
    timeline.appendChild(li);
  });
}
