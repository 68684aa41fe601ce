/** Number, share, duration, byte and time formatting for tables and panels ("–" when unknown). */

const DASH = '–';

/** An integer or decimal with grouping; "–" for undefined/NaN. */
export function formatNumber(value: number | undefined | null, digits = 0): string {
  if (value === undefined || value === null || Number.isNaN(value)) return DASH;
  return value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}

/** A share in [0, 1] as a percentage. */
export function formatPercent(share: number | undefined | null): string {
  if (share === undefined || share === null || Number.isNaN(share)) return DASH;
  return `${(share * 100).toFixed(share > 0 && share < 0.1 ? 1 : 0)}%`;
}

/** A byte count in B/KiB/MiB/GiB. */
export function formatBytes(bytes: number | undefined | null): string {
  if (bytes === undefined || bytes === null || Number.isNaN(bytes)) return DASH;
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(unit === 0 || value >= 100 ? 0 : 1)} ${units[unit]}`;
}

/** A duration in ms as "3.2 d", "5.0 h", "12 min" or "40 s". */
export function formatDuration(ms: number | undefined | null): string {
  if (ms === undefined || ms === null || Number.isNaN(ms)) return DASH;
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(s < 10 ? 1 : 0)} s`;
  if (s < 3600) return `${(s / 60).toFixed(0)} min`;
  if (s < 86_400) return `${(s / 3600).toFixed(1)} h`;
  return `${(s / 86_400).toFixed(1)} d`;
}

/** A timestamp (ms since the epoch) as `YYYY-MM-DD HH:MM` UTC. */
export function formatTime(ms: number | undefined | null): string {
  if (ms === undefined || ms === null || Number.isNaN(ms)) return DASH;
  return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
