import type { Reply } from '../src/domain/reply.js';
import { can } from '../src/domain/permissions.js';
import { extensionRequestCard } from '../cards/extension-request.js';
import { infoCard } from '../cards/info.js';
import { dayCn } from '../cards/format.js';
import {
  loadItem,
  nowCn,
  refusalMessage,
  refuse,
  toOrigin,
  toPerson,
  today,
  unknownItemMessage,
  refuseOnItem,
} from './common.js';
import { cardUpdateOf } from '../cards/card-update.js';
import { rosterView, supervisorsToTell } from './roster-view.js';
import type { Handler } from './types.js';
import { zh } from '../src/text/zh-CN/index.js';

/**
 * 申请延期 ZG-12 至 4月10日 原因：…: the principal asks; the item's supervisor (or, when they have
 * left, the zone's leaders) gets 同意 / 不同意. The deadline stays until someone decides.
 */
export const requestExtension: Handler<'request_extension'> = async (cmd, actor, deps) => {
  const id = cmd.item;
  const loaded = await loadItem(deps, id);
  if (!loaded) return refuse(unknownItemMessage(id));
  const allowed = can(actor, 'request_extension', loaded.perm);
  if (!allowed.ok) return refuseOnItem(actor, allowed, loaded.perm, id);
  const { item } = loaded;
  if (item.status !== 'closed' && cmd.until <= item.deadline) {
    return refuse(zh.handlers.requestExtension.notLater(dayCn(cmd.until), dayCn(item.deadline)));
  }
  if (cmd.until < today(deps))
    return refuse(
      zh.handlers.requestExtension.past(
        dayCn(cmd.until),
        zh.cards.typed.extend(id, zh.cards.input.extendExample(dayCn(item.deadline).split(' ')[0]!)),
      ),
    );

  const r = await deps.store.transition({
    item: id,
    action: 'request_extension',
    actor: actor.id,
    source: deps.source,
    now: deps.now,
    note: cmd.reason,
    until: cmd.until,
  });
  if (!r.ok) return refuse(refusalMessage(r, 'request_extension', id));

  const view = await rosterView(deps);
  const replies: Reply[] = [
    toOrigin(
      infoCard(zh.handlers.requestExtension.title(id), {
        subtitle: zh.handlers.requestExtension.subtitle(dayCn(cmd.until)),
        fields: [{ label: zh.handlers.requestExtension.currentDeadlineLabel, value: dayCn(item.deadline) }],
        note: zh.handlers.requestExtension.note,
      }),
      [id],
    ),
  ];
  const card = extensionRequestCard({
    item: r.item,
    until: cmd.until,
    reason: cmd.reason,
    schoolName: loaded.school.name,
    requesterName: actor.name,
  });
  for (const p of supervisorsToTell(view, r.item)) {
    if (p.id !== actor.id) replies.push(toPerson(p.id, card, `ext-${p.id}`, [id]));
  }
  // every card of the item says a request is pending (and offers no second one meanwhile)
  const outcome = zh.handlers.common.outcome(
    actor.name,
    zh.handlers.requestExtension.verb(dayCn(cmd.until)),
    nowCn(deps),
  );
  return { replies, cardUpdates: [cardUpdateOf(r.item, r.seq, outcome)] };
};
