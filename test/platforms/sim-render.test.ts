import { describe, expect, it } from 'vitest';
import { renderSimCard } from '../../src/platforms/sim/render.js';
import { noticeCard } from './sample-cards.js';

describe('sim rendering', () => {
  it('is data for the page: buttons with action and item', () => {
    expect(renderSimCard(noticeCard)).toMatchSnapshot();
  });
  it('shows the outcome above the buttons still valid, and the state word once none is left', () => {
    const c = renderSimCard({
      ...noticeCard,
      buttons: noticeCard.buttons.slice(1, 2),
      outcome: '李校长 已确认收到',
    });
    expect(c.buttons.map((b) => b.action)).toEqual(['done']);
    expect(c.outcome).toBe('李校长 已确认收到');
    const d = renderSimCard({ ...noticeCard, buttons: [], outcome: '…', statusWord: '已销号' });
    expect(d).toMatchObject({ buttons: [], statusWord: '已销号' });
  });
});
