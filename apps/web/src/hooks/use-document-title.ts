/** Sets the browser tab's title for the page shown: `<title> · Graphlet Explorer`. */
import { useEffect } from 'react';

const APP_NAME = 'Graphlet Explorer';

/** The full tab title of a page title. */
function documentTitle(title: string | undefined): string {
  return title === undefined || title === '' ? APP_NAME : `${title} · ${APP_NAME}`;
}

/** Keeps `document.title` on `title` while the calling page is shown. */
export function useDocumentTitle(title: string | undefined): void {
  useEffect(() => {
    document.title = documentTitle(title);
  }, [title]);
}
