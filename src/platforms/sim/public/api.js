// The simulator's calls to /sim/api. Plain fetch: no framework, no build step.
import { ZH } from './text.js';

/** A random id for a message or click, so a retried POST is the same message (deduplicated). */
export function newClientId() {
  // crypto.randomUUID needs a secure context, which a LAN address over plain HTTP is not
  const b = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}

async function call(method, path, body) {
  const res = await fetch(path, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let data;
  try {
    data = text ? JSON.parse(text) : {};
  } catch {
    data = { message: text };
  }
  if (!res.ok) {
    const err = new Error((data && (data.error?.message || data.message)) || `HTTP ${res.status}`);
    err.status = res.status;
    err.code = data?.error?.code;
    err.code = data?.error?.code;
    throw err;
  }
  return data;
}

export const api = {
  people: () => call('GET', '/sim/api/people'),
  conversations: (person) => call('GET', `/sim/api/conversations?person=${encodeURIComponent(person)}`),
  send: (msg) => call('POST', '/sim/api/messages', msg),
  act: (action) => call('POST', '/sim/api/actions', action),
  clock: () => call('GET', '/sim/api/clock'),
  moveClock: (to) => call('POST', '/sim/api/clock', { to }),
  resetDemo: () => call('POST', '/sim/api/reset', { confirm: true }),
  eventsUrl: (person) => `/sim/api/events?person=${encodeURIComponent(person)}`,
};

/** What the user reads for each error code of /sim/api (the server's own words are for developers). */
const CODE_TEXT = {
  empty: ZH.errors.empty,
  not_an_image: ZH.errors.not_an_image,
  too_large: ZH.errors.too_large,
  bad_time: ZH.errors.bad_time,
};

/** Tell the user what went wrong, in Chinese, without internals (never a validation message). */
export function errorText(err) {
  if (err && err.code === 'not_demo_roster') return ZH.errors.not_demo_roster;
  if (err && err.status === 503) return ZH.errors.unavailable;
  if (err && err.status === 413) return ZH.errors.too_large;
  if (err && err.status === 403) return ZH.errors.forbidden;
  if (err && err.status === 404) return ZH.errors.unknownPerson;
  if (err?.code && CODE_TEXT[err.code]) return CODE_TEXT[err.code];
  if (err && err.status >= 400 && err.status < 500) return ZH.errors.unreadable;
  return ZH.errors.network;
}

const MAX_BYTES = 500 * 1024;

/** A picture as base64, shrunk in the page when it is over the server's 512 KiB limit. */
export async function pictureData(file) {
  let blob = file;
  if (file.size > MAX_BYTES) blob = await shrink(file);
  const buf = new Uint8Array(await blob.arrayBuffer());
  let bin = '';
  for (let i = 0; i < buf.length; i += 0x8000) bin += String.fromCharCode(...buf.subarray(i, i + 0x8000));
  return btoa(bin);
}

async function shrink(file) {
  const bitmap = await createImageBitmap(file);
  for (const side of [1600, 1200, 800, 600]) {
    const scale = Math.min(1, side / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(bitmap.width * scale);
    canvas.height = Math.round(bitmap.height * scale);
    canvas.getContext('2d').drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise((res) => canvas.toBlob(res, 'image/jpeg', 0.8));
    if (blob && blob.size <= MAX_BYTES) return blob;
  }
  throw Object.assign(new Error('too large'), { status: 413 });
}
