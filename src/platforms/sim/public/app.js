// The simulator page: pick a roster person, see their conversations with 督导助手, type, press
// card buttons. Replies arrive over Server-Sent Events from the conversation streams.
import { api, errorText, newClientId, pictureData } from './api.js';
import { applyUpdate, el, renderIn, renderOut, restoreActions } from './render.js';
import { setupClock } from './clock.js';
import { fill, ZH } from './text.js';

// docs/spec/commands.md: what a supervisor sends after a visit (the @-mention is stripped as in a
// group): the catalogue's record template (zh.parser.recordTemplate), which the server hands the page
const EXAMPLE_RECORD = ZH.example;

const $ = (id) => document.getElementById(id);
const state = {
  people: [],
  person: undefined,
  conversations: [],
  current: undefined,
  logs: new Map(), // conversation id → its log element
  seen: new Set(), // conversation/entry ids and message ids already shown
  unread: new Map(),
  source: undefined,
  live: false,
  pending: undefined, // { text, clientId }: a failed send retried as the same message
};

let statusTimer;
function setStatus(text) {
  $('status').textContent = text;
  clearTimeout(statusTimer);
  if (text) statusTimer = setTimeout(() => ($('status').textContent = ''), 10_000);
}

const clock = setupClock({ onStatus: setStatus });

function logOf(convId) {
  let log = state.logs.get(convId);
  if (!log) {
    log = el('div', { class: 'conv-log', 'data-conversation': convId, hidden: true });
    const conv = state.conversations.find((c) => c.id === convId);
    log.append(
      el('p', {
        class: 'empty-hint',
        text: conv?.isGroup ? ZH.emptyGroup : ZH.emptyDirect,
      }),
    );
    state.logs.set(convId, log);
    $('log').append(log);
  }
  return log;
}

function renderConversations() {
  const list = $('conv-list');
  list.replaceChildren();
  for (const c of state.conversations) {
    const n = state.unread.get(c.id) || 0;
    const btn = el(
      'button',
      {
        type: 'button',
        class: 'conv',
        'data-conversation': c.id,
        'aria-current': c.id === state.current ? 'true' : undefined,
      },
      el('span', { class: 'conv-name', text: c.name }),
      el('span', { class: 'conv-kind', text: c.isGroup ? ZH.group : ZH.direct }),
      n ? el('span', { class: 'badge', text: String(n), 'aria-label': fill(ZH.unread, { n }) }) : null,
    );
    btn.addEventListener('click', () => openConversation(c.id, true));
    list.append(el('li', {}, btn));
  }
}

function scrollToEnd() {
  const log = $('log');
  log.scrollTop = log.scrollHeight;
}

function openConversation(id, byUser) {
  state.current = id;
  state.unread.set(id, 0);
  for (const [cid, log] of state.logs) log.hidden = cid !== id;
  logOf(id).hidden = false;
  const conv = state.conversations.find((c) => c.id === id);
  $('chat-title').textContent = conv
    ? conv.isGroup
      ? fill(ZH.groupTitle, { name: conv.name })
      : conv.name
    : '';
  $('composer-text').placeholder = conv?.isGroup ? ZH.placeholderGroup : ZH.placeholderDirect;
  $('layout').dataset.view = 'chat';
  renderConversations();
  scrollToEnd();
  if (byUser) $('chat-title').focus();
}

function onEntry(e) {
  const key = `${e.conversation}/${e.entryId}`;
  if (state.seen.has(key)) return;
  state.seen.add(key);
  const d = e.data || {};
  if (e.type === 'update') {
    applyUpdate($('log'), d, { onAction: (a) => act(a, e.conversation) });
    return;
  }
  // the bot answered a click with an error (a refusal, a reason missing): that card's buttons come back
  if (e.type === 'out' && d.inReplyTo?.cardId && d.card?.kind === 'error')
    restoreActions($('log'), d.inReplyTo.cardId, d.card.subtitle || d.card.title || ZH.notHandled);
  let node;
  if (e.type === 'in') {
    if (state.seen.has(`msg/${d.id}`)) return; // the same message, posted again after a 503
    state.seen.add(`msg/${d.id}`);
    node = renderIn(d, { me: state.person, timeZone: clock.timeZone() });
  } else if (e.type === 'out') {
    node = renderOut(d, { timeZone: clock.timeZone(), onAction: (a) => act(a, e.conversation) });
  } else {
    return;
  }
  const log = logOf(e.conversation);
  log.querySelector('.empty-hint')?.remove();
  log.append(node);
  if (e.conversation === state.current) scrollToEnd();
  else if (state.live) {
    state.unread.set(e.conversation, (state.unread.get(e.conversation) || 0) + 1);
    renderConversations();
  }
}

