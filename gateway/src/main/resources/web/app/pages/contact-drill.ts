// The contacts behind a bar, a tile or a count: listed and paged by contacts-service with the filter the number
// stands for (an agent's key lists its own contacts only, as everywhere), with the server's CSV export of exactly
// that list, shown in the shared drill panel.
import type { Query } from '../api';
import type { DrillSource } from '../drill-panel';
import { dateTime } from '../format';
import { t } from '../i18n';
import type { Contact } from './contacts';

/** The contacts that a clicked bar, tile or count (label, count) stands for, as the list's filters select them. */
export function contactsDrill(label: string, count: number, filter: Query): DrillSource<Contact> {
  return {
    testId: 'contact-drill', heading: t('contacts'), label, count, path: '/api/v1/contacts', filter: { ...filter },
    csvPath: '/api/v1/contacts/export', csvQuery: { ...filter }, csvName: `contacts-${label}`,
    header: ['name', 'phone', 'country', 'owner', 'stage', 'activity', 'intent', 'lastInboundAt'],
    row: (c) => [c.name ?? c.phone, c.phone, c.country, c.owner, c.stage, c.activity, c.intent, dateTime(c.lastInboundAt)],
    link: (c) => `#/contacts/${c.id}`,
  };
}
