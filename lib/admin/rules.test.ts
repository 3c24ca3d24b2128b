import type { ManagedUser } from '@/lib/accounts/types';
import { describe, expect, it } from 'vitest';
import {
  assignableLicenses,
  changeFor,
  checkContactDetails,
  cleanReason,
  decideUndo,
  needsConfirmation,
  undoWindowMs,
  isSessionCurrent,
  offerAction,
  offerStatusActions,
  pageFrom,
  sessionLimits,
  shouldTouchSession,
} from './rules';

const user = (overrides: Partial<ManagedUser> = {}): ManagedUser => ({
  id: 10,
  status: 'active',
  statusBeforeDeactivation: null,
  isDirectorySynced: false,
  directoryState: null,
  licenses: ['Meetings', 'Webinars'],
  ...overrides,
});
const admin = 1;
const now = new Date('2026-11-21T12:00:00Z');

describe('user actions by status', () => {
  it.each([
    ['active', ['deactivate', 'delete']],
    ['verified', ['deactivate', 'delete']],
    ['unverified', ['resend-invitation', 'deactivate', 'delete']],
    ['inactive', ['reactivate', 'delete']],
  ] as const)('%s offers %j', (status, actions) => {
    const offers = offerStatusActions(user({ status }), admin);
    expect(offers.filter((o) => o.available).map((o) => o.action)).toEqual(actions);
  });

  it('offers no status action for a directory-synced account, and says why for those its status calls for', () => {
    for (const directoryState of ['removed', 'disabled', null] as const) {
      const offers = offerStatusActions(user({ status: 'inactive', isDirectorySynced: true, directoryState }), admin);
      expect(offers.map((o) => o.action)).toEqual(['reactivate', 'delete']);
      expect(offers.every((o) => !o.available && o.reason === 'directory-managed')).toBe(true);
    }
  });

  it('still lets a license be removed from a directory-synced account, but only one it holds', () => {
    const synced = user({ isDirectorySynced: true, directoryState: 'disabled' });
    expect(offerAction(synced, 'remove-license', admin, 'Webinars')).toEqual({ action: 'remove-license', available: true });
    expect(offerAction(synced, 'remove-license', admin, 'Training')).toMatchObject({ available: false, reason: 'no-license' });
    expect(offerAction(synced, 'remove-license', admin)).toMatchObject({ available: false, reason: 'no-license' });
  });

  it('never lets administrators deactivate or delete themselves', () => {
    expect(offerAction(user({ id: admin }), 'deactivate', admin)).toMatchObject({ available: false, reason: 'own-account' });
    expect(offerAction(user({ id: admin }), 'delete', admin)).toMatchObject({ available: false, reason: 'own-account' });
  });

  it('refuses an action the status does not allow, even when posted directly', () => {
    expect(offerAction(user({ status: 'active' }), 'reactivate', admin)).toMatchObject({ available: false, reason: 'not-for-status' });
    expect(offerAction(user({ status: 'inactive' }), 'deactivate', admin)).toMatchObject({ available: false, reason: 'not-for-status' });
    expect(offerAction(user({ status: 'verified' }), 'resend-invitation', admin)).toMatchObject({ available: false, reason: 'not-for-status' });
  });
});

describe('status transitions', () => {
  it('deactivating records the status it had and when', () => {
    expect(changeFor(user({ status: 'verified' }), 'deactivate', now)).toEqual({
      kind: 'update',
      set: { status: 'inactive', statusBeforeDeactivation: 'verified', deactivatedAt: now },
    });
  });

  it.each(['active', 'verified', 'unverified'] as const)('reactivating returns a %s account to %s', (before) => {
    const change = changeFor(user({ status: 'inactive', statusBeforeDeactivation: before }), 'reactivate', now);
    expect(change).toEqual({ kind: 'update', set: { status: before, statusBeforeDeactivation: null, deactivatedAt: null } });
  });

  it('reactivates an account with no recorded previous status as verified (it must sign in to become active)', () => {
    expect(changeFor(user({ status: 'inactive' }), 'reactivate', now)).toMatchObject({ set: { status: 'verified' } });
  });

  it('deactivate then reactivate is a round trip', () => {
    const start = user({ status: 'active' });
    const off = changeFor(start, 'deactivate', now);
    if (off.kind !== 'update') throw new Error('expected an update');
    const back = changeFor({ ...start, ...off.set } as ManagedUser, 'reactivate', now);
    expect(back).toMatchObject({ set: { status: 'active' } });
  });

  it('removes exactly the license named, keeps the others', () => {
    expect(changeFor(user(), 'remove-license', now, 'Meetings')).toEqual({ kind: 'update', set: { licenses: ['Webinars'] } });
  });

  it('deletes and resends as their own kinds of change', () => {
    expect(changeFor(user(), 'delete', now)).toEqual({ kind: 'delete' });
    expect(changeFor(user({ status: 'unverified' }), 'resend-invitation', now)).toEqual({ kind: 'send-invitation' });
  });
});

