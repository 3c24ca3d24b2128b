import 'server-only';
import { NextResponse } from 'next/server';
import { redirectWithFlash, seeOther } from '@/lib/http/flash-cookie';
import { isLocale, type Locale } from '@/lib/i18n/locales';
import { minutesToWait } from '@/lib/rate-limit/policies';
import { isProblem } from './engine';
import type { Problem } from './types';
import type { Unavailable } from '@/lib/server/database';
import type { DiagnoseResult } from './service';
import { paths } from '@/lib/paths';

/** Route params of a sign-in help step, or undefined when they name nothing we have. */
export function parseStepParams(params: { locale: string; problem: string }): { locale: Locale; problem: Problem } | undefined {
  const { locale, problem } = params;
  return isLocale(locale) && isProblem(problem) && problem !== 'other' ? { locale, problem } : undefined;
}

/** Where a diagnosis sends the browser: the result, the site question, or back to the form. */
export function respondToDiagnosis(
  request: Request,
  locale: Locale,
  formPath: string,
  typed: Record<string, string>,
  result: DiagnoseResult | Unavailable,
  onChooseSite: () => NextResponse,
): NextResponse {
  switch (result.kind) {
    case 'diagnosed':
      return seeOther(request, paths.signInHelp.result(locale, result.code));
    case 'rate-limited':
      return redirectWithFlash(request, formPath, {
        state: { values: typed, errors: { form: 'rate-limited' }, data: { minutes: minutesToWait(result.retryAfterMs) } },
        status: 429,
      });
    case 'unavailable':
      return seeOther(request, paths.signInHelp.unavailable(locale));
    case 'choose-site':
      return onChooseSite();
    case 'unknown-site':
      return redirectWithFlash(request, formPath, { state: { values: typed, errors: { site: 'unknown' } }, status: 400 });
  }
}
