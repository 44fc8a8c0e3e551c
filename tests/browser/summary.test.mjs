// The referral summary: printed on one or two pages with the verdict, the
// answers and every criterion's outcome; the same as plain text on the
// clipboard.
import assert from 'node:assert/strict';
import { writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ARTIFACTS, expectVerdict, fillEligiblePatient, flow, startSuite, yes } from './helpers.mjs';

const IDS = [
  ...Array.from({ length: 6 }, (_, i) => `I${i + 1}`),
  ...Array.from({ length: 16 }, (_, i) => `E${i + 1}`),
];

/** Pages in a PDF: the page objects, not the page tree. */
function pageCount(pdf) {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}

describe('referral summary', () => {
  let suite;
  before(async () => {
    suite = await startSuite();
  });
  after(async () => {
    await suite?.close();
  });

  test('prints the verdict, the answers and all 22 criteria on one or two pages', async () => {
    await flow(suite, async ({ page }) => {
      await fillEligiblePatient(page);
      await yes(page, 'conditions.hiv');
      await expectVerdict(page, 'not_eligible');
      await page.emulateMedia({ media: 'print' });
      const printed = await page.evaluate(() => document.body.innerText);
      assert.match(printed, /not eligible/i, 'the verdict is printed');
      assert.match(printed, /HIV/, 'the failing reason is printed');
      assert.match(printed, /2026-11-26/, 'the screening date is printed');
      assert.match(printed, /hemoglobin/i, 'the answers are printed');
      for (const id of IDS) {
        assert.match(printed, new RegExp(`\\b${id}\\b`), `criterion ${id} is printed`);
      }
      const clipped = await page.evaluate(() =>
        [...document.querySelectorAll('.print-only, pre')]
          .filter((el) => el.offsetParent !== null && el.scrollWidth > el.clientWidth + 1)
          .map((el) => `${el.tagName}.${el.className}: ${el.scrollWidth} > ${el.clientWidth}`),
      );
      assert.deepEqual(clipped, [], 'printed text is wrapped, not cut off at the page edge');
      const pdf = await page.pdf({ format: 'Letter', printBackground: true });
      await mkdir(ARTIFACTS, { recursive: true });
      await writeFile(join(ARTIFACTS, 'summary-print.pdf'), pdf);
      const pages = pageCount(pdf);
      assert.ok(pages >= 1 && pages <= 2, `the summary prints on ${pages} pages`);
      await page.emulateMedia({ media: 'screen' });
    });
  });

  test('"Copy summary" puts the same summary on the clipboard as plain text', async () => {
    await flow(suite, async ({ page, context, origin }) => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
      await fillEligiblePatient(page);
      await expectVerdict(page, 'potentially_eligible');
      await page.locator('[data-action="copy-summary"]').click();
      const text = await page.waitForFunction(async () => {
        const t = await navigator.clipboard.readText();
        return t.length > 0 ? t : null;
      });
      const copied = await text.jsonValue();
      assert.match(copied, /potentially eligible/i);
      assert.match(copied, /NCT02633163/);
      for (const id of IDS) {
        assert.match(copied, new RegExp(`\\b${id}\\b`), `criterion ${id} is in the copied summary`);
      }
      assert.doesNotMatch(copied, /<[a-z]+[ >]/i, 'plain text, no markup');
    });
  });
});
