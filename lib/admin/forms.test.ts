import { describe, expect, it } from 'vitest';
import { returnTo } from './forms';

describe('where a user action returns to', () => {
  it('returns to the lookup it came from, with its code read back canonical', () => {
    expect(returnTo('en', '/en/admin/diagnosis?code=sp-7k3m-q9tx')).toEqual({ path: '/en/admin/diagnosis', search: '?code=SP-7K3M-Q9TX' });
  });

  it('returns to the users list with its filters', () => {
    expect(returnTo('cs', '/cs/admin/users?status=inactive&page=2')).toEqual({ path: '/cs/admin/users', search: '?status=inactive&page=2' });
  });

  it.each([
    ['a lookup without a valid code', '/en/admin/diagnosis?code=<script>'],
    ['a lookup with extra parameters smuggled in', '/en/admin/diagnosis?next=https://evil.example'],
    ['another locale', '/sv/admin/diagnosis?code=SP-7K3M-Q9TX'],
    ['another page', 'https://evil.example/en/admin/diagnosis?code=SP-7K3M-Q9TX'],
    ['nothing', undefined],
  ])('sends %s to the plain users list', (_, back) => {
    expect(returnTo('en', back)).toEqual({ path: '/en/admin/users', search: '' });
  });
});
