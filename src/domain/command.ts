import { z } from 'zod';
import { ITEM_ID, RECORD_ID } from './ids.js';
import { MAX_PAGE } from './list-page.js';

/**
 * What a message means: the parser's output (src/parser) and the handlers' input (handlers/).
 * The names and JSON shape are the contract of `npx dudao parse --json` (docs/spec/interfaces.md).
 * Items print as `ZG-21`, records as `DD-7`, dates as `YYYY-MM-DD` (in TIMEZONE).
 */

export const itemIdSchema = z.string().regex(ITEM_ID);
export const recordIdSchema = z.string().regex(RECORD_ID);
export const daySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
export const schoolRefSchema = z.object({ id: z.string(), name: z.string() });
export const pageSchema = z.number().int().min(1).max(MAX_PAGE);

export const visitKinds = ['挂牌督导', '经常性督导', '专项督导', '随机督导', '综合督导', '回头看'] as const;
export const visitKindSchema = z.enum(visitKinds);
export type VisitKind = z.infer<typeof visitKindSchema>;

export const problemSchema = z.object({
  text: z.string().min(1),
  deadline: daySchema,
  /** 'text': read from the problem or the record's 期限; 'default': DEFAULT_DEADLINE_WORKDAYS */
  deadlineSource: z.enum(['text', 'default']),
});
export type Problem = z.infer<typeof problemSchema>;

export const submitRecordSchema = z.object({
  command: z.literal('submit_record'),
  school: schoolRefSchema,
  date: daySchema,
  kind: visitKindSchema,
  manner: z.enum(['暗访', '明查']).optional(),
  topic: z.string().optional(),
  findings: z.string().optional(),
  highlights: z.string().optional(),
  remark: z.string().optional(),
  problems: z.array(problemSchema),
  /** the text says 确认重复: store it even if it looks like a record already stored */
  confirmDuplicate: z.literal(true).optional(),
});

export const commandSchema = z.discriminatedUnion('command', [
  submitRecordSchema,
  z.object({
    command: z.literal('report_progress'),
    item: itemIdSchema,
    status: z.enum(['in_progress', 'done']),
    note: z.string().optional(),
  }),
  z.object({ command: z.literal('acknowledge'), item: itemIdSchema, note: z.string().optional() }),
  z.object({
    command: z.literal('request_extension'),
    item: itemIdSchema,
    until: daySchema,
    reason: z.string().optional(),
  }),
  z.object({
    command: z.literal('decide_extension'),
    item: itemIdSchema,
    approve: z.boolean(),
    note: z.string().optional(),
  }),
  z.object({
    command: z.literal('recheck'),
    item: itemIdSchema,
    pass: z.boolean(),
    note: z.string().optional(),
    /** 退回 with a new deadline written in it ("…，3个工作日内整改") */
    until: daySchema.optional(),
  }),
  z.object({ command: z.literal('reopen'), item: itemIdSchema, note: z.string().optional() }),
  z.object({
    command: z.literal('query'),
    item: itemIdSchema.optional(),
    record: recordIdSchema.optional(),
    school: schoolRefSchema.optional(),
    /** the page of the school's open items (src/domain/list-page.ts); absent is the first */
    page: pageSchema.optional(),
  }),
  z.object({ command: z.literal('todo'), page: pageSchema.optional() }),
  z.object({ command: z.literal('overdue'), page: pageSchema.optional() }),
  z.object({ command: z.literal('stats'), from: daySchema, to: daySchema }),
  z.object({ command: z.literal('digest_now') }),
  z.object({ command: z.literal('board_link') }),
  z.object({
    command: z.literal('bind_chat'),
    target: z.object({ type: z.enum(['zone', 'school', 'office']), id: z.string(), name: z.string() }),
  }),
  z.object({ command: z.literal('help') }),
  z.object({ command: z.literal('none') }),
]);
export type Command = z.infer<typeof commandSchema>;
export type CommandName = Command['command'];
export type CommandOf<N extends CommandName> = Extract<Command, { command: N }>;
export type SubmitRecord = CommandOf<'submit_record'>;

export const parseErrorCodes = [
  'missing_field',
  'unknown_school',
  'ambiguous_school',
  'bad_date',
  'bad_deadline',
  'bad_item',
  'too_long',
  'empty',
  'visit_future',
  'did_you_mean',
  'swallowed_label',
] as const;
export type ParseErrorCode = (typeof parseErrorCodes)[number];

/** A parse that failed: the code and the exact Chinese reply (with a copyable example). */
export interface ParseFailure {
  ok: false;
  code: ParseErrorCode;
  message: string;
  /** did_you_mean: the corrected message, ready to copy */
  suggestion?: string;
}

/**
 * What the user must see on the reply although the command goes ahead (`item` is the problem's
 * index in `problems`, from 0). possible_duplicate comes from the store (handlers, `parse` with
 * Redis), never from the parser alone, and stops the record unless it says 确认重复.
 */
export type ParseWarning =
  | { code: 'deadline_past'; item: number; deadline: string }
  | { code: 'deadline_day_off'; item: number; deadline: string; dayOff: string; nextWorkday: string }
  | { code: 'possible_duplicate'; record: string };

export interface ParseSuccess {
  ok: true;
  command: Command;
  /** what the parser assumed, shown on the reply card (default deadline, matched short name…) */
  assumptions: string[];
  warnings?: ParseWarning[];
}

export type ParseResult = ParseSuccess | ParseFailure;
