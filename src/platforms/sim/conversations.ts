// Who is in which sim conversation. The simulator has no chat server, so membership is derived
// from the roster the way an office sets up its groups: a zone's group (责任区群) holds the zone's
// supervisors, leaders and principals; a school's group its principal and the zone's supervisors;
// the office group (督导室) the supervisors, leaders and admins.

import type { Chat, Person, School, Zone } from '../../domain/roster.js';
import { ALL_ZONES, roleNames } from '../../domain/roster.js';
import { zh } from '../../text/zh-CN/index.js';

/** The roster reads the simulator needs (the store implements them; platforms do not import it). */
export interface SimRoster {
  getPerson(id: string): Promise<Person | undefined>;
  listPeople(): Promise<Person[]>;
  listSchools(): Promise<School[]>;
  listZones(): Promise<Zone[]>;
  listChats(): Promise<Chat[]>;
}

export interface SimConversation {
  /** `dm:<personId>` or `group:<chatId>` */
  id: string;
  name: string;
  isGroup: boolean;
}

export const dmId = (personId: string) => `dm:${personId}`;
export const groupId = (chatId: string) => `group:${chatId}`;

function inZone(person: Person, zone: string): boolean {
  return person.zones.includes(ALL_ZONES) || person.zones.includes(zone);
}

function isMember(person: Person, chat: Chat, schoolZone: Map<string, string>): boolean {
  const { type, id } = chat.binding;
  const staff = person.roles.some((r) => r === 'supervisor' || r === 'leader');
  if (type === 'office') return staff || person.roles.includes('admin');
  if (type === 'zone') {
    if (staff && inZone(person, id)) return true;
    return person.school !== undefined && schoolZone.get(person.school) === id;
  }
  // a school's group
  if (person.school === id) return true;
  const zone = schoolZone.get(id);
  return staff && zone !== undefined && inZone(person, zone);
}

/** A person's conversations: the direct chat with the bot first, then their groups by name. */
export function conversationsOf(person: Person, schools: School[], chats: Chat[]): SimConversation[] {
  const schoolZone = new Map(schools.map((s) => [s.id, s.zone]));
  const groups = new Map<string, SimConversation>();
  for (const chat of chats) {
    if (!isMember(person, chat, schoolZone)) continue;
    const id = groupId(chat.chatId);
    if (!groups.has(id)) groups.set(id, { id, name: chat.name || chat.chatId, isGroup: true });
  }
  const sorted = [...groups.values()].sort((a, b) => a.name.localeCompare(b.name, 'zh'));
  return [{ id: dmId(person.id), name: zh.domain.botName, isGroup: false }, ...sorted];
}

/** What the person picker shows: name, roles in Chinese, school or zones. */
export interface SimPersonView {
  id: string;
  name: string;
  roles: string[];
  roleNames: string[];
  school?: { id: string; name: string };
  zones: { id: string; name: string }[];
  /** one line for the picker: '龙泉小学 校长', '督学 · 城东责任区' */
  label: string;
}

export function personView(p: Person, schools: Map<string, School>, zones: Map<string, Zone>): SimPersonView {
  const school = p.school ? schools.get(p.school) : undefined;
  const zoneViews = p.zones.map((z) =>
    z === ALL_ZONES ? { id: z, name: zh.domain.everyZone } : { id: z, name: zones.get(z)?.name ?? z },
  );
  const rn = p.roles.map((r) => roleNames[r]);
  const where = school ? school.name : zoneViews.map((z) => z.name).join(zh.cards.listSep);
  return {
    id: p.id,
    name: p.name,
    roles: p.roles,
    roleNames: rn,
    school: school ? { id: school.id, name: school.name } : undefined,
    zones: zoneViews,
    label: [rn.join(zh.cards.listSep), where].filter(Boolean).join(' · '),
  };
}
