import createMDX from '@next/mdx';
import createNextIntlPlugin from 'next-intl/plugin';

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
  reactStrictMode: true,
  images: { unoptimized: true },
  serverExternalPackages: ['@electric-sql/pglite', 'pg', 'nodemailer', 'ioredis'],
};

export default withNextIntl(withMDX(nextConfig));
