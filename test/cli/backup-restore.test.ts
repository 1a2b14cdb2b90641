import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli.js';
import { DEFAULT_PREFIX } from '../../src/queue/names.js';
import { connectRedis } from '../../src/redis/connect.js';
import { startEmbeddedRedis } from '../../src/redis/embedded-redis.js';
import { backupRedis } from '../../src/redis/backup.js';
import { createStore } from '../../src/store/redis-store.js';
import { buildKnownDistrict } from '../reports/known-district.js';

/**
 * The backup promise (docs/zh/部署手册.md, 备份与恢复): `dudao backup` copies a BGSAVE snapshot of
 * the embedded Redis while it may be in use and keeps N days; `dudao restore` puts it into a fresh
 * DATA_DIR; the month's export read back from the restored Redis is the same workbook.
 */
let work: string;
const live = () => join(work, 'live');
const backups = () => join(work, 'backups');

async function cli(args: string[], env: Record<string, string>) {
  const out: string[] = [];
  const w = process.stdout.write.bind(process.stdout);
  const e = process.stderr.write.bind(process.stderr);
  process.stdout.write = ((s: string) => (out.push(String(s)), true)) as typeof process.stdout.write;
  process.stderr.write = ((s: string) => (out.push(String(s)), true)) as typeof process.stderr.write;
  try {
    return { code: await main(args, { LOG_LEVEL: 'silent', ...env }), text: out.join('') };
  } finally {
    process.stdout.write = w;
    process.stderr.write = e;
  }
}

/** Every sheet's cells, as values: what an office would compare by eye. */
async function workbookCells(file: string): Promise<Record<string, unknown[][]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
  const out: Record<string, unknown[][]> = {};
  for (const ws of wb.worksheets) {
    out[ws.name] = [];
    ws.eachRow({ includeEmpty: true }, (row) => out[ws.name]!.push((row.values as unknown[]).slice(1)));
  }
  return out;
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'dudao-backup-'));
  // a month of records in the embedded Redis of a DATA_DIR, written as the service would
  const redis = await startEmbeddedRedis({ dataDir: live() });
  const client = connectRedis(redis.url, { role: 'worker' });
  await buildKnownDistrict(createStore(client, DEFAULT_PREFIX));
  await client.quit();
  await redis.stop();
}, 60_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('backup → restore → export', () => {
  let file: string;

  it('backup writes one RDB snapshot and keeps only the last N days', async () => {
    mkdirSync(backups(), { recursive: true });
    const old = join(backups(), 'dudao-20200101-023000.rdb');
    writeFileSync(old, 'REDIS0011 old');
    writeFileSync(join(backups(), 'notes.txt'), 'not ours: left alone');
    const r = await cli(['backup', '--dir', backups(), '--keep', '14'], { DATA_DIR: live() });
    expect(r.code, r.text).toBe(0);
    const made = readdirSync(backups()).filter((f) => /^dudao-\d{8}-\d{6}\.rdb$/.test(f));
    expect(made).toHaveLength(1);
    file = join(backups(), made[0]!);
    expect(r.text).toContain(`已备份：${file}`);
    expect(r.text).toContain('已删除 14 天前的备份 1 份：dudao-20200101-023000.rdb');
    expect(existsSync(old)).toBe(false);
    expect(existsSync(join(backups(), 'notes.txt'))).toBe(true);
    expect(readFileSync(file).subarray(0, 5).toString()).toBe('REDIS');
  }, 60_000);

  it('restore into a fresh DATA_DIR, then the month exports exactly as from the original', async () => {
    const fresh = join(work, 'fresh');
    const r = await cli(['restore', file], { DATA_DIR: fresh });
    expect(r.code, r.text).toBe(0);
    expect(r.text).toMatch(/已恢复到 .*督导记录编号到 DD-8，整改事项编号到 ZG-15/);
    const a = join(work, 'original.xlsx');
    const b = join(work, 'restored.xlsx');
    expect((await cli(['export', '--month', '2021-05', '--out', a], { DATA_DIR: live() })).code).toBe(0);
    const exported = await cli(['export', '--month', '2021-05', '--out', b], { DATA_DIR: fresh });
    expect(exported.code, exported.text).toBe(0);
    expect(exported.text).toContain('督导记录 5 条，整改事项 6 项');
    expect(await workbookCells(b)).toEqual(await workbookCells(a));
    // the restored DATA_DIR is the embedded Redis's own: append-only file, and it starts again
    expect(existsSync(join(fresh, 'appendonlydir')) || existsSync(join(fresh, 'appendonly.aof'))).toBe(true);
    expect(existsSync(join(fresh, 'dump.rdb'))).toBe(false);
  }, 120_000);

  it('refuses to overwrite data without --force, and with it keeps the old data aside', async () => {
    const target = join(work, 'fresh');
    const refused = await cli(['restore', file], { DATA_DIR: target });
    expect(refused.code).toBe(1);
    expect(refused.text).toContain('中已有数据');
    expect(refused.text).toContain('--force');
    const forced = await cli(['restore', file, '--force'], { DATA_DIR: target });
    expect(forced.code, forced.text).toBe(0);
    const aside = readdirSync(target).filter((f) => f.startsWith('before-restore-'));
    expect(aside).toHaveLength(1);
    expect(forced.text).toContain(`原有数据已移到 ${join(target, aside[0]!)}`);
  }, 120_000);

  it('refuses while a Redis runs on that DATA_DIR (the service must be stopped)', async () => {
    const redis = await startEmbeddedRedis({ dataDir: live() });
    try {
      const r = await cli(['restore', file, '--force'], { DATA_DIR: live() });
      expect(r.code).toBe(1);
      expect(r.text).toContain('请先停止服务');
    } finally {
      await redis.stop();
    }
  }, 60_000);

  it('a file that is not a snapshot is refused, and so are bad arguments', async () => {
    const junk = join(work, 'junk.rdb');
    writeFileSync(junk, 'hello');
    expect((await cli(['restore', junk], { DATA_DIR: join(work, 'x') })).text).toContain('不是 Redis 快照');
    expect((await cli(['backup'], { DATA_DIR: live() })).code).toBe(2);
    expect((await cli(['backup', '--dir', work, '--keep', '0'], { DATA_DIR: live() })).code).toBe(2);
  });

  it('when the Redis’s files are not readable here, the snapshot comes over the wire (redis-cli --rdb)', async () => {
    const redis = await startEmbeddedRedis({ dataDir: live() });
    const client = connectRedis(redis.url, { role: 'worker' });
    try {
      const r = await backupRedis(client, {
        url: redis.url,
        dir: join(work, 'wire'),
        keepDays: 14,
        via: 'redis-cli',
      });
      expect(r.method).toBe('redis-cli');
      expect(readFileSync(r.file).subarray(0, 5).toString()).toBe('REDIS');
    } finally {
      await client.quit();
      await redis.stop();
    }
  }, 60_000);
});
