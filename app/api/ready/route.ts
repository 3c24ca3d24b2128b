import { NextResponse } from 'next/server';
import { checkReadiness } from '@/lib/server/readiness';

export const dynamic = 'force-dynamic';

/** Readiness for load balancers: 200 when this server's database answers, 503 (with Retry-After) when not. */
export async function GET() {
  const readiness = await checkReadiness();
  return NextResponse.json(
    { status: readiness.ready ? 'ready' : 'unavailable', database: readiness.database, rateLimits: readiness.rateLimits },
    { status: readiness.ready ? 200 : 503, headers: { 'Cache-Control': 'no-store', ...(readiness.ready ? {} : { 'Retry-After': '5' }) } },
  );
}
