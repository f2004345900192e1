import type { ReactNode } from 'react';

/** Text → the same text with its glossary links, rendered on the server (`glossedTexts` in GlossaryText). */
export type GlossedTexts = Record<string, ReactNode>;

/** In a client component: the text with its links when the server rendered them, else the plain text. */
export const glossed = (texts: GlossedTexts, text: string): ReactNode => texts[text] ?? text;
