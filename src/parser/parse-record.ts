import type { ParseFailure, ParseResult, ParseWarning, Problem, SubmitRecord } from '../domain/command.js';
import { formatDayCn, weekdayCn } from '../domain/day.js';
import { readDeadline, scanDeadlines, type DeadlineError } from './deadline.js';
import { matchSchool } from './match-school.js';
import { zh } from '../text/zh-CN/index.js';
import { messages } from './messages.js';
import { displayText } from './normalize-text.js';
import type { ParseContext } from './parse-context.js';
import { readProblemDeadline } from './problem-deadline.js';
import { splitProblems } from './problem-list.js';
import { FIELD_NAMES, labelPositions, splitRecordFields, type FieldKey } from './record-fields.js';
import { schoolFailure } from './school-failure.js';
import { startsWithSchool } from './school-start.js';
import { readVisitDate } from './visit-date.js';
import { looksLikeKind, looksLikeVisitDate } from './field-starts.js';
import { readVisitKind } from './visit-kind.js';
import { findSchoolMention, readNarrative, visitFacts } from './narrative.js';
import { continuesProblem, splitTailDeadline } from './tail-deadline.js';

/**
 * 提交督导记录: the labelled fields (record-fields.ts) → a SubmitRecord. Checked in the order a
 * person fixes them: school, date, type, deadlines. What was assumed (a short name, today's
 * date, the default deadline) is listed for the reply card; what the user must notice (a deadline
 * already past, a deadline on a day off) is a warning.
 */

const fail = (code: ParseFailure['code'], message: string): ParseFailure => ({ ok: false, code, message });
/** The code for a field written twice with different values (there is no dedicated one). */
const DUPLICATE_CODE: Partial<Record<FieldKey, ParseFailure['code']>> = {
  school: 'ambiguous_school',
  date: 'bad_date',
  deadline: 'bad_deadline',
};
const FILLER_RE = /^(?:如下|一份|一条|一下|内容如下)?:?$/;

export interface RecordOptions {
  /** voice, or text without punctuation: glued labels and bare list numbers count */
  voiceLike?: boolean;
  /** the text said 确认重复 */
  confirmDuplicate?: boolean;
}

export function deadlineFailure(err: DeadlineError, where?: string): ParseFailure {
  if (err.kind === 'invalid_date')
    return fail(
      'bad_deadline',
      messages.invalidDeadline(err.text, err.detail ?? zh.parser.dates.invalid, where),
    );
  if (err.kind === 'uncountable')
    return fail('bad_deadline', messages.uncountableDeadline(err.text, err.detail, where));
  return fail('bad_deadline', messages.unreadableDeadline(err.text, where));
}

/**
 * A field whose value swallowed other labels (`类型：专项督导双减情况抽查…问题1、…`): refused, with
 * the reading we would make, so nothing half-read is stored.
 */
