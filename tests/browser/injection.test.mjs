// Whatever a user types or a file carries must show as text, never run or
// become markup (the page renders with Leptos; this holds it to that).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { fill, flow, startSuite } from './helpers.mjs';

const PAYLOAD = '<img src=x onerror="window.__injected=1"><b id="injected">x</b>';

async function assertInert(page) {
  const state = await page.evaluate(() => ({
    ran: window.__injected === 1,
    img: document.querySelectorAll('img[src="x"]').length,
    bold: document.getElementById('injected') !== null,
  }));
  assert.deepEqual(state, { ran: false, img: 0, bold: false }, 'text became markup');
}

describe('text is never markup', () => {
  let suite;
  before(async () => {
    suite = await startSuite();
  });
  after(async () => {
    await suite?.close();
  });

  test('markup typed into a number field shows as text in its message', async () => {
    await flow(suite, async ({ page }) => {
      await fill(page, 'patient.weight_kg', PAYLOAD);
      await page.waitForFunction(() => /not a number/i.test(document.body.innerText));
      assert.match(await page.evaluate(() => document.body.innerText), /<img src=x/, 'the typed text is shown as typed');
      await assertInert(page);
    });
  });

  test('markup inside a loaded file shows as text in the load message', async () => {
    await flow(suite, async ({ page }) => {
      const input = page.locator('input[type=file][data-action="load-answers"]');
      await input.setInputFiles({
        name: 'evil.json',
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify({ patient: { sex: PAYLOAD }, [PAYLOAD]: 1 })),
      });
      await page.locator('[data-load-message]').waitFor({ state: 'visible' });
      await assertInert(page);
    });
  });
});
