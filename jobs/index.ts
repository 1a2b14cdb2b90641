import type { Processors } from './types.js';
import { createInboundProcessor } from './inbound.js';
import { processReminderPass } from './reminder-pass.js';
import { processDailyDigest } from './daily-digest.js';
import { processMonthlyPlan } from './monthly-plan.js';
import { processOutbound } from './outbound.js';

/** Every queue's processor. A queue missing here has no worker in this process. */
export const processors: Processors = {
  // the answer to the sender goes from the inbound job itself when nothing waits before it
  inbound: createInboundProcessor({ answerDirectly: true }),
  'reminder-pass': processReminderPass,
  'daily-digest': processDailyDigest,
  'monthly-plan': processMonthlyPlan,
  outbound: processOutbound,
};
