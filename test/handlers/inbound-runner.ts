// The inbound processor in-process: a runtime on the suite's Redis under a fresh prefix with the
// demo district imported and no workers. `send` puts a text from a roster person (or a stranger)
// through the real jobs/inbound.ts and handlers, `click` a card button; each returns the outbound
// jobs the run enqueued (nothing is sent). The handler, job and security tests stand on it.

import { inject } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import { createRuntime, type Runtime } from '../../src/runtime.js';
import { createStore } from '../../src/store/redis-store.js';
import type { FullStore } from '../../src/store/store.js';
import type { Roster, Person } from '../../src/domain/roster.js';
import type {
  Attachment,
  CardAction,
  InboundAction,
  InboundMessage,
  Platform,
} from '../../src/domain/inbound.js';
import { outboundJobId, sendsOf, type OutboundJob } from '../../src/queue/outbound-job.js';
import { inboundJobId } from '../../src/queue/accept.js';
import { processInbound } from '../../jobs/inbound.js';
import { LogSink, testPrefix } from '../helpers/service.js';
import { noDefer } from '../helpers/no-defer.js';
import { demoRoster } from '../helpers/district.js';

export interface Sent {
  jobId: string;
  data: OutboundJob;
}

export interface InboundRunner {
  rt: Runtime;
  store: FullStore;
  logs: LogSink;
  roster: Roster;
  person(id: string): Person;
  setNow(iso: string): void;
  /** a typed message from a roster person (or any platform user id with `asUser`), through the real processor */
  send(from: string, text: string, o?: SendOptions): Promise<Run>;
  /** a card click */
  click(
    from: string,
    action: CardAction,
    item: string,
    o?: { value?: string; id?: string; platform?: Platform },
  ): Promise<Run>;
  /** run a prepared inbound again under the same job id (a retried job) */
  rerun(run: Run): Promise<Run>;
  /** every outbound job waiting in the queue */
  outbound(): Promise<Sent[]>;
  close(): Promise<void>;
}

export interface SendOptions {
  group?: boolean;
  conversationId?: string;
  platform?: Platform;
  /** a platform user id not on the roster */
  asUser?: string;
  attachments?: Attachment[];
  id?: string;
  /** the text is a platform's transcription of a voice message */
  voice?: boolean;
  /** the text of the message this one quotes */
  quote?: string;
}

export interface Run {
  inbound: InboundMessage | InboundAction;
  jobId: string;
  result: unknown;
  /** the outbound jobs this run produced (by their deterministic ids) */
  jobs: Sent[];
  /** shortcuts */
  sends: Extract<OutboundJob, { kind: 'send' }>[];
  updates: Extract<OutboundJob, { kind: 'card_update' }>[];
}

let seq = 0;

