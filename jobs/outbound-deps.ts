import { createHash } from 'node:crypto';
import type { Runtime } from '../src/runtime.js';
import type { Platform } from '../src/domain/inbound.js';
import { createStore } from '../src/store/redis-store.js';
import type { FullStore } from '../src/store/store.js';
import { USED_TTL_S, outboundKeys, type OutboundKeys } from '../src/store/keys.js';
import type { PlatformSender } from '../src/platforms/outbound.js';
import type { PlatformError } from '../src/platforms/platform-error.js';
import { RateLimiter } from '../src/platforms/rate-limit.js';
import { WecomClient } from '../src/platforms/wecom/client.js';
import { WecomSender } from '../src/platforms/wecom/send.js';
import { DingtalkClient } from '../src/platforms/dingtalk/client.js';
import { DingtalkSender } from '../src/platforms/dingtalk/send.js';
import { SimSender } from '../src/platforms/sim/send.js';
import { UrlPolicy } from '../src/platforms/url-policy.js';

/** The store reads and writes the outbound job needs. */
export type OutboundStore = Pick<
  FullStore,
  | 'findPerson'
  | 'getPerson'
  | 'getLastPlatform'
  | 'listChats'
  | 'recordDelivery'
  | 'recordSend'
  | 'deliveryEntries'
  // a sent card made again for its update (jobs/remake-card.ts)
  | 'getItem'
  | 'getRecord'
  | 'getSchool'
>;

/** Knobs for tests and tuning; the defaults are production's. */
export interface OutboundOptions {
  store?: (rt: Runtime) => OutboundStore;
  /** per HTTP request (default 10 s) */
  timeoutMs?: number;
  /** in-process retries of one call, before the job's own retry takes over */
  retry?: { attempts: number; baseMs: number; maxMs: number };
  /**
   * longest in-process wait for a rate-limit slot before the job is put back until its slot comes
   * (default 250 ms: a job waiting longer would hold a worker slot that an answer needs)
   */
  maxRateWaitMs?: number;
}

export interface OutboundDeps {
  store: OutboundStore;
  keys: OutboundKeys;
  senders: Record<Platform, PlatformSender>;
}

/** The app's identity in the token key, never the secret itself. */
const appId = (...parts: (string | undefined)[]) =>
  createHash('sha256').update(parts.join('|')).digest('hex').slice(0, 16);

/** Clients and senders, built once per runtime (one token cache per app, shared through Redis). */
export function outboundDeps(
  rt: Runtime,
  o: OutboundOptions,
  cache: WeakMap<Runtime, OutboundDeps>,
): OutboundDeps {
  const hit = cache.get(rt);
  if (hit) return hit;
  const c = rt.config;
  const keys = outboundKeys(rt.prefix);
  const limiter = new RateLimiter(rt.redis, o.maxRateWaitMs ?? 250);
  const onRetry = (e: PlatformError) => {
    rt.metrics.sendFailures.inc({ platform: e.platform });
    rt.log.info(
      { platform: e.platform, code: e.code, kind: e.kind },
      `send attempt failed, retrying: ${e.hint}`,
    );
  };
  const wecom = wecomClient(rt, o, onRetry);
  const dingtalk = dingtalkClient(rt, o, onRetry);
  const deps: OutboundDeps = {
    store: (o.store ?? ((r: Runtime) => createStore(r.redis, r.prefix)))(rt),
    keys,
    senders: {
      wecom: new WecomSender(wecom, rt.redis, keys, limiter),
      dingtalk: new DingtalkSender(dingtalk, keys, limiter, {
        templateId: c.DINGTALK_CARD_TEMPLATE_ID,
        mode: c.DINGTALK_MODE,
      }),
      sim: new SimSender(rt.redis, keys),
    },
  };
  // the used-code sets of earlier versions never expired: let them go once their codes are dead
  for (const kind of ['response_code', 'response_url'] as const)
    void rt.redis.expire(keys.legacyUsedSet(kind), USED_TTL_S[kind]).catch(() => undefined);
  cache.set(rt, deps);
  return deps;
}

/** The WeCom API client of this runtime's self-built app (token shared through Redis with every process). */
export function wecomClient(
  rt: Runtime,
  o: Pick<OutboundOptions, 'timeoutMs' | 'retry'> = {},
  onRetry?: (e: PlatformError) => void,
): WecomClient {
  const c = rt.config;
  return new WecomClient({
    baseUrl: c.WECOM_API_BASE.replace(/\/$/, ''),
    urls: urlPolicy(rt),
    corpId: c.WECOM_CORP_ID,
    secret: c.WECOM_SECRET,
    agentId: c.WECOM_AGENT_ID ? Number(c.WECOM_AGENT_ID) : undefined,
    redis: rt.redis,
    tokenKey: outboundKeys(rt.prefix).token(
      'wecom',
      appId(c.WECOM_CORP_ID, c.WECOM_AGENT_ID, c.WECOM_SECRET),
    ),
    timeoutMs: o.timeoutMs,
    retry: o.retry,
    onRetry,
  });
}

/** The one outbound URL policy (src/platforms/url-policy.ts), from the configured platform bases. */
export function urlPolicy(rt: Runtime): UrlPolicy {
  const c = rt.config;
  return new UrlPolicy({
    wecomApiBase: c.WECOM_API_BASE,
    dingtalkApiBase: c.DINGTALK_API_BASE,
    dingtalkOapiBase: c.DINGTALK_OAPI_BASE,
    log: rt.log,
  });
}

/** The DingTalk API client of this runtime's app (token shared through Redis with every process). */
export function dingtalkClient(
  rt: Runtime,
  o: Pick<OutboundOptions, 'timeoutMs' | 'retry'> = {},
  onRetry?: (e: PlatformError) => void,
): DingtalkClient {
  const c = rt.config;
  return new DingtalkClient({
    apiBase: c.DINGTALK_API_BASE.replace(/\/$/, ''),
    appKey: c.DINGTALK_APP_KEY,
    appSecret: c.DINGTALK_APP_SECRET,
    robotCode: c.DINGTALK_ROBOT_CODE,
    urls: urlPolicy(rt),
    redis: rt.redis,
    tokenKey: outboundKeys(rt.prefix).token('dingtalk', appId(c.DINGTALK_APP_KEY, c.DINGTALK_APP_SECRET)),
    timeoutMs: o.timeoutMs,
    retry: o.retry,
    onRetry,
  });
}
