import { describe, expect, it } from 'vitest';
import { describeError } from './log';

describe('error messages in the log', () => {
  it('keep no email address and no query parameters, but say what failed and why', () => {
    const driver = new Error('connect ECONNREFUSED 127.0.0.1:5432');
    const failed = new Error('Failed query: select "id" from "users" where "users"."email" = $1\nparams: verified.host@acme.example', { cause: driver });
    const text = describeError(failed);
    expect(text).not.toContain('acme.example');
    expect(text).not.toContain('params');
    expect(text).toContain('Failed query: select "id" from "users"');
    expect(text).toContain('ECONNREFUSED');
  });

  it('replace an address anywhere in a message, national characters included', () => {
    expect(describeError(new Error('no user dan.o@acme.example or pře@firma.cz'))).toBe('Error: no user [email] or [email]');
    expect(describeError('plain string with x@y.example')).toBe('plain string with [email]');
  });
});
