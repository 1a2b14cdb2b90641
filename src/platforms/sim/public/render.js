// DOM builders for the conversation log. Everything from a message goes in through textContent,
// never innerHTML: what a user typed must not become markup.
import { fill, ZH } from './text.js';

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') node.className = v;
    else if (k === 'text') node.textContent = v;
    else if (
      k.startsWith('data-') ||
      k.startsWith('aria-') ||
      k === 'role' ||
      k === 'for' ||
      k === 'id' ||
      k === 'type' ||
      k === 'src' ||
      k === 'alt' ||
      k === 'tabindex' ||
      k === 'novalidate'
    )
      node.setAttribute(k, String(v));
    else node[k] = v;
  }
  for (const c of children.flat()) if (c !== undefined && c !== null && c !== false) node.append(c);
  return node;
}

export function formatTime(iso, timeZone) {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const parts = new Intl.DateTimeFormat('zh-CN', {
    timeZone,
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(d);
  const get = (t) => parts.find((p) => p.type === t)?.value ?? '';
  return fill(ZH.time, {
    month: get('month'),
    dayOfMonth: get('day'),
    hour: get('hour'),
    minute: get('minute'),
  });
}

function meta(who, at, timeZone) {
  return el(
    'p',
    { class: 'meta' },
    el('span', { class: 'who', text: who }),
    ' ',
    el('time', { dateTime: at, text: formatTime(at, timeZone) }),
    ' ',
    el('span', { class: 'sim-tag', text: ZH.simTag }),
  );
}

/** A message someone typed in the simulator (`in` entry). */
export function renderIn(data, { me, timeZone }) {
  const mine = data.from?.id === me;
  const who = mine ? ZH.me : data.from?.name || ZH.unknown;
  const body = el('div', { class: 'bubble' });
  if (data.text) body.append(el('p', { class: 'text', text: data.text }));
  for (const a of data.attachments || []) {
    if (a.kind === 'image' && a.mediaId)
      body.append(
        el('img', {
          class: 'pic',
          src: `/sim/media/${encodeURIComponent(a.mediaId)}`,
          alt: fill(ZH.pictureAlt, { name: who }),
          loading: 'lazy',
        }),
      );
  }
  return el(
    'div',
    { class: `msg ${mine ? 'mine' : 'theirs'}`, 'data-msg-id': data.id },
    meta(who, data.at, timeZone),
    body,
  );
}

// for cards sent before buttons carried their own `input` (label and example)
const valuePrompts = ZH.prompts;

/** How long a click waits for the bot before its buttons come back. */
const ANSWER_WAIT_MS = 30_000;

/**
 * One item's buttons. A button that needs a text (退回: the reason; 申请延期: the date) first
 * opens a box, and nothing is sent while the box is empty. While the bot works on a click the
 * buttons are disabled; they come back when it answers with an error (restoreActions) or does
 * not answer in time; a card update redraws the card.
 */
function actionGroup(item, buttons, showItem, onAction) {
  const group = el('div', {
    class: 'card-actions',
    role: 'group',
    'data-item': item,
    'data-several': String(showItem),
    'aria-label': fill(ZH.actions, { item }),
  });
  // several items' buttons on one card: name the item, unless every label already does
  if (showItem && !buttons.every((b) => b.label.includes(item)))
    group.append(el('span', { class: 'actions-item', text: item }));
  const status = el('span', { class: 'action-status', role: 'status' });
  const all = [];
  let timer;
  const settle = (text) => {
    clearTimeout(timer);
    delete group.dataset.pending;
    all.forEach((x) => (x.disabled = false));
    status.textContent = text;
  };
  group.restore = settle;
  const run = async (b, value) => {
    all.forEach((x) => (x.disabled = true));
    group.dataset.pending = 'true';
    status.textContent = ZH.submitted;
    timer = setTimeout(() => {
      if (group.dataset.pending) settle(ZH.noAnswer);
    }, ANSWER_WAIT_MS);
    try {
      await onAction({ action: b.action, item: b.item, value });
    } catch (e) {
      settle(e.userText || ZH.submitFailed);
    }
  };
  for (const b of buttons) {
    const btn = el('button', { type: 'button', class: `btn ${b.style || 'default'}`, text: b.label });
    all.push(btn);
    btn.addEventListener('click', () => {
      const ask = b.input || valuePrompts[b.action];
      if (!ask) return void run(b);
      group.querySelector('.value-form')?.remove();
      const id = `v-${Math.random().toString(36).slice(2)}`;
      const input = el('input', {
        id,
        type: 'text',
        placeholder: fill(ZH.examplePrefix, { example: ask.example }),
        maxLength: 200,
        required: true,
        'aria-describedby': `${id}-hint`,
      });
      const hint = el('span', { class: 'value-hint', id: `${id}-hint`, role: 'alert' });
      const form = el(
        'form',
        { class: 'value-form', novalidate: true },
        el('label', { for: id, text: ask.label }),
        input,
        el('button', { type: 'submit', class: 'btn primary', text: fill(ZH.confirm, { label: b.label }) }),
        el('button', { type: 'button', class: 'btn', text: ZH.cancel, onclick: () => form.remove() }),
        hint,
      );
      form.addEventListener('submit', (ev) => {
        ev.preventDefault();
        const value = input.value.trim();
        if (!value) {
          // required: say so where the user is looking, send nothing
          input.setAttribute('aria-invalid', 'true');
          hint.textContent = fill(ZH.required, { label: ask.label.replace(ZH.requiredMark, '') });
          input.focus();
          return;
        }
        form.remove();
        void run(b, value);
      });
      group.append(form);
      input.focus();
    });
  }
  group.append(...all, status);
  return group;
}

/** A card the bot sent (`out` entry), laid out the way a phone shows a template card. */
export function renderCard(data, { onAction }) {
  const card = data.card || {};
  const title = card.title || '';
  const art = el('article', {
    class: `card card-${card.kind || 'info'}`,
    'data-card-id': data.cardId,
    'aria-label': title || ZH.card,
  });
  if (title)
    art.append(
      el(
        'header',
        {},
        el(
          'h3',
          {},
          title,
          card.statusWord ? el('span', { class: 'status-word', text: card.statusWord }) : null,
        ),
        card.subtitle ? el('p', { class: 'subtitle', text: card.subtitle }) : null,
      ),
    );
  const fields = card.fields || [];
  // a long label or a multi-line value (the help card's templates) reads better stacked
  const fieldRow = (f) =>
    el(
      'div',
      { class: f.label.length > 5 || f.value.includes('\n') ? 'stacked' : undefined, 'data-label': f.label },
      el('dt', { text: f.label }),
      el('dd', { text: f.value }),
    );
  if (fields.length) art.append(el('dl', { class: 'fields' }, fields.map(fieldRow)));
  const entries = card.entries || [];
  if (entries.length) {
    art.append(
      el(
        'ul',
        { class: 'entries' },
        entries.map((e) =>
          el(
            'li',
            { 'data-item': e.id },
            el('span', { class: 'entry-id', text: e.id }),
            ' ',
            el('span', { class: 'entry-text', text: e.text }),
            e.meta ? el('span', { class: 'entry-meta', text: e.meta }) : null,
          ),
        ),
      ),
    );
  }
  // `text` is the complete plain fallback: shown only when the card has nothing else to show
  if (!card.subtitle && !fields.length && !entries.length && !card.note && card.text && card.text !== title)
    art.append(el('p', { class: 'card-text', text: card.text }));
  if (card.note) art.append(el('p', { class: 'note', text: card.note }));
  // a link (the board) opens in a new tab; only our own paths or http(s), never javascript:
  if (card.link && /^(\/board\/|https?:\/\/)/.test(card.link.url)) {
    const a = el('a', { class: 'btn primary card-link', text: card.link.label, target: '_blank' });
    a.href = card.link.url;
    a.rel = 'noopener';
    art.append(el('p', { class: 'card-links' }, a));
  }
  // the latest action on the item, above the buttons still valid
  if (card.outcome) art.append(el('p', { class: 'outcome', text: card.outcome }));
  const byItem = new Map();
  for (const b of card.buttons || []) {
    if (!byItem.has(b.item)) byItem.set(b.item, []);
    byItem.get(b.item).push(b);
  }
  for (const [item, buttons] of byItem)
    art.append(actionGroup(item, buttons, byItem.size > 1, (a) => onAction({ ...a, cardId: data.cardId })));
  return art;
}

/** The bot answered a click with an error: that card's buttons come back, with the answer. */
export function restoreActions(root, cardId, message) {
  let restored = false;
  for (const card of root.querySelectorAll('article.card')) {
    if (card.dataset.cardId !== cardId) continue;
    for (const group of card.querySelectorAll('.card-actions[data-pending="true"]')) {
      group.restore?.(message);
      restored = true;
    }
  }
  return restored;
}

export function renderOut(data, { timeZone, onAction }) {
  return el(
    'div',
    { class: 'msg bot', 'data-card-id': data.cardId },
    meta(ZH.botName, data.at, timeZone),
    renderCard(data, { onAction }),
  );
}

/**
 * A card update (`update` entry). The current form carries the card as it is now: that card is
 * redrawn (its item's state, outcome and the buttons still valid; other items' buttons as they
 * were). The older form (item and outcome only) replaces that item's buttons with the outcome
 * line on every card shown. Returns true when something changed.
 */
export function applyUpdate(root, data, { onAction } = {}) {
  if (data.card && data.cardId) {
    let changed = false;
    for (const old of root.querySelectorAll('article.card')) {
      if (old.dataset.cardId !== data.cardId) continue;
      const hadFocus = old.contains(document.activeElement);
      const next = renderCard({ cardId: data.cardId, card: data.card }, { onAction: onAction || (() => {}) });
      old.replaceWith(next);
      // the pressed button may be gone: keep keyboard users where they were
      if (hadFocus) {
        next.setAttribute('tabindex', '-1');
        next.focus();
      }
      changed = true;
    }
    return changed;
  }
  let changed = false;
  for (const group of root.querySelectorAll('.card-actions')) {
    if (group.dataset.item !== data.item) continue;
    // on a card with several items, say which one the outcome is about
    const several = group.dataset.several === 'true' && !String(data.outcome).includes(data.item);
    const line = el('p', {
      class: 'outcome',
      'data-item': data.item,
      text: several ? `${data.item}：${data.outcome}` : data.outcome,
    });
    const hadFocus = group.contains(document.activeElement);
    group.replaceWith(line);
    if (hadFocus) {
      line.setAttribute('tabindex', '-1');
      line.focus();
    }
    changed = true;
  }
  if (!changed && data.cardId) {
    for (const card of root.querySelectorAll('article.card')) {
      if (card.dataset.cardId !== data.cardId || card.querySelector('.outcome')) continue;
      card.append(el('p', { class: 'outcome', 'data-item': data.item, text: data.outcome }));
      changed = true;
    }
  }
  return changed;
}

export { el };
