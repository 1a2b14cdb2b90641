import { describe, expect, it } from 'vitest';
import { compareNatural } from '../../src/domain/natural-order.js';

describe('natural order of names', () => {
  it('orders Chinese and Arabic numbers by value', () => {
    const names = [
      '第十责任区',
      '第四责任区',
      '第二责任区',
      '第十一责任区',
      '第一责任区',
      '第三责任区',
      '城区10',
      '城区2',
    ];
    expect([...names].sort(compareNatural)).toEqual([
      '城区2',
      '城区10',
      '第一责任区',
      '第二责任区',
      '第三责任区',
      '第四责任区',
      '第十责任区',
      '第十一责任区',
    ]);
  });
});
