/** A secret or link shown once: read-only text with a Copy button, and a spoken "Copied". */
import { useId, useRef, useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';

async function copyText(
  text: string,
  field: HTMLInputElement | HTMLTextAreaElement | null,
): Promise<boolean> {
  try {
    // The Clipboard API needs a secure context (https, or 127.0.0.1 / localhost).
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    field?.select();
    return document.execCommand?.('copy') ?? false;
  }
}

export function CopyField({
  label,
  value,
  multiline = false,
}: {
  label: string;
  value: string;
  multiline?: boolean;
}) {
  const { t } = useI18n();
  const id = useId();
  const field = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const [status, setStatus] = useState<'idle' | 'copied' | 'failed'>('idle');
  const select = () => field.current?.select();
  return (
    <div className="field copy-field">
      <label htmlFor={id}>{label}</label>
      <div className="copy-field-row">
        {multiline ? (
          <textarea id={id} ref={field} readOnly value={value} rows={3} onFocus={select} spellCheck={false} />
        ) : (
          <input id={id} ref={field} readOnly value={value} onFocus={select} spellCheck={false} />
        )}
        <button
          type="button"
          className="button"
          onClick={async () => setStatus((await copyText(value, field.current)) ? 'copied' : 'failed')}
        >
          {t.copy.copy}
        </button>
      </div>
      <p className="field-hint" aria-live="polite">
        {status === 'copied' ? t.copy.copied : status === 'failed' ? t.copy.failed : ''}
      </p>
    </div>
  );
}
