import 'server-only';
import { deleteUserOnSite, findAccountById, findUserOnSite, updateUserOnSite, type UserRow } from '@/lib/accounts/repository';
import { loadMessages } from '@/lib/i18n/messages';
import type { Locale } from '@/lib/i18n/locales';
import { sendEmail } from '@/lib/mail/mailer';
import { reactivatedEmail } from '@/lib/mail/templates';
import { log } from '@/lib/server/log';
import { sendVerificationEmail } from '@/lib/account-recovery/service';
import type { Database } from '@/lib/db/client';
import type { AdminContext } from './auth';
import { recordAudit, saveContactDetails } from './repository';
import { changeFor, checkContactDetails, offerAction, type ContactField, type ContactInput, type ContactProblem, type Unavailability, type UserAction } from './rules';

/**
 * What site administration's forms do: check the action is offered for this
 * user on this administrator's site, carry it out, audit it (who, when, before
 * and after) and send the user the matching email.
 */

export type ActionResult =
  | { kind: 'done'; action: UserAction; email: string }
  | { kind: 'not-found' }
  | { kind: 'refused'; reason: Unavailability }
  | { kind: 'needs-confirmation' };

const auditedFields = (user: UserRow) => ({ status: user.status, licenses: user.licenses });

export async function performUserAction(
  context: AdminContext,
  input: { userId: number; action: UserAction; license?: string; confirmed: boolean; locale: Locale; now: Date },
): Promise<ActionResult> {
  const { db, admin } = context;
  const user = await findUserOnSite(db, admin.site.id, input.userId);
  if (!user) return { kind: 'not-found' };
  const offer = offerAction(user, input.action, admin.id, input.license);
  if (!offer.available) return { kind: 'refused', reason: offer.reason };
  if (input.action === 'delete' && !input.confirmed) return { kind: 'needs-confirmation' };

  const change = changeFor(user, input.action, input.now, input.license);
  const audit = (tx: Database, after: Record<string, unknown> | null) =>
    recordAudit(
      tx,
      {
        siteId: admin.site.id,
        actorUserId: admin.id,
        actorLabel: admin.email,
        action: `user.${input.action}`,
        targetLabel: user.email,
        details: { before: auditedFields(user), after, ...(input.license ? { license: input.license } : {}) },
      },
      input.now,
    );

  switch (change.kind) {
    case 'send-invitation': {
      const account = await findAccountById(db, user.id);
      if (account) await sendVerificationEmail(db, account, input.locale, input.now);
      await audit(db, auditedFields(user));
      break;
    }
    // A change and its audit entry are one transaction: a failure between them leaves neither.
    case 'delete':
      await db.transaction(async (tx) => {
        await deleteUserOnSite(tx, admin.site.id, user.id);
        await audit(tx, null);
      });
      break;
    case 'update': {
      await db.transaction(async (tx) => {
        await updateUserOnSite(tx, admin.site.id, user.id, change.set);
        await audit(tx, { ...auditedFields(user), ...('status' in change.set ? { status: change.set.status } : {}), ...('licenses' in change.set ? { licenses: change.set.licenses } : {}) });
      });
      if (input.action === 'reactivate') {
        try {
          const mail = reactivatedEmail(input.locale, await loadMessages(input.locale), { siteName: admin.site.name });
          await sendEmail(db, { to: user.email, kind: 'reactivated', locale: input.locale, ...mail });
        } catch (error) {
          // The account is reactivated either way; the email is a courtesy.
          log.error('admin.reactivated-email', error);
        }
      }
      break;
    }
  }
  return { kind: 'done', action: input.action, email: user.email };
}

export type ContactSaveResult =
  | { kind: 'saved' }
  | { kind: 'invalid'; values: ContactInput; problems: Partial<Record<ContactField, ContactProblem>> };

export async function updateContactDetails(
  context: AdminContext,
  input: { contact: ContactInput; privacyMode: boolean; now: Date },
): Promise<ContactSaveResult> {
  const { db, admin } = context;
  const checked = checkContactDetails(input.contact);
  if (Object.keys(checked.problems).length > 0) return { kind: 'invalid', values: checked.values, problems: checked.problems };
  const before = { ...admin.site.contact, privacyMode: admin.site.privacyMode };
  const orNull = (value: string) => (value === '' ? null : value);
  await db.transaction(async (tx) => {
    await saveContactDetails(tx, admin.site.id, checked.values, input.privacyMode, input.now);
    await recordAudit(
      tx,
      {
        siteId: admin.site.id,
        actorUserId: admin.id,
        actorLabel: admin.email,
        action: 'site.contact-details',
        targetLabel: admin.site.slug,
        details: {
          before,
          after: {
            name: orNull(checked.values.name),
            email: orNull(checked.values.email),
            phone: orNull(checked.values.phone),
            message: orNull(checked.values.message),
            privacyMode: input.privacyMode,
          },
        },
      },
      input.now,
    );
  });
  return { kind: 'saved' };
}
