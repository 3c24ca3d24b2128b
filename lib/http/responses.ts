import 'server-only';
import { NextResponse } from 'next/server';

/** The plain 404 a route handler answers when its URL names nothing we have. */
export const notFoundResponse = () =>
  new NextResponse('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });

/** A script asking (fetch with Accept: application/json) gets JSON; a plain form post gets a page. */
export function wantsJson(request: Request): boolean {
  return (request.headers.get('accept') ?? '').includes('application/json');
}
