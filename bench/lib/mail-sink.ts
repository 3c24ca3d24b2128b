import { SMTPServer } from 'smtp-server';

/** A real SMTP server that accepts and drops every message: the portal's mailer does its whole job. */
export async function startMailSink(port: number): Promise<{ received: () => number; stop: () => Promise<void> }> {
  let received = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      stream.on('data', () => {});
      stream.on('end', () => {
        received += 1;
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { received: () => received, stop: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** The environment of a production-mode benchmark server: real secret, real mailer, one trusted proxy hop. */
export function productionEnv(port: number, smtpPort: number, dataDir: string): Record<string, string> {
  return {
    SIGNPOST_ENV: 'production',
    SIGNPOST_SECRET: 'benchmark-secret-not-for-production-use-0123456789',
    SITE_URL: `http://localhost:${port}`,
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    DATA_DIR: dataDir,
    TRUST_PROXY_HOPS: '1',
    PURGE_INTERVAL_MINUTES: '0',
  };
}
