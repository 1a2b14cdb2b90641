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
const ASK = '如需调整请联系管理员。';

/** What the action means in a sentence: "不能为该校提交记录". */
const verbs: Record<PermissionAction, string> = {
  submit_record: '为该校提交记录',
  acknowledge: '确认该校的整改事项',
  progress: '报告该校的整改进度',
  done: '报告该校的整改完成',
  request_extension: '为该校申请延期',
  attach: '为该校的整改事项补充材料',
  close: '验收该校的整改事项',
  reject: '退回该校的整改事项',
  approve_extension: '审批该校的延期申请',
  refuse_extension: '审批该校的延期申请',
  reopen: '重新打开该校的整改事项',
  view: '查看该校的整改情况',
  view_scope: '查看督导统计',
  digest: '查看督导日报',
  import_roster: '导入名单',
  bind_chat: '绑定群聊',
  run_jobs: '手动运行任务',
};

/** Which roles an action needs, and the sentence for someone with none of them. */
const needs: Record<PermissionAction, { roles: Person['roles']; who: string }> = {
  submit_record: { roles: ['supervisor', 'leader'], who: '督学' },
  acknowledge: { roles: ['principal'], who: '学校校长（园长）' },
  progress: { roles: ['principal'], who: '学校校长（园长）' },
  done: { roles: ['principal'], who: '学校校长（园长）' },
  request_extension: { roles: ['principal'], who: '学校校长（园长）' },
  attach: { roles: ['principal', 'supervisor', 'leader'], who: '校长（园长）或督学' },
  close: { roles: ['supervisor', 'leader'], who: '督学或领导' },
  reject: { roles: ['supervisor', 'leader'], who: '督学或领导' },
  approve_extension: { roles: ['supervisor', 'leader'], who: '督学或领导' },
  refuse_extension: { roles: ['supervisor', 'leader'], who: '督学或领导' },
  reopen: { roles: ['leader'], who: '领导' },
  view: { roles: ['supervisor', 'leader', 'principal'], who: '督学、领导或该校校长' },
  view_scope: { roles: ['supervisor', 'leader'], who: '督学或领导' },
  digest: { roles: ['leader'], who: '领导' },
  import_roster: { roles: ['admin'], who: '管理员' },
  bind_chat: { roles: ['admin'], who: '管理员' },
  run_jobs: { roles: ['admin'], who: '管理员' },
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
      message: `您的账号已停用，不能${verbs[action].replace('该校', '学校')}。${ASK}`,
    };
  }
  const need = needs[action];
  const held = person.roles.filter((r) => need.roles.includes(r));
  if (held.length === 0) {
    return {
      ok: false,
      code: 'wrong_role',
      message: `只有${need.who}可以${verbs[action].replace('为该校', '').replace('该校的', '')}。${ASK}`,
    };
  }
  if (SCHOOL_ACTIONS.has(action) && !ctx.school) {
    return { ok: false, code: 'missing_school', message: '请先指明学校或整改事项编号。' };
  }
  if (held.some((r) => reaches(person, r, action, ctx))) return OK;
  const name = ctx.school?.name ?? '该责任区';
  const verb = verbs[action];
  if (held.includes('principal') && held.length === 1) {
    return {
      ok: false,
      code: 'not_your_school',
      message: `您不是${name}的校长（园长），不能${verb}。${ASK}`,
    };
  }
  if (held.includes('supervisor')) {
    return { ok: false, code: 'not_your_zone', message: `您不是${name}的责任督学，不能${verb}。${ASK}` };
  }
  return { ok: false, code: 'not_your_zone', message: `${name}不在您分管的责任区内，不能${verb}。${ASK}` };
}
