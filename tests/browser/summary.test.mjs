// The referral a clinician sends (issue #14): the printed letter, verdict
// first, on one or two pages at Letter and A4; "Copy summary" as short
// prose for an EHR note; "Copy full list"; dates one way. Checked on the
// reference case (reference.mjs).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { ARTIFACTS, expectVerdict, flow, startSuite } from './helpers.mjs';
import { enterReferenceCase } from './reference.mjs';

const IDS = [
  ...Array.from({ length: 6 }, (_, i) => `I${i + 1}`),
  ...Array.from({ length: 16 }, (_, i) => `E${i + 1}`),
];

/** Pages in a PDF: the page objects, not the page tree. */
function pageCount(pdf) {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}

/** The clipboard's text after clicking `action`. */
async function copied(page, action) {
  await page.evaluate(() => navigator.clipboard.writeText(''));
  await page.locator(`[data-action="${action}"]`).click();
  const text = await page.waitForFunction(async () => {
    const t = await navigator.clipboard.readText();
    return t.length > 0 ? t : null;
  });
  return text.jsonValue();
}

describe('the referral summary', () => {
  let suite;
  before(async () => {
    suite = await startSuite();
  });
  after(async () => {
    await suite?.close();
  });

  test('the printed letter: verdict first, criteria table, answers in clinical words, on one or two pages at Letter and A4', async () => {
    await flow(suite, async ({ page }) => {
      await enterReferenceCase(page);
      await expectVerdict(page, 'not_yet_eligible');
      // A toolbar message, which must not be printed.
      await page.locator('[data-action="save-answers"]').click();
      await page.emulateMedia({ media: 'print' });
      const printed = await page.evaluate(() => document.body.innerText);
      // Verdict first: the headline comes before the criteria and the answers.
      const at = (re) => printed.search(re);
      assert.ok(at(/Not yet eligible: earliest infusion 16 Feb 2027 \(E14/) >= 0, printed.slice(0, 600));
      assert.ok(at(/Not yet eligible/) < at(/The 22 criteria/) && at(/The 22 criteria/) < at(/\nAnswers\n/), 'verdict, criteria, answers in that order');
      assert.match(printed, /B-cell depleting biologic 15 Aug 2026 is within 6 months before baseline 2 Dec 2026/);
      assert.match(printed, /no infusion date planned/i);
      for (const id of IDS) assert.match(printed, new RegExp(`\\b${id}\\b`), `criterion ${id} is printed`);
      // Answers in clinical words, units as clinicians write them, no paths or raw words.
      assert.match(printed, /Hemoglobin\s+12\.1 g\/dL/);
      assert.match(printed, /White blood cells\s+5\.1 ×10⁹\/L/);
      assert.match(printed, /Musculoskeletal BILAG grade\s+B – moderate activity/);
      assert.match(printed, /SLEDAI-2K descriptors\s+Arthritis \(4\), Low complement \(2\), Increased DNA binding \(2\)/);
      assert.match(printed, /B-cell depleting biologic\s+on 15 Aug 2026/);
      assert.doesNotMatch(printed, /labs\.|sle\.|medications\.|10\^9|\btrue\b|\bfalse\b|\d{4}-\d\d-\d\d/, 'no paths, contract words or ISO dates');
      // The trial, the record dates and caveat, and lines for the referrer; no page chrome.
      assert.match(printed, /last verified February 2024/);
      assert.match(printed, /confirmed with the study team/);
      assert.match(printed, /Referred by:/);
      assert.doesNotMatch(printed, /Saved answers|Copy summary|Load answers|Still to answer\s*\n.*\(I/);

      await mkdir(ARTIFACTS, { recursive: true });
      for (const format of ['Letter', 'A4']) {
        const pdf = await page.pdf({ format, printBackground: true });
        const file = join(ARTIFACTS, `letter-${format}.pdf`);
        await writeFile(file, pdf);
        const pages = pageCount(pdf);
        assert.ok(pages >= 1 && pages <= 2, `${format}: the letter prints on ${pages} pages`);
        // PNGs of the pages, to look at (pdftoppm, from Debian's poppler-utils, when installed).
        await promisify(execFile)('pdftoppm', ['-png', '-r', '60', file, join(ARTIFACTS, `letter-${format}`)]).catch(() => {});
      }
      await page.emulateMedia({ media: 'screen' });
    });
  });

  test('"Copy summary" gives about ten lines of prose for a note; "Copy full list" gives every criterion and answer', async () => {
    await flow(suite, async ({ page, context, origin }) => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
      await enterReferenceCase(page);
      await expectVerdict(page, 'not_yet_eligible');
      const prose = await copied(page, 'copy-summary');
      await mkdir(ARTIFACTS, { recursive: true });
      await writeFile(join(ARTIFACTS, 'reference-summary.txt'), prose);
      const lines = prose.trim().split('\n');
      assert.ok(lines.length >= 6 && lines.length <= 12, `${lines.length} lines:\n${prose}`);
      assert.match(lines[0], /^MiSLE trial \(NCT02633163\) pre-screening: Not yet eligible: earliest infusion 16 Feb 2027 \(E14 Belimumab or B-cell depletion\)\.$/);
      assert.match(prose, /^Why: E14 .*15 Aug 2026.*Clears on 16 Feb 2027\./m);
      assert.match(prose, /no infusion date planned, so every window is counted from the screening date/);
      assert.match(prose, /^Patient: woman; 34 years; 64 kg\.$/m);
      assert.match(prose, /SLEDAI-2K 8/);
      assert.match(prose, /ANA 1:160 \(20 Oct 2026\)/);
      assert.match(prose, /hemoglobin 12\.1 g\/dL/);
      assert.match(prose, /prednisone-equivalent 10 mg\/day/);
      assert.match(prose, /confirmed with the study team/);
      assert.doesNotMatch(prose, /\d{4}-\d\d-\d\d|<[a-z]+[ >]/i, 'dates in words, plain text');

      const full = await copied(page, 'copy-full');
      await writeFile(join(ARTIFACTS, 'reference-full-list.txt'), full);
      for (const id of IDS) assert.match(full, new RegExp(`\\b${id}\\b`), `criterion ${id} is in the full list`);
      assert.match(full, /Platelets: 230 ×10⁹\/L/);
      assert.doesNotMatch(full, /labs\.|\d{4}-\d\d-\d\d/);
    });
  });

  test('dates are written one way in the panel, the details and the messages; machines keep ISO', async () => {
    await flow(suite, async ({ page }) => {
      await enterReferenceCase(page);
      await expectVerdict(page, 'not_yet_eligible');
      const panel = await page.locator('#panel').innerText();
      assert.match(panel, /16 Feb 2027/);
      assert.doesNotMatch(panel, /\d{4}-\d\d-\d\d/, panel);
      assert.equal(await page.locator('[data-eligible-from]').getAttribute('data-eligible-from'), '2027-02-16');
      const details = await page.locator('#criteria').evaluate((e) => e.textContent); // closed details too
      assert.doesNotMatch(details, /\d{4}-\d\d-\d\d/);
      assert.match(details, /15 Aug 2026/);
    });
  });
});
