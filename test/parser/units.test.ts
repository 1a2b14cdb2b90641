import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readNumber } from '../../src/parser/cn-number.js';
import { readDeadline } from '../../src/parser/deadline.js';
import { normalizeItemId, normalizeRecordId } from '../../src/parser/item-number.js';
import { similarity } from '../../src/parser/match-school.js';
import { displayText, normalizeText } from '../../src/parser/normalize-text.js';
import { splitRecordFields } from '../../src/parser/record-fields.js';
import { nameKey, zoneKey } from '../../src/parser/school-index.js';
import { readVisitDate } from '../../src/parser/visit-date.js';
import { calendar } from './fixture.js';

describe('normalizeText', () => {
  it('folds width, unifies spaces, strips the mention, keeps lines', () => {
    expect(normalizeText('＠督导助手　提交督导记录\r\n学校：龙泉小学\r\n\r\n问题 ： （1）作业')).toBe(
      '提交督导记录\n学校:龙泉小学\n问题:(1)作业',
    );
    expect(normalizeText('收到\tＺＧ－１２ @督导助手')).toBe('收到 ZG-12');
    expect(normalizeText('a\u200bb\u0007c')).toBe('abc');
  });
  it('strips another bot name when configured', () => {
    expect(normalizeText('@督学小助手 待办', ['督学小助手'])).toBe('待办');
  });
  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
        expect(normalizeText(normalizeText(s))).toBe(normalizeText(s));
      }),
    );
  });
});

describe('displayText', () => {
  it('writes separators next to Chinese full-width, leaves the rest', () => {
    expect(displayText('课后服务(2月),缺数据;待补')).toBe('课后服务（2月），缺数据；待补');
    expect(displayText('10:30 到 11:00')).toBe('10:30 到 11:00');
    expect(displayText('PM2.5 (outdoor)')).toBe('PM2.5 (outdoor)');
  });
});

describe('readNumber', () => {
  it.each([
    ['三', 3],
    ['十', 10],
    ['十五', 15],
    ['二十', 20],
    ['二十七', 27],
    ['两', 2],
    ['一百零五', 105],
    ['五一', 51],
    ['27', 27],
  ])('%s → %i', (text, n) => expect(readNumber(text)).toBe(n));
  it('refuses what is not a numeral', () => {
    expect(readNumber('十十')).toBeUndefined();
    expect(readNumber('三a')).toBeUndefined();
    expect(readNumber('')).toBeUndefined();
  });
});

describe('item and record numbers', () => {
  it.each(['ZG-12', 'ZG12', 'zg-0012', '#12', '12', 'Zg 12', '#ZG12'])('%s → ZG-12', (t) =>
    expect(normalizeItemId(t)).toBe('ZG-12'),
  );
  it.each(['DD-7', 'DD7', '#DD7', 'dd-07'])('%s → DD-7', (t) => expect(normalizeRecordId(t)).toBe('DD-7'));
  it.each(['ZG-0', 'ZG-', 'ZG-12a', '12月', 'DD-7', ''])('%s is not an item number', (t) =>
    expect(normalizeItemId(t)).toBeUndefined(),
  );
});

describe('school keys', () => {
  it.each([
    ['城关第二十七小学', '城关27小学'],
    ['城关27小学', '城关27小学'],
    ['重庆市大足区城南小学', '城南小学'],
    ['区实验幼儿园', '实验幼儿园'],
    ['第一中学', '1中学'],
    ['一中', '1中'],
    ['龙泉小学（本部）', '龙泉小学本部'],
    ['东区小学', '东区小学'], // nothing specific would be left
    ['三江小学', '三江小学'],
  ])('%s → %s', (name, key) => expect(nameKey(name)).toBe(key));
  it('zone keys drop 责任区', () => {
    expect(zoneKey('城关责任区')).toBe('城关');
    expect(zoneKey('第一督导责任区')).toBe('1');
  });
  it('similarity prefers containment, then shared bigrams', () => {
    expect(similarity('龙泉小', '龙泉小学')).toBeGreaterThan(similarity('龙泉小', '龙泉中学'));
    expect(similarity('龙泉小', '龙泉中学')).toBeGreaterThanOrEqual(0.34);
    expect(similarity('龙泉小', '城关27小学')).toBeLessThan(0.34);
  });
});

describe('readDeadline (a whole 期限 value)', () => {
  it('reads the forms and refuses leftovers', () => {
    expect(readDeadline('3月31日前', '2021-03-15', calendar)).toEqual({ ok: true, day: '2021-03-31' });
    expect(readDeadline('5个工作日内整改到位', '2021-03-15', calendar)).toEqual({
      ok: true,
      day: '2021-03-22',
    });
    expect(readDeadline('截止2021年3月31日。', '2021-03-15', calendar)).toEqual({
      ok: true,
      day: '2021-03-31',
    });
    expect(readDeadline('3月31日前后', '2021-03-15', calendar).ok).toBe(false);
    expect(readDeadline('尽快', '2021-03-15', calendar)).toEqual({
      ok: false,
      error: { kind: 'unreadable', text: '尽快' },
    });
    expect(readDeadline('0个工作日', '2021-03-15', calendar)).toMatchObject({
      ok: false,
      error: { kind: 'invalid_date' },
    });
  });
});

describe('readVisitDate', () => {
  it('applies the 30-day rule for yearless dates', () => {
    expect(readVisitDate('1月20日', '2021-12-25')).toEqual({ ok: true, day: '2021-01-20' }); // this year's, already past
    expect(readVisitDate('1月3日', '2021-12-25')).toEqual({ ok: true, day: '2021-01-03' });
    expect(readVisitDate('1月20日', '2022-01-05')).toMatchObject({ ok: false }); // 15 days ahead: this year, so in the future
    expect(readVisitDate('2月10日', '2022-01-05')).toMatchObject({ ok: true, day: '2021-02-10' }); // 36 days ahead → last year
  });
});

describe('record fields', () => {
  it('splits labels in any order, one-line or multi-line, and keeps a problem’s own 期限', () => {
    const { fields, preamble } = splitRecordFields(
      '开头\n学校:龙泉小学;日期:3月15日\n问题:1、作业未更新;期限:3月31日\n备注\n校长陪同',
    );
    expect(preamble).toEqual(['开头']);
    expect(fields.get('school')).toEqual([['龙泉小学']]);
    expect(fields.get('date')).toEqual([['3月15日']]);
    expect(fields.get('problems')).toEqual([['1、作业未更新;期限:3月31日']]);
    expect(fields.get('deadline')).toBeUndefined();
    expect(fields.get('remark')).toEqual([['校长陪同']]);
  });
});
