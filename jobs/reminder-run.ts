import type { Logger } from '../src/log.js';
import type { WorkCalendar } from '../src/domain/calendar.js';
import type { FullStore } from '../src/store/store.js';
import type { OutboundAdd } from './time-deps.js';
import { outboundJobId } from '../src/queue/outbound-job.js';
import {
  createReminderPlanner,
  passWindow,
  reminderClaimId,
  type DueStage,
  type PassWindow,
  type ReminderPolicy,
} from '../src/reminders/plan-reminders.js';
import { loadRosterIndex, messagesFor, type ReminderMessage } from './reminder-messages.js';

/**
 * The reminder and escalation pass (architecture.md step 7): one scan over the open-by-deadline
 * index, in pages, as of an instant. A periodic scan, not a delayed job per item and stage
 * (perf-baselines.md §3–4: three delayed jobs per item would cost 4× the items themselves).
 *
 * Exactly once, however many workers and `remind` commands run: every (item, stage, deadline) is
 * claimed with claimOnce before its cards are enqueued, and each card's job id is deterministic
 * as well. A failed enqueue gives the page's claims back, so the next pass tries again.
 */

export const REMIND_SCOPE = 'remind';
/** How long a stage's claim lives. An escalation stays the latest stage until the item closes. */
const CLAIM_TTL_S = { early: 120 * 86_400, escalation: 400 * 86_400 };
const PAGE = 500;

export interface ReminderPassDeps {
  store: Pick<FullStore, 'scanOpenByDeadline' | 'listPeople' | 'listSchools' | 'claimOnce' | 'releaseOnce'>;
  calendar: WorkCalendar;
  policy: ReminderPolicy;
  /** add the send jobs, all or none (BullMQ addBulk is one MULTI) */
  enqueue(jobs: OutboundAdd[]): Promise<void>;
  /** --dry-run: whether a claim is already taken, without taking it */
  peekOnce(scope: string, id: string): Promise<boolean>;
  log: Logger;
}

export interface ReminderPassOptions {
  at: Date;
  dryRun?: boolean;
  /** each message as it is enqueued (or would be, dry): the pass keeps no list itself */
  onMessage?: (m: ReminderMessage) => void;
  pageSize?: number;
}

export interface ReminderPassResult {
  window: PassWindow;
  /** open items read from the index */
  scanned: number;
  /** (item, stage) claims taken (or that would be, dry) */
  stages: number;
  messages: number;
}

export async function runReminderPass(deps: ReminderPassDeps, o: ReminderPassOptions): Promise<ReminderPassResult> {
  const window = passWindow(o.at, deps.policy, deps.calendar);
  const result: ReminderPassResult = { window, scanned: 0, stages: 0, messages: 0 };
  if (!window.open) return result;
  const planner = createReminderPlanner(window.day, deps.policy, deps.calendar);
  const roster = await loadRosterIndex(deps.store);
  let cursor: string | undefined;
  do {
    const page = await deps.store.scanOpenByDeadline(planner.scanUntil, cursor, o.pageSize ?? PAGE);
    result.scanned += page.items.length;
    const planned: { claim: string; ttl: number; messages: ReminderMessage[] }[] = [];
    for (const item of page.items) {
      for (const due of planner.due(item)) {
        const messages = messagesFor(item, due, roster, window.day, deps.calendar);
        if (messages.length === 0) continue; // nobody to tell (no principal on the roster): unclaimed, so a later roster gets it
        planned.push({ claim: reminderClaimId(item.id, due.key, item.deadline), ttl: ttlOf(due), messages });
      }
    }
    if (planned.length) await sendPage(deps, o, planned, result);
    cursor = page.next ?? undefined;
  } while (cursor);
  deps.log.info({ day: window.day, scanned: result.scanned, stages: result.stages, messages: result.messages, dryRun: !!o.dryRun }, 'reminder pass done');
  return result;
}

const ttlOf = (d: DueStage) => (d.stage === 'escalation' ? CLAIM_TTL_S.escalation : CLAIM_TTL_S.early);

async function sendPage(
  deps: ReminderPassDeps,
  o: ReminderPassOptions,
  planned: { claim: string; ttl: number; messages: ReminderMessage[] }[],
  result: ReminderPassResult,
): Promise<void> {
  // Claims of one page go out together: ioredis writes them back to back (one round trip).
  const won = o.dryRun
    ? (await Promise.all(planned.map((p) => deps.peekOnce(REMIND_SCOPE, p.claim)))).map((taken) => !taken)
    : await Promise.all(planned.map((p) => deps.store.claimOnce(REMIND_SCOPE, p.claim, p.ttl)));
  const mine = planned.filter((_, i) => won[i]);
  if (mine.length === 0) return;
  if (!o.dryRun) {
    const jobs = mine.flatMap((p) => p.messages.map((m) => toJob(p.claim, m)));
    try {
      await deps.enqueue(jobs);
    } catch (e) {
      await Promise.allSettled(mine.map((p) => deps.store.releaseOnce(REMIND_SCOPE, p.claim)));
      throw e;
    }
  }
  for (const p of mine) {
    result.stages++;
    for (const m of p.messages) {
      result.messages++;
      o.onMessage?.(m);
    }
  }
}

function toJob(claim: string, m: ReminderMessage): OutboundAdd {
  return {
    jobId: outboundJobId(REMIND_SCOPE, `${claim}|${m.to.id}`),
    data: { kind: 'send', to: { type: 'person', personId: m.to.id }, card: m.card, items: [m.item] },
  };
}

const stageCn = (m: ReminderMessage) =>
  m.stage === 'before'
    ? `还有 ${m.workdays} 个工作日到期`
    : m.stage === 'due'
      ? '今天到期'
      : m.stage === 'overdue'
        ? `督办通知，已逾期 ${m.workdays} 个工作日`
        : `逾期升级，已逾期 ${m.workdays} 个工作日`;

/** The printed line of one message: `ZG-21 due 0 → 李校长 (pri-li) 今天到期`. */
export function messageLine(m: ReminderMessage): string {
  return `${m.item} ${m.stage} ${m.workdays} → ${m.to.name} (${m.to.id}) ${stageCn(m)}`;
}

/** The --json entry: interfaces.md's `{"to":{"id","name"},"item","stage","workdays"}`. */
export function messageJson(m: ReminderMessage) {
  return { to: { id: m.to.id, name: m.to.name }, item: m.item, stage: m.stage, workdays: m.workdays };
}

