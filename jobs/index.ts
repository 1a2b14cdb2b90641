import type { Processors } from './types.js';
import { processInbound } from './inbound.js';

/** Every queue's processor. A queue missing here has no worker in this process. */
export const processors: Processors = {
  inbound: processInbound,
};
