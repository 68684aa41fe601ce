/**
 * Sets the tab title from the route's `handle.title`. Pages whose title depends on data (trace,
 * graphlet, not found) have no handle and set their own with useDocumentTitle.
 */
import { useMatches } from 'react-router';
import { useDocumentTitle } from '../hooks/use-document-title.ts';

/** The deepest matched route's static title, if it has one. */
function useRouteTitle(): string | undefined {
  const handle = useMatches().at(-1)?.handle as { title?: unknown } | undefined;
  return typeof handle?.title === 'string' ? handle.title : undefined;
}

/** Renders nothing; keeps document.title on the route's static title when it has one. */
export function RouteTitle() {
  const title = useRouteTitle();
  return title === undefined ? null : <TitleEffect title={title} />;
}

function TitleEffect({ title }: { readonly title: string }) {
  useDocumentTitle(title);
  return null;
}
