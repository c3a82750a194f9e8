// Who is signed in (the answer of GET /api/v1/me), for pages that offer manager actions or narrow to an agent.
import type { Me } from './api';

let current: Me | null = null;

export function signedIn(): Me | null { return current; }
export function setSignedIn(me: Me | null): void { current = me; }
export function canManage(): boolean { return current?.role === 'manager' || current?.role === 'admin'; }

/** Roles that read the reports (KPIs, funnel, ROI, settings): the others are not asked for them, so no call fails. */
export function readsReports(): boolean {
  return ['admin', 'manager', 'viewer'].includes(current?.role ?? '');
}
