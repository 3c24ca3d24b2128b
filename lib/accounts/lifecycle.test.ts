import { describe, expect, it } from 'vitest';
import { deriveAccountState, retentionDays, type AccountFacts } from './lifecycle';
import type { UserStatus } from './types';

const day = 24 * 60 * 60 * 1000;
const now = new Date('2026-11-21T12:00:00.000Z');
const daysAgo = (days: number, extraMs = 0) => new Date(now.getTime() - days * day - extraMs);

const account = (facts: Partial<AccountFacts>): AccountFacts => ({
  status: 'active',
  deactivatedAt: null,
  isSiteAdmin: false,
  isDirectorySynced: false,
  directoryState: null,
  ...facts,
});

describe('deriveAccountState: statuses', () => {
  it.each([
    ['active', true, ['password-reset']],
    ['verified', true, ['password-reset']],
    ['unverified', false, ['verification-email', 'site-administrator']],
  ] as const)('%s: can sign in %s, routes %j, no retention', (status, canSignIn, routes) => {
    expect(deriveAccountState(account({ status }), now)).toEqual({
      status,
      canSignIn,
      retention: null,
      isDueForDeletion: false,
      routes,
    });
  });

  it('inactive: deleted 30 days after deactivation, fixed by the site administrator or the CSM', () => {
    expect(deriveAccountState(account({ status: 'inactive', deactivatedAt: daysAgo(10) }), now)).toEqual({
      status: 'inactive',
      canSignIn: false,
      retention: { policy: 'deactivated', deletesAt: new Date(now.getTime() + 20 * day), daysLeft: 20 },
      isDueForDeletion: false,
      routes: ['site-administrator', 'customer-success-manager'],
    });
  });

  it('an inactive site administrator is sent to the CSM: nobody inside can reactivate them', () => {
    const state = deriveAccountState(account({ status: 'inactive', deactivatedAt: daysAgo(3), isSiteAdmin: true }), now);
    expect(state.routes).toEqual(['customer-success-manager']);
    expect(state.retention).toMatchObject({ policy: 'deactivated', daysLeft: 27 });
  });
});

describe('deriveAccountState: directory accounts', () => {
  it('removed from the directory: deleted 7 days after, only IT can fix it there', () => {
    const state = deriveAccountState(
      account({ status: 'inactive', deactivatedAt: daysAgo(2), isDirectorySynced: true, directoryState: 'removed' }),
      now,
    );
    expect(state).toEqual({
      status: 'inactive',
      canSignIn: false,
      retention: { policy: 'removed-from-directory', deletesAt: new Date(now.getTime() + 5 * day), daysLeft: 5 },
      isDueForDeletion: false,
      routes: ['company-directory'],
    });
  });

  it('disabled in the directory: kept indefinitely, never due for deletion', () => {
    for (const since of [daysAgo(1), daysAgo(400), null]) {
      const state = deriveAccountState(
        account({ status: 'inactive', deactivatedAt: since, isDirectorySynced: true, directoryState: 'disabled' }),
        now,
      );
      expect(state.retention).toEqual({ policy: 'disabled-in-directory' });
      expect(state.isDueForDeletion).toBe(false);
      expect(state.routes).toEqual(['company-directory']);
    }
  });

  it('a directory account that is a site administrator still goes to IT (the directory wins)', () => {
    const state = deriveAccountState(
      account({ status: 'inactive', deactivatedAt: daysAgo(1), isSiteAdmin: true, isDirectorySynced: true, directoryState: 'disabled' }),
      now,
    );
    expect(state.routes).toEqual(['company-directory']);
  });

  it('an active directory account is like any active account', () => {
    expect(deriveAccountState(account({ status: 'active', isDirectorySynced: true }), now).routes).toEqual(['password-reset']);
  });
});

describe('deriveAccountState: day boundaries', () => {
  const inactive = (deactivatedAt: Date, directoryState: 'removed' | null = null) =>
    deriveAccountState(account({ status: 'inactive', deactivatedAt, isDirectorySynced: directoryState !== null, directoryState }), now);

  it.each([
    [0, 0, 30, false],
    [0, 1, 30, false],
    [1, 0, 29, false],
    [29, 0, 1, false],
    [29, day - 1, 1, false],
    [30, -1, 1, false],
    [30, 0, 0, true],
    [30, 1, 0, true],
    [45, 0, 0, true],
  ])('deactivated %i days and %i ms ago: %i days left, due %s', (days, extra, left, due) => {
    const state = inactive(daysAgo(days, extra));
    expect(state.retention).toMatchObject({ daysLeft: left });
    expect(state.isDueForDeletion).toBe(due);
  });

  it.each([
    [6, day - 1, 1, false],
    [7, -1, 1, false],
    [7, 0, 0, true],
  ])('removed from the directory %i days and %i ms ago: %i days left, due %s', (days, extra, left, due) => {
    const state = inactive(daysAgo(days, extra), 'removed');
    expect(state.retention).toMatchObject({ daysLeft: left });
    expect(state.isDueForDeletion).toBe(due);
  });

  it('never promises more than the full period when the deactivation date is ahead of this clock', () => {
    expect(inactive(new Date(now.getTime() + 3 * 60 * 60 * 1000)).retention).toMatchObject({ daysLeft: retentionDays.deactivated });
  });

  it('counts an inactive account without a date from now', () => {
    expect(inactive(null as unknown as Date).retention).toMatchObject({ daysLeft: 30 });
  });
});

describe('deriveAccountState: time zones and daylight saving', () => {
  it('gives the same answer for the same instant written in any time zone', () => {
    const instants = ['2026-11-11T12:00:00Z', '2026-11-12T02:00:00+14:00', '2026-11-11T02:00:00-10:00', '2026-11-11T21:00:00+09:00'];
    const answers = instants.map(
      (iso) => deriveAccountState(account({ status: 'inactive', deactivatedAt: new Date(iso) }), now).retention,
    );
    for (const answer of answers) expect(answer).toEqual(answers[0]);
    expect(answers[0]).toMatchObject({ daysLeft: 20 });
  });

  it('is not shifted by a daylight-saving change inside the period (Europe, 25 October 2026)', () => {
    const deactivatedAt = new Date('2026-10-20T10:00:00+02:00');
    const later = new Date('2026-10-30T10:00:00+01:00');
    const state = deriveAccountState(account({ status: 'inactive', deactivatedAt }), later);
    // 10 days and 1 hour have passed in absolute time: 20 days (rounded up) remain.
    expect(state.retention).toMatchObject({ daysLeft: 20 });
    expect(state.retention).toMatchObject({ deletesAt: new Date('2026-11-19T08:00:00Z') });
  });
});

describe('deriveAccountState: every combination has an answer', () => {
  const statuses: UserStatus[] = ['active', 'verified', 'unverified', 'inactive'];
  it('returns at least one route for every status, flag and directory state', () => {
    for (const status of statuses)
      for (const isSiteAdmin of [false, true])
        for (const isDirectorySynced of [false, true])
          for (const directoryState of [null, 'removed', 'disabled'] as const) {
            const state = deriveAccountState(
              account({ status, isSiteAdmin, isDirectorySynced, directoryState, deactivatedAt: status === 'inactive' ? daysAgo(5) : null }),
              now,
            );
            expect(state.routes.length).toBeGreaterThan(0);
            expect(state.retention === null).toBe(status !== 'inactive');
          }
  });
});
