import 'server-only';
import type { NextResponse } from 'next/server';
import { z } from 'zod';
import type { FlashState, FlashStatus } from './flash';
import { readFlash, redirectWithFlash } from './flash-cookie';
import { handleFormPost, type PostContext } from './post';
import { notFoundResponse } from './responses';

/**
 * One way to write a form route and the page it answers to. A form declares
 * zod schemas for its route params, its fields and its flash state; the route
 * handler (`formRoute`, `redirectWithFormFlash`) and the page (`readFormFlash`) share them, so what a route
 * writes is what the page reads, typed end to end.
 */

/** A form's flash state: its schema lives with the form (lib/<feature>/forms.ts), pure, for route, page and components. */
export type FlashSchema = z.ZodType<FlashState>;

/** The state a form left for the page at `pathname`; undefined when none, or not in this form's shape. */
export async function readFormFlash<S extends FlashSchema>(schema: S, pathname: string): Promise<z.output<S> | undefined> {
  const parsed = schema.safeParse(await readFlash(pathname));
  return parsed.success ? parsed.data : undefined;
}

/** Sends the browser to `pathname` with this form's state, in the shape its page reads (see redirectWithFlash). */
export function redirectWithFormFlash<S extends FlashSchema>(
  schema: S,
  request: Request,
  pathname: string,
  flash: { state: z.input<S>; status: FlashStatus; consume?: boolean; search?: string },
): NextResponse {
  return redirectWithFlash(request, pathname, flash as { state: FlashState; status: FlashStatus });
}

/** A route segment the proxy already checked, parsed again here (route handlers skip the proxy). */
export type RouteContext = { params: Promise<Record<string, string | string[] | undefined>> };

export type FormRouteContext<P, F> = PostContext & { request: Request; params: P; fields: F };

export type FormRouteSpec<P, F, C extends FormRouteContext<P, F> = FormRouteContext<P, F>> = {
  params: z.ZodType<P>;
  fields: z.ZodType<F>;
  /** The answer to a body that cannot be read or whose fields do not fit `fields`. */
  onBadRequest: (request: Request, params: P) => Response | Promise<Response>;
  /** For the emailed-token pages, sent without a Referer: see isSameOrigin. */
  allowOpaqueOrigin?: boolean;
  handle: (context: C) => Promise<Response>;
};

/**
 * A form post's route handler: params that name nothing we have are a 404; a
 * post from another origin is refused (403); an unreadable body or fields that
 * do not fit the schema get `onBadRequest`; then `handle` gets the typed params
 * and fields, the client's address and the time.
 */
export function formRoute<P, F>(spec: FormRouteSpec<P, F>): (request: Request, context: RouteContext) => Promise<Response> {
  return async (request, context) => {
    const params = spec.params.safeParse(await context.params);
    if (!params.success) return notFoundResponse();
    const onBadBody = () => spec.onBadRequest(request, params.data);
    return handleFormPost(
      request,
      onBadBody,
      async (post) => {
        const fields = spec.fields.safeParse(Object.fromEntries(post.form));
        if (!fields.success) return onBadBody();
        return spec.handle({ ...post, request, params: params.data, fields: fields.data });
      },
      { allowOpaqueOrigin: spec.allowOpaqueOrigin },
    );
  };
}
