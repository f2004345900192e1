// Server components only: the content package's index also holds the QCM's answers and the schema's key,
// which must never be bundled for the browser. Client components get the linked texts already rendered
// (see `glossedTexts`).
import { findGlossaryTerms } from '@dlclass/content';
import Link from 'next/link';
import type { GlossedTexts } from './glossed';

export const GLOSSARY_PATH = '/eleve/glossaire';

/**
 * A text with the glossary's terms linked to their definition; always rendered as text (React escapes it),
 * never as HTML. `except` leaves one term unlinked (a definition does not link to itself).
 */
export function GlossaryText({ text, except }: { text: string; except?: string }) {
  return findGlossaryTerms(text).map((segment, index) =>
    segment.termId && segment.termId !== except ? (
      <Link
        // biome-ignore lint/suspicious/noArrayIndexKey: segments have no identity besides their position
        key={index}
        href={`${GLOSSARY_PATH}#${segment.termId}`}
        className="glossary-link"
        data-term={segment.termId}
      >
        {segment.text}
      </Link>
    ) : (
      // biome-ignore lint/suspicious/noArrayIndexKey: see above
      <span key={index}>{segment.text}</span>
    ),
  );
}

/** Text → the same text with its glossary links, rendered on the server for a client component. */
export function glossedTexts(texts: readonly string[]): GlossedTexts {
  return Object.fromEntries(texts.map((text) => [text, <GlossaryText key={text} text={text} />]));
}
