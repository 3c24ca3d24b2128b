import type { MetadataRoute } from 'next';
import { absoluteUrl } from '@/lib/config/env';
import { locales } from '@/lib/i18n/locales';
import { paths } from '@/lib/paths';

export default function robots(): MetadataRoute.Robots {
  return {
    rules: {
      userAgent: '*',
      allow: '/',
      // Personal flows and APIs have nothing to index.
      disallow: ['/api/', ...locales.flatMap((l) => [paths.admin.home(l), `${paths.signInHelp.start(l)}/`, paths.search(l)])],
    },
    sitemap: absoluteUrl('/sitemap.xml'),
  };
}
