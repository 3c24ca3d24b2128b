import { mailHttpPort, smtpPort } from './env';
import { startMailCapture } from './mail-capture';

/** Before the tests: the SMTP server the production-mode test servers deliver to. */
export default async function globalSetup() {
  return startMailCapture(smtpPort, mailHttpPort);
}
