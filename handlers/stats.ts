import { statsCard } from '../cards/stats.js';
import { buildStats } from '../src/reports/stats.js';
import { scopeOfPerson } from '../src/reports/scope.js';
import { refuse, toOrigin, today } from './common.js';
import type { Handler } from './types.js';
import { zh } from '../src/text/zh-CN/index.js';

/** 统计 [本周/本月/上月/2021年3月]: counts for the asker's zones (aggregates: fine in a group). */
export const stats: Handler<'stats'> = async (cmd, actor, deps) => {
  if (!actor.active || !actor.roles.some((r) => r === 'supervisor' || r === 'leader')) {
    return refuse(zh.handlers.stats.onlyStaff, zh.handlers.overdue.principalHint);
  }
  const data = await buildStats(deps.store, {
    from: cmd.from,
    to: cmd.to,
    scope: scopeOfPerson(actor),
    today: today(deps),
  });
  // what the parser assumed about the period (本月 = …) is shown on the card
  return { replies: [toOrigin(statsCard(data, deps.assumptions))] };
};
