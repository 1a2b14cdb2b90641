import type { Item, HistoryEvent, VisitRecord } from '../../domain/records.js';
import { overdue } from '../../domain/lifecycle.js';
import type { Delivery, FullStore } from '../../store/store.js';

/**
 * The API's JSON shapes (docs/spec/interfaces.md → JSON API). Names of schools, zones and people are looked
 * up once per response; someone no longer on the roster shows with their id as the name.
 */
export interface Ref {
  id: string;
  name: string;
}

export class Names {
  private schools = new Map<string, Promise<string>>();
  private people = new Map<string, Promise<string>>();
  private zones?: Promise<Map<string, string>>;
  constructor(private store: FullStore) {}
  school(id: string): Promise<Ref> {
    let p = this.schools.get(id);
    if (!p) this.schools.set(id, (p = this.store.getSchool(id).then((s) => s?.name ?? id)));
    return p.then((name) => ({ id, name }));
  }
  person(id: string): Promise<Ref> {
    let p = this.people.get(id);
    if (!p) this.people.set(id, (p = this.store.getPerson(id).then((s) => s?.name ?? id)));
    return p.then((name) => ({ id, name }));
  }
  async zone(id: string): Promise<Ref> {
    this.zones ??= this.store.listZones().then((zs) => new Map(zs.map((z) => [z.id, z.name])));
    return { id, name: (await this.zones).get(id) ?? id };
  }
}

export async function itemJson(i: Item, names: Names, today: string) {
  const [school, supervisor] = await Promise.all([names.school(i.school), names.person(i.supervisor)]);
  return {
    id: i.id,
    record: i.record,
    school,
    text: i.text,
    status: i.status,
    deadline: i.deadline,
    overdue: overdue(i, today),
    supervisor,
  };
}

export async function itemDetailJson(
  i: Item,
  history: HistoryEvent[],
  deliveries: Delivery[],
  names: Names,
  today: string,
) {
  return {
    ...(await itemJson(i, names, today)),
    zone: await names.zone(i.zone),
    deadlineSource: i.deadlineSource,
    createdAt: i.createdAt,
    updatedAt: i.updatedAt,
    closedAt: i.closedAt ?? null,
    extension: i.extension ?? null,
    attachments: i.attachments,
    history: await Promise.all(
      history.map(async (e) => ({
        at: e.at,
        actor: await names.person(e.actor),
        action: e.action,
        from: e.from ?? null,
        to: e.to ?? null,
        note: e.note ?? null,
      })),
    ),
    deliveries,
  };
}

export async function recordJson(r: VisitRecord, names: Names) {
  const [school, zone, supervisor] = await Promise.all([
    names.school(r.school),
    names.zone(r.zone),
    names.person(r.supervisor),
  ]);
  return {
    id: r.id,
    school,
    zone,
    supervisor,
    date: r.date,
    kind: r.kind,
    manner: r.manner ?? null,
    topic: r.topic ?? null,
    findings: r.findings ?? null,
    highlights: r.highlights ?? null,
    remark: r.remark ?? null,
    items: r.items,
    attachments: r.attachments.length,
    createdAt: r.createdAt,
  };
}
