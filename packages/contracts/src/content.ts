import { z } from 'zod';

// ---------------------------------------------------------------------------------------------------------
// GET /api/content: the lesson content a browser may see

/**
 * The lesson's texts without their answers: no QCM bank, and the annotated schema's labels without the slot
 * they belong to. The nested items are `@dlclass/content`'s (its `TPublicContent` types them); they are
 * checked by that package's schemas, not again here.
 */
export const ZPublicContent = z.object({
  lesson: z.unknown(),
  /** Activity slug → its template. */
  templates: z.record(z.string(), z.unknown()),
  demos: z.array(z.unknown()),
  missions: z.array(z.unknown()),
  glossary: z.array(z.unknown()),
  selfAssessment: z.object({ skills: z.array(z.unknown()), levels: z.array(z.unknown()) }),
});

// ---------------------------------------------------------------------------------------------------------
// A class's own QCM, imported from Markdown (teacher): /api/classes/:classId/quiz-bank

/** The Markdown a teacher may import, in UTF-8 bytes (about 100 questions with explanations). */
export const QUIZ_MARKDOWN_MAX_BYTES = 100_000;

export const ZQuizBankImportRequest = z.strictObject({
  markdown: z
    .string({ error: 'Collez le QCM écrit en Markdown' })
    .refine((text) => text.trim() !== '', { error: 'Le QCM est vide' })
    .refine((text) => new TextEncoder().encode(text).length <= QUIZ_MARKDOWN_MAX_BYTES, {
      error: `Le QCM dépasse ${QUIZ_MARKDOWN_MAX_BYTES / 1000} Ko : découpez-le ou raccourcissez les explications`,
    }),
});
export type TQuizBankImportRequest = z.infer<typeof ZQuizBankImportRequest>;

/** A line-numbered problem of an imported QCM, sent in the 400's `details.errors`. */
export const ZQuizMarkdownError = z.object({ line: z.number().int().positive(), message: z.string() });

/** What the class's QCM is: the lesson's own bank, or the one the teacher imported (with its Markdown). */
export const ZQuizBankState = z.object({
  source: z.enum(['default', 'imported']),
  questionCount: z.number().int().nonnegative(),
  /** The imported QCM as the teacher wrote it. */
  markdown: z.string().optional(),
  /** What was understood of each question (not the answers: the teacher has them in the Markdown). */
  questions: z.array(
    z.object({
      id: z.string(),
      prompt: z.string(),
      multiple: z.boolean(),
      optionCount: z.number().int().positive(),
    }),
  ),
});
export type TQuizBankState = z.infer<typeof ZQuizBankState>;