function swallowed(key: FieldKey, value: string, ctx: ParseContext): ParseFailure | undefined {
  const found = labelPositions(value).filter((p) => {
    if (p.key === key) return false;
    const after = value.slice(p.start + p.label.length, p.start + p.label.length + 30);
    if (after.startsWith(':')) return true;
    switch (p.key) {
      case 'school':
        return startsWithSchool(after, ctx.schools);
      case 'date':
        return looksLikeVisitDate(after);
      case 'kind':
        return looksLikeKind(after);
      case 'problems':
        return /^[\d①-⑳一二三四五六七八九十(第]/.test(after);
      default:
        // a free-text label inside a short value is a word (双减情况); inside a long one, a field
        return value.length > 16 && after.length > 0;
    }
  });
  if (found.length === 0) return undefined;
  const lines = [`${FIELD_NAMES[key]}：${value.slice(0, found[0]!.start)}`];
  found.forEach((p, i) => {
    lines.push(`${p.label}：${value.slice(p.start + p.label.length, found[i + 1]?.start ?? value.length)}`);
  });
  return fail(
    'swallowed_label',
    messages.swallowedLabel(
      FIELD_NAMES[key],
      found.map((p) => p.label),
      displayText(lines.join('\n')),
    ),
  );
}

export function parseRecord(
  body: string,
  ctx: ParseContext,
  today: string,
  o: RecordOptions = {},
): ParseResult {
  const { fields, labels, preamble } = splitRecordFields(body, {
    voiceLike: o.voiceLike,
    startsWithSchool: (t) => startsWithSchool(t, ctx.schools),
  });
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
  const text = (key: FieldKey, withLabel = false): string | undefined => {
    const names = labels.get(key) ?? [];
    const joined = (fields.get(key) ?? [])
      .map((lines, i) => {
        const v = lines.join('\n');
        return withLabel && v !== '' && names[i] !== '备注' ? `${names[i]}：${v}` : v;
      })
      .filter((v) => v !== '')
      .join('\n')
      .trim();
    return joined === '' ? undefined : displayText(joined);
  };

  // 学校 — or, with no label, a short first line after the keyword ("提交督导记录 龙泉小学")
  const pre = preamble.filter((l) => !FILLER_RE.test(l));
  // … or a record told as prose ("今天上午到龙泉小学开展了常规督导，发现…")
  const told = tellNarrative(fields, labels, pre, ctx);
  if (told && !Array.isArray(told)) return told;
  if (told) assumptions.push(...told);
  let schoolText = scalar('school');
  if (typeof schoolText === 'object') return schoolText;
  let leftover = told ? [] : pre;
  if (schoolText === undefined && pre.length === 1 && pre[0]!.length <= 40 && fields.size > 0) {
    schoolText = pre[0]!;
    leftover = [];
  }
  if (schoolText === undefined) return fail('missing_field', messages.missingSchool(exampleSchool));
  const school = matchSchool(schoolText, ctx.schools);
  if (!school.ok) return swallowed('school', schoolText, ctx) ?? schoolFailure(school);
  if (school.assumption) assumptions.push(school.assumption);

  // 日期
  const dateText = scalar('date');
  if (typeof dateText === 'object') return dateText;
  let date = today;
  if (dateText === undefined) {
    assumptions.push(zh.parser.readings.noDate(formatDayCn(today)));
  } else {
    const d = readVisitDate(dateText, today);
    if (!d.ok) {
      if (d.future) return fail('visit_future', messages.visitFuture(d.reason));
      return swallowed('date', dateText, ctx) ?? fail('bad_date', messages.badDate(d.reason));
    }
    date = d.day;
    if (d.assumption) assumptions.push(d.assumption);
  }

  // 类型 and 主题
  const kindText = scalar('kind');
  if (typeof kindText === 'object') return kindText;
  const kind =
    kindText === undefined ? { ok: true as const, kind: '挂牌督导' as const } : readVisitKind(kindText);
  if (!kind.ok)
    return swallowed('kind', kindText!, ctx) ?? fail('missing_field', messages.badKind(kind.text));
  if ('topic' in kind && kind.topic) {
    const s = swallowed('kind', kindText!, ctx);
    if (s) return s;
  }
  if ('assumption' in kind && kind.assumption) assumptions.push(kind.assumption);
  const topicField = text('topic')?.replace(/\n/g, '、');
  const kindTopic = 'topic' in kind ? kind.topic : undefined;
  const topic =
    topicField && kindTopic && topicField !== kindTopic
      ? `${kindTopic}、${topicField}`
      : (topicField ?? kindTopic);

  // 期限: the default for problems that carry none; 整改要求 may carry it too
  const deadlineText = scalar('deadline');
  if (typeof deadlineText === 'object') return deadlineText;
  let recordDeadline: string | undefined;
  if (deadlineText !== undefined) {
    const r = readDeadline(deadlineText, date, ctx.calendar);
    if (!r.ok) return swallowed('deadline', deadlineText, ctx) ?? deadlineFailure(r.error);
    recordDeadline = r.day;
    if (r.assumption) assumptions.push(r.assumption);
  } else {
    const req = text('requirement');
    const hits = req ? scanDeadlines(req, date, ctx.calendar).filter((h) => h.strong) : [];
    const hit = hits[hits.length - 1];
    if (hit) {
      if (!hit.result.ok) return deadlineFailure(hit.result.error);
      recordDeadline = hit.result.day;
      if (hit.result.assumption) assumptions.push(hit.result.assumption);
    }
  }
  if (recordDeadline !== undefined && recordDeadline < date)
    return fail(
      'bad_deadline',
      messages.deadlineBeforeVisit(zh.parser.readings.theRecord, recordDeadline, date),
    );

  // 问题
  const problemLines = (fields.get('problems') ?? []).flat();
  const problems: Problem[] = [];
  const defaulted: number[] = [];
  const defaultDeadline = ctx.calendar.addWorkdays(date, ctx.defaultDeadlineWorkdays);
  const raws = splitProblems(problemLines, {
    voiceLike: o.voiceLike,
    continues: (part) => continuesProblem(part, date, ctx),
  });
  if (recordDeadline === undefined) {
    // "问题：1.… 2.… 期限：一周内" on one line, "…。以上问题要求月底前整改": the list's last
    // problem carries the record's deadline, not its own
    const tail = splitTailDeadline(raws, date, ctx, !!o.voiceLike);
    if (tail) {
      if (!tail.result.ok) return deadlineFailure(tail.result.error);
      raws[raws.length - 1] = tail.problem;
      recordDeadline = tail.result.day;
      if (tail.result.assumption) assumptions.push(tail.result.assumption);
      if (recordDeadline < date)
        return fail(
          'bad_deadline',
          messages.deadlineBeforeVisit(zh.parser.readings.theRecord, recordDeadline, date),
        );
    }
  }
  for (const [i, raw] of raws.entries()) {
    const p = readProblemDeadline(raw, date, ctx.calendar);
    if (!p.ok) return deadlineFailure(p.error);
    assumptions.push(...p.assumptions);
    const which =
      raws.length > 1 ? zh.parser.readings.problems(String(i + 1)) : zh.parser.readings.theProblem;
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
    const which =
      raws.length === 1 ? zh.parser.readings.theProblem : zh.parser.readings.problems(defaulted.join('、'));
    assumptions.push(
      zh.parser.readings.defaultDeadline(which, ctx.defaultDeadlineWorkdays, formatDayCn(defaultDeadline)),
    );
  }

  // text before the first label that is not the school: kept, as 备注, and said so
  const remarks = [text('remark', true), text('requirement', true), text('people', true)].filter(
    (r): r is string => r !== undefined,
  );
  if (leftover.length > 0) {
    const extra = displayText(leftover.join('\n'));
    remarks.unshift(extra);
    assumptions.push(zh.parser.readings.remark(extra.slice(0, 20)));
  }
  const remark = remarks.length ? remarks.join('\n') : undefined;

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
    ...(o.confirmDuplicate ? { confirmDuplicate: true as const } : {}),
  };
  const warnings = deadlineWarnings(problems, today, ctx);
  return warnings.length ? { ok: true, command, assumptions, warnings } : { ok: true, command, assumptions };
}

