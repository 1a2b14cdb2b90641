/** domain data → neutral Card. Pure; one small file per card. */
export { recordSummaryCard } from './record-summary.js';
export { rectificationNoticeCard } from './rectification-notice.js';
export { progressNoticeCard } from './progress-notice.js';
export { extensionRequestCard } from './extension-request.js';
export { itemDetailCard, historyActionNames } from './item-detail.js';
export { itemListCard, groupSummaryCard, schoolOverviewCard } from './item-list.js';
export { reminderCard } from './reminder.js';
export { supervisionNoticeCard, leaderEscalationCard } from './escalation.js';
export { digestCard } from './digest.js';
export { statsCard, percent } from './stats.js';
export { monthlyPlanCard } from './monthly-plan.js';
export { helpCard, recordTemplate } from './help.js';
export { errorCard } from './error.js';
export { infoCard } from './info.js';
export { typedCommand, dayCn, clip } from './format.js';
export { noticeDigestCard } from './notice-digest.js';
