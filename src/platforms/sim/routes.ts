import { randomUUID } from 'node:crypto';
import type Router from '@koa/router';
import { createRouter } from '../../http/router.js';
import type { Context } from 'koa';
import { z } from 'zod';
import type { Config } from '../../config.js';
import type { Logger } from '../../log.js';
import type { RedisClient } from '../../redis/connect.js';
import type { WorkCalendar } from '../../domain/calendar.js';
import {
  cardActionSchema,
  INBOUND_TEXT_MAX,
  inboundActionSchema,
  inboundMessageSchema,
  type Attachment,
} from '../../domain/inbound.js';
import { roles } from '../../domain/roster.js';
import { AppError, badRequest, notFound } from '../../errors.js';
import { readBody } from '../../http/read-body.js';
import { acceptOrUnavailable, type IngressDeps } from '../ingress.js';
import { conversationsOf, personView, type SimRoster } from './conversations.js';
import { streamEvents } from './events.js';
import { loadImage, storeImage } from './media.js';
import { resolveClockTarget, type SimClock } from './clock.js';
import { clockView, serveStatic } from './static.js';
import { simConversationKey } from '../../store/keys.js';
import { SIM_OUT_MAXLEN } from './send.js';

export interface SimDeps {
  config: Pick<Config, 'DATA_DIR' | 'TIMEZONE' | 'DIGEST_TIME'>;
  log: Logger;
  /** the same accept step as WeCom and DingTalk: dedup + the inbound queue */
  ingress: IngressDeps;
  roster: SimRoster;
  /** for the conversation streams' `in` entries */
  redis: RedisClient;
  prefix: string;
  /** a dedicated connection per open page (blocking XREAD) */
  connect: () => RedisClient;
  clock: SimClock;
  calendar: WorkCalendar;
  /**
   * The reminder pass and the daily digest as of `at`, after the clock moved. Wired by the
   * composition root to the time jobs; absent → the clock moves and nothing runs.
   */
  runTimeJobs?: (at: Date) => Promise<unknown>;
  /** the person's signed board link (the same as 看板 gives); absent → no board button */
  boardLink?: (personId: string) => Promise<string | undefined>;
  /**
   * 重置演示数据: every record, item and sim conversation gone, the demo roster loaded again
   * (src/http/sim-reset.ts; it throws an AppError when it refuses). Absent → 404.
   */
  resetDemo?: () => Promise<SimResetResult>;
}

/** What a reset cleared and loaded, for the page to say. */
export interface SimResetResult {
  records: number;
  items: number;
  schools: number;
  people: number;
}

const clientId = z.string().regex(/^[A-Za-z0-9-]{8,64}$/);
const messageBody = z.object({
  person: z.string().min(1).max(64),
  conversation: z.string().min(1).max(256),
  // any length up to the body limit: a long text is cut and answered "too long" by the bot, in
  // Chinese, never refused here with a validation message
  text: z.string().default(''),
  clientId: clientId.optional(),
  attachments: z
    .array(
      z.object({
        kind: z.literal('image'),
        name: z.string().max(256).optional(),
        data: z.string().max(720_000),
      }),
    )
    .max(4)
    .default([]),
});
const actionBody = z.object({
  person: z.string().min(1).max(64),
  action: cardActionSchema,
  item: z.string().min(1).max(64),
  value: z.string().max(2000).optional(),
  cardId: z.string().min(1).max(256),
  conversation: z.string().max(256).optional(),
  clientId: clientId.optional(),
});
const clockBody = z.object({ to: z.string().min(1).max(64) });
// a deliberate act of the page, not something a stray request does by accident
const resetBody = z.object({ confirm: z.literal(true) });

/** The @-mention is stripped wherever it stands, as the other platforms' decoders do. */
export const stripMention = (text: string) => text.replace(/@督导助手[ \t\u2005\u00a0]*/g, '').trim();

async function jsonBody<T extends z.ZodType>(ctx: Context, schema: T, limit?: number): Promise<z.output<T>> {
  const raw = await readBody(ctx, limit);
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw.toString('utf8'));
  } catch {
    throw badRequest('malformed', 'body is not JSON');
  }
  const r = schema.safeParse(parsed);
  if (!r.success)
    throw badRequest(
      'malformed',
      r.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '),
    );
  return r.data;
}

