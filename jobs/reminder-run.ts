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
  type ReminderPlanner,
  type ReminderPolicy,
} from '../src/reminders/plan-reminders.js';
import { loadRosterIndex, messagesFor, type ReminderMessage, type RosterIndex } from './reminder-messages.js';
import type { PlanItem, PlanPage, ReminderScanStore } from '../src/store/open-scan.js';
import { zh } from '../src/text/zh-CN/index.js';

/**
 * The reminder and escalation pass (docs/spec/architecture.md, step 7): one scan over the open-by-deadline
 * index, in pages, as of an instant. A periodic scan, not a delayed job per item and stage
 * (docs/spec/performance.md: three delayed jobs per item would cost about 4× the items themselves).
 *
 * Exactly once, however many workers and `remind` commands run: every (item, stage, deadline) is
 * claimed (SET NX EX, the claimOnce keys, a page's claims in one script call) before its cards are
 * enqueued, and each card's job id is deterministic as well. A failed enqueue gives the page's
 * claims back (releaseOnce), so the next pass tries again.
 *
 * A pass that runs to its end records its day (the watermark). The next pass scans only the
 * deadlines whose escalation day is that day or later: older ones had every stage claimed (or
 * superseded) by that pass, so a 5-minute pass reads the last few working days' deadlines, not
 * every open item. What it skips on purpose: a stage that became due before the watermark for an
 * item that then changed (a reopened item, an extension to a date already within its reminder
 * window, a principal added to the roster later) — stale stages, which catch-up never sends anyway.
 */

export const REMIND_SCOPE = 'remind';
/** How long a stage's claim lives. An escalation stays the latest stage until the item closes. */
const CLAIM_TTL_S = { early: 120 * 86_400, escalation: 400 * 86_400 };
const PAGE = 500;

export interface ReminderPassDeps {
  store: Pick<FullStore, 'listPeople' | 'listSchools' | 'getItems' | 'releaseOnce'>;
  /** the deadline index in pages, and the page's claims in one call each (src/store/open-scan.ts) */
  scan: ReminderScanStore;
  calendar: WorkCalendar;
  policy: ReminderPolicy;
  /** add the send jobs, all or none (BullMQ addBulk is one MULTI) */
  enqueue(jobs: OutboundAdd[]): Promise<void>;
  log: Logger;
}

export interface ReminderPassOptions {
  at: Date;
  dryRun?: boolean;
  /** each message as it is enqueued (or would be, dry): the pass keeps no list itself */
  onMessage?: (m: ReminderMessage) => void;
  pageSize?: number;
  /** ignore the watermark and read every open item (the bench's worst case) */
  fullScan?: boolean;
}

export interface ReminderPassResult {
  window: PassWindow;
  /** open items read from the index */
  scanned: number;
  /** (item, stage) claims taken (or that would be, dry) */
  stages: number;
  messages: number;
}

interface Planned {
  item: PlanItem;
  due: DueStage;
  claim: string;
}

export async function runReminderPass(
  deps: ReminderPassDeps,
  o: ReminderPassOptions,
): Promise<ReminderPassResult> {
  const window = passWindow(o.at, deps.policy, deps.calendar);
  const result: ReminderPassResult = { window, scanned: 0, stages: 0, messages: 0 };
  if (!window.open) return result;
  const planner = createReminderPlanner(window.day, deps.policy, deps.calendar);
  const roster = await loadRosterIndex(deps.store);
  const fromDay = o.fullScan ? undefined : planner.scanFrom(await deps.scan.watermark());
  const fetch = (cursor?: string) => deps.scan.scan(planner.scanUntil, cursor, o.pageSize ?? PAGE, fromDay);
  // One page at a time, nothing kept across pages: memory stays flat however many items are open.
  // The next page is asked for as soon as this one arrives, so Redis reads it while this one's
  // claims are prepared (Redis, single-threaded, is the pass's bottleneck; the client mostly waits).
  let next: Promise<PlanPage> | undefined = fetch();
  while (next) {
    const page: PlanPage = await next;
    next = page.next ? fetch(page.next) : undefined;
    next?.catch(() => {}); // a failure surfaces when it is awaited, not as an unhandled rejection
    result.scanned += page.items.length;
    const planned: Planned[] = [];
    for (const item of page.items) {
      for (const due of planner.stagesOf(item.deadline))
        planned.push({ item, due, claim: reminderClaimId(item.id, due.key, item.deadline) });
    }
    if (planned.length) await sendPage(deps, o, planned, result, planner, roster, window.day);
  }
  // this pass ran to its end: later passes may skip the deadlines whose stages all lie before today
  if (!o.dryRun) await deps.scan.advanceWatermark(window.day);
  deps.log.info(
    {
      day: window.day,
      from: fromDay ?? null,
      scanned: result.scanned,
      stages: result.stages,
      messages: result.messages,
      dryRun: !!o.dryRun,
    },
    'reminder pass done',
  );
  return result;
}

