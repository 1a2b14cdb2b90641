// The simulator's calls to /sim/api. Plain fetch: no framework, no build step.

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
  empty: '请输入要发送的内容。',
  not_an_image: '只能发送 PNG、JPEG、GIF 或 WebP 图片。',
  too_large: '内容太大，请分成几条发送，图片请小于 512 KB。',
  bad_time: '时间格式不对，请用页面上的按钮调整时间。',
};

/** Tell the user what went wrong, in Chinese, without internals (never a validation message). */
export function errorText(err) {
  if (err && err.code === 'not_demo_roster')
    return '当前花名册不是演示数据（已导入本单位的名单），为免误删，不能重置。';
  if (err && err.status === 503) return '服务暂时不可用，请稍后重试。';
  if (err && err.status === 413) return '内容太大，请分成几条发送，图片请小于 512 KB。';
  if (err && err.status === 403) return '当前身份不在这个会话中。';
  if (err && err.status === 404) return '花名册中没有这个人，请刷新页面。';
  if (err?.code && CODE_TEXT[err.code]) return CODE_TEXT[err.code];
  if (err && err.status >= 400 && err.status < 500) return '发送的内容无法识别，请刷新页面后重试。';
  return '网络错误，请检查服务是否在运行。';
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
