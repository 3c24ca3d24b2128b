import { NextResponse } from 'next/server';

/** Liveness for load balancers and the benchmarks' framework floor: no work, no I/O. */
export function GET() {
  return NextResponse.json({ status: 'ok' }, { headers: { 'Cache-Control': 'no-store' } });
}
