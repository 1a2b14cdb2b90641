import { describe, expect, it } from 'vitest';
import {
  createAndDeliverBody,
  renderCardData,
  updateCardBody,
} from '../../src/platforms/dingtalk/render-card.js';
import {
  DINGTALK_MARKDOWN_LIMITS,
  renderDingtalkMarkdown,
  sampleMarkdown,
} from '../../src/platforms/dingtalk/render-markdown.js';
import { fits } from '../../src/platforms/split-message.js';
import { digestCard, noticeCard, recheckCard } from './sample-cards.js';

describe('DingTalk rendering', () => {
  it('renders interactive card data (all strings) for the template', () => {
    const data = renderCardData(recheckCard)!;
    expect(data).toMatchSnapshot();
    for (const v of Object.values(data)) expect(typeof v).toBe('string');
    expect(JSON.parse(data.buttons!)).toEqual([
      { text: '验收通过', key: 'dd:pass:ZG-21', style: 'primary' },
      { text: '退回', key: 'dd:reject:ZG-21', style: 'danger' },
    ]);
  });

  it('after an action: the outcome, the buttons still valid, and the state word once none is left', () => {
    const still = renderCardData({
      ...recheckCard,
      buttons: recheckCard.buttons.slice(1),
      outcome: '李校长 …',
    })!;
    expect(JSON.parse(still.buttons!)).toEqual([{ text: '退回', key: 'dd:reject:ZG-21', style: 'danger' }]);
    expect(still.status).toBe('');
    const data = renderCardData({
      ...recheckCard,
      buttons: [],
      outcome: '王督学 验收通过，已销号（3月23日 10:20）',
      statusWord: '已销号',
    })!;
    expect(data.buttons).toBe('[]');
    expect(data.button_count).toBe('0');
    expect(data.status).toBe('已销号');
    expect(data.outcome).toBe('王督学 验收通过，已销号（3月23日 10:20）');
    expect(updateCardBody('dd1', data)).toMatchObject({
      outTrackId: 'dd1',
      cardUpdateOptions: { updateCardDataByKey: true },
    });
  });

  it('delivers to the robot chat of a person', () => {
    const body = createAndDeliverBody({
      templateId: 'tpl.schema',
      outTrackId: 'dd1',
      robotCode: 'ding-robot',
      userId: 'u1',
      data: renderCardData(noticeCard)!,
      mode: 'stream',
    });
    expect(body).toMatchObject({
      openSpaceId: 'dtv1.card//IM_ROBOT.u1',
      callbackType: 'STREAM',
      imRobotOpenDeliverModel: { spaceType: 'IM_ROBOT', robotCode: 'ding-robot' },
    });
  });

  it('renders sampleMarkdown, split within the limits', () => {
    const one = renderDingtalkMarkdown(noticeCard);
    expect(one).toHaveLength(1);
    expect(one[0]).toMatchSnapshot();
    expect(JSON.parse(sampleMarkdown(one[0]!).msgParam)).toEqual({
      title: one[0]!.title,
      text: one[0]!.text,
    });
    const many = renderDingtalkMarkdown(digestCard(300));
    expect(many.length).toBeGreaterThan(1);
    for (const m of many) expect(fits(m.text, DINGTALK_MARKDOWN_LIMITS)).toBe(true);
  });
});
