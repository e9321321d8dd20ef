/**
 * The journeys of attribution and of touches before conversion, walked once for both. A touch
 * is an event with a channel that is not the conversion (marker 0 of the scan). For each
 * customer in time order, touches collect; at a conversion, its journey is the collected
 * touches within the lookback before it (events at the same time: touches first, so a touch at
 * a conversion's time is before it), and collecting starts afresh. Touches after the last
 * conversion are the customer's tail. Events that are neither touch nor conversion are passed
 * over, so a scan of all events gives the same journeys as one of touches and conversions only.
 */
import type { EventBatch, Scan } from './store.ts';
import { grownFloat64, grownInt32 } from './typed-arrays.ts';

export interface JourneyVisitor {
  /** A conversion at `time` with `revenue` (0 when none): its journey is touches [first, end). */
  conversion(
    channels: Int32Array,
    times: Float64Array,
    first: number,
    end: number,
    time: number,
    revenue: number,
  ): void;
  /** The touches [0, end) after a customer's last conversion. */
  tail?(channels: Int32Array, times: Float64Array, end: number): void;
}

/** Walks the journeys of one customer at a time; the touch arrays are reused for every customer. */
export class JourneyWalker {
  private touchChannels = new Int32Array(256);
  private touchTimes = new Float64Array(256);

  constructor(
    private readonly lookbackMs: number,
    private readonly visitor: JourneyVisitor,
  ) {}

  /** The journeys of one customer's rows [start, end) of a batch with marker 0 and the channel column. */
  walk(batch: EventBatch, start: number, end: number): void {
    const { time, marks, channel, revenue } = batch;
    if (channel === undefined) throw new Error('a journey scan needs the channel column');
    const lookbackMs = this.lookbackMs;
    const visitor = this.visitor;
    this.touchChannels = grownInt32(this.touchChannels, end - start);
    this.touchTimes = grownFloat64(this.touchTimes, end - start);
    const touchChannels = this.touchChannels;
    const touchTimes = this.touchTimes;
    let touches = 0;
    let group = start;
    while (group < end) {
      const at = time[group] ?? 0;
      let groupEnd = group + 1;
      while (groupEnd < end && time[groupEnd] === at) groupEnd++;
      let conversions = 0;
      for (let i = group; i < groupEnd; i++) {
        if (((marks[i] ?? 0) & 1) !== 0) conversions++;
        else if ((channel[i] ?? -1) >= 0) {
          touchChannels[touches] = channel[i] ?? 0;
          touchTimes[touches] = at;
          touches++;
        }
      }
      if (conversions > 0) {
        const cutoff = at - lookbackMs;
        for (let i = group; i < groupEnd; i++) {
          if (((marks[i] ?? 0) & 1) === 0) continue;
          let first = 0;
          while (first < touches && (touchTimes[first] ?? 0) < cutoff) first++;
          const amount = revenue?.[i] ?? Number.NaN;
          visitor.conversion(
            touchChannels,
            touchTimes,
            first,
            touches,
            at,
            Number.isNaN(amount) ? 0 : amount,
          );
          touches = 0;
        }
      }
      group = groupEnd;
    }
    if (touches > 0) visitor.tail?.(touchChannels, touchTimes, touches);
  }
}

/** Walks every journey of a scan with markers `[conversion]` and the channel column. */
export async function walkJourneys(scan: Scan, walker: JourneyWalker): Promise<void> {
  for await (const batch of scan.batches) {
    const { length, customer } = batch;
    let row = 0;
    while (row < length) {
      const code = customer[row];
      let end = row + 1;
      while (end < length && customer[end] === code) end++;
      walker.walk(batch, row, end);
      row = end;
    }
  }
}
