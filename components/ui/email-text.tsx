import { Fragment } from 'react';

/** An email address that wraps only after its @ and dots, never mid-word, and always reads left to right. */
export function EmailText({ email, className }: { email: string; className?: string }) {
  const parts = email.split(/(?<=[@.])/);
  return (
    <span dir="ltr" className={className}>
      {parts.map((part, index) => (
        <Fragment key={index}>
          {index > 0 && <wbr />}
          {part}
        </Fragment>
      ))}
    </span>
  );
}
