// The simulated clock control: shows the office's time as the server sees it, and moves it.
import { api, errorText } from './api.js';
import { fill, ZH } from './text.js';

const REFRESH_MS = 30_000;

export function setupClock({ onStatus, onMoved }) {
  const out = document.getElementById('clock-now');
  const buttons = {
    'clock-workday': '+1workday',
    'clock-0830': 'next-0830',
    'clock-reset': 'reset',
  };
  let timeZone = 'Asia/Shanghai';
  const showDigestTime = (time) => {
    document.getElementById('clock-0830').textContent = fill(ZH.toDigestTime, {
      time: String(time || '08:30').replace(/^0/, ''),
    });
  };
  showDigestTime();

  const show = (c) => {
    timeZone = c.timeZone || timeZone;
    // the status line announces moves; the ticking time itself stays quiet for screen readers
    const text = c.label + (c.simulated ? ZH.adjusted : '');
    if (out.textContent !== text) out.textContent = text;
    out.dataset.now = c.now;
    out.title = fill(ZH.clockTitle, { day: c.day, time: c.time, timeZone: c.timeZone });
    showDigestTime(c.digestTime);
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
    if (ran.pending) return ZH.notConnected;
    const parts = [];
    if (ran.reminders === null) parts.push(ZH.remindersBusy);
    else if (typeof ran.reminders === 'number') parts.push(fill(ZH.reminders, { n: ran.reminders }));
    if (ran.digestSkipped === 'before_digest_time') parts.push(fill(ZH.digestLater, { time: digestTime }));
    else if (ran.digestSkipped === 'not_workday') parts.push(ZH.noDigestToday);
    else if (typeof ran.digests === 'number') parts.push(fill(ZH.digests, { n: ran.digests }));
    return parts.length ? fill(ZH.ran, { parts: parts.join(ZH.ranJoin) }) : '';
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
            ? fill(ZH.backToNow, { label: c.label })
            : fill(ZH.moved, { label: c.label, summary: summary(c.ran, c.digestTime) }),
        );
        onMoved?.(c);
      } catch (e) {
        onStatus(fill(ZH.moveFailed, { reason: errorText(e) }));
      } finally {
        Object.keys(buttons).forEach((b) => (document.getElementById(b).disabled = false));
      }
    });
  }

  void refresh();
  setInterval(refresh, REFRESH_MS);
  return { timeZone: () => timeZone, refresh };
}
