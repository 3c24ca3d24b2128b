import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, findInlineScripts } from './csp';

const directive = (policy: string, name: string) => policy.split('; ').find((part) => part.startsWith(`${name} `));

describe('contentSecurityPolicy', () => {
  it('trusts inline scripts by nonce, never by unsafe-inline', () => {
    const policy = contentSecurityPolicy({ nonce: 'abc123' });
    expect(directive(policy, 'script-src')).toBe("script-src 'nonce-abc123' 'strict-dynamic'");
    expect(policy).not.toContain('unsafe-inline');
    expect(policy).not.toContain('unsafe-eval');
  });

  it('trusts the inline scripts of a prerendered page by their hashes', () => {
    const policy = contentSecurityPolicy({ hashes: ['sha256-AAA=', 'sha256-BBB='] });
    expect(directive(policy, 'script-src')).toBe("script-src 'self' 'sha256-AAA=' 'sha256-BBB='");
  });

  it('forbids plugins, base changes, framing and foreign form targets', () => {
    const policy = contentSecurityPolicy({ nonce: 'x' });
    for (const part of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'self'"]) expect(policy).toContain(part);
    expect(policy).not.toContain('upgrade-insecure-requests');
    expect(contentSecurityPolicy({ nonce: 'x' }, { upgradeInsecureRequests: true })).toContain('upgrade-insecure-requests');
  });
});

describe('findInlineScripts', () => {
  it('finds the scripts a browser runs inline, not external ones or data blocks', () => {
    const html = [
      '<script>self.__next_f=[]</script>',
      '<script id="_R_">boot()</script>',
      '<script src="/_next/static/chunks/a.js" async=""></script>',
      '<script type="application/ld+json">{"@type":"Article"}</script>',
      '<script type="module">go()</script>',
    ].join('');
    expect(findInlineScripts(html)).toEqual(['self.__next_f=[]', 'boot()', 'go()']);
  });
});
