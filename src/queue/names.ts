/**
 * Queue names and the job-id rules. All queues share the prefix `{dudao}` (a Redis Cluster hash
 * tag) so every BullMQ key, and every store key, lives in one slot and multi-key scripts work.
 */
export const DEFAULT_PREFIX = '{dudao}';
export const queueNames = ['inbound', 'outbound', 'reminder-pass', 'daily-digest', 'monthly-plan'] as const;
export type QueueName = (typeof queueNames)[number];

/**
 * A BullMQ-safe job id from parts: BullMQ 6 rejects ids containing ':' and pure integers
 * (docs/spec/performance.md, gotchas). Platform ids may contain anything (DingTalk msgIds
 * carry '=' and '+'), so other characters are percent-style escaped, deterministically.
 */
export function jobId(...parts: string[]): string {
  const esc = parts.map((p) => p.replace(/[^A-Za-z0-9._@=+]/g, (c) => '%' + c.codePointAt(0)!.toString(16)));
  return 'j-' + esc.join('-');
}
