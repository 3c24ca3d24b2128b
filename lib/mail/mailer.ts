import 'server-only';
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import nodemailer, { type Transporter } from 'nodemailer';
import { env } from '@/lib/config/env';
import type { Database } from '@/lib/db/client';
import { emailOutbox } from '@/lib/db/schema';
import { log } from '@/lib/server/log';

export type EmailKind = 'verification' | 'password-reset' | 'contact-details' | 'reactivated';
export type OutgoingEmail = { to: string; subject: string; text: string; kind: EmailKind; locale: string };

const store = globalThis as typeof globalThis & { __signpostTransport?: Transporter };

function transport(): Transporter | undefined {
  if (!env.SMTP_URL) return undefined;
  store.__signpostTransport ??= nodemailer.createTransport(env.SMTP_URL);
  return store.__signpostTransport;
}

/**
 * Sends one email: through the SMTP relay when SMTP_URL is set, otherwise into
 * the outbox table, which the development mailbox shows. A relay failure keeps
 * the message in the outbox with its error. Logs name the kind, never the address.
 */
export async function sendEmail(db: Database, email: OutgoingEmail): Promise<void> {
  const relay = transport();
  if (!relay) {
    await db.insert(emailOutbox).values({ toAddress: email.to, subject: email.subject, textBody: email.text, kind: email.kind, locale: email.locale });
    log.info('mail.queued', { kind: email.kind, locale: email.locale });
    return;
  }
  try {
    await relay.sendMail({ from: env.MAIL_FROM, to: email.to, subject: email.subject, text: email.text });
    log.info('mail.sent', { kind: email.kind, locale: email.locale });
  } catch (error) {
    log.error('mail.failed', error, { kind: email.kind, locale: email.locale });
    await db.insert(emailOutbox).values({
      toAddress: email.to,
      subject: email.subject,
      textBody: email.text,
      kind: email.kind,
      locale: email.locale,
      attempts: 1,
      lastError: error instanceof Error ? error.message.slice(0, 500) : 'unknown error',
    });
  }
}

export type OutboxMessage = { id: number; to: string; subject: string; text: string; kind: string; createdAt: Date };

export async function listOutbox(db: Database, limit = 50): Promise<OutboxMessage[]> {
  const rows = await db.select().from(emailOutbox).orderBy(desc(emailOutbox.id)).limit(limit);
  return rows.map((row) => ({ id: row.id, to: row.toAddress, subject: row.subject, text: row.textBody, kind: row.kind, createdAt: row.createdAt }));
}

/** A failed send is tried again this many times in all, further apart each time (2, 4, 8 … minutes after it was first tried). */
export const maxSendAttempts = 8;

/**
 * Sends again what the relay refused or could not be reached for: due rows (by attempts so far)
 * are claimed with FOR UPDATE SKIP LOCKED and their attempt counted before sending, so several
 * servers running this at once never send one message twice, and a server that stops mid-send
 * leaves the row to be tried again. Without SMTP_URL the outbox is the development mailbox:
 * nothing to retry. Returns how many were sent.
 */
export async function retryOutbox(db: Database, now: Date = new Date(), batch = 20): Promise<{ sent: number; failed: number }> {
  const relay = transport();
  if (!relay) return { sent: 0, failed: 0 };
  const due = sql`${emailOutbox.createdAt} + make_interval(mins => power(2, ${emailOutbox.attempts})::int) <= ${now}`;
  const claimed = await db.transaction(async (tx) => {
    const rows = await tx
      .select({ id: emailOutbox.id })
      .from(emailOutbox)
      .where(and(isNull(emailOutbox.sentAt), sql`${emailOutbox.attempts} between 1 and ${maxSendAttempts - 1}`, due))
      .orderBy(emailOutbox.id)
      .limit(batch)
      .for('update', { skipLocked: true });
    if (rows.length === 0) return [];
    return tx
      .update(emailOutbox)
      .set({ attempts: sql`${emailOutbox.attempts} + 1` })
      .where(inArray(emailOutbox.id, rows.map((row) => row.id)))
      .returning();
  });
  let sent = 0;
  let failed = 0;
  for (const row of claimed) {
    try {
      await relay.sendMail({ from: env.MAIL_FROM, to: row.toAddress, subject: row.subject, text: row.textBody });
      await db.update(emailOutbox).set({ sentAt: new Date(), lastError: null }).where(eq(emailOutbox.id, row.id));
      log.info('mail.sent-on-retry', { kind: row.kind, locale: row.locale, attempts: row.attempts });
      sent++;
    } catch (error) {
      await db
        .update(emailOutbox)
        .set({ lastError: error instanceof Error ? error.message.slice(0, 500) : 'unknown error' })
        .where(eq(emailOutbox.id, row.id));
      if (row.attempts >= maxSendAttempts) log.error('mail.gave-up', error, { kind: row.kind, attempts: row.attempts });
      else log.warn('mail.retry-failed', { kind: row.kind, attempts: row.attempts });
      failed++;
    }
  }
  return { sent, failed };
}
