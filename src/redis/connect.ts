import { Redis, Cluster, type RedisOptions } from 'ioredis';

export type RedisClient = Redis | Cluster;

export interface ConnectOptions {
  /**
   * 'worker' connections block (BullMQ workers) and must retry forever (maxRetriesPerRequest null);
   * 'fast' connections serve the HTTP path and fail at once while Redis is down, so a callback
   * gets 503 and the platform retries, instead of hanging past the platform's 5 s timeout.
   */
  role: 'worker' | 'fast';
  name?: string;
}

function baseOptions(o: ConnectOptions): RedisOptions {
  return {
    connectionName: o.name,
    maxRetriesPerRequest: o.role === 'worker' ? null : 1,
    enableOfflineQueue: o.role === 'worker',
    retryStrategy: (times) => Math.min(100 * 2 ** Math.min(times, 5), 2000),
    lazyConnect: false,
  };
}

/**
 * REDIS_URL forms (docs/spec/interfaces.md): redis://, rediss://, redis+sentinel://[:pw@]h1:p1,h2:p2/master,
 * or a comma list of redis:// node URLs for Cluster.
 */
export function connectRedis(url: string, o: ConnectOptions): RedisClient {
  const opts = baseOptions(o);
  if (url.startsWith('redis+sentinel://')) {
    const u = new URL(url.replace('redis+sentinel://', 'http://'));
    const hostPart = url.slice('redis+sentinel://'.length).split('/')[0]!.split('@').pop()!;
    const sentinels = hostPart.split(',').map((hp) => {
      const [host, port] = hp.split(':');
      return { host: host!, port: Number(port ?? 26379) };
    });
    const name = u.pathname.replace(/^\//, '') || 'mymaster';
    return new Redis({ ...opts, sentinels, name, password: u.password || undefined });
  }
  const parts = url
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (parts.length > 1) {
    const nodes = parts.map((p) => {
      const u = new URL(p);
      return { host: u.hostname, port: Number(u.port || 6379) };
    });
    const first = new URL(parts[0]!);
    return new Cluster(nodes, {
      redisOptions: {
        ...opts,
        password: first.password || undefined,
        tls: first.protocol === 'rediss:' ? {} : undefined,
      },
      enableOfflineQueue: opts.enableOfflineQueue,
      clusterRetryStrategy: opts.retryStrategy,
    });
  }
  return new Redis(url, opts);
}

export function isCluster(c: RedisClient): c is Cluster {
  return c instanceof Cluster;
}
