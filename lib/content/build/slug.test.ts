import { describe, expect, it } from 'vitest';
import { slugify } from './slug';

describe('slugify', () => {
  it.each([
    ['How do I contact my site administrator?', 'how-do-i-contact-my-site-administrator'],
    ['Användarstatus och åtgärderna som ändrar den', 'anvandarstatus-och-atgarderna-som-andrar-den'],
    ['Podrobnosti o stavu uživatele', 'podrobnosti-o-stavu-uzivatele'],
    ['Straße für Größe', 'strasse-fur-grosse'],
    ["My company's directory", 'my-companys-directory'],
  ])('%s → %s', (title, slug) => {
    expect(slugify(title)).toBe(slug);
  });

  it('returns an empty slug for scripts without Latin letters, so English is used', () => {
    expect(slugify('カスタマーサクセスマネージャーへの連絡方法')).toBe('');
    expect(slugify('كيف أتواصل مع مسؤول الموقع؟')).toBe('');
  });

  it('cuts long titles at a word boundary within 60 characters', () => {
    const slug = slugify('Error: "Your account is deactivated. Contact your system administrator"');
    expect(slug.length).toBeLessThanOrEqual(60);
    expect(slug).toBe('error-your-account-is-deactivated-contact-your-system');
  });
});
