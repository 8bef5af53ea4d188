// The administrator's calendar page. Every value from the server is inserted as text (never as HTML).
'use strict';

let fileContent = null;

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
    const problems = body?.errors?.length ? body.errors.join(' ') : (body?.detail || ('Lỗi ' + response.status));
    throw new Error(problems);
  }
  return body;
}

function el(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  if (className) node.className = className;
  return node;
}

function when(instant) {
  return instant ? new Date(instant).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' }) : '';
}

function fail(error) {
  if (error.message === 'login') return;
  const box = document.getElementById('error');
  box.textContent = error.message;
  box.hidden = false;
}

async function loadCurrent(fillForm) {
  const current = await api('/api/calendar');
  document.getElementById('in-use').textContent = 'Mọi máy chủ đang tính thời hạn theo phiên bản '
    + current.version + '. Ngày làm việc kết thúc lúc ' + current.endOfDay + ' (giờ Việt Nam).';
  const differs = document.getElementById('file-differs');
  fileContent = current.startupFileContent;
  differs.hidden = !current.startupFileDiffers;
  document.getElementById('use-file').hidden = !current.startupFileDiffers;
  differs.textContent = current.startupFileDiffers ? 'Tệp lịch nghỉ khi khởi động (' + current.startupFile
    + ') khác với phiên bản đang dùng. Tệp không tự được áp dụng; muốn dùng, bấm "Dùng nội dung tệp khởi động",'
    + ' kiểm tra rồi nạp.' : '';
  const years = document.getElementById('years');
  years.replaceChildren();
  current.years.forEach(year => {
    const tr = document.createElement('tr');
    tr.appendChild(el('td', year.year));
    tr.appendChild(el('td', year.lunarNewYear));
    tr.appendChild(el('td', year.tetAnnounced ? 'Đã có' : 'Chưa có: thời hạn qua Tết được tạm tính'));
    tr.appendChild(el('td', year.tetDaysOff.join('\n')));
    years.appendChild(tr);
  });
  document.getElementById('tet-rule').textContent = current.tetDefaultRule;
  if (fillForm) document.querySelector('#load [name=content]').value = current.content || '';
}

async function loadVersions() {
  const versions = await api('/api/calendar/versions');
  const rows = document.getElementById('versions');
  rows.replaceChildren();
  versions.forEach(v => {
    const tr = document.createElement('tr');
    tr.appendChild(el('td', v.number));
    tr.appendChild(el('td', when(v.loadedAt)));
    tr.appendChild(el('td', v.loadedBy));
    tr.appendChild(el('td', v.source));
    tr.appendChild(el('td', v.changes));
    tr.appendChild(el('td', v.number === 1 ? '—' : (v.recountedAt ? 'Xong lúc ' + when(v.recountedAt) : 'Đang tính')
      + ' · đã xét ' + v.recountChecked + ', tính lại ' + v.recountChanged));
    rows.appendChild(tr);
  });
}

async function load(event) {
  event.preventDefault();
  const form = event.target;
  const message = document.getElementById('load-message');
  const list = document.getElementById('load-changes');
  list.replaceChildren();
  try {
    const loaded = await api('/api/calendar/versions', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ content: form.content.value, source: form.source.value }),
    });
    message.className = 'message';
    message.textContent = 'Đã nạp phiên bản ' + loaded.version.number + '. ' + (loaded.changedDays.length
      ? loaded.changedDays.length + ' thay đổi:' : 'Không ngày nào đổi.');
    loaded.changedDays.forEach(line => list.appendChild(el('li', line)));
    await loadCurrent(false);
    await loadVersions();
  } catch (error) {
    message.className = 'message error';
    message.textContent = error.message;
  }
}

document.addEventListener('DOMContentLoaded', async () => {
  document.getElementById('load').addEventListener('submit', load);
  document.getElementById('use-file').addEventListener('click', () => {
    if (fileContent) document.querySelector('#load [name=content]').value = fileContent;
  });
  try {
    await loadCurrent(true);
    await loadVersions();
    document.getElementById('page').hidden = false;
  } catch (error) {
    fail(error);
  }
});
