import { describe, expect, it } from 'vitest';
import {
  renderButtonCard,
  renderUpdatedCard,
  wecomTaskId,
} from '../../src/platforms/wecom/render-template-card.js';
import { CARD_LIMITS } from '../../src/platforms/card-limits.js';
import { renderWecomMarkdown, WECOM_BYTES } from '../../src/platforms/wecom/render-markdown.js';
import { decodeButtonKey } from '../../src/platforms/button-key.js';
import { utf8Bytes, graphemeCount } from '../../src/platforms/split-message.js';
import { digestCard, noticeCard, recheckCard } from './sample-cards.js';

describe('WeCom rendering', () => {
  it('renders a recheck request as a button_interaction template card', () => {
    const tc = renderButtonCard(recheckCard, wecomTaskId('job-1|wa:li'))!;
    expect(tc).toMatchSnapshot();
    expect(tc.task_id).toMatch(/^[0-9A-Za-z_\-@]{1,128}$/);
    expect(tc.button_list.map((b) => decodeButtonKey(b.key))).toEqual([
      { action: 'pass', item: 'ZG-21' },
      { action: 'reject', item: 'ZG-21' },
    ]);
  });

  it('a card sent before per-item cards (several items) names the item on each button, within 10 characters', () => {
    const tc = renderButtonCard(noticeCard, wecomTaskId('job-2'))!;
    expect(tc.button_list.map((b) => b.text)).toEqual(['收到ZG-21', '完成ZG-21', '收到ZG-22', '完成ZG-22']);
    for (const b of tc.button_list)
      expect(graphemeCount(b.text)).toBeLessThanOrEqual(CARD_LIMITS.wecomApp.buttonText);
  });

  it('long texts are shortened to the limits, never a reason to drop the card', () => {
    const long =
      '教学楼三楼东侧消防通道堆放大量废旧课桌椅及体育器材，严重影响紧急疏散，需立即清理并建立日常巡查制度'.repeat(
        3,
      );
    const card = {
      ...recheckCard,
      title: `整改通知 ZG-21 · ${'非常长的学校名称'.repeat(6)}`,
      subtitle: '某某区某某街道某某社区九年一贯制实验学校（东校区）'.repeat(3),
      fields: [{ label: '事项', value: long }, ...recheckCard.fields],
    };
    const tc = renderButtonCard(card, wecomTaskId('job-long'))!;
    const L = CARD_LIMITS.wecomApp;
    expect(graphemeCount(tc.main_title.title)).toBeLessThanOrEqual(L.title);
    expect(graphemeCount(tc.main_title.desc!)).toBeLessThanOrEqual(L.titleDesc);
    expect(graphemeCount(tc.sub_title_text!)).toBeLessThanOrEqual(L.subTitle);
    expect(tc.sub_title_text).toContain('事项：教学楼三楼东侧');
    expect(tc.sub_title_text!.endsWith('…')).toBe(true);
    const bot = renderButtonCard(card, wecomTaskId('job-long'), CARD_LIMITS.wecomBot)!;
    expect(graphemeCount(bot.sub_title_text!)).toBeLessThanOrEqual(112);
  });

  it('more buttons than a card may carry: markdown, which names the commands', () => {
    const many = {
      ...noticeCard,
      buttons: [...noticeCard.buttons, ...noticeCard.buttons.map((b) => ({ ...b, item: 'ZG-23' }))],
    };
    expect(renderButtonCard(many, 'dd-x')).toBeUndefined();
    const md = renderWecomMarkdown(many);
    expect(md).toHaveLength(1);
    expect(md[0]!.markdown.content).toContain('「收到 ZG-23」');
    expect(md[0]!.markdown.content).toMatchSnapshot();
  });

  it('a task_id is the same for the same send and differs between sends', () => {
    expect(wecomTaskId('a|b')).toBe(wecomTaskId('a|b'));
    expect(wecomTaskId('a|b')).not.toBe(wecomTaskId('a|c'));
  });

  it('keeps every markdown part within the byte limit', () => {
    const parts = renderWecomMarkdown(digestCard(200), WECOM_BYTES.appMarkdown);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(utf8Bytes(p.markdown.content)).toBeLessThanOrEqual(2048);
    expect(parts[0]!.markdown.content.startsWith(`(1/${parts.length})\n**督导日报`)).toBe(true);
  });

  it('an update shows the card as it is now: the valid buttons work, none left → greyed with the state', () => {
    const after = {
      ...recheckCard,
      buttons: [],
      outcome: '王督学 验收通过，已销号（3月18日 10:20）',
      statusWord: '已销号',
    };
    const tc = renderUpdatedCard(after, recheckCard.buttons)!;
    expect(tc.task_id).toBeUndefined();
    expect(tc.replace_text).toBe('已销号');
    expect(tc.button_list.map((b) => b.key)).toEqual(['dd:pass:ZG-21', 'dd:reject:ZG-21']);
    expect(tc.sub_title_text!.startsWith('王督学 验收通过')).toBe(true);
    const still = { ...recheckCard, buttons: recheckCard.buttons.slice(1), outcome: '…' };
    const tc2 = renderUpdatedCard(still, recheckCard.buttons)!;
    expect(tc2.replace_text).toBeUndefined();
    expect(tc2.button_list.map((b) => b.key)).toEqual(['dd:reject:ZG-21']);
  });
});
