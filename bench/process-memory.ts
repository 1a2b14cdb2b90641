import { readFileSync } from 'node:fs';

/** What a service process holds, read from outside: for the benches' per-minute lines. */

export const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

/** The process's resident set, in bytes (Linux /proc). */
export const rssOf = (pid: number) =>
  Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;

/** every thread's V8 heap in use, from /metrics (`dudao_heap_used_bytes{thread}`): 'main 41 + worker-2 93 + …' MB */
export async function heapOf(url: string): Promise<string> {
  try {
    const text = await (await fetch(`${url}/metrics`)).text();
    const each = [...text.matchAll(/^dudao_heap_used_bytes\{thread="([^"]+)"\} (\d+)/gm)];
    return `${each.map(([, t, b]) => `${t} ${mb(Number(b))}`).join(' + ')} MB`;
  } catch {
    return '?';
  }
}
