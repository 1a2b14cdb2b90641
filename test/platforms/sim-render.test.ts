import { describe, expect, it } from 'vitest';
import { renderSimCard } from '../../src/platforms/sim/render.js';
import { noticeCard } from './sample-cards.js';

describe('sim rendering', () => {
  it('is data for the page: buttons with action and item', () => {
    expect(renderSimCard(noticeCard)).toMatchSnapshot();
  });
  it('has no buttons once there is an outcome', () => {
    const c = renderSimCard({ ...noticeCard, outcome: '已由 李校长 确认收到' });
    expect(c.buttons).toEqual([]);
    expect(c.outcome).toBe('已由 李校长 确认收到');
  });
});
