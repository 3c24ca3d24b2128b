/**
 * Structured log lines on stderr (one JSON object each). Callers pass event
 * names and small facts, never email addresses or other personal data. Error
 * messages are the exception callers cannot control (a driver's "Failed query …
 * params: dan@acme.example"), so they are scrubbed here: query parameters are cut
 * off and anything shaped like an email address is replaced.
 */
type Fields = Record<string, string | number | boolean | null | undefined>;

function write(level: 'info' | 'warn' | 'error', event: string, fields: Fields = {}): void {
  process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), level, event, ...fields })}\n`);
}

const emailShaped = /[^\s@"'<>(),;:]+@[^\s@"'<>(),;:]+\.[^\s@"'<>(),;:]+/gu;

/** An error's message without the personal data drivers put in it, with its cause's (a Drizzle error wraps the driver's). */
export function describeError(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 3 && current !== undefined && current !== null; depth++) {
    const text = current instanceof Error ? `${current.name}: ${current.message}` : String(current);
    // Drizzle appends the bound values after "params:"; they are what a query was about (addresses, tokens).
    parts.push(text.replace(/\n?\s*params:[\s\S]*$/u, '').replace(emailShaped, '[email]').slice(0, 1000));
    current = current instanceof Error ? current.cause : undefined;
  }
  return parts.join(' ← ');
}

export const log = {
  info: (event: string, fields?: Fields) => write('info', event, fields),
  warn: (event: string, fields?: Fields) => write('warn', event, fields),
  error: (event: string, error: unknown, fields?: Fields) => write('error', event, { ...fields, error: describeError(error) }),
};
