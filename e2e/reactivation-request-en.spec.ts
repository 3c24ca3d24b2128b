import { ownServerTest as test } from './support/fixtures';
import { reactivationLoop } from './support/reactivation-loop';

// On a server of its own: the loop reactivates a demo account (the Czech run has its own file and server).
test('a deactivated host asks, confirms by email, and the site administrator reactivates, in English', async ({ page, browser, server, mailbox, signInAsAdmin }) => {
  await reactivationLoop('en', { page, browser, server, mailbox, signInAsAdmin });
});
