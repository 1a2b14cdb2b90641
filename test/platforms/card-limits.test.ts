// Every card dudao builds, with random texts (very long school names and problems, emoji,
// astral characters, combining marks, line breaks), rendered on every platform, kept within
// every documented limit (src/platforms/card-limits.ts) — shortened, never dropped to markdown
// because a text is long — and acting on one item.

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Card } from '../../src/domain/card.js';
import type { Item } from '../../src/domain/records.js';
import {
  extensionRequestCard,
  itemDetailCard,
  progressNoticeCard,
  reminderCard,
  rectificationNoticeCard,
  supervisionNoticeCard,
} from '../../cards/index.js';
import { rectificationSummaryCard } from '../../cards/rectification-notice.js';
import { applyCardUpdates, cardUpdateOf } from '../../cards/card-update.js';
import {
  renderButtonCard,
  renderUpdatedCard,
  wecomTaskId,
} from '../../src/platforms/wecom/render-template-card.js';
import { renderWecomMarkdown, WECOM_BYTES } from '../../src/platforms/wecom/render-markdown.js';
import { renderCardData } from '../../src/platforms/dingtalk/render-card.js';
import {
  renderDingtalkMarkdown,
  DINGTALK_MARKDOWN_LIMITS,
} from '../../src/platforms/dingtalk/render-markdown.js';
import { renderSimCard } from '../../src/platforms/sim/render.js';
import { CARD_LIMITS } from '../../src/platforms/card-limits.js';
import { fits, utf8Bytes } from '../../src/platforms/split-message.js';
import { decodeButtonKey } from '../../src/platforms/button-key.js';
import { dingtalkCardProblems, wecomCardProblems } from '../fakes/card-checks.js';
import { item as baseItem, record } from '../cards/fixtures.js';

const piece = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom(
    '龙泉小学',
    '某某区某某街道九年一贯制实验学校（东校区）',
    '👩‍🏫📚',
    '𠀀𠮷𩸽',
    'é\u0301',
    '\n',
  ),
);
const text = (max: number) =>
  fc.array(piece, { minLength: 1, maxLength: max }).map((a) => a.join('') || '空');
const itemNo = fc.integer({ min: 1, max: 999_999 }).map((n) => `ZG-${n}`);
const day = fc
  .date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const status = fc.constantFrom<Item['status']>('open', 'in_progress', 'submitted', 'closed');

const anItem = fc
  .record({ id: itemNo, text: text(8), deadline: day, status, pending: fc.boolean(), until: day })
  .map(({ id, text: t, deadline, status: st, pending, until }) =>
    baseItem({
      id,
      text: t,
      deadline,
      status: st,
      ...(pending ? { extension: { until, by: 'pri-li', at: '2021-03-16T00:00:00.000Z' } } : {}),
    }),
  );

const names = fc.record({ school: text(6), person: text(2) });

/** Every card builder that puts buttons on a card, with random inputs. */
const buttonCard: fc.Arbitrary<Card> = fc
  .oneof(
    fc.tuple(anItem, names, fc.integer({ min: 1, max: 40 })).map(([it, n, of]) =>
      rectificationNoticeCard({
        record,
        item: it,
        schoolName: n.school,
        supervisorName: n.person,
        position: { n: 1, of },
      }),
    ),
    fc
      .tuple(
        anItem,
        names,
        text(5),
        fc.constantFrom('acknowledge', 'progress', 'done') as fc.Arbitrary<'done'>,
      )
      .map(([it, n, note, action]) =>
        progressNoticeCard({
          item: { ...it, status: action === 'done' ? 'submitted' : it.status },
          action,
          schoolName: n.school,
          actorName: n.person,
          note,
          today: '2021-03-20',
        }),
      ),
    fc
      .tuple(anItem, names, day, text(5))
      .map(([it, n, until, reason]) =>
        extensionRequestCard({ item: it, until, reason, schoolName: n.school, requesterName: n.person }),
      ),
    fc
      .tuple(anItem, names, fc.nat(5))
      .map(([it, n, w]) => reminderCard({ item: it, schoolName: n.school, stage: 'before', workdays: w })),
    fc.tuple(anItem, names, fc.nat(30), day).map(([it, n, late, nd]) =>
      supervisionNoticeCard({
        item: it,
        schoolName: n.school,
        supervisorName: n.person,
        daysOverdue: late,
        newDeadline: nd,
        audience: 'principal',
      }),
    ),
    fc.tuple(anItem, names).map(([it, n]) =>
      itemDetailCard({
        item: it,
        history: [{ at: '2021-03-15T02:00:00.000Z', actor: 'x', action: 'create', note: n.person }],
        schoolName: n.school,
        supervisorName: n.person,
        nameOf: () => n.person,
        today: '2021-03-20',
        timezone: 'Asia/Shanghai',
        actions: ['done', 'extend', 'pass', 'reject', 'approve_ext', 'refuse_ext'],
      }),
    ),
  )
  .filter((c) => c.buttons.length > 0);

