import { infoCard } from '../cards/info.js';
import { boardScopeOf, scopeIsEmpty } from '../src/board/scope.js';
import { refuse } from './common.js';
import { answerPrivately } from './private-answer.js';
import type { Handler } from './types.js';
import { zh } from '../src/text/zh-CN/index.js';

/**
 * 看板: a personal link to the board (everyone on the roster; a principal's board shows their
 * school only). The link names the person, so in a group chat it goes by direct message and the
 * group hears only that it was sent.
 */
export const boardLink: Handler<'board_link'> = async (_cmd, actor, deps) => {
  if (scopeIsEmpty(boardScopeOf(actor))) return refuse(zh.handlers.boardLink.noScope);
  const url = await deps.boardLink?.(actor.id);
  if (!url) return refuse(zh.handlers.boardLink.noAddress);
  const detail = infoCard(zh.handlers.boardLink.title, {
    subtitle: zh.handlers.boardLink.subtitle,
    note: zh.handlers.boardLink.note,
    link: { label: zh.cards.digest.boardLinkLabel, url },
  });
  const group = infoCard(zh.handlers.boardLink.title, { subtitle: zh.handlers.boardLink.groupSubtitle });
  return answerPrivately(deps, actor, { title: zh.handlers.boardLink.title, ids: [], detail, group });
};
