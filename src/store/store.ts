import type { Attachment, Platform } from '../domain/inbound.js';
import type { Person, School, Zone, Chat, Roster, PlanEntry } from '../domain/roster.js';
import type { VisitRecord, Item, ItemStatus, HistoryEvent, ItemAction } from '../domain/records.js';
import type { SubmitRecord } from '../domain/command.js';

/**
 * The office's memory, as the handlers, jobs and API see it. Implemented on Redis in this folder
 * (keys built in keys.ts only; every state change one atomic script). Handlers depend on this
 * interface, never on ioredis.
 */

/** Where a change came from: makes every write idempotent per platform message. */
export interface Source {
  platform: Platform;
  /** the inbound message / click id; a retried job carrying the same id changes nothing */
  messageId: string;
}

export interface RosterImportResult {
  dryRun: boolean;
  schools: { added: number; updated: number; deactivated: number; unchanged: number };
  people: { added: number; updated: number; deactivated: number; unchanged: number };
  chats: number;
  plan: number;
}

export interface RosterStore {
  /** replace the roster (all or nothing); missing schools/people are deactivated, never deleted */
  importRoster(roster: Roster, opts?: { dryRun?: boolean }): Promise<RosterImportResult>;
  getPerson(id: string): Promise<Person | undefined>;
  /** the roster person behind a platform user id (WeCom userid / DingTalk userId / sim id) */
  findPerson(platform: Platform, platformUserId: string): Promise<Person | undefined>;
  listPeople(): Promise<Person[]>;
  getSchool(id: string): Promise<School | undefined>;
  listSchools(): Promise<School[]>;
  listZones(): Promise<Zone[]>;
  listChats(): Promise<Chat[]>;
  /** bind a group chat (绑定本群); replaces an earlier binding of the same chat */
  bindChat(chat: Chat): Promise<void>;
  listPlan(): Promise<PlanEntry[]>;
  /** the platform a person last wrote from: messages to them go there (WeCom if never) */
  setLastPlatform(personId: string, platform: Platform): Promise<void>;
  getLastPlatform(personId: string): Promise<Platform | undefined>;
  /** roster version: bumps on every import, so caches (the parser's school index) can refresh */
  rosterVersion(): Promise<number>;
}

export interface CreateRecordInput {
  command: SubmitRecord;
  supervisor: string;
  source: Source;
  now: Date;
  /** the record was dictated: a voice message transcribed by the platform (kept in its history) */
  via?: 'voice';
}

export interface CreateRecordResult {
  record: VisitRecord;
  items: Item[];
  /** false when this source message had already created the record (a retried job) */
  created: boolean;
}

/** A transition request: checked against the current state atomically. */
export interface TransitionInput {
  item: string;
  action: ItemAction;
  actor: string;
  source: Source;
  now: Date;
  note?: string;
  attachments?: Attachment[];
  /** request_extension: the requested date; approve_extension, reject: applied as the new deadline */
  until?: string;
}

export type TransitionRefusal =
  | { ok: false; code: 'unknown_item' }
  /** the action is not allowed from the current state (e.g. already closed): carries the state */
  | { ok: false; code: 'bad_state'; item: Item }
  | { ok: false; code: 'no_pending_extension'; item: Item };

export type TransitionResult =
  | {
      ok: true;
      item: Item;
      event: HistoryEvent;
      from: ItemStatus;
      to: ItemStatus;
      duplicate: boolean;
      /** the event's place in the item's history (0 = create): orders the item's states */
      seq: number;
    }
  | TransitionRefusal;

export interface ItemQuery {
  school?: string;
  zone?: string;
  supervisor?: string;
  status?: ItemStatus[];
  /** deadline before this day (YYYY-MM-DD), i.e. overdue as of that day, not closed */
  overdueOn?: string;
  cursor?: string;
  limit?: number;
}

export interface RecordQuery {
  from?: string;
  to?: string;
  school?: string;
  supervisor?: string;
  zone?: string;
  cursor?: string;
  limit?: number;
}

export interface Page<T> {
  items: T[];
  next: string | null;
}

export interface Delivery {
  at: string;
  to: string; // roster person id, or chat binding `zone:Z1`
  platform: Platform;
  channel: string; // e.g. 'wecom-app message/send', 'dingtalk batchSend'
  outcome: 'sent' | 'failed' | 'unreachable';
  messageId?: string;
  error?: string;
  cardKind?: string;
}

export interface WorkStore {
  createRecord(input: CreateRecordInput): Promise<CreateRecordResult>;
  getRecord(id: string): Promise<VisitRecord | undefined>;
  getItem(id: string): Promise<Item | undefined>;
  getItems(ids: string[]): Promise<Item[]>;
  history(itemId: string): Promise<HistoryEvent[]>;
  transition(input: TransitionInput): Promise<TransitionResult>;
  queryItems(q: ItemQuery): Promise<Page<Item>>;
  queryRecords(q: RecordQuery): Promise<Page<VisitRecord>>;
  /** open (not closed) items with deadline <= day, soonest first, streamed in pages */
  scanOpenByDeadline(untilDay: string, cursor?: string, limit?: number): Promise<Page<Item>>;
  /**
   * Evidence: remember that this person just submitted a record / progress report, so images they
   * send within 10 minutes attach to it. `attachEvidence` adds the image to the latest target.
   */
  markEvidenceTarget(
    personId: string,
    target: { type: 'record' | 'item'; id: string },
    now: Date,
  ): Promise<void>;
  attachEvidence(
    personId: string,
    attachment: Attachment,
    source: Source,
    now: Date,
  ): Promise<{ type: 'record' | 'item'; id: string } | undefined>;
  recordDelivery(itemIds: string[], d: Delivery): Promise<void>;
  /**
   * one send's outcome, once per (job, address): the delivery on each item, with `attachment`
   * (a sent card's reference, src/platforms/card-ref-codec.ts) in the same entry
   */
  recordSend(o: {
    /** the outbound job's ledger: `field` marks this send recorded; `legacy`: where earlier versions marked it */
    ledger: { key: string; field: string; ttlS: number; legacy: { key: string; field: string } };
    itemIds: string[];
    delivery: Delivery;
    attachment?: Buffer;
  }): Promise<boolean>;
  deliveries(itemId: string): Promise<Delivery[]>;
  /** an item's deliveries as stored, oldest first, each with its attachment (a sent card's reference) */
  deliveryEntries(itemId: string): Promise<{ delivery: Delivery; attachment?: Buffer }[]>;
}

export interface Store extends RosterStore, WorkStore {}

/**
 * "At most once" claims that outlive a process: a reminder per (item, stage), a digest per
 * (day, leader), the refusal to an unknown person once a day. SET NX with a TTL.
 */
export interface OnceStore {
  /** true the first time for (scope, id) within ttlSeconds */
  claimOnce(scope: string, id: string, ttlSeconds: number): Promise<boolean>;
  /** give a claim back (the send it guarded could not be enqueued) */
  releaseOnce(scope: string, id: string): Promise<void>;
}

export interface FullStore extends Store, OnceStore {}
