// Waiting in tests: for something that happens in another process, job or socket. Poll with
// `waitFor`, never with a hand-written loop, so every wait has a name and a limit and says what it
// waited for when it gives up.

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

type Truthy<T> = Exclude<T, false | 0 | '' | null | undefined>;

/**
 * Call `probe` every `everyMs` until it returns something truthy, and return that (`true` for a
 * yes/no probe). A probe that throws counts as "not yet" (a connection still coming up); after
 * `timeoutMs` it fails naming `what` and the probe's last error.
 */
export async function waitFor<T>(
  what: string,
  probe: () => T | Promise<T>,
  timeoutMs = 30_000,
  everyMs = 100,
): Promise<Truthy<T>> {
  const end = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await probe();
      if (v) return v as Truthy<T>;
    } catch (e) {
      last = e;
    }
    if (Date.now() > end) {
      const why = last instanceof Error ? ` (last error: ${last.message})` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${why}`);
    }
    await sleep(everyMs);
  }
}
