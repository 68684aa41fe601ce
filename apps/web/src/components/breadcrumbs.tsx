/** The trail above a page title: Corpus, then the pages above this one, each a link. */
import { Link } from 'react-router';

export interface BreadcrumbsProps {
  /** Pages between the Corpus and this one, outermost first. */
  readonly trail?: readonly { readonly to: string; readonly label: string }[];
}

/** "Corpus / trace /", each part a link, as a labelled navigation landmark. */
export function Breadcrumbs({ trail = [] }: BreadcrumbsProps) {
  return (
    <nav className="breadcrumbs" aria-label="Breadcrumbs">
      <Link to="/">Corpus</Link> /
      {trail.map((crumb) => (
        <span key={crumb.to}>
          {' '}
          <Link to={crumb.to}>{crumb.label}</Link> /
        </span>
      ))}
    </nav>
  );
}
