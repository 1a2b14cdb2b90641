import type { Command, ParseResult } from '../src/domain/command.js';
import type { InboundAction } from '../src/domain/inbound.js';
import type { HandlerResult } from '../src/domain/reply.js';
import type { Person } from '../src/domain/roster.js';
import { can } from '../src/domain/permissions.js';
import { normalizeItemId } from '../src/parser/index.js';
import { infoCard } from '../cards/info.js';
import { clip, dayCn, typedCommand } from '../cards/format.js';
import { loadItem, refuse, refuseOnItem, toOrigin, unknownItemMessage } from '../handlers/common.js';
import type { HandlerDeps } from '../handlers/types.js';
import { zh } from '../src/text/zh-CN/index.js';

export type ActionOutcome = { command: Command } | { result: HandlerResult };

/**
 * A card click → the Command the same words would have typed. The handler then checks the
 * clicker against the roster exactly as for typed text: the button's key proves nothing.
 */
export async function commandOfAction(
  a: InboundAction,
  actor: Person,
  deps: HandlerDeps,
  parseText: (text: string) => ParseResult,
): Promise<ActionOutcome> {
  const item = normalizeItemId(a.item);
  if (!item) return { result: refuse(zh.jobs.action.unknownItem) };
  const note = a.value?.trim() || undefined;
  switch (a.action) {
    case 'ack':
      return { command: { command: 'acknowledge', item, note } };
    case 'done':
      return { command: { command: 'report_progress', item, status: 'done', note } };
    case 'pass':
      return { command: { command: 'recheck', item, pass: true, note } };
    case 'reject':
      // without a typed reason the recheck handler asks for one, with an example
      return { command: { command: 'recheck', item, pass: false, note } };
    case 'approve_ext':
      return { command: { command: 'decide_extension', item, approve: true, note } };
    case 'refuse_ext':
      return { command: { command: 'decide_extension', item, approve: false, note } };
    case 'extend':
      return extendClick(item, note, actor, deps, parseText);
  }
}

/** 申请延期 needs a date: read one typed into the card, else say how to write the request. */
async function extendClick(
  item: string,
  value: string | undefined,
  actor: Person,
  deps: HandlerDeps,
  parseText: (text: string) => ParseResult,
): Promise<ActionOutcome> {
  if (value) {
    const r = parseText(`申请延期 ${item} ${/^至/.test(value) ? '' : '至 '}${value}`);
    if (r.ok && r.command.command === 'request_extension') return { command: r.command };
  }
  const loaded = await loadItem(deps, item);
  if (!loaded) return { result: refuse(unknownItemMessage(item)) };
  const allowed = can(actor, 'request_extension', loaded.perm);
  if (!allowed.ok) return { result: refuseOnItem(actor, allowed, loaded.perm, item) };
  const example = typedCommand('extend', item, loaded.item.deadline);
  // a date typed into the card that cannot be read is an error: the card's buttons come back
  if (value) return { result: refuse(unreadableExtensionDate(value, example)) };
  const card = infoCard(zh.jobs.action.extendTitle(item), {
    subtitle: zh.jobs.action.extendSubtitle(dayCn(loaded.item.deadline)),
    fields: [{ label: zh.jobs.action.extendLabel, value: example }],
    note: zh.jobs.action.extendNote,
  });
  return { result: { replies: [toOrigin(card, [item])] } };
}

/** The answer to a 申请延期 box whose date cannot be read: what was read, and a ready example. */
export const unreadableExtensionDate = (value: string, example: string) =>
  zh.jobs.action.unreadableDate(clip(value, 20), example);
