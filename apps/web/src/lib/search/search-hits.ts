/** What the header's corpus search shows of a hit, and where following it goes. */
import type { SearchHit } from '@graphlet/contract';

/** The trace page's URL for a hit: the trace, with the node chosen (and centred) for a node hit. */
export function searchHitHref(hit: SearchHit): string {
  const trace = `/traces/${encodeURIComponent(hit.traceId)}`;
  return hit.nodeId === null ? trace : `${trace}?node=${encodeURIComponent(hit.nodeId)}`;
}

/** The second line of a hit: where it is and what matched besides its label. */
export function searchHitDetail(hit: SearchHit): string {
  if (hit.kind === 'pipeline') return 'pipeline';
  const parts = [hit.kind, `in ${hit.pipeline}`];
  const shortType = hit.type?.split('.').pop();
  if (shortType !== undefined && !hit.label.startsWith(shortType)) parts.push(shortType);
  if (hit.uri !== null) parts.push(hit.uri);
  return parts.join(' · ');
}

/** The option a key press moves to among `count` (wrapping; -1 is the input itself). */
export function stepOption(current: number, key: string, count: number): number {
  if (count === 0) return -1;
  if (key === 'ArrowDown') return current + 1 >= count ? 0 : current + 1;
  if (key === 'ArrowUp') return current <= 0 ? count - 1 : current - 1;
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  return current;
}
