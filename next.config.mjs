import createMDX from '@next/mdx';
import createNextIntlPlugin from 'next-intl/plugin';
import securityHeaders from './lib/http/static-headers.json' with { type: 'json' };

// Turbopack takes remark/rehype plugins by package name, not as imported functions.
const withMDX = createMDX({
  options: {
    remarkPlugins: [['remark-frontmatter', ['yaml']], 'remark-gfm'],
    rehypePlugins: ['rehype-slug'],
  },
});

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

/** @type {import('next').NextConfig} */
const nextConfig = {
  pageExtensions: ['ts', 'tsx'],
  poweredByHeader: false,
  // Next hashes the whole HTML in JavaScript on every request to make an ETag: a fifth of the
  // CPU on an article page. Prerendered pages are cached by a CDN or re-sent whole (10 kB gzip).
  generateEtags: false,
  reactStrictMode: true,
  images: { unoptimized: true },
  // Every response, including those the proxy skips (canonical article pages, static files).
  // HSTS is not here: it is decided at run time from SIGNPOST_ENV (lib/server/method-guard.ts).
  async headers() {
    // Responses that are data, not pages, get a policy under which nothing may run or be framed.
    return [
      { source: '/:path*', headers: securityHeaders.everywhere },
      { source: '/api/:path*', headers: securityHeaders.data },
      { source: '/(robots\\.txt|sitemap\\.xml|icon\\.svg|favicon\\.ico)', headers: securityHeaders.data },
      // Next's own answers under /_next (assets, and its HTML error page for a path that is none): nothing there is a page of ours.
      { source: '/_next/:path*', headers: securityHeaders.data },
    ];
  },
  experimental: {
    // Next copies a request body into memory for the proxy (10 MB by default). Nothing the proxy
    // sees takes a body (form posts skip it and read their own, capped at 16 kB): keep the copy small.
    proxyClientMaxBodySize: '32kb',
  },
  serverExternalPackages: ['@electric-sql/pglite', 'pg', 'nodemailer', 'ioredis'],
};

export default withNextIntl(withMDX(nextConfig));