describe('sessions', () => {
  const at = (ms: number) => new Date(now.getTime() + ms);

  it('last 30 idle minutes, counted from the last request', () => {
    expect(isSessionCurrent({ createdAt: now, lastSeenAt: now }, at(sessionLimits.idleMs - 1))).toBe(true);
    expect(isSessionCurrent({ createdAt: now, lastSeenAt: now }, at(sessionLimits.idleMs))).toBe(false);
    expect(isSessionCurrent({ createdAt: now, lastSeenAt: at(2 * 3_600_000) }, at(2 * 3_600_000 + 60_000))).toBe(true);
  });

  it('end 12 hours after sign-in however active', () => {
    const busy = { createdAt: now, lastSeenAt: at(sessionLimits.absoluteMs - 1000) };
    expect(isSessionCurrent(busy, at(sessionLimits.absoluteMs - 1))).toBe(true);
    expect(isSessionCurrent(busy, at(sessionLimits.absoluteMs))).toBe(false);
  });

  it('refuse a session dated in the future', () => {
    expect(isSessionCurrent({ createdAt: at(60_000), lastSeenAt: at(60_000) }, now)).toBe(false);
  });

  it('record activity at most once a minute', () => {
    expect(shouldTouchSession(now, at(59_000))).toBe(false);
    expect(shouldTouchSession(now, at(61_000))).toBe(true);
  });
});

describe('contact details', () => {
  const empty = { name: '', email: '', phone: '', message: '' };

  it('accepts every field empty: a site may publish nothing', () => {
    expect(checkContactDetails(empty)).toEqual({ values: empty, problems: {} });
  });

  it('trims and collapses whitespace, keeps line breaks in the message', () => {
    const { values } = checkContactDetails({ name: '  IT   Desk ', email: ' it@acme.example ', phone: ' +1 202 555 0100 ', message: ' Line one\r\nLine two ' });
    expect(values).toEqual({ name: 'IT Desk', email: 'it@acme.example', phone: '+1 202 555 0100', message: 'Line one\nLine two' });
  });

  it.each([
    [{ email: 'not an email' }, { email: 'invalid-email' }],
    [{ email: 'a@b' }, { email: 'invalid-email' }],
    // Rendered as a mailto: link to every locked-out user: parameters would prefill their message.
    [{ email: 'help@acme.example?subject=Urgent&body=Send%20your%20password' }, { email: 'invalid-email' }],
    [{ email: 'help?cc=attacker@evil.example@acme.example' }, { email: 'invalid-email' }],
    [{ email: 'help&x=1@acme.example' }, { email: 'invalid-email' }],
    [{ email: 'help%3Fsubject@acme.example' }, { email: 'invalid-email' }],
    [{ email: 'help@acme.example#top' }, { email: 'invalid-email' }],
    [{ phone: 'call me' }, { phone: 'invalid-phone' }],
    [{ phone: '12' }, { phone: 'invalid-phone' }],
    [{ name: 'x'.repeat(121) }, { name: 'too-long' }],
    [{ message: 'y'.repeat(1001) }, { message: 'too-long' }],
    [{ name: 'Admin\u202Eevil' }, { name: 'invalid-characters' }],
  ])('%j is refused with %j', (fields, problems) => {
    expect(checkContactDetails({ ...empty, ...fields }).problems).toEqual(problems);
  });

  it('accepts the plain addresses administrators publish, national characters included', () => {
    for (const email of ['it-desk@acme.example', 'first.last+help@sub.acme.co.uk', 'podpora@firma.cz', 'サポート@例え.jp']) {
      expect(checkContactDetails({ ...empty, email }).problems, email).toEqual({});
    }
  });

  it('counts length in characters, not UTF-16 units', () => {
    expect(checkContactDetails({ ...empty, name: '😀'.repeat(120) }).problems).toEqual({});
  });

  it('accepts phone numbers written the usual ways', () => {
    for (const phone of ['+46 8 123 456 78', '(202) 555-0100', '+81-3-5555-0199', '020/1234567']) {
      expect(checkContactDetails({ ...empty, phone }).problems, phone).toEqual({});
    }
  });
});

