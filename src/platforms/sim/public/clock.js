// The simulated clock control: shows the office's time as the server sees it, and moves it.
import { api, errorText } from './api.js';

const REFRESH_MS = 30_000;

export function setupClock({ onStatus, onMoved }) {
  const out = document.getElementById('clock-now');
  const buttons = {
    'clock-workday': '+1workday',
    'clock-0830': 'next-0830',
    'clock-reset': 'reset',
  };
  let timeZone = 'Asia/Shanghai';

  const show = (c) => {
    timeZone = c.timeZone || timeZone;
    // the status line announces moves; the ticking time itself stays quiet for screen readers
    const text = c.label + (c.simulated ? '（已调整）' : '');
    if (out.textContent !== text) out.textContent = text;
    out.dataset.now = c.now;
    out.title = `${c.day} ${c.time}（${c.timeZone}）`;
    document.getElementById('clock-0830').textContent =
      `到 ${String(c.digestTime || '08:30').replace(/^0/, '')}`;
  };

  const refresh = async () => {
    try {
      show(await api.clock());
    } catch {
      out.textContent = '—';
    }
  };

  // what the reminder pass and the digest did as of the new time
  const summary = (ran, digestTime) => {
    if (!ran || typeof ran !== 'object') return '';
    if (ran.pending) return '（提醒与日报尚未接入）';
    const parts = [];
    if (ran.reminders === null) parts.push('另一轮提醒正在进行');
    else if (typeof ran.reminders === 'number') parts.push(`提醒 ${ran.reminders} 条`);
    if (ran.digestSkipped === 'before_digest_time') parts.push(`日报 ${digestTime} 后发送`);
    else if (ran.digestSkipped === 'not_workday') parts.push('非工作日不发日报');
    else if (typeof ran.digests === 'number') parts.push(`日报 ${ran.digests} 份`);
    return parts.length ? `；${parts.join('，')}` : '';
  };

  for (const [id, to] of Object.entries(buttons)) {
    const btn = document.getElementById(id);
    btn.addEventListener('click', async () => {
      Object.keys(buttons).forEach((b) => (document.getElementById(b).disabled = true));
      try {
        const c = await api.moveClock(to);
        show(c);
        onStatus(
          to === 'reset'
            ? `已回到现在（${c.label}）。在模拟时间里提交的督导记录、整改事项和消息都保留，日期仍是当时的模拟日期；要从头再来，请点「重置演示数据」。`
            : `模拟时间已调到 ${c.label}${summary(c.ran, c.digestTime)}`,
        );
        onMoved?.(c);
      } catch (e) {
        onStatus(`调整时间失败：${errorText(e)}`);
      } finally {
        Object.keys(buttons).forEach((b) => (document.getElementById(b).disabled = false));
      }
    });
  }

  void refresh();
  setInterval(refresh, REFRESH_MS);
  return { timeZone: () => timeZone, refresh };
}
