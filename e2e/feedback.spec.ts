import { e2eBaseURL } from './support/env';
import { expect, test } from './support/fixtures';
import { translator } from './support/messages';

/** "Was this article helpful?" on an article page, with and without JavaScript. */

const article = '/sv/article/WBX75907';

test('with JavaScript, the answer and the comment are sent in place', async ({ page }) => {
  const t = translator('sv');
  await page.goto(article);
  const feedback = page.getByRole('region', { name: t('Feedback.question') });
  await feedback.getByRole('button', { name: t('Feedback.yes') }).click();
  await expect(feedback.getByRole('status')).toHaveText(t('Feedback.thanks'));
  await expect(page).toHaveURL(/\/sv\/article\/WBX75907\//);
  await feedback.getByLabel(t('Feedback.commentLabel')).fill('Hittade adressen direkt.');
  await feedback.getByRole('button', { name: t('Feedback.send') }).click();
  await expect(feedback.getByRole('status')).toHaveText(t('Feedback.commentThanks'));
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the plain forms lead to a thank-you page, the comment, and back to the article', async ({ page }) => {
    const t = translator('cs');
    await page.goto('/cs/article/ktod8p');
    await page.getByRole('button', { name: t('Feedback.no') }).click();
    await expect(page).toHaveURL(/\/cs\/feedback\/ktod8p$/);
    await expect(page.getByRole('main').getByRole('status')).toHaveText(t('Feedback.thanks'));

    await page.getByLabel(t('Feedback.commentLabel')).fill('x'.repeat(1001));
    await page.getByRole('button', { name: t('Feedback.send') }).click();
    await expect(page.getByRole('alert')).toHaveText(t('Feedback.commentTooLong', { max: 1000 }));
    await expect(page.getByLabel(t('Feedback.commentLabel'))).toHaveValue('x'.repeat(1001));

    await page.getByLabel(t('Feedback.commentLabel')).fill('Chyběl mi příklad <b>zprávy</b>.');
    await page.getByRole('button', { name: t('Feedback.send') }).click();
    await expect(page.getByRole('main').getByRole('status')).toHaveText(t('Feedback.commentThanks'));
    await page.getByRole('link', { name: t('Feedback.backToArticle') }).click();
    await expect(page).toHaveURL(/\/cs\/article\/ktod8p\//);
  });
});

test('feedback for an unknown article or a bad answer is refused without a 500', async ({ request }) => {
  const origin = { Origin: e2eBaseURL };
  const unknown = await request.post('/en/feedback/NOPE123/vote', { form: { helpful: 'yes' }, headers: origin, maxRedirects: 0 });
  expect(unknown.status()).toBe(404);
  const bad = await request.post('/en/feedback/WBX15/vote', {
    form: { helpful: 'maybe' },
    headers: { ...origin, Accept: 'application/json' },
    maxRedirects: 0,
  });
  expect(bad.status()).toBe(400);
  expect(await bad.json()).toEqual({ error: { code: 'invalid_request' } });
});
