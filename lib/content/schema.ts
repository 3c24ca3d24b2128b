import { z } from 'zod';

/** Article IDs support teams quote: `WBX75907`, `WBX15`, `ktod8p`, `nikzbgy`. */
export const articleIdPattern = /^[A-Za-z0-9]{3,16}$/;

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  .refine((value) => {
    // Date.parse rolls 2026-02-30 over to March; a real date survives the round trip.
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
  }, 'must be a real calendar date');

const nonEmpty = z.string().trim().min(1, 'must not be empty');

/** The frontmatter every article file carries, in every locale. */
export const frontmatterSchema = z
  .object({
    id: z.string().regex(articleIdPattern, 'must be 3-16 letters or digits'),
    title: nonEmpty.max(160),
    summary: nonEmpty.max(320),
    audience: z.enum(['host', 'admin']),
    tags: z.array(nonEmpty).min(1, 'needs at least one tag'),
    updated: isoDate,
    errors: z.array(nonEmpty).default([]),
    related: z.array(z.string().regex(articleIdPattern)).default([]),
    slug: z
      .string()
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase ASCII words joined by hyphens')
      .optional(),
    /** English only: bumped when the source changes in a way translations must follow. */
    revision: z.number().int().positive().optional(),
    /** Translations only: the English revision this translation was made from. */
    translatedFrom: z.number().int().positive().optional(),
    /**
     * English only: IDs this article used to have (merged or renamed articles). Every URL and
     * API form of an old ID moves permanently here, and ID search finds the article by them.
     */
    aliases: z.array(z.string().regex(articleIdPattern, 'must be 3-16 letters or digits')).default([]),
    /**
     * English only: the article is withdrawn with no successor. Its files stay so that its old
     * URLs answer 410 with its title in the reader's language; it is not listed or searched.
     */
    retired: z.boolean().default(false),
  })
  .strict();

type Frontmatter = z.infer<typeof frontmatterSchema>;
export type Audience = Frontmatter['audience'];
