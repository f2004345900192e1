// The helpers module only (not the package index, which also holds the QCM's answers): this component is
// bundled for the browser.
import { findGlossaryTerms } from '@dlclass/content/src/helpers';
import Link from 'next/link';

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
