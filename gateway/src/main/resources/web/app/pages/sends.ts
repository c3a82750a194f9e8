// The sends behind a bar or a count of a campaign: filtered and paged by campaign-service (the same filters its
// counters count by), with the server's CSV of exactly that list, shown in the shared drill panel.
import type { Query } from '../api';
import type { DrillSource } from '../drill-panel';
import { dateTime } from '../format';
import { t } from '../i18n';
import { dayBounds, Range } from '../reports';

export interface SendView {
  id: string; variant: string | null; contactId: string; phone: string; status: string; reason: string | null;
  errorCode: number | null; sentAt: string | null; delivery: string | null; deliveredAt: string | null;
  readAt: string | null; repliedAt: string | null; clickedAt: string | null; clicks: number; optedOutAt: string | null;
}

/** The list's filters, as listCampaignSends takes them. */
export interface SendFilter { status?: string; variant?: string; stage?: string; errorCode?: string; reason?: string }

/** The sends of a campaign that a clicked bar or count (label, count) stands for. */
export function sendsDrill(campaignId: string, label: string, count: number, filter: SendFilter): DrillSource<SendView> {
  const path = `/api/v1/campaigns/${campaignId}/sends`;
  return {
    testId: 'drill', heading: t('sends'), label, count, path, filter: { ...filter },
    csvPath: path, csvQuery: { ...filter, format: 'csv' }, csvName: `sends-${label}`,
    header: ['phone', 'variant', 'status', 'reason', 'errorCode', 'sentAt', 'readAt', 'repliedAt'],
    row: (x) => [x.phone, x.variant, x.status, x.reason, x.errorCode, dateTime(x.sentAt), dateTime(x.readAt), dateTime(x.repliedAt)],
    link: (x) => `#/contacts/${x.contactId}`,
  };
}

/**
 * The sends of every campaign that went out within the workspace days of range (sentFrom inclusive, sentTo exclusive,
 * by sentAt: the instant the reports place a send on a day by), at a stage if one is given (delivered). Replied, with
 * the workspace's reply window (days), keeps the replies within it: the only ones the reports count.
 */
export function sentWithinDrill(label: string, count: number, range: Range, zone: string, stage?: string,
                                replyWindowDays?: number): DrillSource<SendView> {
  const { start, end } = dayBounds(range, zone);
  const filter: Query = stage ? { sentFrom: start, sentTo: end, stage } : { sentFrom: start, sentTo: end };
  if (stage === 'replied' && replyWindowDays) filter.repliedWithinDays = replyWindowDays;
  return {
    testId: 'drill', heading: t('sends'), label, count, path: '/api/v1/sends', filter,
    csvPath: '/api/v1/sends', csvQuery: { ...filter, format: 'csv' }, csvName: `sends-${stage ?? 'sent'}-${range.from}-${range.to}`,
    header: ['phone', 'variant', 'status', 'sentAt', 'deliveredAt', 'readAt', 'repliedAt'],
    row: (x) => [x.phone, x.variant, x.status, dateTime(x.sentAt), dateTime(x.deliveredAt), dateTime(x.readAt), dateTime(x.repliedAt)],
    link: (x) => `#/contacts/${x.contactId}`,
  };
}
