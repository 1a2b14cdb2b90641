import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import type { FullStore } from '../../src/store/store.js';
import { can, type PermissionAction } from '../../src/domain/permissions.js';
import type { TransitionAction } from '../../src/domain/lifecycle.js';
import type { Person } from '../../src/domain/roster.js';
import { openStore, smallRoster, submit } from './setup.js';

const now = new Date('2026-03-20T02:00:00Z');
let seq = 0;
const src = () => ({ platform: 'sim' as const, messageId: `p${++seq}` });
const OWN = { id: 'S01', name: '龙泉小学' }; // zone z1: sup-wang's zone, pri-li's school
const OTHER = { id: 'S03', name: '区实验幼儿园' }; // zone z2

type Expect = 'ok' | 'wrong_role' | 'not_your_zone' | 'not_your_school' | 'inactive';
type ItemAct = Exclude<TransitionAction, 'attach'>;
const acts: (ItemAct | 'submit_record')[] = [
  'submit_record',
  'acknowledge',
  'progress',
  'done',
  'request_extension',
  'close',
  'reject',
  'approve_extension',
  'refuse_extension',
  'reopen',
];

/**
 * The expected matrix, written out by hand from docs/spec/domain.md (not computed): [own school, other school].
 * "own" is S01 in zone z1; "other" is S03 in zone z2.
 */
const sup: Record<string, [Expect, Expect]> = {
  submit_record: ['ok', 'not_your_zone'],
  close: ['ok', 'not_your_zone'],
  reject: ['ok', 'not_your_zone'],
  approve_extension: ['ok', 'not_your_zone'],
  refuse_extension: ['ok', 'not_your_zone'],
};
const fullTime: Record<string, [Expect, Expect]> = {
  submit_record: ['ok', 'ok'],
  close: ['ok', 'ok'],
  reject: ['ok', 'ok'],
  approve_extension: ['ok', 'ok'],
  refuse_extension: ['ok', 'ok'],
};
const principal: Record<string, [Expect, Expect]> = {
  acknowledge: ['ok', 'not_your_school'],
  progress: ['ok', 'not_your_school'],
  done: ['ok', 'not_your_school'],
  request_extension: ['ok', 'not_your_school'],
};
const leaderAll: Record<string, [Expect, Expect]> = { ...fullTime, reopen: ['ok', 'ok'] };
const leaderZ2: Record<string, [Expect, Expect]> = {
  submit_record: ['not_your_zone', 'ok'],
  close: ['not_your_zone', 'ok'],
  reject: ['not_your_zone', 'ok'],
  approve_extension: ['not_your_zone', 'ok'],
  refuse_extension: ['not_your_zone', 'ok'],
  reopen: ['not_your_zone', 'ok'],
};
const matrix: Record<string, Record<string, [Expect, Expect]>> = {
  'sup-wang': sup, // part-time supervisor of z1
  'sup-zhao': fullTime, // full-time supervisor (zone z2): any school
  'pri-li': principal, // principal of S01
  'lead-liu': leaderAll, // leader, 全部
  'lead-sun': leaderZ2, // leader of z2 only
  admin: {},
};
const expected = (person: string, action: string, i: 0 | 1): Expect =>
  matrix[person]![action]?.[i] ?? 'wrong_role';

/** the state an action needs, reached through the store */
const setup: Record<ItemAct, TransitionAction[]> = {
  acknowledge: [],
  progress: ['acknowledge'],
  done: ['acknowledge'],
  request_extension: ['acknowledge'],
  close: ['done'],
  reject: ['done'],
  approve_extension: ['request_extension'],
  refuse_extension: ['request_extension'],
  reopen: ['done', 'close'],
};

