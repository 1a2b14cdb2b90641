import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Redis } from 'ioredis';
import { inject } from 'vitest';
import { openStore } from '../store/setup.js';
import type { FullStore } from '../../src/store/store.js';
import { loadRosterFile } from '../../src/roster/load.js';
import { ensureDemoRoster } from '../../src/roster/demo.js';
import { importCommand } from '../../src/cli/import.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import type { Roster } from '../../src/domain/roster.js';
import { LogSink } from '../helpers/service.js';

async function demo(): Promise<Roster> {
  const r = await loadRosterFile('examples/roster.xlsx', { year: 2026 });
  if (!r.ok) throw new Error('demo workbook invalid');
  return r.roster;
}

/** Everything the roster import writes, to compare before and after. */
async function snapshot(redis: Redis, prefix: string) {
  const keys = (await redis.keys(`${prefix}:r:*`)).sort();
  const out: Record<string, unknown> = {};
  for (const k of keys) {
    const type = await redis.type(k);
    out[k] = type === 'hash' ? await redis.hgetall(k) : await redis.get(k);
  }
  return out;
}

describe('importing the roster into the store', () => {
  let store: FullStore;
  let redis: Redis;
  let prefix: string;
  beforeAll(() => {
    ({ store, redis, prefix } = openStore());
  });
  afterAll(async () => {
    await redis.quit();
  });

  it('the demo workbook imports: schools, people, zones, chats, plan, platform ids', async () => {
    const r = await store.importRoster(await demo());
    expect(r).toEqual({
      dryRun: false,
      schools: { added: 20, updated: 0, deactivated: 0, unchanged: 0 },
      people: { added: 28, updated: 0, deactivated: 0, unchanged: 0 },
      chats: 3,
      plan: 12,
    });
    expect(await store.rosterVersion()).toBe(1);
    expect((await store.listSchools()).map((s) => s.id)).toHaveLength(20);
    expect(await store.listZones()).toHaveLength(4);
    expect((await store.findPerson('wecom', 'wangjianguo'))?.id).toBe('sup-wang');
    expect((await store.findPerson('dingtalk', '0312456789'))?.id).toBe('sup-wang');
    expect((await store.findPerson('sim', 'pri-s10'))?.name).toBe('罗校长');
    expect(await store.findPerson('wecom', 'nobody')).toBeUndefined();
    expect((await store.listChats()).map((c) => c.name)).toContain('区督导室工作群');
    expect((await store.listPlan())[0]).toEqual({
      month: '2026-03',
      content: '开展春季开学工作调研',
      kind: '专项督导',
      topic: '春季开学工作',
    });
  });

  it('importing the same file twice changes nothing (not even the version)', async () => {
    const before = await snapshot(redis, prefix);
    const r = await store.importRoster(await demo());
    expect(r.schools).toEqual({ added: 0, updated: 0, deactivated: 0, unchanged: 20 });
    expect(r.people).toEqual({ added: 0, updated: 0, deactivated: 0, unchanged: 28 });
    expect(await snapshot(redis, prefix)).toEqual(before);
  });

  it('a dry run reports and writes nothing', async () => {
    const before = await snapshot(redis, prefix);
    const roster = await demo();
    roster.people = roster.people.filter((p) => p.id !== 'sup-zhao');
    const r = await store.importRoster(roster, { dryRun: true });
    expect(r).toMatchObject({ dryRun: true, people: { deactivated: 1 } });
    expect(await snapshot(redis, prefix)).toEqual(before);
  });

  it('a person missing from a later import is deactivated, not deleted; coming back reactivates', async () => {
    const roster = await demo();
    const without = { ...roster, people: roster.people.filter((p) => p.id !== 'sup-zhao') };
    const r = await store.importRoster(without);
    expect(r.people).toEqual({ added: 0, updated: 0, deactivated: 1, unchanged: 27 });
    expect(await store.getPerson('sup-zhao')).toMatchObject({ name: '赵敏', active: false });
    expect(await store.findPerson('wecom', 'zhaomin')).toMatchObject({ id: 'sup-zhao', active: false });
    expect(await store.rosterVersion()).toBe(2);
    // a second import without them again: already inactive, nothing to do
    expect((await store.importRoster(without)).people.deactivated).toBe(0);
    const back = await store.importRoster(roster);
    expect(back.people).toEqual({ added: 0, updated: 1, deactivated: 0, unchanged: 27 });
    expect((await store.getPerson('sup-zhao'))!.active).toBe(true);
  });

  it('bindChat adds a chat; a roster file listing the same chat supersedes it', async () => {
    await store.bindChat({
      platform: 'wecom',
      chatId: 'wrNewGroup',
      name: '新群',
      binding: { type: 'school', id: 'S01' },
    });
    expect((await store.listChats()).find((c) => c.chatId === 'wrNewGroup')?.binding).toEqual({
      type: 'school',
      id: 'S01',
    });
    const roster = await demo();
    roster.chats = [
      ...roster.chats,
      { platform: 'wecom', chatId: 'wrNewGroup', name: '新群', binding: { type: 'office', id: 'office' } },
    ];
    await store.importRoster(roster);
    expect(
      (await store.listChats()).filter((c) => c.chatId === 'wrNewGroup').map((c) => c.binding.type),
    ).toEqual(['office']);
  });

  it('last platform per person', async () => {
    expect(await store.getLastPlatform('sup-wang')).toBeUndefined();
    await store.setLastPlatform('sup-wang', 'dingtalk');
    expect(await store.getLastPlatform('sup-wang')).toBe('dingtalk');
  });

  it('ensureDemoRoster imports only into an empty store', async () => {
    const fresh = openStore();
    const log = createLogger('silent');
    try {
      expect((await ensureDemoRoster(fresh.store, log))?.schools.added).toBe(20);
      expect(await ensureDemoRoster(fresh.store, log)).toBeUndefined();
      expect(await ensureDemoRoster(store, log)).toBeUndefined();
    } finally {
      await fresh.redis.quit();
    }
  });
});

