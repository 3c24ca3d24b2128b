import 'server-only';
import { desc } from 'drizzle-orm';
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
