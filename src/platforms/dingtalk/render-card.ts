// DingTalk interactive card (互动卡片) data for the template DINGTALK_CARD_TEMPLATE_ID, created
// and delivered with POST /v1.0/card/instances/createAndDeliver and updated with
// PUT /v1.0/card/instances (https://open.dingtalk.com/document/orgapp/create-and-deliver-cards,
// https://open.dingtalk.com/document/orgapp/interactive-card-update-interface).
// cardParamMap values must all be strings, so lists travel as JSON strings.
//
// The template the operator builds in the card designer binds these variables:
// | variable | content |
// |---|---|
// | `title`, `subtitle` | the card's title and subtitle (≤ 30 / 60 characters) |
// | `markdown` | everything else as markdown: outcome, fields, items, note (≤ 2000 characters) |
// | `outcome` | the latest action on the item ("李校长 报告已完成整改，待验收（3月18日 10:20）"), '' before |
// | `status` | when nothing is left to press, a short word for the item's state ('待验收', '已销号'), else '' |
// | `buttons` | JSON `[{"text","key","style","input"?}]`, style `primary`/`danger`/`default`: the actions still valid; `input` `{"label","example"}` on 退回 and 申请延期, for a template with an input box (its value comes back as `params.value`; both are required: the answer to an empty one asks again) |
// | `button_count` | '0'…'6', to hide the button row |
// | `btn1_text`…`btn3_text`, `btn1_key`…`btn3_key` | the first three buttons, for templates without loops |
// A button's action value is its `key` (`dd:<action>:<item>`, see button-key.ts); the click
// comes back on the card callback (stream topic or /dingtalk/card) with it. Every card acts on
// one item, so its buttons are that item's; an update sends every variable again, rebuilt from
// the card as it is now, so a card never loses the buttons of an item the update is not about.
// Limits: CARD_LIMITS.dingtalkCard (card-limits.ts); texts are shortened to them, never dropped.

import { createHash } from 'node:crypto';
import type { Card } from '../../domain/card.js';
import { encodeButtonKey, shortActionLabels } from '../button-key.js';
import { CARD_LIMITS } from '../card-limits.js';
import { cardMarkdown } from '../card-text.js';
import { clip, clipToFit } from '../split-message.js';

export type CardParamMap = Record<string, string>;

/** The outTrackId of a send: unique per send, the same when the same send is retried. */
export function dingtalkOutTrackId(sendKey: string): string {
  return 'dd' + createHash('sha256').update(sendKey).digest('hex').slice(0, 40);
}

const L = CARD_LIMITS.dingtalkCard;

/** The card's variables; undefined only for a card with more buttons than the template shows. */
export function renderCardData(card: Card): CardParamMap | undefined {
  if (card.buttons.length > L.buttons) return undefined;
  const body = clipToFit(
    cardMarkdown(
      { ...card, buttons: [] },
      { dim: (s) => s, strong: (s) => `**${s}**`, br: '  \n' },
      { header: false },
    ),
    { maxBytes: L.bodyBytes, maxChars: L.bodyChars },
  );
  const several = new Set(card.buttons.map((b) => b.item)).size > 1;
  const buttons = card.buttons.map((b) => ({
    text: clip(several ? `${shortActionLabels[b.action]}${b.item}` : b.label, L.buttonText),
    key: encodeButtonKey(b.action, b.item),
    style: b.style ?? 'default',
    ...(b.input ? { input: b.input } : {}),
  }));
  const map: CardParamMap = {
    title: clip(card.title, L.title),
    subtitle: clip(card.subtitle ?? '', L.subtitle),
    markdown: body,
    outcome: card.outcome ?? '',
    status: buttons.length ? '' : (card.statusWord ?? ''),
    buttons: JSON.stringify(buttons),
    button_count: String(buttons.length),
  };
  for (let i = 0; i < 3; i++) {
    map[`btn${i + 1}_text`] = buttons[i]?.text ?? '';
    map[`btn${i + 1}_key`] = buttons[i]?.key ?? '';
  }
  return map;
}

/** The routing key of card callbacks in HTTP mode (registered with /v1.0/card/callbacks/register). */
export const DINGTALK_CARD_CALLBACK_ROUTE_KEY = 'dudao';

/** createAndDeliver body for a person's robot chat (单聊): openSpaceId dtv1.card//IM_ROBOT.<userId>. */
export function createAndDeliverBody(o: {
  templateId: string;
  outTrackId: string;
  robotCode: string;
  userId: string;
  data: CardParamMap;
  mode: 'http' | 'stream';
}) {
  return {
    cardTemplateId: o.templateId,
    outTrackId: o.outTrackId,
    callbackType: o.mode === 'stream' ? 'STREAM' : 'HTTP',
    ...(o.mode === 'http' ? { callbackRouteKey: DINGTALK_CARD_CALLBACK_ROUTE_KEY } : {}),
    cardData: { cardParamMap: o.data },
    openSpaceId: `dtv1.card//IM_ROBOT.${o.userId}`,
    imRobotOpenSpaceModel: { supportForward: false },
    imRobotOpenDeliverModel: { spaceType: 'IM_ROBOT', robotCode: o.robotCode },
    userIdType: 1,
  };
}

/** PUT /v1.0/card/instances body: only the keys given change (updateCardDataByKey). */
export function updateCardBody(outTrackId: string, data: CardParamMap) {
  return { outTrackId, cardData: { cardParamMap: data }, cardUpdateOptions: { updateCardDataByKey: true } };
}
