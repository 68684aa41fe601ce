/** The table of contents: a link to each panel's anchor (the anchor stays in the URL). */
import { FIGURE_ORDER } from '../../lib/figures/figure-catalog.ts';

/** Anchor links to every figure and table. */
export function FiguresToc() {
  return (
    <nav className="figures-toc" aria-label="Figures and tables">
      {FIGURE_ORDER.map((entry) => (
        <a key={entry.anchor} href={`#${entry.anchor}`}>
          {entry.short}
        </a>
      ))}
    </nav>
  );
}
