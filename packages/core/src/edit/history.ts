import type { JourneyMap } from '../schema.ts';
import { applyEdit, coalesceKey, type EditAction } from './actions.ts';
import { EditError } from './errors.ts';

export interface HistoryOptions {
  /** How many undo steps are kept; older ones are dropped. Default 100. */
  limit?: number;
  /**
   * Edits of the same field at most this many milliseconds apart (by the times passed to `apply`)
   * make one undo step. Default 1000.
   */
  coalesceWithinMs?: number;
}

/**
 * The map being edited with its undo and redo steps. A value: every method returns a new history
 * and leaves this one as it was, so it fits a React state or reducer as it is.
 *
 * @example
 * let history = createHistory(map);
 * history = history.apply({ type: 'renameStep', stepId: 'checkout', name: 'P' }, 1000);
 * history = history.apply({ type: 'renameStep', stepId: 'checkout', name: 'Pays' }, 1200); // same step
 * history = history.undo(); // history.map is `map` again
 */
export interface EditHistory {
  /** The map as it is now. */
  readonly map: JourneyMap;
  readonly canUndo: boolean;
  readonly canRedo: boolean;
  readonly undoCount: number;
  readonly redoCount: number;
  /**
   * Applies an action (throwing its {@link EditError} when it cannot apply). `at` is the time of the
   * edit in milliseconds, e.g. `Date.now()` or an event's `timeStamp`; without it the edit is an
   * undo step of its own. An action that changes nothing leaves the history as it is.
   */
  apply(action: EditAction, at?: number): EditHistory;
  undo(): EditHistory;
  redo(): EditHistory;
  /** Ends the running undo step, so the next edit of the same field starts a new one (e.g. on blur). */
  seal(): EditHistory;
}

interface LastEdit {
  key: string;
  at: number;
}

const DEFAULT_LIMIT = 100;
const DEFAULT_COALESCE_MS = 1000;

/** Starts editing `map` with an empty history. */
export function createHistory(map: JourneyMap, options: HistoryOptions = {}): EditHistory {
  const limit = options.limit ?? DEFAULT_LIMIT;
  const within = options.coalesceWithinMs ?? DEFAULT_COALESCE_MS;
  if (!Number.isInteger(limit) || limit < 1) {
    throw new EditError('invalid-value', `a history keeps at least 1 undo step; got ${limit}`);
  }
  if (!(within >= 0))
    throw new EditError('invalid-value', `coalesceWithinMs must be 0 or more; got ${within}`);
  return new History({ limit, within }, [], map, [], undefined);
}

class History implements EditHistory {
  constructor(
    private readonly settings: { limit: number; within: number },
    /** Maps before each undo step, oldest first. */
    private readonly past: readonly JourneyMap[],
    readonly map: JourneyMap,
    /** Maps after each redo step, nearest last. */
    private readonly future: readonly JourneyMap[],
    private readonly last: LastEdit | undefined,
  ) {}

  get canUndo(): boolean {
    return this.past.length > 0;
  }

  get canRedo(): boolean {
    return this.future.length > 0;
  }

  get undoCount(): number {
    return this.past.length;
  }

  get redoCount(): number {
    return this.future.length;
  }

  apply(action: EditAction, at?: number): EditHistory {
    const next = applyEdit(this.map, action);
    if (next === this.map) return this;
    const key = coalesceKey(action);
    const edit = key !== undefined && at !== undefined ? { key, at } : undefined;
    const last = this.last;
    if (
      edit &&
      last &&
      last.key === edit.key &&
      edit.at >= last.at &&
      edit.at - last.at <= this.settings.within
    ) {
      return new History(this.settings, this.past, next, [], edit);
    }
    const past = [...this.past, this.map].slice(-this.settings.limit);
    return new History(this.settings, past, next, [], edit);
  }

  undo(): EditHistory {
    const previous = this.past.at(-1);
    if (previous === undefined) return this;
    return new History(
      this.settings,
      this.past.slice(0, -1),
      previous,
      [...this.future, this.map],
      undefined,
    );
  }

  redo(): EditHistory {
    const following = this.future.at(-1);
    if (following === undefined) return this;
    return new History(
      this.settings,
      [...this.past, this.map],
      following,
      this.future.slice(0, -1),
      undefined,
    );
  }

  seal(): EditHistory {
    return this.last === undefined
      ? this
      : new History(this.settings, this.past, this.map, this.future, undefined);
  }
}
