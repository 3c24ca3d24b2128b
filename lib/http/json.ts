import 'server-only';
import { NextResponse } from 'next/server';

export type ApiErrorCode =
  | 'invalid_locale'
  | 'invalid_id'
  | 'not_found'
  | 'gone'
  | 'invalid_query'
  | 'invalid_limit'
  | 'rate_limited'
  | 'invalid_request';

/** A JSON error every API route answers with: a stable code for programs, a localized message for people. */
export function jsonError(status: number, code: ApiErrorCode, message: string, headers?: HeadersInit): NextResponse {
  return NextResponse.json({ error: { code, message } }, { status, headers });
}
