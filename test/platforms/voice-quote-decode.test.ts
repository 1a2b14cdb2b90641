import { describe, expect, it } from 'vitest';
import { decodeRobotMessage } from '../../src/platforms/dingtalk/decode-robot.js';
import { decodeBotMessage } from '../../src/platforms/wecom/decode-bot.js';
import { fixture } from '../helpers/wecom-sign.js';

/**
 * Voice and quoted replies as the platforms deliver them (fixtures from the documented shapes:
 * test/fixtures/*\/README.md): the transcription is the text, marked voice; a quote is context,
 * apart from the text.
 */
const now = new Date('2021-03-16T02:00:00Z');

describe('DingTalk robot', () => {
  it('an audio message: its recognition text, marked voice', () => {
    const d = decodeRobotMessage(fixture('dingtalk/robot-audio.json'), 'dingtalk-robot', now);
    expect(d).toMatchObject({
      kind: 'inbound',
      inbound: {
        kind: 'message',
        id: 'msgAudio0001',
        text: '提交都导记录学校龙泉小学日期三月十五日问题食堂留样记录不全',
        voice: true,
        attachments: [],
      },
    });
  });

  it('an audio message nothing was recognised in: empty text, marked voice (the bot asks for text)', () => {
    const raw = JSON.parse(fixture('dingtalk/robot-audio.json')) as { content: Record<string, unknown> };
    delete raw.content.recognition;
    const d = decodeRobotMessage(JSON.stringify(raw), 'dingtalk-robot', now);
    expect(d).toMatchObject({ kind: 'inbound', inbound: { text: '', voice: true } });
  });

  it('a reply: the new text is the text, the replied message is the quote', () => {
    const d = decodeRobotMessage(fixture('dingtalk/robot-reply.json'), 'dingtalk-robot', now);
    expect(d).toMatchObject({
      kind: 'inbound',
      inbound: {
        text: '收到',
        quote: {
          text: '整改通知 ZG-21 三年级作业公示栏未按周更新，期限 3月22日 周一',
          messageId: 'msgBotNotice0001',
        },
      },
    });
  });

  it('a text over the limit is cut, with its length, not refused', () => {
    const raw = JSON.parse(fixture('dingtalk/robot-text.json')) as { text: { content: string } };
    raw.text.content = '收'.repeat(70_000);
    const d = decodeRobotMessage(JSON.stringify(raw), 'dingtalk-robot', now);
    expect(d).toMatchObject({ kind: 'inbound', inbound: { textLength: 70_000 } });
    if (d.kind === 'inbound' && d.inbound.kind === 'message') expect(d.inbound.text).toHaveLength(20_000);
  });
});

describe('WeCom smart bot', () => {
  it('a voice message: its transcription, marked voice', () => {
    const d = decodeBotMessage(fixture('wecom/bot-voice.json'), now);
    expect(d).toMatchObject({ kind: 'inbound', inbound: { text: '收到ZG二十一马上整改', voice: true } });
  });

  it('a quoted reply: the mention stripped from the new text, the quote apart', () => {
    const d = decodeBotMessage(fixture('wecom/bot-text-quote.json'), now);
    expect(d).toMatchObject({
      kind: 'inbound',
      inbound: {
        text: '收到',
        quote: { text: '整改通知 ZG-21 三年级作业公示栏未按周更新，期限 3月22日 周一' },
      },
    });
    if (d.kind === 'inbound' && d.inbound.kind === 'message') expect(d.inbound.voice).toBeUndefined();
  });
});
