// DingTalk Stream mode (DINGTALK_MODE=stream) with the official `dingtalk-stream` SDK 2.1.5.
//
// Protocol (Stream模式协议接入说明, https://open.dingtalk.com/document/direction/stream-mode-protocol-access-description):
// POST {DINGTALK_API_BASE}/v1.0/gateway/connections/open {clientId, clientSecret, ua, subscriptions}
// → {endpoint, ticket}; connect to `endpoint?ticket=`; frames are {type: SYSTEM|EVENT|CALLBACK,
// headers: {topic, messageId, ...}, data: "<json>"}; a CALLBACK is acknowledged with
// {code: 200, headers: {messageId}, message: "OK", data} — unacknowledged ones are pushed again
// (SDK doc comment on socketCallBackResponse: retried within ~60 s).
//
// What we take from the SDK: the client and its config, getEndpoint() (overridden), topic
// dispatch (registerCallbackListener / onCallback) and the ack frame (socketCallBackResponse).
// What we do ourselves, because of its known faults (docs/spec/interfaces.md, and issues #13,
// #16, #18 of open-dingtalk/dingtalk-stream-sdk-nodejs): the gateway URL (hard-coded there), the
// socket and one reconnect loop with backoff (its autoReconnect can loop every second, leaks
// sockets and misses TLS errors), heartbeats (ws ping/pong and an idle watchdog against zombie
// connections), and no console output (`debug: true` prints the secret; we never set it and
// never call its connect()/disconnect(), which print).
//
// A robot message is acknowledged only after accept() stored it; when Redis is down there is no
// ack and DingTalk delivers it again, and the job-id dedup makes a redelivery one job. After a
// `disconnect` SYSTEM frame (the server stops delivering on that connection and closes it ~10 s
// later) we open a new connection with a new ticket at once and retire the old socket once the
// new one is up.

import WebSocket from 'ws';
import { DWClient, TOPIC_CARD, TOPIC_ROBOT, type DWClientDownStream } from 'dingtalk-stream';
import { acceptOrUnavailable, type IngressDeps } from '../ingress.js';
import type { Decoded } from '../decoded.js';
import { decodeRobotMessage } from './decode-robot.js';
import { decodeCardCallback } from './decode-card.js';

export interface StreamOptions {
  /** first delay after a failed attempt; doubles up to maxBackoffMs (1 s) */
  minBackoffMs?: number;
  /** cap; keeps reconnection within 30 s of the gateway coming back (15 s) */
  maxBackoffMs?: number;
  /** ws ping period; no pong by the next ping → the socket is dead (10 s) */
  pingIntervalMs?: number;
  /** no frame at all for this long → zombie connection, reconnect (180 s) */
  idleTimeoutMs?: number;
  /** gateway request and WebSocket handshake timeout (10 s) */
  openTimeoutMs?: number;
}

export interface DingtalkStream {
  close(): Promise<void>;
}

class GatewayClient extends DWClient {
  private wsUrl = '';
  constructor(
    private readonly base: string,
    clientId: string,
    clientSecret: string,
  ) {
    super({ clientId, clientSecret, ua: 'dudao/0.1', keepAlive: false, debug: false });
    this.config.autoReconnect = false; // belt and braces: its connect() is never called
    this.config.subscriptions.length = 0; // no EVENT "*": only the CALLBACK topics registered below
  }

  /** The SDK's version posts to a hard-coded https://api.dingtalk.com; ours uses DINGTALK_API_BASE. */
  override async getEndpoint(signal?: AbortSignal): Promise<this> {
    const res = await fetch(`${this.base.replace(/\/+$/, '')}/v1.0/gateway/connections/open`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({
        clientId: this.config.clientId,
        clientSecret: this.config.clientSecret,
        ua: this.config.ua,
        subscriptions: this.config.subscriptions,
      }),
      signal,
    });
    if (!res.ok) throw new Error(`gateway answered HTTP ${res.status}`);
    const j = (await res.json()) as { endpoint?: unknown; ticket?: unknown };
    if (typeof j.endpoint !== 'string' || typeof j.ticket !== 'string' || !j.endpoint || !j.ticket)
      throw new Error('gateway answer has no endpoint/ticket');
    this.wsUrl = `${j.endpoint}${j.endpoint.includes('?') ? '&' : '?'}ticket=${encodeURIComponent(j.ticket)}`;
    return this;
  }

  url(): string {
    return this.wsUrl;
  }

  /** Point the SDK's send()/socketCallBackResponse() at the live socket (a private field there). */
  use(ws: WebSocket | undefined): void {
    (this as unknown as { socket?: WebSocket }).socket = ws;
    this.connected = ws !== undefined;
  }
}

const errText = (e: unknown) =>
  (e instanceof Error ? e.message : String(e)).replace(/ticket=[^\s&]*/g, 'ticket=…').slice(0, 200);

