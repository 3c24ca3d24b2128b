import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTranslator } from 'next-intl';
import { findAccountsByEmail } from '@/lib/accounts/repository';
import { requestPasswordReset } from '@/lib/account-recovery/service';
import type { OpenDatabase } from '@/lib/db/client';
import type { Messages } from '@/lib/i18n/messages';
import { useDemoDatabase } from '@/lib/testing/database';
import { signInHelpFlow, type Party } from './flow';
import { guidanceFor, guidanceForAccount, siteFactsOf, type Guidance } from './outcome-model';
import { factsOf } from './guidance';
import { getDiagnosis } from './repository';
import { diagnose } from './service';
import { outcomeIds } from './types';

const en = JSON.parse(readFileSync(path.join(process.cwd(), 'locales', 'en.json'), 'utf8')) as Messages;
const t = createTranslator({ locale: 'en', messages: en, namespace: 'SignInHelp' });
const tf = createTranslator({ locale: 'en', messages: en, namespace: 'ForgotPassword' });

/** Everything a page says about whom to turn to, in the order it says it. */
function pageText(guidance: Guidance, page: 'sign-in-help' | 'forgot-password'): string {
  return [
    page === 'forgot-password' ? tf('deactivated') : '',
    t(guidance.title),
    ...guidance.explanation.map((key) => t(key)),
    guidance.card ? t(guidance.card.title) : '',
    ...guidance.nextSteps.map((key) => t(key)),
  ].join('\n');
}

/** The parties a text says are the only ones who can fix it. */
const onlyClaims = (text: string) => new Set([...text.matchAll(/only (?:your )?(site administrator|IT department)/gi)].map((m) => m[1]!.toLowerCase()));

describe('the outcome model', () => {
  const published = { hasContactDetails: true, hasCsm: true };
  const nothing = { hasContactDetails: false, hasCsm: false };

  it.each([
    ['site-admin-contact', published, 'site-admin', 'site-contact', 'card.siteTitle'],
    ['find-site-admin', nothing, 'it-guidance', null, null],
    ['admin-locked-out', published, 'csm', 'csm-contact', 'card.csmTitle'],
    ['directory-removed', published, 'directory', 'site-contact', 'card.publishedTitle'],
    ['directory-disabled', published, 'directory', 'site-contact', 'card.publishedTitle'],
    ['directory-removed', nothing, 'directory', null, null],
    ['account-ok', published, 'none', null, null],
    ['unverified', published, 'none', null, null],
  ] as const)('%s on a site %o: party %s, card %s', (outcome, site, party, card, title) => {
    const guidance = guidanceFor(signInHelpFlow.outcomes[outcome], site, 'SP-7K3M-Q9TX');
    expect(guidance.party).toBe(party);
    expect(guidance.card?.kind ?? null).toBe(card);
    expect(guidance.card?.title ?? null).toBe(title);
    expect(guidance.referenceCode).toBe('SP-7K3M-Q9TX');
  });

  it('says plainly when a locked-out site administrator has no CSM on record', () => {
    const guidance = guidanceFor(signInHelpFlow.outcomes['admin-locked-out'], { hasContactDetails: true, hasCsm: false }, null);
    expect(guidance.card).toBeNull();
    expect(guidance.nextSteps).toContain('card.noCsm');
  });

  it.each(outcomeIds.map((id) => [id] as const))('"%s": no page names two different parties as the only one who can help', (id) => {
    for (const site of [published, nothing]) {
      const guidance = guidanceFor(signInHelpFlow.outcomes[id], site, null);
      for (const page of ['sign-in-help', 'forgot-password'] as const) {
        const claims = onlyClaims(pageText(guidance, page));
        expect(claims.size, pageText(guidance, page)).toBeLessThanOrEqual(1);
        const expected: Partial<Record<Party, string>> = { 'site-admin': 'site administrator', 'it-guidance': 'site administrator', directory: 'it department' };
        for (const claim of claims) expect(claim).toBe(expected[guidance.party]);
      }
    }
  });

  it('catches a contradiction: a directory page that also says only the site administrator can help', () => {
    const guidance = guidanceFor(signInHelpFlow.outcomes['directory-removed'], published, null);
    const contradictory = `Only your site administrator can do that.\n${pageText(guidance, 'sign-in-help')}`;
    expect(onlyClaims(contradictory).size).toBe(2);
  });
});

describe('every demo account gets one answer on sign-in help and forgot-password', () => {
  const now = new Date();
  let database: OpenDatabase;
  let client = 0;
  const nextIp = () => `203.0.113.${++client}`;
  beforeAll(async () => {
    database = await useDemoDatabase(now);
  });
  afterAll(async () => {
    await database.close();
  });

  it.each([
    ['deactivated.host@acme.example', 'site-admin-contact', 'site-admin', 'site-contact'],
    ['deactivated.host@globex.example', 'find-site-admin', 'it-guidance', null],
    ['locked.admin@acme.example', 'admin-locked-out', 'csm', 'csm-contact'],
    ['ad.removed@acme.example', 'directory-removed', 'directory', 'site-contact'],
    ['ad.disabled@acme.example', 'directory-disabled', 'directory', 'site-contact'],
    ['active.host@acme.example', 'account-ok', 'none', null],
    ['verified.host@acme.example', 'account-ok', 'none', null],
    ['unverified.host@acme.example', 'unverified', 'none', null],
    ['site.admin@acme.example', 'account-ok', 'none', null],
    ['nobody@nowhere.example', 'account-ok', 'none', null],
  ] as const)('%s → %s (%s)', async (email, outcome, party, card) => {
    const [account] = await findAccountsByEmail(database.db, email);
    const fromState = guidanceForAccount(signInHelpFlow, factsOf(account, now), account ? siteFactsOf(account.site).hasCsm : false, null);
    expect([fromState.outcome, fromState.party, fromState.card?.kind ?? null]).toEqual([outcome, party, card]);

    const helped = await diagnose(database.db, { locale: 'en', problem: 'deactivated', email, clientIp: nextIp(), now });
    expect(helped).toMatchObject({ kind: 'diagnosed', outcome });

    const forgot = await requestPasswordReset(database.db, { locale: 'en', email, clientIp: nextIp(), now });
    if (forgot.kind !== 'answered') throw new Error('expected an answer');
    if (party === 'none') {
      expect(forgot.view).toEqual({ kind: 'neutral' });
    } else {
      if (forgot.view.kind !== 'deactivated') throw new Error('expected the deactivated page');
      // The same outcome, with a reference code of its own that the administrator can look up.
      const diagnosis = await getDiagnosis(database.db, forgot.view.code, now);
      expect(diagnosis).toMatchObject({ outcome, problem: 'forgot-password', siteId: account!.site.id });
      if (helped.kind === 'diagnosed') expect(forgot.view.code).not.toBe(helped.code);
    }
  });
});
