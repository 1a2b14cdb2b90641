import type { Runtime } from '../src/runtime.js';
import { createCalendar, type WorkCalendar } from '../src/domain/calendar.js';
import { createStore } from '../src/store/redis-store.js';
import type { FullStore } from '../src/store/store.js';
import { createSchoolIndex, type SchoolIndex } from '../src/parser/index.js';

/**
 * What the inbound job needs from a runtime, built once per runtime (not per job): the store on
 * the retrying connection, the working-day calendar, and the parser's school index, rebuilt only
 * when the roster version moves (one GET per message instead of reloading every school).
 */
export interface InboundServices {
  store: FullStore;
  calendar: WorkCalendar;
  schoolIndex(): Promise<SchoolIndex>;
}

const cache = new WeakMap<Runtime, InboundServices>();

export function inboundServices(rt: Runtime): InboundServices {
  let s = cache.get(rt);
  if (s) return s;
  const store = createStore(rt.redis, rt.prefix);
  let index: { version: number; built: Promise<SchoolIndex> } | undefined;
  s = {
    store,
    calendar: createCalendar(),
    async schoolIndex() {
      const version = await store.rosterVersion();
      if (!index || index.version !== version) {
        const built = Promise.all([store.listSchools(), store.listZones()]).then(([schools, zones]) =>
          createSchoolIndex(schools, zones),
        );
        index = { version, built };
        built.catch(() => {
          if (index?.built === built) index = undefined; // a failed load is not cached
        });
      }
      return index.built;
    },
  };
  cache.set(rt, s);
  return s;
}
