/**
 * The Content-Security-Policy, one builder for every page. Scripts run only
 * from this origin and, inline, when the server vouched for them: by a nonce
 * (pages rendered per request; the proxy makes one each time) or by the SHA-256
 * of each inline script (prerendered pages; scripts/csp-hashes.ts computes them
 * after the build). Never 'unsafe-inline' for scripts.
 */
export type ScriptTrust = { nonce: string } | { hashes: readonly string[] };

export function contentSecurityPolicy(trust: ScriptTrust, options: { upgradeInsecureRequests?: boolean } = {}): string {
  const scripts =
    'nonce' in trust
      ? // With a nonce, 'strict-dynamic' lets the framework's own scripts load the chunks they need.
        `'nonce-${trust.nonce}' 'strict-dynamic'`
      : ["'self'", ...trust.hashes.map((hash) => `'${hash}'`)].join(' ');
  return [
    "default-src 'self'",
    `script-src ${scripts}`,
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
    ...(options.upgradeInsecureRequests ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}

const inlineScript = /<script\b([^>]*)>([\s\S]*?)<\/script>/gi;

/** Whether a script element's type makes the browser run it (JSON-LD and other data blocks are not run). */
function isExecutable(attributes: string): boolean {
  if (/\bsrc\s*=/i.test(attributes)) return false;
  const type = /\btype\s*=\s*["']?([^"'\s>]+)/i.exec(attributes)?.[1]?.toLowerCase();
  return type === undefined || type === 'module' || type === 'text/javascript' || type === 'application/javascript';
}

/** The inline scripts of an HTML document, as the bodies the browser will hash. */
export function findInlineScripts(html: string): string[] {
  return [...html.matchAll(inlineScript)].filter((match) => isExecutable(match[1] ?? '')).map((match) => match[2] ?? '');
}
