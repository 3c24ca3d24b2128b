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
import { findAuditEntry, isUndone, recordAudit, saveContactDetails } from './repository';
import {
  bulkLimit,
  changeFor,
  checkContactDetails,
  checkLocalizedMessages,
  cleanReason,
  decideUndo,
  needsConfirmation,
  offerAction,
  undoableAudits,
  type BulkAction,
  type ContactField,
  type ContactInput,
  type ContactProblem,
  type Unavailability,
  type UndoRefusal,
  type UserAction,
} from './rules';

/**
 * What site administration's forms do: check the action is offered for this
 * user on this administrator's site, carry it out, audit it (who, when, before
 * and after) and send the user the matching email.
 */

export type ActionResult =
  | { kind: 'done'; action: UserAction; email: string; undo?: number }
  | { kind: 'not-found' }
  | { kind: 'refused'; reason: Unavailability }
  | { kind: 'needs-confirmation' };

const auditedFields = (user: UserRow) => ({ status: user.status, licenses: user.licenses });

export async function performUserAction(
  context: AdminContext,
  input: { userId: number; action: UserAction; license?: string; confirmed: boolean; reason?: string; locale: Locale; now: Date },
): Promise<ActionResult> {
  const { db, admin } = context;
  const user = await findUserOnSite(db, admin.site.id, input.userId);
  if (!user) return { kind: 'not-found' };
  const offer = offerAction(user, input.action, admin.id, input.license);
  if (!offer.available) return { kind: 'refused', reason: offer.reason };
  if (needsConfirmation(input.action) && !input.confirmed) return { kind: 'needs-confirmation' };
  const reason = cleanReason(input.reason);
  let auditId = 0;

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
        details: { userId: user.id, before: auditedFields(user), after, ...(input.license ? { license: input.license } : {}), ...(reason ? { reason } : {}) },
      },
      input.now,
    ).then((id) => {
      auditId = id;
    });

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
          await sendEmail(db, { to: user.email, kind: 'reactivated', locale: input.locale, siteId: admin.site.id, ...mail });
        } catch (error) {
          // The account is reactivated either way; the email is a courtesy.
          log.error('admin.reactivated-email', error);
        }
      }
      break;
    }
  }
  const undo = (undoableAudits as readonly string[]).includes(`user.${input.action}`) ? auditId : undefined;
  return { kind: 'done', action: input.action, email: user.email, ...(undo ? { undo } : {}) };
}

export type UndoResult = { kind: 'undone'; email: string } | { kind: 'refused'; reason: UndoRefusal };

/**
 * Undoes a deactivation or a license removal from its audit entry, for the
 * administrator who did it, within the undo window (checked here, on the server,
 * whatever the page showed). The undo is audited and refers to the entry it undoes;
 * the entry's row is locked for the transaction so two clicks undo once.
 */
export async function undoUserAction(context: AdminContext, input: { auditId: number; now: Date }): Promise<UndoResult> {
  const { db, admin } = context;
  return db.transaction(async (tx) => {
    const entry = await findAuditEntry(tx, admin.site.id, input.auditId, { lock: true });
    if (!entry) return { kind: 'refused', reason: 'not-undoable' } as const;
    if (await isUndone(tx, admin.site.id, entry.id)) return { kind: 'refused', reason: 'already-undone' } as const;
    const userId = entry.details.userId;
    const user = typeof userId === 'number' ? await findUserOnSite(tx, admin.site.id, userId) : undefined;
    const decision = decideUndo(entry, user, admin.id, input.now);
    if (decision.kind === 'refused' || !user) return { kind: 'refused', reason: decision.kind === 'refused' ? decision.reason : 'changed-since' } as const;
    await updateUserOnSite(tx, admin.site.id, user.id, decision.set);
    await recordAudit(
      tx,
      {
        siteId: admin.site.id,
        actorUserId: admin.id,
        actorLabel: admin.email,
        action: 'user.undo',
        targetLabel: user.email,
        details: {
          userId: user.id,
          undoes: entry.id,
          undoneAction: entry.action,
          before: auditedFields(user),
          after: { ...auditedFields(user), ...decision.set },
          ...(typeof entry.details.license === 'string' ? { license: entry.details.license } : {}),
        },
      },
      input.now,
    );
    return { kind: 'undone', email: user.email } as const;
  });
}

export type BulkResult = { kind: 'done'; action: BulkAction; done: number; skipped: number } | { kind: 'needs-confirmation' } | { kind: 'empty' };

/**
 * One action on several selected users: each is checked and audited as if done
 * alone (so a directory-synced account or your own is skipped and counted), the
 * deactivation only once confirmed.
 */
export async function performBulkAction(
  context: AdminContext,
  input: { userIds: number[]; action: BulkAction; confirmed: boolean; reason?: string; locale: Locale; now: Date },
): Promise<BulkResult> {
  const ids = [...new Set(input.userIds)].slice(0, bulkLimit);
  if (ids.length === 0) return { kind: 'empty' };
  if (needsConfirmation(input.action) && !input.confirmed) return { kind: 'needs-confirmation' };
  let done = 0;
  for (const userId of ids) {
    const result = await performUserAction(context, { userId, action: input.action, confirmed: input.confirmed, reason: input.reason, locale: input.locale, now: input.now });
    if (result.kind === 'done') done += 1;
  }
  return { kind: 'done', action: input.action, done, skipped: ids.length - done };
}

export type ContactSaveResult =
  | { kind: 'saved' }
  | {
      kind: 'invalid';
      values: ContactInput;
      problems: Partial<Record<ContactField, ContactProblem>>;
      messageProblems: Partial<Record<Locale, ContactProblem>>;
    };

export async function updateContactDetails(
  context: AdminContext,
  input: { contact: ContactInput; privacyMode: boolean; messageLocale?: Locale | null; messages?: Partial<Record<Locale, string>>; now: Date },
): Promise<ContactSaveResult> {
  const { db, admin } = context;
  const checked = checkContactDetails(input.contact);
  const localized = checkLocalizedMessages(input.messages ?? {});
  if (Object.keys(checked.problems).length > 0 || Object.keys(localized.problems).length > 0) {
    return { kind: 'invalid', values: checked.values, problems: checked.problems, messageProblems: localized.problems };
  }
  const messageLocale = input.messageLocale ?? null;
  const before = { ...admin.site.contact, privacyMode: admin.site.privacyMode };
  const orNull = (value: string) => (value === '' ? null : value);
  await db.transaction(async (tx) => {
    await saveContactDetails(tx, admin.site.id, { ...checked.values, messageLocale, messages: localized.values }, input.privacyMode, input.now);
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
            messageLocale,
            messages: localized.values,
            privacyMode: input.privacyMode,
          },
        },
      },
      input.now,
    );
  });
  return { kind: 'saved' };
}
