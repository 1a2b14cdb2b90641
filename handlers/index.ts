import type { Command, CommandName } from '../src/domain/command.js';
import type { Person } from '../src/domain/roster.js';
import type { HandlerResult } from '../src/domain/reply.js';
import type { Handler, HandlerDeps } from './types.js';
import { submitRecord } from './submit-record.js';
import { reportProgress } from './report-progress.js';
import { acknowledge } from './acknowledge.js';
import { requestExtension } from './request-extension.js';
import { decideExtension } from './decide-extension.js';
import { recheck } from './recheck.js';
import { reopen } from './reopen.js';
import { query } from './query.js';
import { todo } from './todo.js';
import { overdue } from './overdue.js';
import { stats } from './stats.js';
import { digestNow } from './digest-now.js';
import { boardLink } from './board-link.js';
import { bindChat } from './bind-chat.js';
import { help } from './help.js';
import { none } from './none.js';

/** Every command to its handler; the compiler checks that none is missing or mistyped. */
export const handlers = {
  submit_record: submitRecord,
  report_progress: reportProgress,
  acknowledge,
  request_extension: requestExtension,
  decide_extension: decideExtension,
  recheck,
  reopen,
  query,
  todo,
  overdue,
  stats,
  digest_now: digestNow,
  board_link: boardLink,
  bind_chat: bindChat,
  help,
  none,
} satisfies { [K in CommandName]: Handler<K> };

/** Run the handler of a command (the one place the union is narrowed to its handler). */
export function handle(command: Command, actor: Person, deps: HandlerDeps): Promise<HandlerResult> {
  const h = handlers[command.command] as Handler<CommandName>;
  return h(command as never, actor, deps);
}

export type { Handler, HandlerDeps, HandlerConfig } from './types.js';
