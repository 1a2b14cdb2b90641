import { describe, expect, it } from 'vitest';
import { formatParseHuman, formatParseJson, parse } from '../../src/parser/index.js';
import { ctxAt } from './fixture.js';

const ctx = ctxAt('2021-03-16');
const json = (text: string) => JSON.parse(JSON.stringify(formatParseJson(parse(text, ctx))));

describe('formatParseJson: the docs/spec/interfaces.md shape', () => {
  it('prints a visit record with absent optional fields left out', () => {
    const out = json(
      '提交督导记录\n学校：龙泉小学\n日期：3月15日\n类型：专项督导（双减）\n问题：\n1、作业公示栏未更新，5个工作日内整改\n2、签到表缺数据',
    );
    expect(out).toEqual({
      command: 'submit_record',
      school: { id: 's-lqxx', name: '龙泉小学' },
      date: '2021-03-15',
      kind: '专项督导',
      topic: '双减',
      problems: [
        { text: '作业公示栏未更新', deadline: '2021-03-22', deadlineSource: 'text' },
        { text: '签到表缺数据', deadline: '2021-03-29', deadlineSource: 'default' },
      ],
    });
    expect(Object.keys(out)).toEqual(['command', 'school', 'date', 'kind', 'topic', 'problems']);
    expect(out).not.toHaveProperty('manner');
    expect(out).not.toHaveProperty('assumptions');
  });
  it('prints manner when the text says so', () => {
    expect(json('提交督导记录\n学校：龙泉小学\n日期：3月15日\n类型：随机督导 暗访')).toMatchObject({
      kind: '随机督导',
      manner: '暗访',
    });
  });
  it('prints the other commands with their fields', () => {
    expect(json('整改进度 ZG-12 已完成 已更新')).toEqual({
      command: 'report_progress',
      item: 'ZG-12',
      status: 'done',
      note: '已更新',
    });
    expect(json('收到 #12')).toEqual({ command: 'acknowledge', item: 'ZG-12' });
    expect(json('申请延期 ZG-12 至4月10日 原因：器材未到')).toEqual({
      command: 'request_extension',
      item: 'ZG-12',
      until: '2021-04-10',
      reason: '器材未到',
    });
    expect(json('不同意延期 ZG-12')).toEqual({ command: 'decide_extension', item: 'ZG-12', approve: false });
    expect(json('验收 ZG-12 通过')).toEqual({ command: 'recheck', item: 'ZG-12', pass: true });
    expect(json('查询 龙泉小学')).toEqual({ command: 'query', school: { id: 's-lqxx', name: '龙泉小学' } });
    expect(json('统计 上月')).toEqual({ command: 'stats', from: '2021-02-01', to: '2021-02-28' });
    expect(json('绑定本群 督导室')).toEqual({
      command: 'bind_chat',
      target: { type: 'office', id: 'office', name: '督导室' },
    });
    for (const [text, command] of [
      ['待办', 'todo'],
      ['逾期', 'overdue'],
      ['日报', 'digest_now'],
      ['帮助', 'help'],
      ['你好', 'none'],
    ]) {
      expect(json(text!)).toEqual({ command });
    }
  });
  it('prints a failure as command "error" with the Chinese reply', () => {
    expect(json('查询 龙泉')).toEqual({
      command: 'error',
      code: 'unknown_school',
      message: '未找到学校『龙泉』。您是否要找：龙泉小学、龙泉中学？',
    });
  });
});

describe('formatParseHuman', () => {
  it('shows a record, its deadlines and what was assumed', () => {
    const text = formatParseHuman(parse('提交督导记录\n学校：龙泉小\n问题：作业公示栏未更新', ctx));
    expect(text).toContain('submit_record');
    expect(text).toContain('学校: 龙泉小学 (s-lqxx)');
    expect(text).toContain('2021-03-16（3月16日 周二）');
    expect(text).toContain('作业公示栏未更新 — 期限 2021-03-30（3月30日 周二） [默认]');
    expect(text).toContain('假定: 『龙泉小』按简称识别为 龙泉小学');
    expect(text).toContain('假定: 未写日期，按今天 3月16日 周二 登记');
  });
  it('shows other commands on one line and failures with their code', () => {
    expect(formatParseHuman(parse('收到 ZG-12', ctx))).toBe('acknowledge item=ZG-12');
    expect(formatParseHuman(parse('绑定本群 城关责任区', ctx))).toBe(
      'bind_chat target={"type":"zone","id":"z-cg","name":"城关责任区"}',
    );
    expect(formatParseHuman(parse('', ctx))).toMatch(/^无法执行 \(empty\)\n请在 @督导助手/);
  });
});
