import { inboundSchema, type Inbound, type InboundMessage } from '../src/domain/inbound.js';
import type { HandlerResult } from '../src/domain/reply.js';
import type { Person, Role } from '../src/domain/roster.js';
import { dayInZone } from '../src/domain/day.js';
import { inboundJobId } from '../src/queue/accept.js';
import { MAX_MESSAGE_CHARS, messages, parse, type ParseContext } from '../src/parser/index.js';
import { clip } from '../cards/format.js';
import { errorCard } from '../cards/error.js';
import { infoCard } from '../cards/info.js';
import { slowDownCard, strangerCard } from '../handlers/sender-notices.js';
import { senderLimit } from '../src/store/sender-limit.js';
import { keyPart, makeKeys } from '../src/store/keys.js';
import { handle } from '../handlers/index.js';
import { toOrigin } from '../handlers/common.js';
import type { HandlerDeps } from '../handlers/types.js';
import { PermanentJobError, type JobContext, type Processor } from './types.js';
import { inboundServices, type InboundServices } from './services.js';
import { enqueueReplies, originOf, type EnqueueTarget } from './enqueue-replies.js';
import { sendDirect, type SendJob } from './outbound.js';
import { commandOfAction } from './inbound-action.js';
import { boardLinks } from './board-link.js';
import { zh } from '../src/text/zh-CN/index.js';

/** An unknown sender hears the refusal at most once per day (a chatty stranger is not answered 50 times). */
const REFUSAL_SCOPE = 'unknown-sender';

/**
 * The inbound job: one accepted message or card click → roster → parse → handler → outbound
 * jobs. Every write is idempotent per message id and every outbound job id derives from this
 * job's id, so a retried job changes nothing twice and sends nothing twice.
 */
export function createInboundProcessor(o: { answerDirectly?: boolean } = {}): Processor {
  return (data, ctx) => processMessage(data, ctx, o.answerDirectly === true);
}

/**
 * The inbound job with every reply queued as an outbound job (tests that look at the replies as
 * jobs). The service's (jobs/index.ts) answers the sender directly when it can.
 */
export const processInbound: Processor = createInboundProcessor();

