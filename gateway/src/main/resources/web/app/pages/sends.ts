// The sends behind a bar or a count of a campaign: filtered and paged by campaign-service (the same filters its
// counters count by), with the server's CSV of exactly that list, shown in the shared drill panel.
import type { DrillSource } from '../drill-panel';
import { dateTime } from '../format';
import { t } from '../i18n';

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
