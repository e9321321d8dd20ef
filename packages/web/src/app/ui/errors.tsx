/** Errors as a person reads them: the server's message in the interface's language where known. */
import { ApiError } from '../api/client.ts';
import type { Messages } from '../i18n/en.ts';
import { useI18n } from '../i18n/i18n.tsx';

/** The sentence to show for an error: a translation of its code, else the server's message. */
export function errorMessage(t: Messages, error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === 'invalid-map') return t.errors.invalidMap(error.problems.length);
    return (t.errors.codes as Partial<Record<string, string>>)[error.code] ?? error.message;
  }
  return t.errors.unexpected;
}

/** An error as an alert; a refused map lists its problems with their lines. */
export function ErrorNotice({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  if (error === undefined || error === null) return null;
  const problems = error instanceof ApiError ? error.problems : [];
  return (
    <div role="alert" className="notice notice-error">
      <p>{errorMessage(t, error)}</p>
      {problems.length > 0 && (
        <ul className="problems">
          {problems.map((problem, index) => (
            // Problems have no id; their order is the server's and never changes in place.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            <li key={index}>
              {problem.line !== undefined && (
                <span className="problem-where">{t.errors.problemAt(problem.line, problem.column)}</span>
              )}{' '}
              <code>{problem.field}</code> {problem.message}
            </li>
          ))}
        </ul>
      )}
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          {t.app.retry}
        </button>
      )}
    </div>
  );
}
