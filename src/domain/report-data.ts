/**
 * The numbers the digest and statistics cards show. Built by src/reports (and the digest job);
 * rendered by cards/digest.ts and cards/stats.ts. Plain data: names already resolved, days as
 * 'YYYY-MM-DD'. Counts must add up, so each one says exactly what it counts.
 */

export interface StatsData {
  /** both days included */
  from: string;
  to: string;
  /** '全区' or the zone names joined */
  scope: string;
  /** visit records dated within [from, to] */
  visits: number;
  /** distinct schools among those visits */
  schoolsVisited: number;
  /** active schools in scope: the coverage denominator */
  schools: number;
  /** items created by those visits */
  problems: number;
  /** of those items, the ones closed now */
  closed: number;
  /** items in scope not closed now (any record date) */
  open: number;
  /** of the open ones, overdue today */
  overdue: number;
  zones: { name: string; visits: number; problems: number; closed: number; overdue: number }[];
}

export interface DigestWorstItem {
  item: string;
  school: string;
  text: string;
  daysOverdue: number;
  supervisor: string;
}

export interface DigestData {
  /** the morning the digest is for */
  date: string;
  /** the days it covers, both included */
  from: string;
  to: string;
  visits: { count: number; supervisors: string[]; schools: string[] };
  /** items created by visits in [from, to] */
  newProblems: number;
  /** items closed in [from, to] */
  closed: number;
  /** state at the start of `date`, items in scope not closed */
  open: number;
  awaitingRecheck: number;
  dueThisWeek: number;
  overdue: number;
  worst: DigestWorstItem[];
  zones: { name: string; open: number; overdue: number; visited: number; schools: number }[];
  /** this month's visit coverage: schools visited at least once / all active schools */
  coverage: { month: string; visited: number; total: number };
  /** of the overdue, those escalated to leaders (ESCALATE_AFTER_WORKDAYS or more working days) */
  escalated?: number;
  /** active people in scope the bot cannot reach (no WeCom and no DingTalk id) */
  unreachable?: { name: string; roles: string }[];
  /** sends about the scope's items that failed within the covered days, and to whom */
  failedDeliveries?: { count: number; people: string[] };
}
