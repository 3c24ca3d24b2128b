import type { ReactNode } from 'react';

/** A form's error summary: listed at the top, each error linking to its field, and announced. */
export function ErrorSummary({ title, errors }: { title: string; errors: Array<{ field: string; message: string }> }) {
  if (errors.length === 0) return null;
  return (
    <div role="alert" className="mt-6 rounded border-s-4 border-danger bg-danger-wash px-4 py-3" tabIndex={-1}>
      <p className="font-semibold">{title}</p>
      <ul className="mt-1 list-disc ps-5">
        {errors.map((error) => (
          <li key={error.field}>
            <a href={`#${error.field}`} className="text-danger">
              {error.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A labelled input with its hint and error wired up for assistive technology. */
export function TextField({
  id,
  name,
  label,
  type = 'text',
  defaultValue,
  hint,
  error,
  autoComplete,
  maxLength,
  required,
  inputMode,
  dir,
}: {
  id: string;
  name: string;
  label: string;
  type?: 'text' | 'email' | 'password' | 'tel' | 'search';
  defaultValue?: string;
  hint?: ReactNode;
  error?: string;
  autoComplete?: string;
  maxLength?: number;
  required?: boolean;
  inputMode?: 'email' | 'text' | 'tel';
  dir?: 'ltr' | 'auto';
}) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="mt-4">
      <label htmlFor={id} className="block font-semibold">
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="mt-0.5 text-sm text-muted">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="mt-1 font-semibold text-danger">
          {error}
        </p>
      )}
      <input
        id={id}
        name={name}
        type={type}
        defaultValue={defaultValue}
        autoComplete={autoComplete}
        maxLength={maxLength}
        required={required}
        inputMode={inputMode}
        dir={dir}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={`mt-1 block w-full max-w-md rounded border px-3 py-2 ${error ? 'border-2 border-danger' : 'border-line'}`}
      />
    </div>
  );
}

export function SubmitButton({ children }: { children: ReactNode }) {
  return (
    <button type="submit" className="btn-primary mt-6 text-lg">
      {children}
    </button>
  );
}
