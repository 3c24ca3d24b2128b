import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Messages } from '@/lib/i18n/messages';
import { contactDetailsEmail } from './templates';

const messages = (locale: string) =>
  JSON.parse(readFileSync(path.join(process.cwd(), 'locales', `${locale}.json`), 'utf8')) as Messages;

describe('email templates', () => {
  it('list only the contact details that exist, and the CSM', () => {
    const mail = contactDetailsEmail('en', messages('en'), {
      siteName: 'Acme',
      party: 'site-admin',
      showsSiteContact: true,
      referenceCode: 'SP-7K3M-Q9TX',
      contact: { name: 'IT Desk', email: 'help@acme.example', phone: null, message: '  ' },
      csm: { name: 'Maria', email: 'maria@success.example', phone: '+1 202 555 0143', message: null },
    });
    expect(mail.text).toContain('  IT Desk\n  help@acme.example\n');
    expect(mail.text).not.toContain('null');
    expect(mail.text).toContain('maria@success.example');
    expect(mail.text).toContain('SP-7K3M-Q9TX');
  });

  it('say how to find the administrator when nothing is published', () => {
    const mail = contactDetailsEmail('en', messages('en'), {
      siteName: 'Globex',
      party: 'it-guidance',
      showsSiteContact: false,
      referenceCode: null,
      contact: { name: null, email: null, phone: null, message: null },
      csm: { name: null, email: null, phone: null, message: null },
    });
    expect(mail.text).toContain('IT department');
    expect(mail.text).not.toContain('Customer Success Manager');
  });
});

describe('guidance emails for other situations', () => {
  const empty = { name: null, email: null, phone: null, message: null };
  it('send a directory account to IT, with the contact the site published, without the CSM', () => {
    const mail = contactDetailsEmail('en', messages('en'), {
      siteName: 'Acme', party: 'directory', showsSiteContact: true, referenceCode: null,
      contact: { ...empty, email: 'help@acme.example' }, csm: { ...empty, email: 'csm@success.example' },
    });
    expect(mail.text).toContain('IT department');
    expect(mail.text).toContain('help@acme.example');
    expect(mail.text).not.toContain('csm@success.example');
    expect(mail.text).not.toContain('site administrator can');
  });

  it('send a locked-out site administrator to the CSM', () => {
    const mail = contactDetailsEmail('en', messages('en'), {
      siteName: 'Acme', party: 'csm', showsSiteContact: false, referenceCode: null,
      contact: { ...empty, email: 'help@acme.example' }, csm: { ...empty, email: 'csm@success.example' },
    });
    expect(mail.text).toContain('csm@success.example');
    expect(mail.text).not.toContain('help@acme.example');
    // A site administrator is not told "if you cannot reach your administrator".
    expect(mail.text).not.toContain(messages('en').Mail.contact.csm);
  });
});
