import 'server-only';
import { and, desc, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import nodemailer, { type Transporter } from 'nodemailer';
import { env } from '@/lib/config/env';
import type { Database } from '@/lib/db/client';
import { emailOutbox } from '@/lib/db/schema';
import { log } from '@/lib/server/log';

export type EmailKind = 'verification' | 'password-reset' | 'contact-details' | 'reactivated' | 'reactivation-confirm' | 'reactivation-request' | 'reactivation-declined' | 'reactivation-expired';
export type OutgoingEmail = { to: string; subject: string; text: string; kind: EmailKind; locale: string; siteId?: number };

const store = globalThis as typeof globalThis & { __signpostTransport?: Transporter; __signpostMailQueued?: () => void };

function transport(): Transporter | undefined {
  if (!env.SMTP_URL) return undefined;
  store.__signpostTransport ??= nodemailer.createTransport(env.SMTP_URL);
  return store.__signpostTransport;
}

/** The server's mail worker (lib/server/mail-worker.ts) listens here, to run shortly after mail work is queued. */
export function onMailQueued(listener: () => void): void {
  store.__signpostMailQueued = listener;
}

/** Tells the mail worker there is work: an email in the outbox or a mail request (none listens in tests and scripts). */
export function announceMailWork(): void {
  store.__signpostMailQueued?.();
}

/**
 * Queues one email: every message is written to the outbox first (in the caller's transaction
 * when there is one), and the mail worker delivers it through the SMTP relay off the request path,
 * with retries (deliverOutbox). Without SMTP_URL the outbox is the development mailbox. Logs name
 * the kind, never the address.
 */
export async function sendEmail(db: Database, email: OutgoingEmail): Promise<void> {
  await db
    .insert(emailOutbox)
    .values({ toAddress: email.to, subject: email.subject, textBody: email.text, kind: email.kind, locale: email.locale, siteId: email.siteId ?? null });
  log.info('mail.queued', { kind: email.kind, locale: email.locale });
  announceMailWork();
}

export type OutboxMessage = { id: number; to: string; subject: string; text: string; kind: string; createdAt: Date };

export async function listOutbox(db: Database, limit = 50): Promise<OutboxMessage[]> {
  const rows = await db.select().from(emailOutbox).orderBy(desc(emailOutbox.id)).limit(limit);
  return rows.map((row) => ({ id: row.id, to: row.toAddress, subject: row.subject, text: row.textBody, kind: row.kind, createdAt: row.createdAt }));
}

/** Each message is tried this many times in all, further apart each time (2, 4, 8 … minutes after it was queued). */
export const maxSendAttempts = 8;

/**
 * Delivers what the outbox holds: new messages at once, failed ones again when due (by attempts
 * so far). Due rows are claimed with FOR UPDATE SKIP LOCKED and their attempt counted before
 * sending, so several servers running this at once never send one message twice, and a server
 * that stops mid-send leaves the row to be tried again. A message still refused after
 * maxSendAttempts stays in the outbox as undelivered (site administration lists it). Without
 * SMTP_URL the outbox is the development mailbox: nothing to deliver.
 */
export async function deliverOutbox(db: Database, now: Date = new Date(), batch = 20): Promise<{ sent: number; failed: number }> {
  const relay = transport();
  if (!relay) return { sent: 0, failed: 0 };
  const due = sql`(${emailOutbox.attempts} = 0 or ${emailOutbox.createdAt} + make_interval(mins => power(2, ${emailOutbox.attempts})::int) <= ${now})`;
  const claimed = await db.transaction(async (tx) => {
    const rows = await tx
      .select({ id: emailOutbox.id })
      .from(emailOutbox)
      .where(and(isNull(emailOutbox.sentAt), lt(emailOutbox.attempts, maxSendAttempts), due))
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
      // Sent: the text goes (it may hold a live reset or verification link, which the database keeps only as a hash).
      await db.update(emailOutbox).set({ sentAt: new Date(), lastError: null, textBody: '' }).where(eq(emailOutbox.id, row.id));
      log.info(row.attempts > 1 ? 'mail.sent-on-retry' : 'mail.sent', { kind: row.kind, locale: row.locale, attempts: row.attempts });
      sent++;
    } catch (error) {
      // Given up: nothing will send the text again, so it goes too (the row stays listed as undelivered).
      const gaveUp = row.attempts >= maxSendAttempts;
      await db
        .update(emailOutbox)
        .set({ lastError: describeSendError(error), ...(gaveUp ? { textBody: '' } : {}) })
        .where(eq(emailOutbox.id, row.id));
      if (gaveUp) log.error('mail.gave-up', error, { kind: row.kind, attempts: row.attempts });
      else log.warn('mail.send-failed', { kind: row.kind, attempts: row.attempts });
      failed++;
    }
  }
  return { sent, failed };
}

/** What is kept of a relay's refusal: its SMTP code and reply, with any address in it removed. */
function describeSendError(error: unknown): string {
  const message = error instanceof Error ? error.message : 'unknown error';
  return message.replace(/[^\s<>"'@]+@[^\s<>"'@]+/g, '[address]').slice(0, 300);
}

export type UndeliveredMessage = { id: number; to: string; kind: string; locale: string; createdAt: Date; attempts: number; lastError: string | null; gaveUp: boolean };

/** Messages for a site's users the relay has not accepted yet (still retrying, or given up on). */
export async function listUndelivered(db: Database, siteId: number, limit = 100): Promise<UndeliveredMessage[]> {
  const rows = await db
    .select()
    .from(emailOutbox)
    .where(and(eq(emailOutbox.siteId, siteId), isNull(emailOutbox.sentAt), sql`${emailOutbox.attempts} > 0`, sql`${emailOutbox.lastError} is not null`))
    .orderBy(desc(emailOutbox.id))
    .limit(limit);
  return rows.map((row) => ({
    id: row.id,
    to: row.toAddress,
    kind: row.kind,
    locale: row.locale,
    createdAt: row.createdAt,
    attempts: row.attempts,
    lastError: row.lastError,
    gaveUp: row.attempts >= maxSendAttempts,
  }));
}
