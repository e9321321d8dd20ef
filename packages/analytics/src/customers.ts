/** Walking a scan one customer at a time: the single pass every measure makes. */
import type { EventBatch } from './store.ts';

/** Events of one customer: rows `start` (inclusive) to `end` (exclusive) of `batch`. */
export interface CustomerRun {
  batch: EventBatch;
  start: number;
  end: number;
}

/**
 * Calls `visit` once per customer, in scan order. Batches never split a customer, so a run is
 * always whole.
 */
export async function forEachCustomer(
  batches: AsyncIterable<EventBatch>,
  visit: (run: CustomerRun) => void,
): Promise<void> {
  for await (const batch of batches) {
    const { customer, length } = batch;
    let start = 0;
    while (start < length) {
      const code = customer[start];
      let end = start + 1;
      while (end < length && customer[end] === code) end++;
      visit({ batch, start, end });
      start = end;
    }
  }
}

/** Without a session id, a new session starts after 30 minutes without events. */
export const SESSION_GAP_MS = 30 * 60 * 1000;

/**
 * Session number within a customer's run for each row (0, 1, 2 ...): a new session when the
 * session id changes, or, for events without one, after a gap of more than `gapMs`.
 */
export function sessionIndexes(run: CustomerRun, gapMs = SESSION_GAP_MS): Int32Array {
  const { batch, start, end } = run;
  const indexes = new Int32Array(end - start);
  let current = 0;
  for (let row = start + 1; row < end; row++) {
    const previousSession = batch.session?.[row - 1] ?? -1;
    const session = batch.session?.[row] ?? -1;
    const newSession =
      session !== -1 || previousSession !== -1
        ? session !== previousSession
        : (batch.time[row] ?? 0) - (batch.time[row - 1] ?? 0) > gapMs;
    if (newSession) current++;
    indexes[row - start] = current;
  }
  return indexes;
}