async function processMessage(data: unknown, ctx: JobContext, direct: boolean) {
  const parsed = inboundSchema.safeParse(data);
  if (!parsed.success) {
    ctx.rt.log.warn(
      { job: ctx.jobId, issues: parsed.error.issues.length },
      'inbound payload invalid: dropped',
    );
    throw new PermanentJobError('invalid inbound payload');
  }
  const msg = parsed.data;
  const svc = inboundServices(ctx.rt);
  // the message's id, not the job's: every delivery's job has an id of its own (src/queue/accept.ts)
  const producerKey = inboundJobId(msg);
  const origin = originOf(msg);
  const log = ctx.rt.log.child({
    job: producerKey,
    platform: msg.platform,
    channel: msg.channel,
    kind: msg.kind,
  });

  // one sender cannot hold up the others: over their limit, a message is not handled (and they
  // are told so once in a while); a retried job keeps its first verdict (src/store/sender-limit.ts)
  const sender = `${keyPart(msg.platform)}:${keyPart(msg.senderId)}`;
  const limit = ctx.rt.config.SENDER_RATE_LIMIT;
  const admitted = await senderLimit(ctx.rt.redis, ctx.rt.prefix, { burst: limit, perMinute: limit }).admit(
    sender,
    producerKey,
    Date.now(), // real time: the simulator's clock must not refill anyone's bucket
  );
  // the verdict is kept for a run of this job again; once it has completed, none can come (a
  // redelivery of the message is refused at the door by its dedup key, src/queue/accept.ts)
  ctx.whenCompleted?.(makeKeys(ctx.rt.prefix).senderDecision(producerKey));
  if (!admitted) return slowDown(ctx, svc, msg, producerKey, sender);

  const person = await svc.store.findPerson(msg.platform, msg.senderId);
  if (!person?.active) return refuseStranger(ctx, svc, msg, producerKey, person !== undefined, direct);
  await svc.store.setLastPlatform(person.id, msg.platform);

  const deps: HandlerDeps = {
    store: svc.store,
    calendar: svc.calendar,
    now: ctx.rt.now(),
    timezone: ctx.rt.config.TIMEZONE,
    config: {
      defaultDeadlineWorkdays: ctx.rt.config.DEFAULT_DEADLINE_WORKDAYS,
      escalateAfterWorkdays: ctx.rt.config.ESCALATE_AFTER_WORKDAYS,
    },
    source: { platform: msg.platform, messageId: msg.id },
    conversation: msg.conversation,
    isGroup: msg.conversation?.isGroup ?? false,
    assumptions: [],
    boardLink: boardLinks(ctx.rt),
  };

  let result: HandlerResult;
  let command = 'none';
  try {
    const parseText = await parserFor(ctx, svc, person);
    if (msg.kind === 'action') {
      const out = await commandOfAction(msg, person, deps, parseText);
      if ('command' in out) command = out.command.command;
      result = 'command' in out ? await handle(out.command, person, deps) : out.result;
    } else if (msg.text.trim() === '' && msg.attachments.length > 0) {
      command = 'evidence';
      result = await evidence(svc, msg, person, deps);
    } else if (msg.voice && msg.text.trim() === '') {
      command = 'error:voice_empty';
      result = { replies: [toOrigin(errorCard(messages.voiceEmpty()))] };
    } else if ((msg.textLength ?? 0) > MAX_MESSAGE_CHARS) {
      command = 'error:too_long';
      result = { replies: [toOrigin(errorCard(messages.tooLong(msg.textLength!)))] };
    } else {
      const r = parseText(msg.text, { voice: msg.voice, quote: msg.quote?.text });
      // a voice message: the reply shows what the platform heard
      const heard = msg.voice ? zh.jobs.inbound.heard(clip(msg.text, 60)) : undefined;
      if (!r.ok) {
        command = `error:${r.code}`;
        result = { replies: [toOrigin(errorCard(r.message, heard ? { note: heard } : {}))] };
      } else {
        command = r.command.command;
        result = await handle(r.command, person, {
          ...deps,
          assumptions: heard ? [heard, ...r.assumptions] : r.assumptions,
          ...(r.warnings ? { warnings: r.warnings } : {}),
          ...(msg.voice ? { voice: true } : {}),
        });
        // pictures sent with the text attach to what the text just created or reported
        if (msg.attachments.length) await attachAll(svc, msg, person, deps);
      }
    }
  } catch (e) {
    // transient (Redis away): retry. On the last try, an apology rather than silence.
    if (ctx.attempt + 1 < ctx.attempts) throw e;
    log.error(
      { err: (e as Error).name, code: (e as { code?: string }).code },
      'inbound failed on its last attempt: apologised',
    );
    result = {
      replies: [toOrigin(errorCard(zh.jobs.inbound.apology), undefined, 'apology')],
    };
  }
  const jobs = await enqueueReplies(replyQueue(ctx, direct), producerKey, origin, result, ctx.rt.now());
  log.info({ person: person.id, command, outbound: jobs }, 'inbound handled');
  return { handled: true, command, outbound: jobs };
}

/** The primary role, for the parser's examples in failure messages. */
function mainRole(p: Person): Role {
  for (const r of ['principal', 'supervisor', 'leader', 'admin'] as const) if (p.roles.includes(r)) return r;
  return p.roles[0]!;
}

async function parserFor(ctx: JobContext, svc: InboundServices, person: Person) {
  const schools = await svc.schoolIndex();
  const pctx: ParseContext = {
    now: ctx.rt.now(),
    timezone: ctx.rt.config.TIMEZONE,
    schools,
    calendar: svc.calendar,
    defaultDeadlineWorkdays: ctx.rt.config.DEFAULT_DEADLINE_WORKDAYS,
    role: mainRole(person),
  };
  return (text: string, o: { voice?: boolean; quote?: string } = {}) =>
    parse(text, {
      ...pctx,
      ...(o.voice ? { voice: true } : {}),
      ...(o.quote !== undefined ? { quote: o.quote } : {}),
    });
}

