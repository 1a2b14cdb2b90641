// Who may do what (docs/spec/domain.md → People and roles), as pure functions. Handlers call `can` before
// touching the store; a refusal carries a code (for tests and logs) and the Chinese reply.
//
// - supervisor: submit records, recheck (close/reject) and decide extensions for schools in their
//   zones or items they raised; a full-time (专职) supervisor for any school;
// - principal: acknowledge, report progress/done, ask for an extension, add evidence, on their
//   own school's items only;
// - leader: what a supervisor may do, district-wide (全部) or in their zones, and reopen closed items;
// - admin: import the roster, bind chats, run jobs.
// One person may hold several roles: any role that allows the action is enough.

import { zh } from '../text/zh-CN/index.js';
import { ALL_ZONES, type Person, type School } from './roster.js';

export const permissionActions = [
  'submit_record',
  'acknowledge',
  'progress',
  'done',
  'request_extension',
  'attach',
  'close',
  'reject',
  'approve_extension',
  'refuse_extension',
  'reopen',
  'view',
  'view_scope',
  'digest',
  'import_roster',
  'bind_chat',
  'run_jobs',
] as const;
export type PermissionAction = (typeof permissionActions)[number];

export interface PermissionContext {
  /** the school the action concerns (an item's or a record's school) */
  school?: Pick<School, 'id' | 'name' | 'zone'>;
  /** a zone the action concerns, when there is no school (zone statistics) */
  zone?: string;
  /** the supervisor who raised the item: they may always recheck it */
  raisedBy?: string;
}

export type RefusalCode = 'inactive' | 'wrong_role' | 'not_your_school' | 'not_your_zone' | 'missing_school';
export type Permission = { ok: true } | { ok: false; code: RefusalCode; message: string };

const OK: Permission = { ok: true };
/** What the action means in a sentence: "不能为该校提交记录". */
const verbs: Record<PermissionAction, string> = zh.permissions.verbs;

/** Which roles an action needs, and the sentence for someone with none of them. */
const needs: Record<PermissionAction, { roles: Person['roles']; who: string }> = {
  submit_record: { roles: ['supervisor', 'leader'], who: zh.permissions.who.supervisor },
  acknowledge: { roles: ['principal'], who: zh.permissions.who.principal },
  progress: { roles: ['principal'], who: zh.permissions.who.principal },
  done: { roles: ['principal'], who: zh.permissions.who.principal },
  request_extension: { roles: ['principal'], who: zh.permissions.who.principal },
  attach: { roles: ['principal', 'supervisor', 'leader'], who: zh.permissions.who.principalOrSupervisor },
  close: { roles: ['supervisor', 'leader'], who: zh.permissions.who.supervisorOrLeader },
  reject: { roles: ['supervisor', 'leader'], who: zh.permissions.who.supervisorOrLeader },
  approve_extension: { roles: ['supervisor', 'leader'], who: zh.permissions.who.supervisorOrLeader },
  refuse_extension: { roles: ['supervisor', 'leader'], who: zh.permissions.who.supervisorOrLeader },
  reopen: { roles: ['leader'], who: zh.permissions.who.leader },
  view: { roles: ['supervisor', 'leader', 'principal'], who: zh.permissions.who.viewer },
  view_scope: { roles: ['supervisor', 'leader'], who: zh.permissions.who.supervisorOrLeader },
  digest: { roles: ['leader'], who: zh.permissions.who.leader },
  import_roster: { roles: ['admin'], who: zh.permissions.who.admin },
  bind_chat: { roles: ['admin'], who: zh.permissions.who.admin },
  run_jobs: { roles: ['admin'], who: zh.permissions.who.admin },
};

const SCHOOL_ACTIONS = new Set<PermissionAction>([
  'submit_record',
  'acknowledge',
  'progress',
  'done',
  'request_extension',
  'attach',
  'close',
  'reject',
  'approve_extension',
  'refuse_extension',
  'reopen',
  'view',
]);

export function coversZone(person: Pick<Person, 'zones'>, zone: string): boolean {
  return person.zones.includes(ALL_ZONES) || person.zones.includes(zone);
}

/** Does this role of the person reach the context? (school actions need ctx.school) */
function reaches(
  person: Person,
  role: Person['roles'][number],
  action: PermissionAction,
  ctx: PermissionContext,
): boolean {
  const school = ctx.school;
  switch (role) {
    case 'admin':
      return true;
    case 'principal':
      return school !== undefined && person.school === school.id;
    case 'supervisor': {
      if (person.fullTime) return true;
      const zone = school?.zone ?? ctx.zone;
      if (zone === undefined) return !SCHOOL_ACTIONS.has(action); // statistics of their own scope
      if (coversZone(person, zone)) return true;
      return ctx.raisedBy !== undefined && ctx.raisedBy === person.id && action !== 'submit_record';
    }
    case 'leader': {
      const zone = school?.zone ?? ctx.zone;
      return zone === undefined ? !SCHOOL_ACTIONS.has(action) : coversZone(person, zone);
    }
  }
}

/** May `person` do `action` in `ctx`? Pure; the message is the Chinese reply for a refusal. */
export function can(person: Person, action: PermissionAction, ctx: PermissionContext = {}): Permission {
  if (!person.active) {
    return {
      ok: false,
      code: 'inactive',
      message: zh.permissions.inactive(
        verbs[action].replace(zh.permissions.thisSchool, zh.permissions.aSchool),
      ),
    };
  }
  const need = needs[action];
  const held = person.roles.filter((r) => need.roles.includes(r));
  if (held.length === 0) {
    return {
      ok: false,
      code: 'wrong_role',
      message: zh.permissions.wrongRole(
        need.who,
        verbs[action].replace(zh.permissions.forThisSchool, '').replace(zh.permissions.ofThisSchool, ''),
      ),
    };
  }
  if (SCHOOL_ACTIONS.has(action) && !ctx.school) {
    return { ok: false, code: 'missing_school', message: zh.permissions.missingSchool };
  }
  if (held.some((r) => reaches(person, r, action, ctx))) return OK;
  const name = ctx.school?.name ?? zh.permissions.thisZone;
  const verb = verbs[action];
  if (held.includes('principal') && held.length === 1) {
    return {
      ok: false,
      code: 'not_your_school',
      message: zh.permissions.notYourSchool(name, verb),
    };
  }
  if (held.includes('supervisor')) {
    return { ok: false, code: 'not_your_zone', message: zh.permissions.notYourZone(name, verb) };
  }
  return { ok: false, code: 'not_your_zone', message: zh.permissions.outsideZones(name, verb) };
}
