/*
 * Thông suốt in Tasklist (docs/tasklist.md), loaded by config.js's customScripts:
 *
 * - the header links to "Hồ sơ của đơn vị" (/unit-issues/), where an official finds every issue of
 *   their unit, also while no task of it is theirs;
 * - after a filing, the issue's number and a link to it stay on screen until the official closes
 *   them (Tasklist's own confirmation says only "sent" and disappears after three seconds);
 * - Camunda Forms' own field checks ("Field is required.", "Field must match pattern …") and its
 *   "Select" placeholder read in Vietnamese (locales/vi-forms.json), without the regular expression,
 *   unless the browser asks for English (Tasklist then is English too);
 * - a refusal shows one message, the server's Vietnamese reason without the engine's
 *   "Cannot submit task form <id>:" or "Cannot instantiate process definition <id>:" in front,
 *   replacing the earlier ones, scrolled into view.
 *
 * Values from the server are inserted as text, never as HTML.
 */
const UNIT_ISSUES = '/unit-issues/';
const FILING = /\/process-definition\/[^?#]+\/submit-form\/?(?:[?#]|$)/;
const ENGINE_PREFIX = /^\s*Cannot (?:instantiate process definition|submit task form|complete task|start process instance)\s+\S+?:\s+/;

const APP_ROOT = document.querySelector('base')?.getAttribute('app-root') || '/camunda';
// Tasklist takes the browser's first language if it has it (vi, en), else Vietnamese.
const ENGLISH = String((navigator.languages && navigator.languages[0]) || navigator.language || '')
  .toLowerCase().startsWith('en');

/** form-js's English texts as patterns ("{maxLength}" catches the number), each with its Vietnamese. */
let formTexts = [];
/** Settles once the Vietnamese texts of the forms are read (or could not be). */
export const formTextsRead = ENGLISH ? Promise.resolve() : fetch(APP_ROOT + '/app/tasklist/locales/vi-forms.json', { credentials: 'same-origin' })
    .then(response => (response.ok ? response.json() : {}))
    .then(texts => {
      formTexts = Object.entries(texts).map(([english, vietnamese]) => {
        const names = [];
        const source = english.split(/(\{[a-zA-Z]+\})/).map(part => {
          const name = /^\{([a-zA-Z]+)\}$/.exec(part);
          if (name) {
            names.push(name[1]);
            return '(.+?)';
          }
          return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        }).join('');
        return { pattern: new RegExp('^' + source + '$'), names, vietnamese };
      });
      document.querySelectorAll('.fjs-container').forEach(translateForm);
    })
    .catch(() => { formTexts = []; });

/** The Vietnamese of one of form-js's texts, null for any other text. */
export function translatedText(text) {
  const trimmed = text.trim();
  for (const { pattern, names, vietnamese } of formTexts) {
    const match = pattern.exec(trimmed);
    if (match) {
      return names.reduce((out, name, i) => out.replace('{' + name + '}', match[i + 1]), vietnamese);
    }
  }
  return null;
}

/** Translates in place (the text node stays Preact's, so form-js keeps updating it). */
function translateTextNode(node) {
  const vietnamese = translatedText(node.data);
  if (vietnamese !== null && vietnamese !== node.data) node.data = vietnamese;
}

function translateForm(root) {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) translateTextNode(node);
  root.querySelectorAll('input[placeholder]').forEach(input => {
    const vietnamese = translatedText(input.placeholder);
    if (vietnamese !== null) input.placeholder = vietnamese;
  });
}

/** The text of a refusal without the engine's prefix (exported for the page's own use and tests). */
export function withoutEnginePrefix(message) {
  return String(message || '').replace(ENGINE_PREFIX, '');
}

function showFiled(number) {
  let box = document.getElementById('ts-filed');
  if (!box) {
    box = document.createElement('div');
    box.id = 'ts-filed';
    box.setAttribute('role', 'status');
    document.body.appendChild(box);
  }
  box.replaceChildren();
  const text = document.createElement('p');
  text.append('Đã gửi hồ sơ vướng mắc số ');
  const strong = document.createElement('strong');
  strong.className = 'ts-number';
  strong.textContent = number;
  text.append(strong, '. Theo dõi nơi đang xử lý, thời hạn và diễn biến tại ');
  const link = document.createElement('a');
  link.href = UNIT_ISSUES + '#' + encodeURIComponent(number);
  link.textContent = 'Hồ sơ của đơn vị';
  text.append(link, '.');
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'btn btn-default btn-sm';
  close.textContent = 'Đóng';
  close.addEventListener('click', () => box.remove());
  box.append(text, close);
}

// The filing's answer names the issue (its business key): watch Tasklist's requests for it.
const open = XMLHttpRequest.prototype.open;
XMLHttpRequest.prototype.open = function (method, url, ...rest) {
  if (String(method).toUpperCase() === 'POST' && FILING.test(String(url))) {
    this.addEventListener('load', () => {
      if (this.status !== 200) return;
      try {
        const started = JSON.parse(this.responseText);
        if (started && typeof started.businessKey === 'string' && started.businessKey) showFiled(started.businessKey);
      } catch (notJson) {
        // not the engine's answer: nothing to show
      }
    });
  }
  return open.call(this, method, url, ...rest);
};

/** A new error notification: its text cleaned, the earlier errors of its panel closed, and in view. */
function refusalShown(alert) {
  const message = alert.querySelector('.message');
  if (message && ENGINE_PREFIX.test(message.textContent)) {
    message.textContent = withoutEnginePrefix(message.textContent);
  }
  alert.setAttribute('role', 'alert');
  const panel = alert.closest('.notifications');
  if (panel) {
    panel.querySelectorAll('.alert-danger').forEach(other => {
      if (other !== alert) other.querySelector('button.close')?.click();
    });
  }
  alert.scrollIntoView({ block: 'nearest' });
}

new MutationObserver(changes => {
  changes.forEach(change => {
    if (formTexts.length === 0) return;
    const target = change.target.nodeType === Node.TEXT_NODE ? change.target.parentElement : change.target;
    if (!target || !target.closest('.fjs-container')) return;
    if (change.type === 'characterData') {
      translateTextNode(change.target);
    } else {
      change.addedNodes.forEach(node => {
        if (node.nodeType === Node.TEXT_NODE) translateTextNode(node);
        else if (node instanceof HTMLElement) translateForm(node);
      });
    }
  });
  changes.forEach(change => change.addedNodes.forEach(node => {
    if (!(node instanceof HTMLElement)) return;
    const alerts = node.matches('.alert-danger') ? [node] : [...node.querySelectorAll('.alert-danger')];
    alerts.filter(alert => alert.closest('.notifications')).forEach(alert =>
      // Angular fills the message in its next digest.
      setTimeout(() => refusalShown(alert), 0));
  }));
}).observe(document.documentElement, { childList: true, subtree: true, characterData: true });

export default [{
  id: 'thongsuot.unit-issues',
  pluginPoint: 'tasklist.navbar.action',
  priority: 200,
  render: node => {
    const link = document.createElement('a');
    link.href = UNIT_ISSUES;
    link.className = 'ts-unit-issues';
    link.textContent = 'Hồ sơ của đơn vị';
    link.title = 'Mọi hồ sơ vướng mắc đơn vị đã báo cáo, đang hoặc đã xử lý';
    node.appendChild(link);
  },
}];
