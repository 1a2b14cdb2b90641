import type { Inbound } from '../domain/inbound.js';

/** What a platform decoder returns: a neutral inbound to store, or a callback that needs no work. */
export type Decoded = { kind: 'inbound'; inbound: Inbound } | { kind: 'ignore'; reason: string };

/** The payload passed verification but is not a message we can read: 400 `malformed`. */
export class DecodeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DecodeError';
  }
}
