import type { RedisClient } from '../redis/connect.js';
import { isCluster } from '../redis/connect.js';
import { fail, info, ok, warn, type Finding } from './finding.js';
import { zh } from '../text/zh-CN/index.js';

/** INFO text → field map. */
export function parseInfo(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const i = line.indexOf(':');
    if (i > 0 && !line.startsWith('#')) out[line.slice(0, i)] = line.slice(i + 1).trim();
  }
  return out;
}

const versionAtLeast = (v: string, major: number, minor: number) => {
  const [a = 0, b = 0] = v.split('.').map(Number);
  return a > major || (a === major && b >= minor);
};

/**
 * What docs/production.md asks of Redis, read with INFO (CONFIG may be renamed or refused on a
 * managed Redis; then appendfsync is not known and said so): version 6.2+, maxmemory-policy
 * noeviction (an evicting Redis silently deletes jobs, deduplication keys and items), the
 * append-only file on and its last write good, memory headroom.
 */
export async function redisFindings(redis: RedisClient, where: string): Promise<Finding[]> {
  const nodes: RedisClient[] = isCluster(redis) ? redis.nodes('master') : [redis];
  const out: Finding[] = [];
  for (const [i, node] of nodes.entries()) {
    const label = nodes.length > 1 ? zh.doctor.redis.node(i + 1, nodes.length) : '';
    const f = parseInfo(await node.info());
    const version = f.redis_version ?? '?';
    if (!versionAtLeast(version, 6, 2))
      out.push(fail(zh.doctor.redis.tooOld.text(version, label), zh.doctor.redis.tooOld.fix));
    else out.push(ok(zh.doctor.redis.connected(where, label, version)));
    const policy = f.maxmemory_policy ?? '?';
    if (policy !== 'noeviction')
      out.push(fail(zh.doctor.redis.evicts.text(policy, label), zh.doctor.redis.evicts.fix));
    else out.push(ok(zh.doctor.redis.noeviction(label)));
    if (f.aof_enabled !== '1') out.push(fail(zh.doctor.redis.noAof.text(label), zh.doctor.redis.noAof.fix));
    else if (f.aof_last_write_status && f.aof_last_write_status !== 'ok')
      out.push(
        fail(zh.doctor.redis.aofFailed.text(label, f.aof_last_write_status), zh.doctor.redis.aofFailed.fix),
      );
    else {
      let fsync: string | undefined;
      try {
        const r = (await node.call('CONFIG', 'GET', 'appendfsync')) as string[];
        fsync = r[1];
      } catch {
        fsync = undefined;
      }
      if (fsync === 'always') out.push(ok(zh.doctor.redis.fsyncAlways(label)));
      else if (fsync === 'everysec')
        out.push(warn(zh.doctor.redis.fsyncEverysec.text(label), zh.doctor.redis.fsyncEverysec.fix));
      else if (fsync === 'no')
        out.push(fail(zh.doctor.redis.fsyncNo.text(label), zh.doctor.redis.fsyncNo.fix));
      else out.push(ok(zh.doctor.redis.fsyncUnknown(label)));
    }
    const max = Number(f.maxmemory ?? 0);
    const used = Number(f.used_memory ?? 0);
    if (max > 0 && used / max > 0.8)
      out.push(
        warn(
          zh.doctor.redis.memoryHigh.text(Math.round((used / max) * 100), label),
          zh.doctor.redis.memoryHigh.fix,
        ),
      );
    else if (max === 0) out.push(info(zh.doctor.redis.memory((used / 1024 ** 2).toFixed(1), label)));
  }
  return out;
}
