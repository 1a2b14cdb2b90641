import { describe, expect, it } from 'vitest';
import { alike } from '../../handlers/duplicate-record.js';

describe('problems that say the same thing', () => {
  it('alike: punctuation, a few characters, one inside the other', () => {
    expect(alike('食堂留样记录不全', '食堂留样记录不全。')).toBe(true);
    expect(alike('食堂留样记录不全', '食堂的留样记录不全')).toBe(true);
    expect(alike('三年级作业公示栏未按周更新', '作业公示栏未按周更新')).toBe(true);
  });
  it('not alike: other numbers, other things', () => {
    expect(alike('1号楼消防栓损坏', '2号楼消防栓损坏')).toBe(false);
    expect(alike('门卫登记不全（0）', '门卫登记不全（5）')).toBe(false);
    expect(alike('食堂留样记录不全', '消防通道堆放杂物')).toBe(false);
  });
});
