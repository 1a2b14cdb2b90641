import type { FullStore } from '../../src/store/store.js';
import { act, bj, importDistrict, visit } from '../helpers/time-district.js';

/**
 * A district in May 2021 with records and items in every state, built through the real store at
 * the instants given (Beijing time). The digest for the morning of 2021-05-10 (Monday; the last
 * working day before it is Saturday 5月8日, worked for 劳动节) is hand-counted in digest.test.ts.
 *
 *   record school date  created       items (deadline; what happens)
 *   R1     S01    05-08 05-08 10:00   A (05-20)  B (05-12)
 *   R2     S03    05-09 05-09 16:00   C (05-10)
 *   R3     S02    05-07 05-07 10:00   D (05-07)
 *   R4     S03    04-20 04-20 09:00   E (04-26)  F (04-28; closed 05-08)  G (05-06; done 05-07)
 *                                     N (05-12; done 05-09, closed 05-10 09:00, after the digest's instant)
 *                                     P (05-08; closed 05-09)
 *   R5     S04    05-10 05-10 08:00   H (05-14)                      ← created after 00:00 of 05-10
 *   R6     S01    05-09 05-10 08:10   I (05-21)                      ← a late record: created after 00:00
 *   R7     S04    04-15 04-15 09:00   J (04-23; closed 04-28)  K (05-14; acknowledged)  L (05-17)
 *                                     O (05-11; closed 05-07, reopened 05-10 10:00)
 *   R8     S04    04-06 04-06 09:00   (no problems: an April visit, outside May's coverage)
 */
export type Letter = 'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G' | 'H' | 'I' | 'J' | 'K' | 'L' | 'N' | 'O' | 'P';

export async function buildKnownDistrict(store: FullStore): Promise<Record<Letter, string>> {
  await importDistrict(store);
  const ids = {} as Record<Letter, string>;
  const rec = async (school: string, date: string, created: string, problems: [Letter, string, string][]) => {
    const [d, t] = created.split(' ') as [string, string];
    const items = await visit(store, {
      school,
      date,
      createdAt: bj(d, t),
      problems: problems.map(([, text, deadline]) => ({ text, deadline })),
    });
    problems.forEach(([letter], i) => (ids[letter] = items[i]!.id));
  };
  await rec('S03', '2021-04-20', '2021-04-20 09:00', [
    ['E', '幼儿午睡室消毒记录缺失', '2021-04-26'],
    ['F', '保育员健康证过期', '2021-04-28'],
    ['G', '户外活动场地地垫破损', '2021-05-06'],
    ['N', '晨检记录不完整', '2021-05-12'],
    ['P', '食品留样不足48小时', '2021-05-08'],
  ]);
  await rec('S04', '2021-04-15', '2021-04-15 09:00', [
    ['J', '作业公示栏未更新', '2021-04-23'],
    ['K', '课后服务签到表缺失', '2021-05-14'],
    ['L', '图书室借阅登记不全', '2021-05-17'],
    ['O', '消防器材过期未换', '2021-05-11'],
  ]);
  await rec('S04', '2021-04-06', '2021-04-06 09:00', []);
  await rec('S02', '2021-05-07', '2021-05-07 10:00', [['D', '实验室危化品台账不全', '2021-05-07']]);
  await rec('S01', '2021-05-08', '2021-05-08 10:00', [
    ['A', '食堂从业人员晨检未登记', '2021-05-20'],
    ['B', '楼道应急照明损坏', '2021-05-12'],
  ]);
  await rec('S03', '2021-05-09', '2021-05-09 16:00', [['C', '门卫值班记录缺页', '2021-05-10']]);
  await rec('S04', '2021-05-10', '2021-05-10 08:00', [['H', '校车接送登记不全', '2021-05-14']]);
  await rec('S01', '2021-05-09', '2021-05-10 08:10', [['I', '教室电源插座松动', '2021-05-21']]);

  await act(store, ids.F, [
    { action: 'done', at: bj('2021-05-07', '10:00'), actor: 'pri-chen' },
    { action: 'close', at: bj('2021-05-08', '11:00'), actor: 'sup-zhao' },
  ]);
  await act(store, ids.G, [{ action: 'done', at: bj('2021-05-07', '15:00'), actor: 'pri-chen' }]);
  await act(store, ids.N, [
    { action: 'done', at: bj('2021-05-09', '09:00'), actor: 'pri-chen' },
    { action: 'close', at: bj('2021-05-10', '09:00'), actor: 'sup-zhao' },
  ]);
  await act(store, ids.P, [
    { action: 'done', at: bj('2021-05-09', '10:00'), actor: 'pri-chen' },
    { action: 'close', at: bj('2021-05-09', '11:00'), actor: 'sup-zhao' },
  ]);
  await act(store, ids.J, [
    { action: 'done', at: bj('2021-04-27', '10:00'), actor: 'pri-wu' },
    { action: 'close', at: bj('2021-04-28', '10:00'), actor: 'sup-zhao' },
  ]);
  await act(store, ids.K, [{ action: 'acknowledge', at: bj('2021-04-16', '10:00'), actor: 'pri-wu' }]);
  await act(store, ids.O, [
    { action: 'done', at: bj('2021-05-06', '10:00'), actor: 'pri-wu' },
    { action: 'close', at: bj('2021-05-07', '10:00'), actor: 'sup-zhao' },
    { action: 'reopen', at: bj('2021-05-10', '10:00'), actor: 'lead-liu' },
  ]);

  // sends about item A: one failed within the covered days (counted), one failed before them,
  // one failed after 00:00 of 05-10, one sent (none of those three counted)
  const d = (at: string, outcome: 'sent' | 'failed') => ({
    at: new Date(at).toISOString(),
    to: 'pri-li',
    platform: 'wecom' as const,
    channel: 'wecom-app message/send',
    outcome,
  });
  await store.recordDelivery([ids.A], d('2021-05-08T10:05:00+08:00', 'failed'));
  await store.recordDelivery([ids.D], d('2021-05-07T10:05:00+08:00', 'failed'));
  await store.recordDelivery([ids.A], d('2021-05-10T08:40:00+08:00', 'failed'));
  await store.recordDelivery([ids.B], d('2021-05-08T10:05:00+08:00', 'sent'));
  return ids;
}
