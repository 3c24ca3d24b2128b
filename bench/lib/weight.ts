import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../../e2e/support/env';

export type PageWeight = {
  htmlBytes: number;
  htmlGzipBytes: number;
  scripts: Array<{ url: string; gzipBytes: number }>;
  scriptGzipBytes: number;
};

const gzipSize = (body: Buffer) => gzipSync(body, { level: 9 }).length;

/**
 * What a modern browser downloads to run a page: every script response while
 * loading it in Chromium (noModule polyfills are never fetched), gzip-compressed.
 */
export async function measurePageWeight(url: string): Promise<PageWeight> {
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    const page = await browser.newPage();
    const scripts: PageWeight['scripts'] = [];
    page.on('response', async (response) => {
      const type = response.request().resourceType();
      if (type === 'script') scripts.push({ url: new URL(response.url()).pathname, gzipBytes: gzipSize(await response.body()) });
    });
    const response = await page.goto(url, { waitUntil: 'networkidle' });
    const html = await response!.body();
    return {
      htmlBytes: html.length,
      htmlGzipBytes: gzipSize(html),
      scripts,
      scriptGzipBytes: scripts.reduce((sum, s) => sum + s.gzipBytes, 0),
    };
  } finally {
    await browser.close();
  }
}
