/**
 * Runs once when the server starts (not during the build): loads what every
 * request needs, so the first visitor does not wait for it.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { preloadSearchIndexes } = await import('@/lib/search/server');
  preloadSearchIndexes();
}
