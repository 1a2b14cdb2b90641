// The message catalogue: every sentence a user reads, in Chinese (zh-CN), by area. Code refers
// to an entry as zh.<area>.<key> — a string, or a function of the values the sentence names — so
// the wording is reviewed and changed here, in one place, and nowhere else. It imports nothing:
// any layer may read it (test/architecture.test.ts). test/text/catalogue.test.ts checks that every
// entry is used and that each, with long arguments, fits where the platforms show it.

import { board } from './board.js';
import { cards } from './cards.js';
import { cli } from './cli.js';
import { doctor } from './doctor.js';
import { domain } from './domain.js';
import { handlers } from './handlers.js';
import { jobs } from './jobs.js';
import { parser } from './parser.js';
import { permissions } from './permissions.js';
import { reports } from './reports.js';
import { roster } from './roster.js';
import { sim } from './sim.js';

export const zh = {
  board,
  cards,
  cli,
  doctor,
  domain,
  handlers,
  jobs,
  parser,
  permissions,
  reports,
  roster,
  sim,
} as const;
