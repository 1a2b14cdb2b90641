// A local stand-in for DingTalk's Stream gateway (protocol:
// https://open.dingtalk.com/document/direction/stream-mode-protocol-access-description):
// `POST /v1.0/gateway/connections/open` hands out {endpoint: ws://127.0.0.1:PORT/, ticket}, the
// WebSocket accepts each ticket once, and the test pushes frames and reads the client's replies.

import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

export interface OpenRequest {
  headers: IncomingMessage['headers'];
  body: {
    clientId?: string;
    clientSecret?: string;
    ua?: string;
    subscriptions?: { type: string; topic: string }[];
  };
  ticket: string;
}

export interface Reply {
  code?: number;
  headers?: { messageId?: string; [k: string]: unknown };
  message?: string;
  data?: string;
}

export class FakeDingtalkGateway {
  readonly opens: OpenRequest[] = [];
  readonly connections: { ws: WebSocket; ticket: string; replies: Reply[]; closed: boolean }[] = [];
  /** when false, the open endpoint answers 503 (gateway down) */
  available = true;
  private server: Server;
  private wss = new WebSocketServer({ noServer: true });
  private issued = new Set<string>();
  private waiters: (() => void)[] = [];
  url = '';

  constructor() {
    this.server = createServer((req, res) => {
      let raw = '';
      req.on('data', (c) => (raw += c));
      req.on('end', () => {
        if (req.method !== 'POST' || req.url !== '/v1.0/gateway/connections/open' || !this.available) {
          res.writeHead(this.available ? 404 : 503).end();
          return;
        }
        const ticket = `ticket-${this.opens.length + 1}`;
        this.issued.add(ticket);
        this.opens.push({
          headers: req.headers,
          body: JSON.parse(raw || '{}') as OpenRequest['body'],
          ticket,
        });
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ endpoint: `${this.url.replace('http', 'ws')}/`, ticket }));
        this.notify();
      });
    });
    this.server.on('upgrade', (req, socket, head) => {
      const ticket = new URL(req.url ?? '/', 'http://x').searchParams.get('ticket') ?? '';
      if (!this.issued.delete(ticket)) {
        socket.end('HTTP/1.1 401 Unauthorized\r\n\r\n');
        return;
      }
      this.wss.handleUpgrade(req, socket, head, (ws) => {
        const conn = { ws, ticket, replies: [] as Reply[], closed: false };
        this.connections.push(conn);
        ws.on('message', (d) => {
          conn.replies.push(JSON.parse(d.toString()) as Reply);
          this.notify();
        });
        ws.on('close', () => {
          conn.closed = true;
          this.notify();
        });
        this.notify();
      });
    });
  }

  async start(): Promise<this> {
    await new Promise<void>((res) => this.server.listen(0, '127.0.0.1', res));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  private notify() {
    const w = this.waiters.splice(0);
    for (const f of w) f();
  }

  /** Wait until `cond` holds (re-checked on every gateway event), or fail after `ms`. */
  async until<T>(cond: () => T | undefined | false, ms = 10_000, what = 'condition'): Promise<T> {
    const deadline = Date.now() + ms;
    for (;;) {
      const v = cond();
      if (v) return v;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`fake gateway: timed out waiting for ${what}`);
      await new Promise<void>((res) => {
        const t = setTimeout(res, Math.min(left, 200));
        this.waiters.push(() => {
          clearTimeout(t);
          res();
        });
      });
    }
  }

  /** The n-th connection (1-based) once it is open. */
  connection(n: number, ms?: number) {
    return this.until(() => this.connections[n - 1], ms, `connection #${n}`);
  }

  live() {
    return this.connections.filter((c) => !c.closed);
  }

  /** Push a CALLBACK frame as DingTalk does: data is the JSON string of the payload. */
  callback(conn: { ws: WebSocket }, topic: string, messageId: string, payload: unknown): void {
    conn.ws.send(
      JSON.stringify({
        specVersion: '1.0',
        type: 'CALLBACK',
        headers: {
          appId: 'app',
          connectionId: 'c',
          contentType: 'application/json',
          messageId,
          time: String(Date.now()),
          topic,
        },
        data: typeof payload === 'string' ? payload : JSON.stringify(payload),
      }),
    );
  }

  system(conn: { ws: WebSocket }, topic: string, messageId: string, data = '{}'): void {
    conn.ws.send(
      JSON.stringify({
        specVersion: '1.0',
        type: 'SYSTEM',
        headers: { contentType: 'application/json', messageId, time: String(Date.now()), topic },
        data,
      }),
    );
  }

  replyTo(conn: { replies: Reply[] }, messageId: string): Reply | undefined {
    return conn.replies.find((r) => r.headers?.messageId === messageId);
  }

  async close(): Promise<void> {
    for (const c of this.connections) c.ws.terminate();
    this.wss.close();
    await new Promise<void>((res) => this.server.close(() => res()));
  }
}
