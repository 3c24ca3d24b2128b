import { describe, expect, it } from 'vitest';
import { contactForLocale } from './contact-message';

const contact = { name: 'Desk', email: null, phone: null, message: 'Call the desk.', messageLocale: 'en', messages: { ar: 'اتصل بالمكتب.', sv: '   ' } };

describe("the administrator's message as a reader sees it", () => {
  it("is the reader's own language's message, marked with that language and its direction", () => {
    expect(contactForLocale(contact, 'ar')).toMatchObject({ message: 'اتصل بالمكتب.', messageLang: 'ar', messageDir: 'rtl', name: 'Desk' });
  });

  it('falls back to the default, marked with the language it was written in (a blank message does not count)', () => {
    expect(contactForLocale(contact, 'sv')).toMatchObject({ message: 'Call the desk.', messageLang: 'en', messageDir: 'ltr' });
    expect(contactForLocale(contact, 'ja')).toMatchObject({ message: 'Call the desk.', messageLang: 'en', messageDir: 'ltr' });
  });

  it('leaves the direction to the text itself when the default language is not stated', () => {
    expect(contactForLocale({ ...contact, messageLocale: null }, 'ja')).toMatchObject({ message: 'Call the desk.', messageLang: undefined, messageDir: 'auto' });
    expect(contactForLocale({ name: null, email: null, phone: null, message: null }, 'ar')).toMatchObject({ message: null, messageDir: 'auto' });
  });
});
