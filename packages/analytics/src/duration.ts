/** Durations on the command line and in specs: `90s`, `30m`, `12h`, `7d`, `2w`, or plain seconds. */

const UNIT_SECONDS: Readonly<Record<string, number>> = { s: 1, m: 60, h: 3600, d: 86_400, w: 604_800 };

/**
 * Seconds in a duration text, or null when it is not one.
 *
 * @example
 * parseDuration('7d'); // 604800
 */
export function parseDuration(text: string): number | null {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([smhdw]?)\s*$/i.exec(text);
  if (!match) return null;
  const amount = Number(match[1]);
  const unit = (match[2] ?? '').toLowerCase() || 's';
  const seconds = amount * (UNIT_SECONDS[unit] ?? 1);
  return Number.isFinite(seconds) ? seconds : null;
}

/** A duration written back the shortest exact way: 604800 -> `7d`. */
export function formatDuration(seconds: number): string {
  for (const unit of ['w', 'd', 'h', 'm'] as const) {
    const size = UNIT_SECONDS[unit] ?? 1;
    if (seconds >= size && seconds % size === 0) return `${seconds / size}${unit}`;
  }
  return `${seconds}s`;
}
