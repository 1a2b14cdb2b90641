import type { RedisClient } from '../redis/connect.js';
import { isCluster } from '../redis/connect.js';
import { fail, info, ok, warn, type Finding } from './finding.js';

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
    const label = nodes.length > 1 ? `（主节点 ${i + 1}/${nodes.length}）` : '';
    const f = parseInfo(await node.info());
    const version = f.redis_version ?? '?';
    if (!versionAtLeast(version, 6, 2))
      out.push(
        fail(`Redis ${version}${label} 太旧`, '需要 Redis 6.2 或更新版本（BullMQ 和 dudao 的脚本依赖它）'),
      );
    else out.push(ok(`能连接 ${where}${label}，Redis ${version}`));
    const policy = f.maxmemory_policy ?? '?';
    if (policy !== 'noeviction')
      out.push(
        fail(
          `maxmemory-policy 是 ${policy}${label}：内存满时 Redis 会悄悄删除数据（任务、去重记录、整改事项）`,
          '在 redis.conf 中写 maxmemory-policy noeviction 并重启 Redis（或 CONFIG SET maxmemory-policy noeviction 后 CONFIG REWRITE）',
        ),
      );
    else out.push(ok(`maxmemory-policy noeviction${label}`));
    if (f.aof_enabled !== '1')
      out.push(
        fail(
          `AOF（appendonly）没有开启${label}：Redis 重启或断电会丢失上次快照以后的全部数据`,
          '在 redis.conf 中写 appendonly yes 和 appendfsync always（或 everysec）并重启 Redis（见 docs/production.md）',
        ),
      );
    else if (f.aof_last_write_status && f.aof_last_write_status !== 'ok')
      out.push(
        fail(
          `AOF 最近一次写入失败${label}（${f.aof_last_write_status}）`,
          '检查 Redis 数据目录的磁盘空间和权限，以及 Redis 日志',
        ),
      );
    else {
      let fsync: string | undefined;
      try {
        const r = (await node.call('CONFIG', 'GET', 'appendfsync')) as string[];
        fsync = r[1];
      } catch {
        fsync = undefined;
      }
      if (fsync === 'always') out.push(ok(`AOF 已开启，appendfsync always${label}`));
      else if (fsync === 'everysec')
        out.push(
          warn(
            `AOF 已开启，appendfsync everysec${label}：断电或内核崩溃时可能丢失最后 1 秒的消息`,
            '磁盘够快时改为 appendfsync always（见 docs/production.md）',
          ),
        );
      else if (fsync === 'no')
        out.push(
          fail(
            `appendfsync no${label}：写入何时落盘由操作系统决定，断电会丢失数据`,
            '改为 appendfsync always（见 docs/production.md）',
          ),
        );
      else out.push(ok(`AOF 已开启${label}（无法读取 appendfsync：CONFIG 命令不可用）`));
    }
    const max = Number(f.maxmemory ?? 0);
    const used = Number(f.used_memory ?? 0);
    if (max > 0 && used / max > 0.8)
      out.push(
        warn(
          `Redis 内存已用 ${Math.round((used / max) * 100)}%${label}`,
          '增大 maxmemory 或机器内存：满了以后服务会拒收消息',
        ),
      );
    else if (max === 0)
      out.push(info(`Redis 已用内存 ${(used / 1024 ** 2).toFixed(1)} MB${label}（未设置 maxmemory）`));
  }
  return out;
}
