import type { MetadataRoute } from 'next';
import { absoluteUrl } from '@/lib/config/env';
import { locales } from '@/lib/i18n/locales';

export default function robots(): MetadataRoute.Robots {
  return {
    rules: {
      userAgent: '*',
      allow: '/',
      // Personal flows and APIs have nothing to index.
      disallow: ['/api/', ...locales.flatMap((l) => [`/${l}/admin`, `/${l}/sign-in-help/`, `/${l}/search`])],
    },
    sitemap: absoluteUrl('/sitemap.xml'),
  };
}
