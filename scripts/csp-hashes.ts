/**
 * After `next build`: gives every prerendered page its own Content-Security-
 * Policy header, allowing exactly the inline scripts in that page by their
 * SHA-256. Next serves a prerendered page with the headers in its `.meta` file,
 * so the policy rides along without a proxy in front (canonical article pages
 * skip the proxy for speed). Pages rendered per request get a nonce instead
 * (lib/http/proxy.ts). Fails the build if a prerendered page cannot be found.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { contentSecurityPolicy, findInlineScripts } from '../lib/http/csp';

const appDir = path.join(process.cwd(), '.next', 'server', 'app');
const manifest = JSON.parse(readFileSync(path.join(process.cwd(), '.next', 'prerender-manifest.json'), 'utf8')) as {
  routes: Record<string, { routeType?: string }>;
};
const upgradeInsecureRequests = (process.env.SITE_URL ?? '').startsWith('https://');

let pages = 0;
let scripts = 0;
for (const [route, info] of Object.entries(manifest.routes)) {
  if (info.routeType && info.routeType !== 'page') continue;
  const base = path.join(appDir, route === '/' ? 'index' : route);
  const htmlFile = `${base}.html`;
  const metaFile = `${base}.meta`;
  if (!existsSync(htmlFile) || !existsSync(metaFile)) throw new Error(`prerendered page ${route} has no ${existsSync(htmlFile) ? '.meta' : '.html'} file`);
  const hashes = findInlineScripts(readFileSync(htmlFile, 'utf8')).map(
    (body) => `sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}`,
  );
  const meta = JSON.parse(readFileSync(metaFile, 'utf8')) as { headers?: Record<string, string> };
  meta.headers = { ...meta.headers, 'content-security-policy': contentSecurityPolicy({ hashes: [...new Set(hashes)] }, { upgradeInsecureRequests }) };
  writeFileSync(metaFile, JSON.stringify(meta));
  pages += 1;
  scripts += hashes.length;
}
console.log(`Content-Security-Policy: ${pages} prerendered pages, ${scripts} inline scripts allowed by hash.`);