export function startDingtalkStream(deps: IngressDeps, opts: StreamOptions = {}): DingtalkStream {
  const c = deps.config;
  const o = {
    minBackoffMs: 1000,
    maxBackoffMs: 15_000,
    pingIntervalMs: 10_000,
    idleTimeoutMs: 180_000,
    openTimeoutMs: 10_000,
    ...opts,
  };
  const client = new GatewayClient(c.DINGTALK_API_BASE, c.DINGTALK_APP_KEY!, c.DINGTALK_APP_SECRET!);
  const log = deps.log.child({ platform: 'dingtalk', part: 'stream' });
  let closed = false;
  const sockets = new Set<WebSocket>();
  let abort: AbortController | undefined;
  let wake: (() => void) | undefined;
  let stopServing: (() => void) | undefined;

  const ack = (messageId: string) => {
    try {
      client.socketCallBackResponse(messageId, {});
    } catch (e) {
      log.warn({ err: errText(e) }, 'cannot acknowledge a stream message; DingTalk will deliver it again');
    }
  };

  async function onCallback(frame: DWClientDownStream, decode: (data: string) => Decoded): Promise<void> {
    const messageId = frame.headers?.messageId;
    if (!messageId) return;
    let decoded: Decoded;
    try {
      decoded = decode(frame.data);
    } catch {
      deps.metrics.callbacks.inc({ platform: 'dingtalk', outcome: 'malformed' });
      log.warn(
        { topic: frame.headers.topic },
        'unreadable stream message acknowledged and dropped: check the robot / card template',
      );
      return ack(messageId); // a redelivery would be just as unreadable
    }
    if (decoded.kind === 'inbound') {
      try {
        await acceptOrUnavailable(deps, 'dingtalk', decoded.inbound);
      } catch {
        return; // not stored: no ack, so DingTalk delivers it again
      }
    }
    ack(messageId);
  }

  client.registerCallbackListener(
    TOPIC_ROBOT,
    (f) => void onCallback(f, (d) => decodeRobotMessage(d, 'dingtalk-stream', deps.now())),
  );
  client.registerCallbackListener(
    TOPIC_CARD,
    (f) => void onCallback(f, (d) => decodeCardCallback(d, deps.now())),
  );

  function handleFrame(ws: WebSocket, raw: WebSocket.RawData, onDisconnect: () => void): void {
    let frame: DWClientDownStream;
    try {
      frame = JSON.parse(raw.toString()) as DWClientDownStream;
    } catch {
      log.warn('unreadable stream frame ignored');
      return;
    }
    if (!frame || typeof frame !== 'object' || !frame.headers) return;
    try {
      if (frame.type === 'SYSTEM') {
        if (frame.headers.topic === 'ping')
          ws.send(JSON.stringify({ code: 200, headers: frame.headers, message: 'OK', data: frame.data }));
        else if (frame.headers.topic === 'disconnect') onDisconnect();
      } else if (frame.type === 'CALLBACK') {
        client.onCallback(frame);
      } else if (frame.type === 'EVENT') {
        client.onEvent(frame); // we subscribe to none; the SDK acknowledges with SUCCESS
      }
    } catch (e) {
      log.warn({ err: errText(e) }, 'stream frame handling failed');
    }
  }

  function open(url: string): Promise<WebSocket> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url, { handshakeTimeout: o.openTimeoutMs });
      sockets.add(ws);
      ws.on('error', () => {}); // failures surface as 'close'; an unhandled 'error' would crash the process
      ws.once('open', () => resolve(ws));
      ws.once('close', () => {
        sockets.delete(ws);
        reject(new Error('connection closed before it opened'));
      });
    });
  }

  /** Serve one connection; resolves with why it ended. The socket is left open only after `disconnect`. */
  function serve(ws: WebSocket): Promise<string> {
    return new Promise((resolve) => {
      let done = false;
      let lastFrame = Date.now();
      let awaitingPong = false;
      const finish = (reason: string) => {
        if (done) return;
        done = true;
        clearInterval(timer);
        stopServing = undefined;
        resolve(reason);
      };
      const timer = setInterval(() => {
        if (awaitingPong || Date.now() - lastFrame > o.idleTimeoutMs) {
          ws.terminate();
          return finish(awaitingPong ? 'no pong' : 'idle');
        }
        awaitingPong = true;
        try {
          ws.ping();
        } catch {
          // not open any more: 'close' ends this connection
        }
      }, o.pingIntervalMs);
      ws.on('pong', () => (awaitingPong = false));
      ws.on('message', (data) => {
        lastFrame = Date.now();
        handleFrame(ws, data, () => finish('disconnect frame'));
      });
      ws.on('close', () => finish('socket closed'));
      stopServing = () => finish('closing');
    });
  }

  const sleep = (ms: number) =>
    new Promise<void>((res) => {
      const t = setTimeout(res, ms);
      wake = () => {
        clearTimeout(t);
        res();
      };
    });

  const loop = (async () => {
    let backoff = 0;
    let retiring: WebSocket | undefined;
    while (!closed) {
      if (backoff > 0) await sleep(backoff * (0.8 + Math.random() * 0.2));
      if (closed) break;
      try {
        abort = new AbortController();
        const timeout = setTimeout(() => abort?.abort(), o.openTimeoutMs);
        await client.getEndpoint(abort.signal).finally(() => clearTimeout(timeout));
        if (closed) break;
        const ws = await open(client.url());
        client.use(ws);
        retiring?.close();
        retiring = undefined;
        backoff = 0;
        log.info({ host: new URL(client.url()).host }, 'dingtalk stream connected');
        const reason = await serve(ws);
        if (reason === 'disconnect frame') retiring = ws; // keep it until the next one is up
        if (!closed) log.info({ reason }, 'dingtalk stream connection ended; reconnecting with a new ticket');
      } catch (e) {
        if (closed) break;
        retiring?.terminate();
        retiring = undefined;
        backoff = Math.min(backoff ? backoff * 2 : o.minBackoffMs, o.maxBackoffMs);
        log.warn(
          { err: errText(e), retryInMs: backoff },
          'cannot open the dingtalk stream: check DINGTALK_APP_KEY/SECRET and DINGTALK_API_BASE',
        );
      }
    }
  })();

  let closing: Promise<void> | undefined;
  return {
    close() {
      closing ??= (async () => {
        closed = true;
        abort?.abort();
        wake?.();
        stopServing?.();
        for (const ws of sockets) ws.terminate();
        client.use(undefined);
        await loop;
      })();
      return closing;
    },
  };
}
