import { inboundSchema } from '../src/domain/inbound.js';
import type { Processor } from './types.js';

/**
 * The inbound job: one accepted message or card click. For now it validates and records that it
 * was handled; the command pipeline (roster → parse → handler → replies) plugs in here.
 */
export const processInbound: Processor = async (data, ctx) => {
  const msg = inboundSchema.parse(data);
  ctx.rt.log.info(
    { job: ctx.jobId, platform: msg.platform, channel: msg.channel, kind: msg.kind },
    'inbound handled',
  );
  return { handled: true };
};
