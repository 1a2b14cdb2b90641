import { helpCard } from '../cards/help.js';
import { toOrigin } from './common.js';
import { rosterView } from './roster-view.js';
import type { Handler } from './types.js';

/** 帮助: what this person can do, with examples naming a school they work with. */
export const help: Handler<'help'> = async (_cmd, actor, deps) => {
  const view = await rosterView(deps);
  let school = actor.school ? view.schools.get(actor.school) : undefined;
  if (!school) {
    const zone = actor.zones.find((z) => z !== '*');
    school = [...view.schools.values()].find((s) => s.active && (zone === undefined || s.zone === zone));
  }
  const card = helpCard({ roles: actor.roles, personName: actor.name, exampleSchool: school?.name });
  return { replies: [toOrigin(card)] };
};
