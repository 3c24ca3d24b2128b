import { z } from 'zod';
import { findArticleId } from '@/lib/content';
import { localeParam, textField } from '@/lib/http/form-schemas';

/** The article feedback forms (the vote and the comment): params, fields and flash, shared by the routes and the page. */

export const feedbackParams = z.object({
  locale: localeParam,
  id: z.string().transform((value, context) => {
    const id = findArticleId(value);
    if (!id) context.addIssue({ code: 'custom', message: 'no such article' });
    return id ?? z.NEVER;
  }),
});

export const voteFields = z.object({ helpful: z.enum(['yes', 'no']) });
export const commentFields = z.object({ comment: textField });

export const feedbackFlash = z.object({
  values: z.object({ comment: z.string() }).partial().optional(),
  errors: z.object({ comment: z.literal('too-long') }).partial().optional(),
  data: z.object({ voted: z.enum(['yes', 'no']), commented: z.literal(true) }).partial().optional(),
});