describe('pages of users', () => {
  it.each([
    [undefined, 60, { page: 1, pages: 3, offset: 0 }],
    ['2', 60, { page: 2, pages: 3, offset: 25 }],
    ['99', 60, { page: 3, pages: 3, offset: 50 }],
    ['-1', 60, { page: 1, pages: 3, offset: 0 }],
    ['abc', 60, { page: 1, pages: 3, offset: 0 }],
    ['1', 0, { page: 1, pages: 1, offset: 0 }],
  ])('page %s of %i users', (raw, total, expected) => {
    expect(pageFrom(raw, total)).toEqual(expected);
  });
});

describe('confirmation, reasons and undo', () => {
  it('asks before deactivating, deleting and removing a license, not before the rest', () => {
    expect(['deactivate', 'delete', 'remove-license'].every((action) => needsConfirmation(action as never))).toBe(true);
    expect(needsConfirmation('reactivate')).toBe(false);
    expect(needsConfirmation('assign-license')).toBe(false);
  });

  it('keeps a reason on one line, without control or direction-override characters, and drops an empty one', () => {
    expect(cleanReason('  Left\n the \u202ecompany\t ')).toBe('Left the company');
    expect(cleanReason('   ')).toBeUndefined();
    expect(cleanReason(undefined)).toBeUndefined();
    expect([...cleanReason('é'.repeat(600))!]).toHaveLength(500);
  });

  it('assigns only catalog licenses the user does not hold', () => {
    expect(assignableLicenses(user())).toEqual(['Events', 'Rooms']);
    expect(offerAction(user(), 'assign-license', admin, 'Events')).toEqual({ action: 'assign-license', available: true });
    expect(offerAction(user(), 'assign-license', admin, 'Meetings')).toMatchObject({ available: false, reason: 'no-license' });
    expect(offerAction(user(), 'assign-license', admin, 'Made up')).toMatchObject({ available: false });
    expect(changeFor(user(), 'assign-license', now, 'Events')).toEqual({ kind: 'update', set: { licenses: ['Meetings', 'Webinars', 'Events'] } });
  });

  const deactivation = { action: 'user.deactivate', actorUserId: admin, createdAt: now, details: { userId: 10, before: { status: 'verified' } } };
  const inactive = user({ status: 'inactive', statusBeforeDeactivation: 'verified' });

  it('undoes a deactivation to the status before it, within the window, for the administrator who did it', () => {
    expect(decideUndo(deactivation, inactive, admin, new Date(now.getTime() + undoWindowMs))).toEqual({
      kind: 'undo',
      userId: 10,
      set: { status: 'verified', statusBeforeDeactivation: null, deactivatedAt: null },
    });
    expect(decideUndo(deactivation, inactive, admin, new Date(now.getTime() + undoWindowMs + 1))).toEqual({ kind: 'refused', reason: 'expired' });
    expect(decideUndo(deactivation, inactive, 2, now)).toEqual({ kind: 'refused', reason: 'not-undoable' });
    expect(decideUndo(deactivation, user({ status: 'active' }), admin, now)).toEqual({ kind: 'refused', reason: 'changed-since' });
    expect(decideUndo({ ...deactivation, action: 'user.delete' }, inactive, admin, now)).toEqual({ kind: 'refused', reason: 'not-undoable' });
  });

  it('undoes a license removal unless the license is back already', () => {
    const removal = { action: 'user.remove-license', actorUserId: admin, createdAt: now, details: { userId: 10, license: 'Webinars' } };
    expect(decideUndo(removal, user({ licenses: ['Meetings'] }), admin, now)).toEqual({ kind: 'undo', userId: 10, set: { licenses: ['Meetings', 'Webinars'] } });
    expect(decideUndo(removal, user(), admin, now)).toEqual({ kind: 'refused', reason: 'changed-since' });
  });
});