/**
 * When the school is not given by a label or a short first line, read the prose (narrative.ts)
 * and fill the fields the labels left empty. Returns what to say on the reply, or undefined when
 * the message is not a record told as prose.
 */
function tellNarrative(
  fields: Map<FieldKey, string[][]>,
  labels: Map<FieldKey, string[]>,
  pre: string[],
  ctx: ParseContext,
): string[] | ParseFailure | undefined {
  let prose: string;
  let known: string | undefined;
  const schoolField = fields.get('school');
  if (schoolField) {
    // 督导学校：龙泉小学 ⏎ 今天上午进行了挂牌督导，发现…
    const lines = schoolField[0]!;
    if (schoolField.length > 1 || matchSchool(lines.join(' '), ctx.schools).ok) return undefined;
    if (lines.length > 1 && matchSchool(lines[0]!, ctx.schools).ok) {
      prose = lines.slice(1).join('\n');
      known = lines[0]!;
    } else {
      // 学校：龙泉小学 今天上午开展挂牌督导，发现… (the prose on the school's line)
      const named = findSchoolMention(lines[0]!, ctx.schools);
      if (named?.start !== 0) return undefined;
      known = named.name;
      prose = [lines[0]!.slice(named.name.length), ...lines.slice(1)].join('\n');
    }
  } else {
    if (pre.length === 0) return undefined;
    if (pre.length === 1 && pre[0]!.length <= 40 && fields.size > 0 && matchSchool(pre[0]!, ctx.schools).ok)
      return undefined;
    prose = pre.join('\n');
  }
  const n = readNarrative(prose, ctx.schools, !fields.has('problems'), known);
  if (!n) return undefined;
  if (n.others.length > 0)
    return fail('ambiguous_school', zh.parser.narrative.schools([n.school, ...n.others].join('、')));
  const set = (key: FieldKey, value: string[] | undefined) => {
    if (value === undefined || value.length === 0 || (fields.has(key) && key !== 'school')) return;
    fields.set(key, [value]);
    labels.set(key, [FIELD_NAMES[key]]);
  };
  // 一、基本情况 ⏎ 3月15日上午，…开展挂牌督导: the date and kind told in the findings
  const told = fields.get('findings')?.[0]?.join('\n');
  const facts = told === undefined ? {} : visitFacts(told);
  set('school', [n.school]);
  const date = n.date ?? facts.date;
  const kind = n.kind ?? facts.kind;
  set('date', date === undefined ? undefined : [date]);
  set('kind', kind === undefined ? undefined : [kind]);
  set('findings', n.findings === undefined ? undefined : [n.findings]);
  set('problems', n.problems);
  set('requirement', n.requirement === undefined ? undefined : [n.requirement]);
  const said: string[] = [zh.parser.narrative.read];
  if (!fields.has('problems') && !n.none) said.push(zh.parser.narrative.noFindings);
  return said;
}

/** deadline_past and deadline_day_off, per problem (docs/spec/commands.md → Warnings). */
export function deadlineWarnings(problems: Problem[], today: string, ctx: ParseContext): ParseWarning[] {
  const out: ParseWarning[] = [];
  problems.forEach((p, item) => {
    if (p.deadline < today) out.push({ code: 'deadline_past', item, deadline: p.deadline });
    if (!ctx.calendar.isWorkday(p.deadline)) {
      const info = ctx.calendar.info(p.deadline);
      out.push({
        code: 'deadline_day_off',
        item,
        deadline: p.deadline,
        dayOff: info.holiday && info.kind === 'holiday' ? info.holiday : weekdayCn(p.deadline),
        nextWorkday: ctx.calendar.nextWorkday(p.deadline),
      });
    }
  });
  return out;
}
