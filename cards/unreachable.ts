import type { Card } from '../src/domain/card.js';
import type { DigestData } from '../src/domain/report-data.js';
import { dayCn, finish } from './format.js';

/**
 * The people no platform can reach (no 企业微信 and no 钉钉 id on the roster), sent to the
 * administrators with the daily digest: they are the ones who can fix the roster, so the leaders'
 * digest leaves the list out.
 */
export function unreachableCard(date: string, people: NonNullable<DigestData['unreachable']>): Card {
  return finish({
    kind: 'info',
    title: `无法送达 · ${dayCn(date)}`,
    subtitle: `${people.length} 人没有企业微信或钉钉账号，督导助手的通知发不到他们`,
    fields: [{ label: '人员', value: people.map((p) => `${p.name}（${p.roles}）`).join('、') }],
    note: '请在名单「人员」表的「企业微信」或「钉钉」列补上账号，再导入名单（dudao import）',
  });
}