/** Some of those cards again, after a random later state of their item. */
const updatedCard = fc
  .tuple(buttonCard, status, day, fc.boolean(), text(4))
  .map(([card, st, dl, pending, reason]) => {
    const id = card.buttons[0]!.item;
    const it = baseItem({
      id,
      status: st,
      deadline: dl,
      ...(pending ? { extension: { until: dl, by: 'x', at: 'y' } } : {}),
    });
    return {
      card,
      now: applyCardUpdates(card, [
        cardUpdateOf(it, 5, `${reason}（3月18日 10:20）`, [{ label: '退回原因', value: reason }]),
      ]),
    };
  });

const RUNS = { numRuns: 150 };

function markdownWithin(card: Card) {
  for (const m of renderWecomMarkdown(card, WECOM_BYTES.appMarkdown))
    expect(utf8Bytes(m.markdown.content)).toBeLessThanOrEqual(WECOM_BYTES.appMarkdown);
  for (const m of renderDingtalkMarkdown(card)) expect(fits(m.text, DINGTALK_MARKDOWN_LIMITS)).toBe(true);
}

describe('card limits, on every platform, for random cards', () => {
  it('every card with buttons acts on one item and renders as a WeCom app and smart-bot card within the limits', () => {
    fc.assert(
      fc.property(buttonCard, fc.string({ maxLength: 30 }), (card, key) => {
        expect(new Set(card.buttons.map((b) => b.item)).size).toBe(1);
        const app = renderButtonCard(card, wecomTaskId(`job|${key}`));
        expect(app, card.title).toBeDefined();
        expect(wecomCardProblems(app)).toEqual([]);
        const bot = renderButtonCard(card, wecomTaskId(`job|${key}`), CARD_LIMITS.wecomBot);
        expect(wecomCardProblems(bot, 'bot')).toEqual([]);
        // every button still says what it does and names its item in its key
        expect(app!.button_list.map((b) => decodeButtonKey(b.key))).toEqual(
          card.buttons.map((b) => ({ action: b.action, item: b.item })),
        );
      }),
      RUNS,
    );
  });

  it('every card renders as DingTalk card data within the template contract, and as markdown within limits', () => {
    fc.assert(
      fc.property(buttonCard, (card) => {
        const data = renderCardData(card);
        expect(data).toBeDefined();
        expect(dingtalkCardProblems(data!)).toEqual([]);
        markdownWithin(card);
        expect(renderSimCard(card).buttons).toHaveLength(card.buttons.length);
      }),
      RUNS,
    );
  });

  it('a card brought up to date still fits, on WeCom (update_template_card) and DingTalk (card update)', () => {
    fc.assert(
      fc.property(updatedCard, ({ card, now }) => {
        expect(wecomCardProblems(renderUpdatedCard(now, card.buttons), 'update')).toEqual([]);
        expect(dingtalkCardProblems(renderCardData(now)!)).toEqual([]);
        markdownWithin(now);
      }),
      RUNS,
    );
  });

  it('a summary of many items with long texts is never cut short: every item is named in the markdown parts', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(anItem, { minLength: 2, maxLength: 60, selector: (i) => i.id }),
        names,
        (its, n) => {
          const card = rectificationSummaryCard({
            record,
            items: its,
            schoolName: n.school,
            supervisorName: n.person,
          });
          markdownWithin(card);
          const all = renderWecomMarkdown(card)
            .map((m) => m.markdown.content)
            .join('\n');
          for (const it of its) expect(all).toContain(it.id);
        },
      ),
      { numRuns: 30 },
    );
  });
});