/** Someone not (or no longer) on the roster: one polite refusal a day saying whom to ask; nothing changes. */
async function refuseStranger(
  ctx: JobContext,
  svc: InboundServices,
  msg: Inbound,
  producerKey: string,
  deactivated: boolean,
  direct: boolean,
) {
  const day = dayInZone(ctx.rt.now(), ctx.rt.config.TIMEZONE);
  const claimId = `${msg.platform}-${msg.senderId}-${day}`;
  if (!(await svc.store.claimOnce(REFUSAL_SCOPE, claimId, 2 * 86_400))) {
    ctx.rt.log.info({ job: producerKey, platform: msg.platform }, 'unknown sender: already told today');
    return { handled: true, command: 'unknown_sender', outbound: 0 };
  }
  try {
    const card = strangerCard(deactivated);
    const n = await enqueueReplies(
      replyQueue(ctx, direct),
      producerKey,
      originOf(msg),
      { replies: [toOrigin(card, undefined, 'refusal')] },
      ctx.rt.now(),
    );
    ctx.rt.log.info({ job: producerKey, platform: msg.platform }, 'unknown sender: refused');
    return { handled: true, command: 'unknown_sender', outbound: n };
  } catch (e) {
    await svc.store.releaseOnce(REFUSAL_SCOPE, claimId).catch(() => undefined); // the retry may tell them
    throw e;
  }
}

/** How often a sender over their limit is told so; the messages in between are dropped unanswered. */
export const SLOW_DOWN_NOTICE_MS = 10 * 60_000;

/** Over the sender's limit: nothing of the message is handled; one notice per window. */
async function slowDown(
  ctx: JobContext,
  svc: InboundServices,
  msg: Inbound,
  producerKey: string,
  sender: string,
) {
  const window = Math.floor(Date.now() / SLOW_DOWN_NOTICE_MS);
  const claimId = `${sender}-${window}`;
  if (!(await svc.store.claimOnce('slow-down', claimId, (2 * SLOW_DOWN_NOTICE_MS) / 1000))) {
    ctx.rt.log.info({ job: producerKey, platform: msg.platform }, 'sender over the rate limit: not handled');
    return { handled: false, command: 'rate_limited', outbound: 0 };
  }
  try {
    const n = await enqueueReplies(
      replyQueue(ctx, false),
      producerKey,
      originOf(msg),
      { replies: [toOrigin(slowDownCard(), undefined, 'slow-down')] },
      ctx.rt.now(),
    );
    ctx.rt.log.info(
      { job: producerKey, platform: msg.platform },
      'sender over the rate limit: not handled, told',
    );
    return { handled: false, command: 'rate_limited', outbound: n };
  } catch (e) {
    await svc.store.releaseOnce('slow-down', claimId).catch(() => undefined);
    throw e;
  }
}

/** Attach each picture of a message; a message with several carries one id per picture. */
async function attachAll(svc: InboundServices, msg: InboundMessage, person: Person, deps: HandlerDeps) {
  let target: { type: 'record' | 'item'; id: string } | undefined;
  let count = 0;
  for (const [i, att] of msg.attachments.entries()) {
    const source = { platform: msg.platform, messageId: i === 0 ? msg.id : `${msg.id}#${i}` };
    const t = await svc.store.attachEvidence(person.id, att, source, deps.now);
    if (t) {
      target = t;
      count++;
    }
  }
  return { target, count };
}

/** Pictures alone: evidence for the record or item reported in the last 10 minutes. */
async function evidence(
  svc: InboundServices,
  msg: InboundMessage,
  person: Person,
  deps: HandlerDeps,
): Promise<HandlerResult> {
  const { target, count } = await attachAll(svc, msg, person, deps);
  if (deps.isGroup) return { replies: [] }; // busy groups: no chatter for pictures
  if (!target) {
    return {
      replies: [
        toOrigin(
          infoCard(zh.jobs.inbound.strayPictureTitle, {
            subtitle: zh.jobs.inbound.strayPictureSubtitle,
          }),
        ),
      ],
    };
  }
  const what =
    target.type === 'item' ? zh.jobs.inbound.itemTarget(target.id) : zh.jobs.inbound.recordTarget(target.id);
  return {
    replies: [
      toOrigin(
        infoCard(zh.jobs.inbound.attachedTitle(count), { subtitle: zh.jobs.inbound.attachedSubtitle(what) }),
        target.type === 'item' ? [target.id] : undefined,
      ),
    ],
  };
}

/** Where an inbound job's replies go: the outbound queue and the chats' reply order. */
const replyQueue = (ctx: JobContext, direct: boolean): EnqueueTarget => ({
  queue: ctx.rt.jobQueues.outbound,
  redis: ctx.rt.redis,
  prefix: ctx.rt.prefix,
  ...(ctx.whenCompleted ? { whenCompleted: (key: string) => ctx.whenCompleted!(key) } : {}),
  ...(direct
    ? { direct: (jobId: string, job: SendJob) => sendDirect(ctx.rt, jobId, job, ctx.whenCompleted) }
    : {}),
});
