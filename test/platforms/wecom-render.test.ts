import { describe, expect, it } from 'vitest';
import {
  renderButtonCard,
  renderButtonReplace,
  wecomTaskId,
  TEMPLATE_LIMITS,
} from '../../src/platforms/wecom/render-template-card.js';
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

  it('names the item on the buttons when one card carries several items', () => {
    const tc = renderButtonCard(noticeCard, wecomTaskId('job-2'))!;
    expect(tc.button_list.map((b) => b.text)).toEqual([
      '收到 ZG-21',
      '已完成 ZG-21',
      '收到 ZG-22',
      '已完成 ZG-22',
    ]);
    for (const b of tc.button_list)
      expect(graphemeCount(b.text)).toBeLessThanOrEqual(TEMPLATE_LIMITS.buttonText);
  });

  it('falls back to markdown (no card) when the card would not fit, and the markdown names the commands', () => {
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

  it('the update after a click keeps the outcome short on the disabled button', () => {
    expect(renderButtonReplace('已验收通过')).toEqual({ replace_name: '已验收通过' });
    expect(graphemeCount(renderButtonReplace('已由 李校长 于 3月18日 确认完成').replace_name)).toBe(10);
  });
});