describe('permission matrix: each role × each action × own/other school', () => {
  let store: FullStore;
  let redis: Redis;
  let people: Map<string, Person>;
  beforeAll(async () => {
    ({ store, redis } = openStore());
    await store.importRoster(smallRoster());
    people = new Map((await store.listPeople()).map((p) => [p.id, p]));
  });
  afterAll(async () => {
    await redis.quit();
  });

  /** What a handler does: check `can`, and only then touch the store. */
  async function act(
    person: Person,
    action: ItemAct | 'submit_record',
    school: { id: string; name: string },
  ) {
    const s = (await store.getSchool(school.id))!;
    if (action === 'submit_record') {
      const before = await store.queryRecords({ school: s.id });
      const p = can(person, action, { school: s });
      if (p.ok)
        return {
          p,
          r: await store.createRecord({
            command: submit(school, ['问题']),
            supervisor: person.id,
            source: src(),
            now,
          }),
        };
      expect(await store.queryRecords({ school: s.id })).toEqual(before);
      return { p };
    }
    const rec = await store.createRecord({
      command: submit(school, ['问题']),
      supervisor: 'sup-zhao',
      source: src(),
      now,
    });
    const id = rec.items[0]!.id;
    for (const a of setup[action])
      await store.transition({
        item: id,
        action: a,
        actor: 'setup',
        source: src(),
        now,
        until: '2026-04-30',
      });
    const item = (await store.getItem(id))!;
    const history = await store.history(id);
    const p = can(person, action, { school: s, raisedBy: item.supervisor });
    if (p.ok)
      return {
        p,
        r: await store.transition({
          item: id,
          action,
          actor: person.id,
          source: src(),
          now,
          until: '2026-05-01',
        }),
      };
    expect(await store.getItem(id)).toEqual(item);
    expect(await store.history(id)).toEqual(history);
    return { p };
  }

  for (const person of Object.keys(matrix)) {
    for (const action of acts) {
      for (const [i, school] of [OWN, OTHER].entries()) {
        const want = expected(person, action, i as 0 | 1);
        it(`${person} ${action} at ${school.name}: ${want}`, async () => {
          const { p, r } = await act(people.get(person)!, action, school);
          if (want === 'ok') {
            expect(p).toEqual({ ok: true });
            expect(r && 'ok' in r ? r.ok : true).toBe(true);
          } else {
            expect(p).toMatchObject({ ok: false, code: want });
            expect(p.ok === false && p.message).toMatch(/。如需调整请联系管理员。$/);
          }
        });
      }
    }
  }

  it('the refusal says what and where, in Chinese', () => {
    const wang = people.get('sup-wang')!;
    const s = { id: 'S03', name: '区实验幼儿园', zone: 'z2' };
    expect(can(wang, 'submit_record', { school: s })).toEqual({
      ok: false,
      code: 'not_your_zone',
      message: '您不是区实验幼儿园的责任督学，不能为该校提交记录。如需调整请联系管理员。',
    });
    expect(can(people.get('pri-li')!, 'done', { school: s })).toMatchObject({
      message: '您不是区实验幼儿园的校长（园长），不能报告该校的整改完成。如需调整请联系管理员。',
    });
    expect(
      can(people.get('lead-sun')!, 'reopen', { school: { id: 'S01', name: '龙泉小学', zone: 'z1' } }),
    ).toMatchObject({
      message: '龙泉小学不在您分管的责任区内，不能重新打开该校的整改事项。如需调整请联系管理员。',
    });
  });

  it('a supervisor may recheck an item they raised outside their zones, but not submit there', () => {
    const wang = people.get('sup-wang')!;
    const s = { id: 'S03', name: '区实验幼儿园', zone: 'z2' };
    expect(can(wang, 'close', { school: s, raisedBy: 'sup-wang' })).toEqual({ ok: true });
    expect(can(wang, 'submit_record', { school: s, raisedBy: 'sup-wang' }).ok).toBe(false);
  });

  it('admin-only actions; an inactive person may do nothing', () => {
    for (const a of ['import_roster', 'bind_chat', 'run_jobs'] as PermissionAction[]) {
      expect(can(people.get('admin')!, a)).toEqual({ ok: true });
      expect(can(people.get('lead-liu')!, a)).toMatchObject({ ok: false, code: 'wrong_role' });
    }
    const gone = { ...people.get('lead-liu')!, active: false };
    expect(can(gone, 'reopen', { school: { id: 'S01', name: '龙泉小学', zone: 'z1' } })).toMatchObject({
      ok: false,
      code: 'inactive',
    });
    expect(can(people.get('lead-liu')!, 'digest')).toEqual({ ok: true });
    expect(can(people.get('sup-wang')!, 'digest')).toMatchObject({ ok: false, code: 'wrong_role' });
  });
});