describe('npx dudao import', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dudao-import-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const run = async (args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const config = loadConfig({ REDIS_URL: inject('redisUrl'), LOG_LEVEL: 'silent' });
    const code = await importCommand({
      config,
      log: createLogger('silent', new LogSink()),
      args,
      out: (l) => out.push(l),
      err: (l) => err.push(l),
    });
    return { code, out, err };
  };

  it('--dry-run on the demo workbook prints the summary and exits 0', async () => {
    const r = await run(['examples/roster.xlsx', '--dry-run']);
    expect(r.code).toBe(0);
    // the demo's 罗校长 has no platform id on purpose (the digest's 无法送达): a warning first
    expect(r.out.slice(0, 2)).toEqual([
      '请注意（1 处，不影响导入）：',
      '  人员 第19行：罗校长 没有企业微信或钉钉账号，发给此人的通知无法送达',
    ]);
    expect(r.out[2]).toMatch(/^学校：新增 \d+，更新 \d+，停用 \d+，未变 \d+$/);
    expect(r.out.at(-1)).toContain('试运行');
  });

  it('a file with mistakes prints every one and exits 1 without touching Redis', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('学校').addRows([
      ['编号', '名称', '类型', '责任区'],
      ['S1', '甲小学', '大学', '东片'],
    ]);
    wb.addWorksheet('人员').addRows([
      ['编号', '姓名', '角色', '学校'],
      ['p1', '李校长', '校长', '乙小学'],
    ]);
    const file = join(dir, 'bad.xlsx');
    await wb.xlsx.writeFile(file);
    const r = await run([file]);
    expect(r.code).toBe(1);
    expect(r.err).toEqual([
      '名单有 2 处错误，未导入任何数据：',
      '学校 第2行『类型』：无法识别类型『大学』，可填：小学、初中、高中、九年一贯制、幼儿园、特殊教育、职业学校',
      '人员 第2行『学校』：未找到学校『乙小学』',
      '请注意（1 处，不影响导入）：',
      '  人员 第2行：李校长 没有企业微信或钉钉账号，发给此人的通知无法送达',
    ]);
    expect(r.out).toEqual([]);
  });

  it('a missing file is one line naming it, not “名单有 1 处错误”', async () => {
    const r = await run([join(dir, '名单.xlsx')]);
    expect(r.code).toBe(1);
    expect(r.err).toEqual([`dudao import：找不到文件 ${join(dir, '名单.xlsx')}`]);
  });

  it('a misspelt column stops the import with one line naming it and the column meant', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('学校').addRows([
      ['编号', '名称', '类型', '责任区'],
      ['S1', '甲小学', '小学', '东片'],
    ]);
    wb.addWorksheet('人员').addRows([
      ['编号', '姓名', '角色', '学校', '企业微信号'],
      ['p1', '李校长', '校长', '甲小学', 'lixz'],
      ['p2', '王校长', '校长', '甲小学', 'wangxz'],
    ]);
    const file = join(dir, 'typo.xlsx');
    await wb.xlsx.writeFile(file);
    const r = await run([file]);
    expect(r.code).toBe(1);
    expect(r.err).toEqual([
      '名单有 1 处错误，未导入任何数据：',
      '人员 第1行『企业微信号』：不认识这一列，是不是『企业微信』？',
    ]);
  });

  it('usage errors exit 2', async () => {
    expect((await run([])).code).toBe(2);
    expect((await run(['a.json', '--force'])).code).toBe(2);
  });
});
