import { zh } from '../../text/zh-CN/index.js';

/**
 * The board's server-side texts by the names its pages use; the words are in the message
 * catalogue (zh.board, src/text/zh-CN/board.ts).
 */
export type RefusalKind =
  | 'no_session'
  | 'expired'
  | 'invalid'
  | 'inactive'
  | 'other_person'
  | 'platform_failed'
  | 'not_configured'
  | 'not_found';

export const HOW_TO_GET_A_LINK = zh.board.howToGetALink;

export const REFUSALS: Record<RefusalKind, { title: string; text: string }> = zh.board.refusals;

export const LOGIN_WITH = zh.board.loginWith;
export const LOGOUT_AND_CONTINUE = zh.board.logoutAndContinue;
export const PAGE_TITLE = zh.board.pageTitle;

/** The JSON API's refusals (the page turns them into its own words). */
export const API_MESSAGES = zh.board.api;
