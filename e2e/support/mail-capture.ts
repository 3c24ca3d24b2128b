import { createServer, type Server } from 'node:http';
import { SMTPServer } from 'smtp-server';
import { parseMail } from './mime';

export type CapturedMail = { to: string[]; subject: string; text: string; receivedAt: number };

/**
 * A real SMTP server for the end-to-end tests: Signpost delivers to it as it
 * would to a relay, and the tests read what arrived over HTTP
 * (GET /messages, DELETE /messages).
 */
export async function startMailCapture(smtpPort: number, httpPort: number): Promise<() => Promise<void>> {
  const messages: CapturedMail[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', callback);
      stream.on('end', () => {
        messages.push({ ...parseMail(Buffer.concat(chunks).toString('utf8')), receivedAt: Date.now() });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(smtpPort, '127.0.0.1', resolve));

  const http: Server = createServer((request, response) => {
    if (request.method === 'DELETE') messages.length = 0;
    response.writeHead(200, { 'Content-Type': 'application/json' });
    response.end(JSON.stringify(messages));
  });
  await new Promise<void>((resolve) => http.listen(httpPort, '127.0.0.1', resolve));

  return async () => {
    await new Promise<void>((resolve) => http.close(() => resolve()));
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  };
}
