import { BOARD_LINK_LABEL } from '../cards/digest.js';
import { infoCard } from '../cards/info.js';
import { boardScopeOf, scopeIsEmpty } from '../src/board/scope.js';
import { refuse } from './common.js';
import { answerPrivately } from './private-answer.js';
import type { Handler } from './types.js';

/** The 看板 answers (a named constant per message, as the other handlers keep them). */
export const BOARD_MESSAGES = {
  title: '督导看板',
  subtitle: '您本人的看板链接，24 小时内有效',
  note: '链接只属于您本人，请勿转发；过期后再发送「看板」即可获取新链接。',
  groupNote: '看板链接已私信发送给您',
  noScope: '您的账号没有可查看的学校或责任区，无法打开督导看板。如需开通请联系管理员。',
  noAddress: '督导看板尚未配置访问地址（PUBLIC_BASE_URL），请联系管理员。',
} as const;

/**
 * 看板: a personal link to the board (everyone on the roster; a principal's board shows their
 * school only). The link names the person, so in a group chat it goes by direct message and the
 * group hears only that it was sent.
 */
export const boardLink: Handler<'board_link'> = async (_cmd, actor, deps) => {
  if (scopeIsEmpty(boardScopeOf(actor))) return refuse(BOARD_MESSAGES.noScope);
  const url = await deps.boardLink?.(actor.id);
  if (!url) return refuse(BOARD_MESSAGES.noAddress);
  const detail = infoCard(BOARD_MESSAGES.title, {
    subtitle: BOARD_MESSAGES.subtitle,
    note: BOARD_MESSAGES.note,
    link: { label: BOARD_LINK_LABEL, url },
  });
  const group = infoCard(BOARD_MESSAGES.title, { subtitle: BOARD_MESSAGES.groupNote });
  return answerPrivately(deps, actor, { title: BOARD_MESSAGES.title, ids: [], detail, group });
};
