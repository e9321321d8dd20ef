/**
 * Loading what a page shows: `useResource(key, load)` calls `load` when `key` changes (the
 * request's identity, e.g. its path), aborts the previous call, and gives its state and a
 * `reload` for after a change.
 */
import { useCallback, useEffect, useRef, useState } from 'react';

export type Resource<T> =
  | { status: 'loading'; reload: () => void }
  | { status: 'failed'; error: unknown; reload: () => void }
  | { status: 'ready'; data: T; reload: () => void };

type Loaded<T> = { status: 'loading' } | { status: 'failed'; error: unknown } | { status: 'ready'; data: T };

export function useResource<T>(key: string, load: (signal: AbortSignal) => Promise<T>): Resource<T> {
  const [state, setState] = useState<Loaded<T>>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);
  // The latest `load` is called; a new function each render must not reload.
  const latest = useRef(load);
  latest.current = load;

  // biome-ignore lint/correctness/useExhaustiveDependencies: key and generation say when to load again.
  useEffect(() => {
    const controller = new AbortController();
    latest.current(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ status: 'ready', data });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'failed', error });
      },
    );
    return () => controller.abort();
  }, [key, generation]);

  const reload = useCallback(() => setGeneration((count) => count + 1), []);
  return { ...state, reload };
}
