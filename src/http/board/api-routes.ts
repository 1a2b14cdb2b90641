import type Router from '@koa/router';
import type { Context, Next } from 'koa';
import { addDays, dayInZone, isDay } from '../../domain/day.js';
import { statusNames } from '../../domain/records.js';
import type { Person } from '../../domain/roster.js';
import { boardScopeOf, scopeCovers, scopeIsEmpty, type BoardScope } from '../../board/scope.js';
import { boardOverview } from '../../reports/board-overview.js';
import { loadBoardData, type BoardData } from '../../reports/board-data.js';
import { openJudge, isOverdue } from '../../reports/open-tally.js';
import { loadSchoolView } from '../../reports/school-view.js';
import { startOfDayIn } from '../../reminders/zone-time.js';
import { API_MESSAGES } from './messages.js';
import { sessionPerson, type BoardDeps } from './deps.js';
import { zh } from '../../text/zh-CN/index.js';

/**
 * The board's JSON: `GET /board/api/overview?date=YYYY-MM-DD` and `GET /board/api/schools/:id`.
 * Every call checks the session and the person on the roster again, and derives the scope from
 * their roles and zones then (src/board/scope.ts); a school outside it answers exactly like an
 * unknown one (404 未找到). No caching by the browser (`no-store`).
 *
 * The overview's data are read per scope and day and kept 15 s (a past day: 5 minutes) in this
 * process, shared by everyone with the same scope, so a page reloaded in a loop costs one read.
 */
type Ctx = Context & { state: { person: Person; scope: BoardScope } };

const FIRST_DAY = '2000-01-01';
const CACHE_MS = { today: 15_000, past: 300_000 };
const CACHE_MAX = 64;

function fail(ctx: Context, status: number, code: keyof typeof API_MESSAGES) {
  ctx.status = status;
  ctx.set('Cache-Control', 'no-store');
  ctx.body = { error: { code, message: API_MESSAGES[code] } };
}

export function apiRoutes(router: Router, deps: BoardDeps): void {
  const cache = new Map<string, { until: number; data: Promise<BoardData> }>();
  const today = () => dayInZone(deps.now(), deps.rules.timeZone);

  const load = (scope: BoardScope, day: string): Promise<BoardData> => {
    const isToday = day === today();
    const key = `${JSON.stringify(scope)}|${day}`;
    const nowMs = Date.now();
    const hit = cache.get(key);
    if (hit && hit.until > nowMs) return hit.data;
    const at = isToday ? deps.now() : startOfDayIn(addDays(day, 1), deps.rules.timeZone);
    const data = loadBoardData(deps.store, scope, day, at);
    if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value!);
    cache.set(key, { until: nowMs + (isToday ? CACHE_MS.today : CACHE_MS.past), data });
    data.catch(() => cache.delete(key));
    return data;
  };

  const session = async (ctx: Context, next: Next) => {
    const s = await sessionPerson(ctx, deps);
    if (!s.ok) return fail(ctx, 401, 'unauthorized');
    const scope = boardScopeOf(s.person);
    if (scopeIsEmpty(scope)) return fail(ctx, 403, 'no_scope');
    (ctx as Ctx).state.person = s.person;
    (ctx as Ctx).state.scope = scope;
    ctx.set('Cache-Control', 'no-store');
    await next();
  };

  router.get('/board/api/overview', session, async (ctx) => {
    const keys = Object.keys(ctx.query);
    const raw = ctx.query.date;
    const day = raw === undefined ? today() : typeof raw === 'string' ? raw : '';
    if (keys.some((k) => k !== 'date') || !isDay(day) || day > today() || day < FIRST_DAY)
      return fail(ctx, 400, 'bad_date');
    const { scope } = (ctx as Ctx).state;
    ctx.body = boardOverview(await load(scope, day), scope, deps.rules);
  });

  router.get('/board/api/schools/:id', session, async (ctx) => {
    const { scope } = (ctx as Ctx).state;
    const id = ctx.params.id ?? '';
    const school = /^[A-Za-z0-9_-]{1,64}$/.test(id) ? await deps.store.getSchool(id) : undefined;
    // unknown and out of scope read the same
    if (!school || !scopeCovers(scope, school.zone, school.id)) return fail(ctx, 404, 'not_found');
    const [view, people, zones] = await Promise.all([
      loadSchoolView(deps.store, school.id),
      deps.store.listPeople(),
      deps.store.listZones(),
    ]);
    const name = new Map(people.map((p) => [p.id, p.name]));
    const day = today();
    const judge = openJudge(day, deps.rules);
    ctx.body = {
      school: {
        id: school.id,
        name: school.name,
        zone: { id: school.zone, name: zones.find((z) => z.id === school.zone)?.name ?? school.zone },
        supervisors: people
          .filter((p) => p.active && p.roles.includes('supervisor') && p.zones.includes(school.zone))
          .map((p) => p.name),
      },
      date: day,
      openItems: view.openItems.map((it) => {
        const v = judge(it.deadline);
        return {
          id: it.id,
          record: it.record,
          text: it.text,
          status: it.status,
          statusName: statusNames[it.status],
          deadline: it.deadline,
          color: isOverdue(v) ? 'red' : v === 'dueSoon' ? 'yellow' : 'green',
          escalated: v === 'escalated',
          supervisor: name.get(it.supervisor) ?? zh.domain.gonePerson,
          extensionRequested: !!it.extension,
        };
      }),
      records: view.records.map((r) => ({
        id: r.id,
        date: r.date,
        kind: r.kind,
        ...(r.topic ? { topic: r.topic } : {}),
        supervisor: name.get(r.supervisor) ?? zh.domain.gonePerson,
        problems: r.items.length,
      })),
    };
  });
}
