import type { Card, CardField } from '../src/domain/card.js';
import type { Role } from '../src/domain/roster.js';
import { roleNames } from '../src/domain/roster.js';
import { finish } from './format.js';
import { zh } from '../src/text/zh-CN/index.js';

export interface HelpInput {
  roles: Role[];
  personName: string;
  /** a school the person works with, so the examples can be copied as they are */
  exampleSchool?: string;
}

/** The copyable visit-record template (also used by handlers when a field is missing). */
export function recordTemplate(school: string = zh.cards.help.exampleSchool): string {
  return zh.cards.help.recordTemplate(school);
}

function examplesFor(role: Role, school: string): CardField[] {
  switch (role) {
    case 'supervisor':
      return [
        { label: zh.cards.help.supervisor.submitLabel, value: recordTemplate(school) },
        { label: zh.cards.help.supervisor.recheckLabel, value: zh.cards.help.supervisor.recheck },
        { label: zh.cards.help.supervisor.decideLabel, value: zh.cards.help.supervisor.decide },
        { label: zh.cards.help.supervisor.viewLabel, value: zh.cards.help.supervisor.view(school) },
      ];
    case 'principal':
      return [
        { label: zh.cards.help.principal.ackLabel, value: zh.cards.help.principal.ack },
        { label: zh.cards.help.principal.progressLabel, value: zh.cards.help.principal.progress },
        { label: zh.cards.help.principal.doneLabel, value: zh.cards.help.principal.done },
        { label: zh.cards.help.principal.extendLabel, value: zh.cards.help.principal.extend },
        { label: zh.cards.help.principal.viewLabel, value: zh.cards.help.principal.view(school) },
      ];
    case 'leader':
      return [
        { label: zh.cards.help.leader.digestLabel, value: zh.cards.help.leader.digest },
        { label: zh.cards.help.leader.viewLabel, value: zh.cards.help.leader.view(school) },
        { label: zh.cards.help.leader.decideLabel, value: zh.cards.help.leader.decide },
        { label: zh.cards.help.leader.reopenLabel, value: zh.cards.help.leader.reopen },
      ];
    case 'admin':
      return [{ label: zh.cards.help.admin.bindLabel, value: zh.cards.help.admin.bind }];
  }
}

/** 帮助: what I can do for this person, with examples to copy, one block per role. */
export function helpCard(i: HelpInput): Card {
  const school = i.exampleSchool ?? zh.cards.help.exampleSchool;
  const seen = new Set<string>();
  const fields: CardField[] = [];
  for (const role of i.roles) {
    for (const f of examplesFor(role, school)) {
      if (seen.has(f.label)) continue; // a supervisor-leader sees 查看 once
      seen.add(f.label);
      fields.push(f);
    }
  }
  return finish({
    kind: 'help',
    title: zh.cards.help.title,
    subtitle: zh.cards.help.subtitle(i.personName, i.roles.map((r) => roleNames[r]).join(zh.cards.listSep)),
    fields,
    note: zh.cards.help.note,
  });
}