function listen(person) {
  state.source?.close();
  state.live = false;
  $('log').setAttribute('aria-busy', 'true');
  const src = new EventSource(api.eventsUrl(person));
  state.source = src;
  src.addEventListener('entry', (ev) => onEntry(JSON.parse(ev.data)));
  src.addEventListener('live', () => {
    state.live = true;
    $('log').setAttribute('aria-busy', 'false');
    scrollToEnd();
  });
  src.addEventListener('error', () => {
    // EventSource reconnects by itself; the replayed history is deduplicated by entry id
    if (src.readyState === EventSource.CONNECTING) setStatus(ZH.reconnecting);
  });
}

async function selectPerson(id) {
  const p = state.people.find((x) => x.id === id) || state.people[0];
  if (!p) return;
  state.person = p.id;
  localStorage.setItem('dudao-sim-person', p.id);
  $('person').value = p.id;
  $('person-role').textContent = p.label;
  $('board-link').href = `/sim/board?person=${encodeURIComponent(p.id)}`;
  $('fill-example').hidden = !p.roles.includes('supervisor');
  state.logs.clear();
  state.seen.clear();
  state.unread.clear();
  $('log').replaceChildren();
  try {
    state.conversations = (await api.conversations(p.id)).conversations;
  } catch (e) {
    setStatus(errorText(e));
    return;
  }
  state.conversations.forEach((c) => logOf(c.id));
  openConversation(state.conversations[0].id, false);
  listen(p.id);
}

async function act(a, conversation) {
  try {
    await api.act({ person: state.person, conversation, clientId: newClientId(), ...a });
  } catch (e) {
    const text = errorText(e);
    setStatus(text);
    throw Object.assign(e, { userText: text });
  }
}

async function send(message) {
  const res = await api.send({ person: state.person, conversation: state.current, ...message });
  if (res.outcome === 'duplicate') setStatus(ZH.duplicate);
}

$('composer').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  const box = $('composer-text');
  const text = box.value;
  if (!text.trim() || !state.current) return;
  // the same text retried after a failure keeps its id, so the bot sees it once
  if (state.pending?.text !== text) state.pending = { text, clientId: newClientId() };
  $('send').disabled = true;
  try {
    await send({ text, clientId: state.pending.clientId });
    state.pending = undefined;
    box.value = '';
  } catch (e) {
    setStatus(fill(ZH.sendFailed, { reason: errorText(e) }));
  } finally {
    $('send').disabled = false;
    box.focus();
  }
});

$('composer-text').addEventListener('keydown', (ev) => {
  if (ev.key === 'Enter' && (ev.ctrlKey || ev.metaKey)) {
    ev.preventDefault();
    $('composer').requestSubmit();
  }
});

$('composer-file').addEventListener('change', async (ev) => {
  const file = ev.target.files?.[0];
  ev.target.value = '';
  if (!file || !state.current) return;
  try {
    const data = await pictureData(file);
    await send({
      text: '',
      clientId: newClientId(),
      attachments: [{ kind: 'image', name: file.name.slice(0, 200), data }],
    });
  } catch (e) {
    setStatus(fill(ZH.pictureFailed, { reason: errorText(e) }));
  }
});

for (const chip of document.querySelectorAll('[data-fill]')) {
  chip.addEventListener('click', () => {
    const box = $('composer-text');
    box.value = chip.dataset.fill === 'example' ? EXAMPLE_RECORD : chip.dataset.fill;
    box.focus();
  });
}

$('back').addEventListener('click', () => {
  $('layout').dataset.view = 'list';
  document.querySelector('.conv[aria-current="true"]')?.focus();
});

$('person').addEventListener('change', (ev) => void selectPerson(ev.target.value));

// 重置演示数据: the server clears every record, item and conversation, loads the demo roster again
// and puts the clock back to now; this page then starts over as the same person (if still there)
const RESET_CONFIRM = ZH.resetConfirm;
$('demo-reset').addEventListener('click', async () => {
  if (!window.confirm(RESET_CONFIRM)) return;
  const btn = $('demo-reset');
  btn.disabled = true;
  try {
    const r = await api.resetDemo();
    await clock.refresh();
    state.people = (await api.people()).people;
    fillPeople();
    await selectPerson(state.people.some((p) => p.id === state.person) ? state.person : state.people[0]?.id);
    setStatus(
      fill(ZH.resetDone, { records: r.records, items: r.items, schools: r.schools, people: r.people }),
    );
  } catch (e) {
    setStatus(fill(ZH.resetFailed, { reason: errorText(e) }));
  } finally {
    btn.disabled = false;
  }
});

function fillPeople() {
  $('person').replaceChildren(
    ...state.people.map((p) => el('option', { value: p.id, text: `${p.name}（${p.label}）` })),
  );
}

async function start() {
  try {
    state.people = (await api.people()).people;
  } catch (e) {
    setStatus(fill(ZH.rosterFailed, { reason: errorText(e) }));
    return;
  }
  if (!state.people.length) {
    setStatus(ZH.rosterEmpty);
    return;
  }
  fillPeople();
  const wanted =
    new URLSearchParams(location.search).get('person') || localStorage.getItem('dudao-sim-person');
  await selectPerson(state.people.some((p) => p.id === wanted) ? wanted : state.people[0].id);
}

void start();
