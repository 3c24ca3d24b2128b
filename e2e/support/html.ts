import type { APIRequestContext } from '@playwright/test';

/** GETs a path without following redirects, for asserting status codes and Location headers. */
export async function fetchRaw(request: APIRequestContext, path: string, headers: Record<string, string> = {}) {
  const response = await request.get(path, { maxRedirects: 0, headers });
  return { status: response.status(), location: response.headers()['location'] ?? null, response };
}
