import { ownServerTest as test } from './support/fixtures';
import { reactivationLoop } from './support/reactivation-loop';

// On a server of its own: the loop reactivates a demo account (the English run has its own file and server).
test('a deactivated host asks, confirms by email, and the site administrator reactivates, in Czech', async ({ page, browser, server, mailbox, signInAsAdmin }) => {
  await reactivationLoop('cs', { page, browser, server, mailbox, signInAsAdmin });
});
