import type { ParseFailure, ParseResult, Problem, SubmitRecord } from '../domain/command.js';
import { formatDayCn } from '../domain/day.js';
import { readDeadline, type DeadlineError } from './deadline.js';
import { matchSchool } from './match-school.js';
import { messages } from './messages.js';
import { displayText } from './normalize-text.js';
import type { ParseContext } from './parse-context.js';
import { readProblemDeadline } from './problem-deadline.js';
import { splitProblems } from './problem-list.js';
import { FIELD_NAMES, splitRecordFields, type FieldKey } from './record-fields.js';
import { schoolFailure } from './school-failure.js';
import { readVisitDate } from './visit-date.js';
import { readVisitKind } from './visit-kind.js';

/**
 * 提交督导记录: the labelled fields (record-fields.ts) → a SubmitRecord. Checked in the order a
 * person fixes them: school, date, type, deadlines. What was assumed (a short name, today's
 * date, the default deadline) is listed for the reply card.
 */

const fail = (code: ParseFailure['code'], message: string): ParseFailure => ({ ok: false, code, message });
/** The code for a field written twice with different values (there is no dedicated one). */
const DUPLICATE_CODE: Partial<Record<FieldKey, ParseFailure['code']>> = {
  school: 'ambiguous_school',
  date: 'bad_date',
  deadline: 'bad_deadline',
};
const FILLER_RE = /^(?:如下|一份|一条|一下|内容如下)?:?$/;

function deadlineFailure(err: DeadlineError, where?: string): ParseFailure {
  const message =
    err.kind === 'invalid_date'
      ? messages.invalidDeadline(err.text, err.detail ?? '不是有效日期')
      : messages.unreadableDeadline(err.text, where);
  return fail('bad_deadline', message);
}

export function parseRecord(body: string, ctx: ParseContext, today: string): ParseResult {
  const { fields, preamble } = splitRecordFields(body);
  const assumptions: string[] = [];
  const exampleSchool = ctx.schools.schools[0]?.name;

  /** A one-value field; the same label twice with different values is refused, not guessed. */
  const scalar = (key: FieldKey): string | ParseFailure | undefined => {
    const values = [
      ...new Set((fields.get(key) ?? []).map((lines) => lines.join(' ').trim()).filter((v) => v !== '')),
    ];
    if (values.length > 1)
      return fail(DUPLICATE_CODE[key] ?? 'missing_field', messages.duplicateField(FIELD_NAMES[key], values));
    return values[0];
  };
  const text = (key: FieldKey): string | undefined => {
    const joined = (fields.get(key) ?? [])
      .map((lines) => lines.join('\n'))
      .join('\n')
      .trim();
    return joined === '' ? undefined : displayText(joined);
  };

  // 学校 — or, with no label, a short first line after the keyword ("提交督导记录 龙泉小学")
  const pre = preamble.filter((l) => !FILLER_RE.test(l));
  let schoolText = scalar('school');
  if (typeof schoolText === 'object') return schoolText;
  let leftover = pre;
  if (schoolText === undefined && pre.length === 1 && pre[0]!.length <= 40 && fields.size > 0) {
    schoolText = pre[0]!;
    leftover = [];
  }
  if (schoolText === undefined) return fail('missing_field', messages.missingSchool(exampleSchool));
  const school = matchSchool(schoolText, ctx.schools);
  if (!school.ok) return schoolFailure(school);
  if (school.assumption) assumptions.push(school.assumption);

  // 日期
  const dateText = scalar('date');
  if (typeof dateText === 'object') return dateText;
  let date = today;
  if (dateText === undefined) {
    assumptions.push(`未写日期，按今天 ${formatDayCn(today)} 登记`);
  } else {
    const d = readVisitDate(dateText, today);
    if (!d.ok) return fail('bad_date', messages.badDate(d.reason));
    date = d.day;
    if (d.assumption) assumptions.push(d.assumption);
  }

  // 类型 and 主题
  const kindText = scalar('kind');
  if (typeof kindText === 'object') return kindText;
  const kind =
    kindText === undefined ? { ok: true as const, kind: '挂牌督导' as const } : readVisitKind(kindText);
  if (!kind.ok) return fail('missing_field', messages.badKind(kind.text));
  if ('assumption' in kind && kind.assumption) assumptions.push(kind.assumption);
  const topicField = text('topic')?.replace(/\n/g, '、');
  const kindTopic = 'topic' in kind ? kind.topic : undefined;
  const topic =
    topicField && kindTopic && topicField !== kindTopic
      ? `${kindTopic}、${topicField}`
      : (topicField ?? kindTopic);

  // 期限: the default for problems that carry none
  const deadlineText = scalar('deadline');
  if (typeof deadlineText === 'object') return deadlineText;
  let recordDeadline: string | undefined;
  if (deadlineText !== undefined) {
    const r = readDeadline(deadlineText, date, ctx.calendar);
    if (!r.ok) return deadlineFailure(r.error);
    recordDeadline = r.day;
    if (r.assumption) assumptions.push(r.assumption);
    if (recordDeadline < date)
      return fail('bad_deadline', messages.deadlineBeforeVisit('记录', recordDeadline, date));
  }

  // 问题
  const problemLines = (fields.get('problems') ?? []).flat();
  const problems: Problem[] = [];
  const defaulted: number[] = [];
  const defaultDeadline = ctx.calendar.addWorkdays(date, ctx.defaultDeadlineWorkdays);
  const raws = splitProblems(problemLines);
  for (const [i, raw] of raws.entries()) {
    const p = readProblemDeadline(raw, date, ctx.calendar);
    if (!p.ok) return deadlineFailure(p.error);
    assumptions.push(...p.assumptions);
    const which = raws.length > 1 ? `第${i + 1}项问题` : '问题';
    if (p.deadline !== undefined && p.deadline < date)
      return fail('bad_deadline', messages.deadlineBeforeVisit(which, p.deadline, date));
    const deadline = p.deadline ?? recordDeadline;
    if (deadline === undefined) defaulted.push(i + 1);
    problems.push({
      text: displayText(p.text),
      deadline: deadline ?? defaultDeadline,
      deadlineSource: deadline === undefined ? 'default' : 'text',
    });
  }
  if (defaulted.length > 0) {
    const which = raws.length === 1 ? '问题' : `第${defaulted.join('、')}项问题`;
    assumptions.push(
      `${which}未写期限，按默认 ${ctx.defaultDeadlineWorkdays} 个工作日计，至 ${formatDayCn(defaultDeadline)}`,
    );
  }

  // text before the first label that is not the school: kept, as 备注, and said so
  let remark = text('remark');
  if (leftover.length > 0) {
    const extra = displayText(leftover.join('\n'));
    remark = remark ? `${extra}\n${remark}` : extra;
    assumptions.push(`未标注栏目的文字『${extra.slice(0, 20)}』记入备注`);
  }

  const findings = text('findings');
  const highlights = text('highlights');
  const command: SubmitRecord = {
    command: 'submit_record',
    school: { id: school.school.id, name: school.school.name },
    date,
    kind: kind.kind,
    ...('manner' in kind && kind.manner ? { manner: kind.manner } : {}),
    ...(topic ? { topic } : {}),
    ...(findings ? { findings } : {}),
    ...(highlights ? { highlights } : {}),
    ...(remark ? { remark } : {}),
    problems,
  };
  return { ok: true, command, assumptions };
}
