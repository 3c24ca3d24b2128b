import { describe, expect, it } from 'vitest';
import { buildSnippet, highlight } from './highlight';
import { encodeText, foldText } from './normalize';

const marked = (segments: { text: string; match: boolean }[]) =>
  segments.map((s) => (s.match ? `[${s.text}]` : s.text)).join('');

describe('highlight', () => {
  it('marks whole words whose folded form starts with a query term, keeping the original spelling', () => {
    expect(marked(highlight('Účet je Neaktivní, uživatel neaktivni.', encodeText('neaktiv ucet')))).toBe(
      '[Účet] je [Neaktivní], uživatel [neaktivni].',
    );
  });

  it('marks Japanese runs by their matching pieces', () => {
    expect(marked(highlight('アカウントが無効化されています', encodeText('無効化')))).toBe('アカウントが[無効化]されています');
  });

  it('marks Arabic words typed without diacritics', () => {
    expect(marked(highlight('تمَّ تعطيل حسابك', encodeText('تم')))).toBe('[تمَّ] تعطيل حسابك');
  });

  it('marks words only where they start with a term, in text folded whole', () => {
    expect(marked(highlight('Reactivate the account; re-activate accounts, ACCOUNTING', ['account', 'activ']))).toBe(
      'Reactivate the [account]; re-[activate] [accounts], [ACCOUNTING]',
    );
    expect(marked(highlight('Straße und Strasse', ['strasse']))).toBe('[Straße] und [Strasse]');
  });

  it('returns query-shaped markup as plain text segments', () => {
    const segments = highlight('Use <b>bold</b> carefully', encodeText('<b>'));
    expect(segments.every((s) => typeof s.text === 'string')).toBe(true);
    expect(marked(segments)).toBe('Use <[b]>[bold]</[b]> carefully');
  });
});

const snippet = (text: string, terms: string[], fallback: string, max?: number) => {
  const lines = text.split('\n');
  return buildSnippet(lines, lines.map(foldText), terms, fallback, max);
};

describe('buildSnippet', () => {
  const text = [
    'First line about meetings.',
    'An account that stays inactive is deleted automatically after 30 days.',
    'Another line about passwords and accounts.',
  ].join('\n');

  it('picks the line matching most query terms', () => {
    expect(marked(snippet(text, encodeText('inactive deleted'), 'summary'))).toBe(
      'An account that stays [inactive] is [deleted] automatically after 30 days.',
    );
  });

  it('falls back to the summary when no line matches', () => {
    expect(marked(snippet(text, encodeText('zebra'), 'The summary.'))).toBe('The summary.');
  });

  it('starts at the sentence holding the match when it begins shortly before it', () => {
    const line = `${'Filler words here. '.repeat(6)}Members of your organization cannot look you up in the directory. Publishing contact details helps. ${'More text follows. '.repeat(8)}`;
    const result = marked(snippet(line, encodeText('directory'), '', 120));
    expect(result.startsWith('Members of your organization cannot look you up in the [directory].')).toBe(true);
    expect(result.endsWith('…')).toBe(true);
    const japanese = `${'説明の文です。'.repeat(10)}管理者の連絡先はディレクトリで探せます。${'続きの文です。'.repeat(10)}`;
    expect(marked(snippet(japanese, encodeText('ディレクトリ'), '', 60)).startsWith('管理者の連絡先は[ディレクトリ]で探せます。')).toBe(true);
  });

  it('cuts a long line around its first match with ellipses', () => {
    const long = `${'filler '.repeat(60)}the deactivated account ${'more '.repeat(60)}`;
    const result = marked(snippet(long, encodeText('deactivated'), '', 80));
    expect(result.startsWith('…')).toBe(true);
    expect(result.endsWith('…')).toBe(true);
    expect(result).toContain('[deactivated]');
    expect(result.length).toBeLessThan(100);
  });
});

describe('highlight in Japanese', () => {
  it('does not mark a single piece shared with an unrelated word', () => {
    expect(marked(highlight('プライバシーモードとパスワード', encodeText('パスワード')))).toBe('プライバシーモードと[パスワード]');
  });

  it('marks a two-character query', () => {
    expect(marked(highlight('無効化されています', encodeText('無効')))).toBe('[無効]化されています');
  });
});