const ttlOf = (d: DueStage) => (d.stage === 'escalation' ? CLAIM_TTL_S.escalation : CLAIM_TTL_S.early);

/**
 * One page: claim its stages, then read the items of the claims won (the usual pass wins none:
 * everything due was claimed by an earlier one) and send. A won claim with nothing to send is
 * released when that may change (the item was closed meanwhile, nobody on the roster to tell yet)
 * and kept when it cannot (a stage reached on or before the item's creation day is never sent).
 */
async function sendPage(
  deps: ReminderPassDeps,
  o: ReminderPassOptions,
  planned: Planned[],
  result: ReminderPassResult,
  planner: ReminderPlanner,
  roster: RosterIndex,
  today: string,
) {
  const won = o.dryRun
    ? (
        await deps.scan.peekMany(
          REMIND_SCOPE,
          planned.map((p) => p.claim),
        )
      ).map((taken) => !taken)
    : await deps.scan.claimMany(
        REMIND_SCOPE,
        planned.map((p) => ({ id: p.claim, ttl: ttlOf(p.due) })),
      );
  const wonPlans = planned.filter((_, i) => won[i]);
  if (wonPlans.length === 0) return;
  const release = (claims: string[]) =>
    o.dryRun
      ? Promise.resolve()
      : Promise.allSettled(claims.map((c) => deps.store.releaseOnce(REMIND_SCOPE, c))).then(() => undefined);
  const mine: { claim: string; messages: ReminderMessage[] }[] = [];
  try {
    const full = new Map(
      (await deps.store.getItems([...new Set(wonPlans.map((p) => p.item.id))])).map((i) => [i.id, i]),
    );
    const giveBack: string[] = [];
    for (const p of wonPlans) {
      const item = full.get(p.item.id);
      if (!item || item.status === 'closed' || item.deadline !== p.item.deadline) giveBack.push(p.claim);
      else if (!planner.preHistory(p.due, item.createdAt)) {
        const messages = messagesFor(item, p.due, roster, today, deps.calendar);
        if (messages.length) mine.push({ claim: p.claim, messages });
        else giveBack.push(p.claim); // nobody to tell yet: a later roster may add them
      }
    }
    if (giveBack.length) await release(giveBack);
    if (!o.dryRun && mine.length)
      await deps.enqueue(mine.flatMap((p) => p.messages.map((m) => toJob(p.claim, m))));
  } catch (e) {
    // whatever failed (reading the items, enqueueing), every claim of the page goes back
    await release(wonPlans.map((p) => p.claim));
    throw e;
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
    ? zh.jobs.reminderStages.before(m.workdays)
    : m.stage === 'due'
      ? zh.jobs.reminderStages.due
      : m.stage === 'overdue'
        ? zh.jobs.reminderStages.overdue(m.workdays)
        : zh.jobs.reminderStages.escalated(m.workdays);

/** The printed line of one message: `ZG-21 due 0 → 李校长 (pri-li) 今天到期`. */
export function messageLine(m: ReminderMessage): string {
  return `${m.item} ${m.stage} ${m.workdays} → ${m.to.name} (${m.to.id}) ${stageCn(m)}`;
}

/** The --json entry: docs/spec/interfaces.md's `{"to":{"id","name"},"item","stage","workdays"}`. */
export function messageJson(m: ReminderMessage) {
  return { to: { id: m.to.id, name: m.to.name }, item: m.item, stage: m.stage, workdays: m.workdays };
}
