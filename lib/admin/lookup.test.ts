import type { ManagedUser } from '@/lib/accounts/types';
import { describe, expect, it } from 'vitest';
import { lookupActions, lookupSubjectId } from './lookup';

const acme = 1;
const globex = 2;

describe('which account a reference code leads an administrator to', () => {
  it("leads to the account when the code is the administrator's own site's", () => {
    expect(lookupSubjectId({ siteId: acme, subjectUserId: 42 }, acme)).toBe(42);
  });

  it("leads nowhere from another site's code, though it names an account", () => {
    expect(lookupSubjectId({ siteId: globex, subjectUserId: 42 }, acme)).toBeUndefined();
  });

  it('leads nowhere from a code with no site, whatever it records', () => {
    expect(lookupSubjectId({ siteId: null, subjectUserId: 42 }, acme)).toBeUndefined();
    expect(lookupSubjectId({ siteId: null, subjectUserId: null }, acme)).toBeUndefined();
  });

  it('leads nowhere when the account is gone (its subject cleared)', () => {
    expect(lookupSubjectId({ siteId: acme, subjectUserId: null }, acme)).toBeUndefined();
  });
});

const user = (overrides: Partial<ManagedUser> = {}): ManagedUser => ({
  id: 10,
  status: 'active',
  statusBeforeDeactivation: null,
  isDirectorySynced: false,
  directoryState: null,
  licenses: [],
  ...overrides,
});
const admin = 1;
const available = (offers: ReturnType<typeof lookupActions>) => offers.filter((offer) => offer.available).map((offer) => offer.action);

describe('the actions the lookup offers per state', () => {
  it.each([
    ['inactive', ['reactivate', 'delete']],
    ['unverified', ['resend-invitation', 'deactivate', 'delete']],
    ['verified', ['deactivate', 'delete']],
    ['active', ['deactivate', 'delete']],
  ] as const)('%s: %j', (status, actions) => {
    expect(available(lookupActions(user({ status, statusBeforeDeactivation: status === 'inactive' ? 'active' : null }), admin))).toEqual(actions);
  });

  it("offers no reactivation of a directory-managed account, and says it is the directory's", () => {
    const offers = lookupActions(user({ status: 'inactive', isDirectorySynced: true, directoryState: 'disabled' }), admin);
    expect(available(offers)).toEqual([]);
    expect(offers.find((offer) => offer.action === 'reactivate')).toEqual({ action: 'reactivate', available: false, reason: 'directory-managed' });
  });

  it('never offers administrators to deactivate their own account from a code they looked up', () => {
    const offers = lookupActions(user({ id: admin }), admin);
    expect(available(offers)).toEqual([]);
    expect(offers.map((offer) => offer.action)).toEqual(['deactivate', 'delete']);
  });
});
