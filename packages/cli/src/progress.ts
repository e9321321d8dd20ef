/** Progress bars for long work, drawn on standard error only when it is a terminal. */
import cliProgress from 'cli-progress';
import type { CliIo } from './io.ts';

export interface Progress {
  /** `fraction` 0..1; `payload` fills the bar's {placeholders}. */
  update(fraction: number, payload?: Record<string, string>): void;
  stop(): void;
}

const SILENT: Progress = { update: () => {}, stop: () => {} };

/**
 * A bar like `events.csv |██████░░░░| 61% | reading | 1,204,331 rows/s`, or nothing when
 * standard error is not a terminal (pipes and CI logs stay clean).
 */
export function progressBar(io: CliIo, label: string, detail = '{detail}'): Progress {
  if (!io.stderrIsTty) return SILENT;
  const bar = new cliProgress.SingleBar(
    {
      format: `${label} |{bar}| {percentage}% | ${detail}`,
      hideCursor: true,
      clearOnComplete: true,
      stream: process.stderr,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(1000, 0, { detail: '' });
  return {
    update: (fraction, payload) => bar.update(Math.round(Math.max(0, Math.min(1, fraction)) * 1000), payload),
    stop: () => bar.stop(),
  };
}

/** 1234567 -> "1,234,567". */
export function formatCount(value: number): string {
  return Math.round(value).toLocaleString('en-GB');
}
