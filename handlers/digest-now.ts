import { can } from '../src/domain/permissions.js';
import { digestCard } from '../cards/digest.js';
import { infoCard } from '../cards/info.js';
import { buildDigest } from '../src/reports/digest.js';
import { scopeOfPerson } from '../src/reports/scope.js';
import { refuse, today } from './common.js';
import { answerPrivately } from './private-answer.js';
import type { Handler } from './types.js';
import { zh } from '../src/text/zh-CN/index.js';

/**
 * 日报: today's digest now, for a leader (it names schools, so in a group it goes privately); the
 * 无法送达 line only for an administrator (jobs/daily-digest.ts).
 */
export const digestNow: Handler<'digest_now'> = async (_cmd, actor, deps) => {
  const allowed = can(actor, 'digest');
  if (!allowed.ok) return refuse(allowed.message);
  const data = await buildDigest(deps.store, deps.calendar, {
    date: today(deps),
    scope: scopeOfPerson(actor),
    timezone: deps.timezone,
    escalateAfterWorkdays: deps.config.escalateAfterWorkdays,
  });
  // who cannot be reached is the administrators' to fix, so only they read it in the digest
  const shown = actor.roles.includes('admin') ? data : { ...data, unreachable: [] };
  const group = infoCard(zh.handlers.digestNow.title, {
    subtitle: zh.handlers.digestNow.sentPrivatelySubtitle,
  });
  return answerPrivately(deps, actor, {
    title: zh.handlers.digestNow.title,
    ids: [],
    detail: digestCard(shown),
    group,
  });
};