/** A runtime on the suite's Redis under a fresh prefix, the demo roster imported, no workers. */
export async function openInboundRunner(startIso = '2026-03-16T09:00:00+08:00'): Promise<InboundRunner> {
  let now = new Date(startIso);
  const logs = new LogSink();
  // handlers, not the per-sender limit (test/security/rate-limit.test.ts), are under test here
  const config = loadConfig({ LOG_LEVEL: 'info', SENDER_RATE_LIMIT: '10000/min' });
  const rt = await createRuntime({
    config,
    log: createLogger('info', logs),
    prefix: testPrefix(),
    redisUrl: inject('redisUrl'),
    now: () => now,
  });
  const store = createStore(rt.redis, rt.prefix);
  const roster = demoRoster();
  await store.importRoster(roster);
  const person = (id: string) => {
    const p = roster.people.find((x) => x.id === id);
    if (!p) throw new Error(`no person ${id}`);
    return p;
  };
  const userId = (p: Person, platform: Platform) =>
    platform === 'sim' ? p.id : platform === 'wecom' ? p.wecomId : p.dingtalkId;
  const pickPlatform = (p: Person): Platform => (p.wecomId ? 'wecom' : p.dingtalkId ? 'dingtalk' : 'sim');

  const all = async (): Promise<Sent[]> => {
    const jobs = await rt.jobQueues.outbound.getJobs(['waiting', 'prioritized', 'delayed']);
    return jobs.map((j) => ({ jobId: j.id!, data: j.data as OutboundJob }));
  };
  const run = async (inbound: InboundMessage | InboundAction): Promise<Run> => {
    const jobId = inboundJobId(inbound);
    const result = await processInbound(inbound, {
      rt,
      jobId,
      attempt: 0,
      attempts: 8,
      jobName: inbound.kind,
      defer: noDefer,
    });
    const prefix = outboundJobId(jobId, '');
    const jobs = (await all()).filter((j) => j.jobId.startsWith(prefix));
    return {
      inbound,
      jobId,
      result,
      jobs,
      sends: jobs.flatMap((j) => sendsOf(j.data)),
      updates: jobs
        .map((j) => j.data)
        .filter((d): d is Extract<OutboundJob, { kind: 'card_update' }> => d.kind === 'card_update'),
    };
  };

  return {
    rt,
    store,
    logs,
    roster,
    person,
    setNow: (iso) => {
      now = new Date(iso);
    },
    async send(from, text, o = {}) {
      const p = o.asUser ? undefined : person(from);
      const platform = o.platform ?? (p ? pickPlatform(p) : 'wecom');
      const senderId = o.asUser ?? userId(p!, platform);
      if (!senderId) throw new Error(`${from} has no ${platform} id`);
      const group = o.group ?? false;
      const msg: InboundMessage = {
        kind: 'message',
        platform,
        channel: platform === 'wecom' ? 'wecom-bot' : platform === 'dingtalk' ? 'dingtalk-robot' : 'sim',
        id: o.id ?? `msg-${++seq}-${Date.now()}`,
        conversation: {
          id: o.conversationId ?? (group ? 'wrDemoZone1Group' : `dm-${senderId}`),
          isGroup: group,
        },
        senderId,
        text,
        attachments: o.attachments ?? [],
        at: now.toISOString(),
        replyVia: platform === 'wecom' ? { responseUrl: 'https://qyapi.example/response/abc' } : undefined,
        ...(o.voice ? { voice: true as const } : {}),
        ...(o.quote !== undefined ? { quote: { text: o.quote } } : {}),
      };
      return run(msg);
    },
    async click(from, action, item, o = {}) {
      const p = person(from);
      const platform = o.platform ?? pickPlatform(p);
      const a: InboundAction = {
        kind: 'action',
        platform,
        channel: platform === 'wecom' ? 'wecom-app' : platform === 'dingtalk' ? 'dingtalk-card' : 'sim',
        id: o.id ?? `click-${++seq}-${Date.now()}`,
        senderId: userId(p, platform)!,
        action,
        item,
        value: o.value,
        at: now.toISOString(),
        cardRef:
          platform === 'wecom' ? { responseCode: 'rc-1', taskId: 'task-1' } : { outTrackId: 'track-1' },
      };
      return run(a);
    },
    rerun: (r) => run(r.inbound),
    outbound: all,
    async close() {
      await rt.jobQueues.outbound.obliterate({ force: true }).catch(() => undefined);
      await rt.close();
    },
  };
}

/** The text of the send to `origin` (the answer in place). */
export function originText(r: Run): string {
  const s = r.sends.find((x) => x.to.type === 'origin');
  if (!s) throw new Error(`no origin reply; got ${JSON.stringify(r.sends.map((x) => x.to))}`);
  return s.card.text;
}

/** Sends to a roster person. */
export function toPersonSends(r: Run, personId: string) {
  return r.sends.filter((x) => x.to.type === 'person' && x.to.personId === personId);
}

/** The example record of docs/spec/commands.md, for the demo district. */
export const RECORD_TEXT = `@督导助手 提交督导记录
学校：龙泉小学
日期：3月16日
类型：专项督导（双减）
情况：抽查三、五年级作业公示和课后服务台账。
问题：
1、三年级作业公示栏未按周更新，5个工作日内整改
2、课后服务学生签到表缺2月数据；3月31日前补齐`;
