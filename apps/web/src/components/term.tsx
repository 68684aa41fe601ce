/**
 * A glossary term in running text: focusable, described by its definition (aria-describedby), with
 * the definition shown as a tooltip on hover and on keyboard focus, and linked to the glossary page.
 */
import { type ReactNode, useId } from 'react';
import { Link } from 'react-router';
import { GLOSSARY, type GlossaryTerm, glossaryAnchor } from '../lib/glossary.ts';

export interface TermProps {
  readonly term: GlossaryTerm;
  /** The words shown (default: the term). */
  readonly children?: ReactNode;
}

/** The term as a link to its glossary entry, with its definition as a tooltip. */
export function Term({ term, children }: TermProps) {
  const id = useId();
  return (
    <span className="term">
      <Link to={`/glossary#${glossaryAnchor(term)}`} aria-describedby={id} className="term-link">
        {children ?? term}
      </Link>
      <span role="tooltip" id={id} className="term-tip">
        {GLOSSARY[term]}
      </span>
    </span>
  );
}
