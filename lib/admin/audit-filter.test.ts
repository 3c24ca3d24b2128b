import { describe, expect, it } from 'vitest';
import { auditFilterFrom, auditFilterQuery, auditRange, dayFrom } from './audit-filter';

describe('the audit log filter', () => {
  it('reads an actor id or the system, a known action and real UTC days; ignores anything else', () => {
    expect(auditFilterFrom({ actor: '12', action: 'user.deactivate', from: '2026-12-01', to: '2026-12-04', page: '2' })).toEqual({
      actor: 12,
      action: 'user.deactivate',
      from: '2026-12-01',
      to: '2026-12-04',
      page: '2',
    });
    expect(auditFilterFrom({ actor: 'system' }).actor).toBe('system');
    expect(auditFilterFrom({ actor: 'site.admin@acme.example', action: 'drop table', from: '2026-02-30', to: 'yesterday' })).toEqual({
      actor: undefined,
      action: undefined,
      from: undefined,
      to: undefined,
      page: undefined,
    });
    expect(dayFrom('2026-13-01')).toBeUndefined();
  });

  it('reads a range given backwards the way it was meant', () => {
    expect(auditFilterFrom({ from: '2026-12-04', to: '2026-12-01' })).toMatchObject({ from: '2026-12-01', to: '2026-12-04' });
  });

  it('writes the query back with no personal data, and covers whole UTC days', () => {
    expect(auditFilterQuery({ actor: 7, action: 'changes', from: '2026-12-01' }, 3)).toBe('?actor=7&action=changes&from=2026-12-01&page=3');
    expect(auditFilterQuery({})).toBe('');
    expect(auditRange({ from: '2026-12-01', to: '2026-12-01' })).toEqual({ since: new Date('2026-12-01T00:00:00Z'), until: new Date('2026-12-02T00:00:00Z') });
  });
});
