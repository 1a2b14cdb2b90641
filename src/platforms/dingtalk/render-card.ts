import { createHash } from 'node:crypto';
import type { Card } from '../../domain/card.js';
import { encodeButtonKey } from '../button-key.js';
import { cardMarkdown } from '../card-text.js';
import { fits } from '../split-message.js';
import { DINGTALK_MARKDOWN_LIMITS } from './render-markdown.js';

/**
 * DingTalk interactive card (互动卡片) data for the template DINGTALK_CARD_TEMPLATE_ID, created
 * and delivered with POST /v1.0/card/instances/createAndDeliver and updated with
 * PUT /v1.0/card/instances (https://open.dingtalk.com/document/orgapp/create-and-deliver-cards,
 * https://open.dingtalk.com/document/orgapp/interactive-card-update-interface).
 * cardParamMap values must all be strings, so lists travel as JSON strings.
 *
 * The template the operator builds in the card designer binds these variables:
 * | variable | content |
 * |---|---|
 * | `title`, `subtitle` | the card's title and subtitle |
 * | `markdown` | everything else as markdown: fields, items, note (and the outcome) |
 * | `outcome` | after a click: "已由 李校长 于 3月18日 确认完成" ('' before) |
 * | `buttons` | JSON `[{"text","key","style"}]`, style `primary`/`danger`/`default`; '[]' after a click |
 * | `button_count` | '0'…'6', to hide the button row |
 * | `btn1_text`…`btn3_text`, `btn1_key`…`btn3_key` | the first three buttons, for templates without loops |
 * A button's action value is its `key` (`dd:<action>:<item>`, see button-key.ts); the click
 * comes back on the card callback (stream topic or /dingtalk/card) with it.
 */
export type CardParamMap = Record<string, string>;

/** The outTrackId of a send: unique per send, the same when the same send is retried. */
export function dingtalkOutTrackId(sendKey: string): string {
  return 'dd' + createHash('sha256').update(sendKey).digest('hex').slice(0, 40);
}

/** undefined when the card is too long for one card: the caller falls back to markdown. */
export function renderCardData(card: Card): CardParamMap | undefined {
  const body = cardMarkdown(
    { ...card, buttons: [] },
    { dim: (s) => s, strong: (s) => `**${s}**`, br: '  \n' },
    { header: false },
  );
  if (!fits(body, DINGTALK_MARKDOWN_LIMITS)) return undefined;
  const buttons = card.outcome
    ? []
    : card.buttons.map((b) => ({
        text: b.label,
        key: encodeButtonKey(b.action, b.item),
        style: b.style ?? 'default',
      }));
  if (buttons.length > 6) return undefined;
  const map: CardParamMap = {
    title: card.title,
    subtitle: card.subtitle ?? '',
    markdown: body,
    outcome: card.outcome ?? '',
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