export function simRouter(deps: SimDeps): Router {
  const router = createRouter();

  const personAndConversations = async (personId: string | undefined) => {
    const person = personId ? await deps.roster.getPerson(personId) : undefined;
    if (!person?.active) throw notFound('unknown_person', 'no such person on the roster');
    const [schools, chats] = await Promise.all([deps.roster.listSchools(), deps.roster.listChats()]);
    return { person, conversations: conversationsOf(person, schools, chats) };
  };
  const query = (ctx: Context, name: string) =>
    typeof ctx.query[name] === 'string' ? (ctx.query[name] as string) : undefined;

  // the page reads API errors as JSON ({error: {code, message}}), like /api/v1; a 5xx stays with
  // the app's error middleware (hidden, logged)
  router.use('/sim/api', async (ctx, next) => {
    try {
      await next();
    } catch (e) {
      if (!(e instanceof AppError) || e.status >= 500) throw e;
      ctx.status = e.status;
      ctx.body = { error: { code: e.code, message: e.message } };
    }
  });

  serveStatic(router);

  router.get('/sim/media/:id', async (ctx) => {
    const img = await loadImage(deps.config.DATA_DIR, ctx.params.id ?? '');
    if (!img) throw notFound('unknown_media', 'no such picture');
    ctx.type = img.mime;
    ctx.set('Cache-Control', 'private, max-age=86400, immutable');
    ctx.body = img.bytes;
  });

  router.get('/sim/api/people', async (ctx) => {
    const [people, schools, zones] = await Promise.all([
      deps.roster.listPeople(),
      deps.roster.listSchools(),
      deps.roster.listZones(),
    ]);
    const s = new Map(schools.map((x) => [x.id, x]));
    const z = new Map(zones.map((x) => [x.id, x]));
    // grouped by each person's first role (督学, 校长, 领导, 管理员), so the picker opens on a supervisor
    const rank = (roleList: readonly (typeof roles)[number][]) => roles.indexOf(roleList[0]!);
    ctx.body = {
      people: people
        .filter((p) => p.active)
        .sort((a, b) => rank(a.roles) - rank(b.roles) || a.name.localeCompare(b.name, 'zh'))
        .map((p) => personView(p, s, z)),
    };
  });

  router.get('/sim/api/conversations', async (ctx) => {
    const { conversations } = await personAndConversations(query(ctx, 'person'));
    ctx.body = { conversations };
  });

  router.get('/sim/api/events', async (ctx) => {
    const { conversations } = await personAndConversations(query(ctx, 'person'));
    streamEvents(ctx, { prefix: deps.prefix, log: deps.log, connect: deps.connect }, conversations);
  });

  router.post('/sim/api/messages', async (ctx) => {
    const body = await jsonBody(ctx, messageBody, 1024 * 1024);
    const { person, conversations } = await personAndConversations(body.person);
    const conversation = conversations.find((c) => c.id === body.conversation);
    if (!conversation) throw new AppError('not_member', 'this person is not in that conversation', 403);
    // the bot reads the text without the @-mention, as the platforms deliver it to us; the
    // sender's bubble shows it as it was typed, @督导助手 and all
    const full = stripMention(body.text);
    const text = full.length > INBOUND_TEXT_MAX ? full.slice(0, INBOUND_TEXT_MAX) : full;
    if (!text && body.attachments.length === 0) throw badRequest('empty', 'nothing to send');
    const attachments: Attachment[] = [];
    for (const a of body.attachments) {
      const stored = await storeImage(deps.config.DATA_DIR, Buffer.from(a.data, 'base64'));
      if (!stored.ok) {
        throw stored.reason === 'too_large'
          ? new AppError('too_large', 'picture too large (512 KiB at most)', 413)
          : badRequest('not_an_image', 'not a PNG, JPEG, GIF or WebP picture');
      }
      attachments.push({ kind: 'image', mediaId: stored.mediaId, ...(a.name ? { name: a.name } : {}) });
    }
    const at = deps.clock.now().toISOString();
    // a client id makes a retried POST the same message, so the accept step deduplicates it
    const id = `sim-${body.clientId ?? randomUUID()}`;
    const msg = inboundMessageSchema.parse({
      kind: 'message',
      platform: 'sim',
      channel: 'sim',
      id,
      conversation: { id: conversation.id, isGroup: conversation.isGroup, name: conversation.name },
      senderId: person.id,
      senderName: person.name,
      text,
      attachments,
      at,
      ...(full.length > text.length ? { textLength: full.length } : {}),
    });
    // Into the conversation first, so the bot's answer can never be shown above the question;
    // the page drops a repeated id (a retry after a 503).
    const entry = { id, from: { id: person.id, name: person.name }, text: body.text, attachments, at };
    await deps.redis
      .xadd(
        simConversationKey(deps.prefix, conversation.id),
        'MAXLEN',
        '~',
        SIM_OUT_MAXLEN,
        '*',
        'type',
        'in',
        'data',
        JSON.stringify(entry),
      )
      .catch((e: Error) =>
        deps.log.warn({ err: e.name }, 'cannot show a simulator message in its conversation: is Redis up?'),
      );
    const outcome = await acceptOrUnavailable(deps.ingress, 'sim', msg);
    ctx.status = 202;
    ctx.body = { id, outcome };
  });

  router.post('/sim/api/actions', async (ctx) => {
    const body = await jsonBody(ctx, actionBody);
    const { person, conversations } = await personAndConversations(body.person);
    const conversation = body.conversation
      ? conversations.find((c) => c.id === body.conversation)
      : undefined;
    if (body.conversation && !conversation)
      throw new AppError('not_member', 'this person is not in that conversation', 403);
    const id = `sim-act-${body.clientId ?? randomUUID()}`;
    const action = inboundActionSchema.parse({
      kind: 'action',
      platform: 'sim',
      channel: 'sim',
      id,
      senderId: person.id,
      ...(conversation
        ? { conversation: { id: conversation.id, isGroup: conversation.isGroup, name: conversation.name } }
        : {}),
      action: body.action,
      item: body.item,
      ...(body.value ? { value: body.value } : {}),
      at: deps.clock.now().toISOString(),
      cardRef: { cardId: body.cardId },
    });
    const outcome = await acceptOrUnavailable(deps.ingress, 'sim', action);
    ctx.status = 202;
    ctx.body = { id, outcome };
  });

  // the header's 看板 button: the board, signed in as the person being played. A board session of
  // whoever was played before is dropped first (the board refuses a link where another is signed in).
  router.get('/sim/board', async (ctx) => {
    const { person } = await personAndConversations(query(ctx, 'person'));
    const url = await deps.boardLink?.(person.id);
    if (!url) throw notFound('no_board', 'the board is not available');
    ctx.append('Set-Cookie', 'dudao_board=; Path=/board; Max-Age=0; HttpOnly; SameSite=Lax');
    ctx.set('Cache-Control', 'no-store');
    ctx.set('Referrer-Policy', 'no-referrer');
    ctx.redirect(url);
  });

  // 重置演示数据: back to a fresh demo district, and to real time. JSON only (a cross-site form
  // cannot send it without the page's origin), with { confirm: true }.
  router.post('/sim/api/reset', async (ctx) => {
    if (!deps.resetDemo) throw notFound('no_reset', 'reset is not available');
    if (!ctx.is('application/json')) throw new AppError('unsupported_media_type', 'expected JSON', 415);
    await jsonBody(ctx, resetBody);
    const result = await deps.resetDemo();
    await deps.clock.reset();
    deps.log.info(result, 'simulator reset to the demo district');
    ctx.body = { ...result, clock: clockView(deps.clock, deps.config, deps.calendar) };
  });

  router.get('/sim/api/clock', async (ctx) => {
    await deps.clock.refresh();
    ctx.body = clockView(deps.clock, deps.config, deps.calendar);
  });

  router.post('/sim/api/clock', async (ctx) => {
    const { to } = await jsonBody(ctx, clockBody);
    if (to === 'reset') {
      await deps.clock.reset();
    } else {
      await deps.clock.refresh();
      const target = resolveClockTarget(to, deps.clock.now(), {
        timeZone: deps.config.TIMEZONE,
        digestTime: deps.config.DIGEST_TIME,
        calendar: deps.calendar,
      });
      if (!target)
        throw badRequest('bad_time', "expected an ISO time with a zone, '+1workday', 'next-0830' or 'reset'");
      await deps.clock.setTo(target);
    }
    const now = deps.clock.now();
    deps.log.info(
      { simulatedNow: now.toISOString(), offsetMs: deps.clock.offsetMs() },
      'simulated clock moved',
    );
    let ran: unknown = { pending: 'the reminder pass and the digest are not wired yet' };
    if (deps.runTimeJobs) ran = await deps.runTimeJobs(now);
    ctx.body = { ...clockView(deps.clock, deps.config, deps.calendar), ran };
  });

  return router;
}
