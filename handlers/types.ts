import type { CommandName, CommandOf, ParseWarning } from '../src/domain/command.js';
import type { Person } from '../src/domain/roster.js';
import type { HandlerResult } from '../src/domain/reply.js';
import type { WorkCalendar } from '../src/domain/calendar.js';
import type { FullStore, Source } from '../src/store/store.js';

/** The configuration a handler reads (from src/config.ts, picked by jobs/inbound). */
export interface HandlerConfig {
  /** DEFAULT_DEADLINE_WORKDAYS: said on the summary when a problem had no deadline */
  defaultDeadlineWorkdays: number;
  /** ESCALATE_AFTER_WORKDAYS: the digest's and overdue list's notion of "escalated" */
  escalateAfterWorkdays: number;
}

/**
 * Everything a handler may use. No platform, no Koa, no BullMQ, no Redis client: the store is the
 * FullStore interface and time is `now` (the job's clock), so handlers are plain async functions.
 */
export interface HandlerDeps {
  store: FullStore;
  calendar: WorkCalendar;
  /** the instant the message is handled (ctx.rt.now()) */
  now: Date;
  /** TIMEZONE: "today" and every date shown is in it */
  timezone: string;
  config: HandlerConfig;
  /** the message or click this comes from: makes every store write idempotent */
  source: Source;
  /** the conversation it came from; absent for a click outside any conversation */
  conversation?: { id: string; isGroup: boolean; name?: string };
  /** true in a group chat: answers there carry counts and numbers only, details go privately */
  isGroup: boolean;
  /** what the parser assumed (matched short name, default date…), shown on the reply card */
  assumptions: string[];
  /** a person's signed 24-hour link to the board (看板); undefined when there is no address to give */
  boardLink?: (personId: string) => Promise<string | undefined>;
  /** what the user must notice although the command goes ahead (a deadline past or on a day off) */
  warnings?: ParseWarning[];
  /** the message was a voice message, transcribed by the platform */
  voice?: boolean;
}

export type Handler<K extends CommandName> = (
  command: CommandOf<K>,
  actor: Person,
  deps: HandlerDeps,
) => Promise<HandlerResult>;
