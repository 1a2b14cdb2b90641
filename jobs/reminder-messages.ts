// Who gets which card for one stage of one item. The roster is read once per pass into this
// index (a district has hundreds of people, not millions), so the pass makes no roster calls per
// item.

import type { Card } from '../src/domain/card.js';
import type { WorkCalendar } from '../src/domain/calendar.js';
import { diffDays } from '../src/domain/day.js';
import type { Item } from '../src/domain/records.js';
import { ALL_ZONES, type Person, type School } from '../src/domain/roster.js';
import { supervisionDeadline, type DueStage, type ReminderStage } from '../src/reminders/plan-reminders.js';
import type { RosterStore } from '../src/store/store.js';
import { reminderCard } from '../cards/reminder.js';
import { leaderEscalationCard, supervisionNoticeCard } from '../cards/escalation.js';

export interface RosterIndex {
  person(id: string): Person | undefined;
  /** active principals (and school contacts) of a school */
  principalsOf(school: string): Person[];
  /** active leaders whose zones include the zone (or 全部) */
  leadersOf(zone: string): Person[];
  schoolName(id: string): string;
}

export async function loadRosterIndex(
  store: Pick<RosterStore, 'listPeople' | 'listSchools'>,
): Promise<RosterIndex> {
  const [people, schools] = await Promise.all([store.listPeople(), store.listSchools()]);
  const byId = new Map(people.map((p) => [p.id, p]));
  const principals = new Map<string, Person[]>();
  const leadersAll: Person[] = [];
  const leadersByZone = new Map<string, Person[]>();
  for (const p of people) {
    if (!p.active) continue;
    if (p.roles.includes('principal') && p.school) push(principals, p.school, p);
    if (p.roles.includes('leader')) {
      if (p.zones.includes(ALL_ZONES)) leadersAll.push(p);
      else for (const z of p.zones) push(leadersByZone, z, p);
    }
  }
  const schoolById = new Map<string, School>(schools.map((s) => [s.id, s]));
  const leadersCache = new Map<string, Person[]>();
  return {
    person: (id) => byId.get(id),
    principalsOf: (school) => principals.get(school) ?? [],
    leadersOf: (zone) => {
      let l = leadersCache.get(zone);
      if (!l) leadersCache.set(zone, (l = dedupe([...leadersAll, ...(leadersByZone.get(zone) ?? [])])));
      return l;
    },
    schoolName: (id) => schoolById.get(id)?.name ?? id,
  };
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V) {
  const l = m.get(k);
  if (l) l.push(v);
  else m.set(k, [v]);
}

function dedupe(people: Person[]): Person[] {
  const seen = new Set<string>();
  return people.filter((p) => (seen.has(p.id) ? false : (seen.add(p.id), true)));
}

/** One message of the pass: what `remind` prints, and what goes on the outbound queue. */
export interface ReminderMessage {
  to: { id: string; name: string };
  item: string;
  stage: ReminderStage;
  workdays: number;
  deadline: string;
  card: Card;
}

/** The cards of one due stage of an item, one per recipient (nobody twice). */
export function messagesFor(
  item: Item,
  due: DueStage,
  roster: RosterIndex,
  today: string,
  cal: WorkCalendar,
): ReminderMessage[] {
  const schoolName = roster.schoolName(item.school);
  const supervisor = roster.person(item.supervisor);
  const supervisorName = supervisor?.name ?? item.supervisor;
  const principals = roster.principalsOf(item.school);
  const base = { item: item.id, stage: due.stage, workdays: due.workdays, deadline: item.deadline };
  const msg = (p: Person, card: Card): ReminderMessage => ({ ...base, to: { id: p.id, name: p.name }, card });
  switch (due.stage) {
    case 'before':
    case 'due': {
      const card = reminderCard({ item, schoolName, stage: due.stage, workdays: due.workdays });
      return principals.map((p) => msg(p, card));
    }
    case 'overdue': {
      const common = {
        item,
        schoolName,
        supervisorName,
        daysOverdue: diffDays(item.deadline, today),
        newDeadline: supervisionDeadline(today, cal),
      };
      const out = principals.map((p) => msg(p, supervisionNoticeCard({ ...common, audience: 'principal' })));
      if (supervisor?.active && !principals.some((p) => p.id === supervisor.id)) {
        out.push(msg(supervisor, supervisionNoticeCard({ ...common, audience: 'supervisor' })));
      }
      return out;
    }
    case 'escalation': {
      const card = leaderEscalationCard({
        item,
        schoolName,
        supervisorName,
        principalNames: principals.map((p) => p.name),
        workdaysOverdue: due.workdays,
      });
      return roster.leadersOf(item.zone).map((p) => msg(p, card));
    }
  }
}
