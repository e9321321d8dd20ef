/** Form parts with their labels and hints wired for assistive technology, and running a form's action. */
import {
  type FormEvent,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  useCallback,
  useId,
  useRef,
  useState,
} from 'react';

interface FieldProps {
  label: string;
  hint?: string;
}

export function TextField({ label, hint, ...input }: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} aria-describedby={hint ? `${id}-hint` : undefined} {...input} />
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
    </div>
  );
}

export function SelectField({
  label,
  hint,
  children,
  ...select
}: FieldProps & SelectHTMLAttributes<HTMLSelectElement> & { children: ReactNode }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} aria-describedby={hint ? `${id}-hint` : undefined} {...select}>
        {children}
      </select>
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
    </div>
  );
}

export interface Action<Args extends unknown[]> {
  run(...args: Args): Promise<void>;
  busy: boolean;
  error: unknown;
  reset(): void;
}

/**
 * Runs what a form or button does: busy while it runs (one run at a time), its error kept to show.
 *
 * @example
 * const save = useAction(async (form: FormData) => { await api.invite(slug, String(form.get('email')), 'viewer'); });
 * <form onSubmit={submitWith(save.run)}>... <ErrorNotice error={save.error} />
 */
export function useAction<Args extends unknown[]>(perform: (...args: Args) => Promise<void>): Action<Args> {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const running = useRef(false);
  const latest = useRef(perform);
  latest.current = perform;
  const run = useCallback(async (...args: Args) => {
    if (running.current) return;
    running.current = true;
    setBusy(true);
    setError(undefined);
    try {
      await latest.current(...args);
    } catch (caught) {
      setError(caught);
    } finally {
      running.current = false;
      setBusy(false);
    }
  }, []);
  const reset = useCallback(() => setError(undefined), []);
  return { run, busy, error, reset };
}

/** A form's submit handler that passes the form's data to `run` instead of reloading the page. */
export function submitWith(run: (form: FormData, element: HTMLFormElement) => unknown) {
  return (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void run(new FormData(event.currentTarget), event.currentTarget);
  };
}

/** A string field of a form's data ('' when absent). */
export function formText(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
}
