/**
 * The audit log's filter, from and to the query string. Pure. The URL names an
 * actor by user id (or `system` for the lifecycle purge), never by address, so
 * no personal data lands in logs or browser history; dates are UTC days.
 */

/** The actions the filter offers, in the order the form lists them; `changes` is everything but sign-ins. */
export const auditActionFilters = [
  'changes',
  'sign-in',
  'site.contact-details',
  'user.resend-invitation',
  'user.reactivate',
  'user.deactivate',
  'user.delete',
  'user.remove-license',
  'user.assign-license',
  'user.undo',
  'user.purged',
  'reactivation.requested',
  'reactivation.declined',
] as const;
type AuditActionFilter = (typeof auditActionFilters)[number];

export type AuditFilter = {
  actor?: number | 'system';
  action?: AuditActionFilter;
  /** Inclusive UTC days, YYYY-MM-DD. */
  from?: string;
  to?: string;
};

type Query = Record<string, string | string[] | undefined>;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** A real calendar day in YYYY-MM-DD, or undefined. */
export function dayFrom(raw: string | undefined): string | undefined {
  if (!raw || !/^\d{4}-\d{2}-\d{2}$/.test(raw)) return undefined;
  const date = new Date(`${raw}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === raw ? raw : undefined;
}

/** The filter in a query string; anything unknown or malformed is ignored. */
export function auditFilterFrom(query: Query): AuditFilter & { page?: string } {
  const actor = first(query.actor);
  const action = first(query.action);
  let from = dayFrom(first(query.from));
  let to = dayFrom(first(query.to));
  // A range given backwards is read the way it was meant.
  if (from && to && from > to) [from, to] = [to, from];
  return {
    actor: actor === 'system' ? 'system' : actor && /^\d{1,9}$/.test(actor) ? Number(actor) : undefined,
    action: (auditActionFilters as readonly string[]).includes(action ?? '') ? (action as AuditActionFilter) : undefined,
    from,
    to,
    page: first(query.page),
  };
}

export function auditFilterQuery(filter: AuditFilter, page?: number): string {
  const params = new URLSearchParams();
  if (filter.actor !== undefined) params.set('actor', String(filter.actor));
  if (filter.action) params.set('action', filter.action);
  if (filter.from) params.set('from', filter.from);
  if (filter.to) params.set('to', filter.to);
  if (page && page > 1) params.set('page', String(page));
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The filter's time range as instants: from the start of `from` to the end of `to` (UTC). */
export function auditRange(filter: AuditFilter): { since?: Date; until?: Date } {
  return {
    since: filter.from ? new Date(`${filter.from}T00:00:00Z`) : undefined,
    until: filter.to ? new Date(new Date(`${filter.to}T00:00:00Z`).getTime() + 24 * 60 * 60 * 1000) : undefined,
  };
}
