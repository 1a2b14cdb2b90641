// A TCP relay in front of the fake platform that can be switched off: while down nothing listens
// on its port, so the service meets ECONNREFUSED, as when the platform's API is unreachable.

import {
  createServer as createNetServer,
  connect as netConnect,
  type Server as NetServer,
  type Socket,
} from 'node:net';
import { freePort } from '../../src/redis/embedded-redis.js';
import type { FakePlatform } from '../fakes/fake-platform.js';
import type { Scope } from './processes.js';

export class Switch {
  url = '';
  port = 0;
  private server?: NetServer;
  private sockets = new Set<Socket>();
  constructor(private readonly target: number) {}

  static async start(scope: Scope, fake: FakePlatform): Promise<Switch> {
    const s = new Switch(Number(new URL(fake.url).port));
    s.port = await freePort();
    s.url = `http://127.0.0.1:${s.port}`;
    await s.up();
    scope.defer(() => s.down());
    return s;
  }

  async up(): Promise<void> {
    if (this.server) return;
    const server = createNetServer((inbound) => {
      const outbound = netConnect({ port: this.target, host: '127.0.0.1' });
      for (const s of [inbound, outbound]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => {
          inbound.destroy();
          outbound.destroy();
        });
      }
      inbound.pipe(outbound).pipe(inbound);
    });
    await new Promise<void>((res, rej) => {
      server.once('error', rej);
      server.listen(this.port, '127.0.0.1', () => res());
    });
    this.server = server;
  }

  async down(): Promise<void> {
    const s = this.server;
    if (!s) return;
    this.server = undefined;
    for (const sock of this.sockets) sock.destroy();
    this.sockets.clear();
    await new Promise<void>((res) => s.close(() => res()));
  }
}
