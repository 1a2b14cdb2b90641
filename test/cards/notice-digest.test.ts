import { describe, expect, it } from 'vitest';
import { NOTICE_DIGEST_LINES, noticeDigestCard } from '../../cards/notice-digest.js';
import { renderWecomMarkdown } from '../../src/platforms/wecom/render-markdown.js';
import { renderDingtalkMarkdown } from '../../src/platforms/dingtalk/render-markdown.js';

/** A person's notices merged (cards/notice-digest.ts): what it says, and that it is one message. */
const notice = (n: number) => ({
  kind: 'rectification_notice' as const,
  title: `整改通知 ZG-${1000 + n}（${(n % 5) + 1}/5）`,
  items: [`ZG-${1000 + n}`],
});

describe('the merged notices card', () => {
  it('names each notice, says how many, and what to type', () => {
    const c = noticeDigestCard([notice(1), notice(2), notice(3)]);
    expect(c.kind).toBe('notice_digest');
    expect(c.title).toBe('您有 3 条新通知（消息较多，已合并为一条）');
    expect(c.entries.map((e) => e.id)).toEqual([notice(1).title, notice(2).title, notice(3).title]);
    expect(c.buttons).toEqual([]);
    expect(c.text).toContain('回复“待办”查看全部事项；按编号回复，如：收到 ZG-1001');
    for (const n of [1, 2, 3]) expect(c.text).toContain(notice(n).title);
  });

  it(`shows at most ${NOTICE_DIGEST_LINES} lines and counts the rest; one message on WeCom and DingTalk`, () => {
    const many = Array.from({ length: 57 }, (_, i) => ({
      ...notice(i),
      title: `整改通知 · 城东第一实验小学教育集团（本部）${i}`,
    }));
    const c = noticeDigestCard(many);
    expect(c.title).toContain('您有 57 条新通知');
    expect(c.entries).toHaveLength(NOTICE_DIGEST_LINES + 1);
    expect(c.entries.at(-1)!.id).toBe('另有 37 条');
    expect(renderWecomMarkdown(c)).toHaveLength(1);
    expect(renderDingtalkMarkdown(c)).toHaveLength(1);
  });
});
