import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Messages } from '@/lib/i18n/messages';
import { passwordResetEmail, verificationEmail } from './emails';

const messages = (locale: string) =>
  JSON.parse(readFileSync(path.join(process.cwd(), 'locales', `${locale}.json`), 'utf8')) as Messages;

describe('account recovery emails', () => {
  it('put the link, the expiry and the site in a verification email', () => {
    const mail = verificationEmail('en', messages('en'), { siteName: 'Acme Corporation', link: 'https://x.example/en/verify-email/t', hours: 48 });
    expect(mail.subject).toBe('Verify your email address');
    expect(mail.text).toContain('https://x.example/en/verify-email/t');
    expect(mail.text).toContain('Acme Corporation');
    expect(mail.text).toContain('48 hours');
  });

  it('pluralize in the reader\'s language', () => {
    const mail = passwordResetEmail('en', messages('en'), { siteName: 'Acme', link: 'https://x', minutes: 1 });
    expect(mail.text).toContain('1 minute ');
  });
});
