/**
 * Runs once when the server starts (not during the build): refuses to run
 * misconfigured, then makes ready what every request needs before the first
 * visitor arrives.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  // First, before the server answers anything: see lib/server/method-guard.ts.
  const { refuseForbiddenMethods } = await import('@/lib/server/method-guard');
  const { isProduction } = await import('@/lib/config/env');
  refuseForbiddenMethods({ transportSecurity: isProduction });
  const { startServer } = await import('@/lib/server/startup');
  await startServer();
}
