// The four verdicts as a user reaches them by answering the questionnaire.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  BASELINE_DATE,
  assertNoAxeViolations,
  describePanel,
  downloadText,
  event,
  expectCriterion,
  expectVerdict,
  fill,
  fillEligiblePatient,
  flow,
  no,
  openPage,
  screenshot,
  select,
  startSuite,
  yes,
} from './helpers.mjs';

/** The panel's lists as the page shows them: per block, hidden or not and its items' markup. */
const panelLists = (page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('#panel-lists > div')].map((b) => ({
      id: b.id,
      hidden: b.hidden,
      items: [...b.querySelectorAll('li')].map((li) => li.outerHTML),
    })),
  );

describe('verdicts', () => {
  let suite;
  before(async () => {
    suite = await startSuite();
  });
  after(async () => {
    await suite?.close();
  });

  test('after many changes the panel lists exactly what a fresh page shows for the same answers (its lists are updated item by item)', async () => {
    await flow(suite, async ({ page, context, origin }) => {
      await fillEligiblePatient(page);
      await expectVerdict(page, 'potentially_eligible');
      const steps = [
        () => yes(page, 'conditions.hiv'), // a fail appears
        () => select(page, 'sle.bilag.renal', 'A'), // to-answer items appear in the middle
        () => yes(page, 'conditions.hepatitis_b'),
        () => fill(page, 'patient.weight_kg', 'heavy'), // an answer to check
        () => no(page, 'conditions.hiv'), // E4 stays, its reason changes
        () => fill(page, 'labs.hemoglobin.value', '7'), // a second fail, before E4
        () => select(page, 'sle.bilag.renal', 'C'), // the to-answer items go
        () => fill(page, 'patient.weight_kg', '70'),
        () => select(page, 'sle.bilag.renal', 'B'),
        () => fill(page, 'patient.weight_kg', '3000'), // implausible: an answer to check again
      ];
      for (const step of steps) {
        await step();
        await page.waitForTimeout(30);
      }
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.locator('[data-action="save-answers"]').click(),
      ]);
      await downloadText(download);
      const diffed = await panelLists(page);
      assert.ok(
        diffed.every((b) => !b.hidden) && diffed[0].items.length === 2,
        `the steps should leave items in every list, two fails: ${JSON.stringify(diffed)}`,
      );

      const fresh = await context.newPage();
      await openPage(fresh, `${origin}/`);
      await fresh.locator('input[type=file][data-action="load-answers"]').setInputFiles(await download.path());
      await expectVerdict(fresh, await page.locator('[data-verdict]').getAttribute('data-verdict'));
      await fresh.waitForTimeout(100);
      assert.deepEqual(diffed, await panelLists(fresh), await describePanel(page));
      await fresh.close();
    });
  });

  test('a patient who meets every criterion is shown as potentially eligible', async () => {
    await flow(suite, async ({ page }) => {
      await expectVerdict(page, 'incomplete'); // nothing answered yet
      assert.equal(
        await page.locator('[aria-live="polite"] [data-verdict]').count(),
        1,
        'the verdict is not inside an aria-live="polite" region',
      );
      await fillEligiblePatient(page);
      await expectVerdict(page, 'potentially_eligible');
      // E11 (investigator's opinion) is never decided by the questionnaire
      await expectCriterion(page, 'E11', 'site_review');
      await screenshot(page, 'eligible', 1280);
      await screenshot(page, 'eligible', 375);
      await assertNoAxeViolations(page); // the phone layout too
      await page.setViewportSize({ width: 1280, height: 900 });
    });
  });

  test('an HIV-positive patient is not eligible and the page says why (E4)', async () => {
    await flow(suite, async ({ page }) => {
      await fillEligiblePatient(page);
      await expectVerdict(page, 'potentially_eligible');
      await yes(page, 'conditions.hiv');
      await expectVerdict(page, 'not_eligible');
      await expectCriterion(page, 'E4', 'fail');
      // the engine's reason, not only the criterion's title, is on screen
      await page
        .getByText(/HIV positive/i)
        .first()
        .waitFor({ state: 'visible' })
        .catch(async () => assert.fail(`the reason "HIV positive" is not visible; the page shows\n${await describePanel(page)}`));
      await screenshot(page, 'not-eligible', 1280);
      await screenshot(page, 'not-eligible', 375);
      await assertNoAxeViolations(page); // the phone layout too
      await page.setViewportSize({ width: 1280, height: 900 });
    });
  });

  test('a recent B-cell depleting dose makes the patient not yet eligible, with the date it clears', async () => {
    await flow(suite, async ({ page }) => {
      await fillEligiblePatient(page);
      assert.equal(BASELINE_DATE, '2026-12-20');
      // 2026-07-01 is within 6 months before baseline 2026-12-20 (window from
      // 2026-06-20, that day included); a baseline D clears once D - 6 months
      // is after 2026-07-01, i.e. from 2027-01-02 (2027-01-01 - 6 months is
      // 2026-07-01 itself, still within).
      await event(page, 'medications.b_cell_depletion', '2026-07-01');
      await expectVerdict(page, 'not_yet_eligible');
      await expectCriterion(page, 'E14', 'fail');
      const from = page.locator('[data-eligible-from]');
      await from.waitFor({ state: 'visible' });
      const shown = [(await from.getAttribute('data-eligible-from')) ?? '', await from.innerText()];
      assert.ok(
        shown.some((s) => s.trim() === '2027-01-02' || s.includes('2027-01-02')),
        `[data-eligible-from] should hold 2027-01-02, has attribute "${shown[0]}" and text "${shown[1]}"`,
      );

      // The boundary, through the page: a baseline on 2027-01-01 is still too
      // early, on 2027-01-02 the patient is potentially eligible.
      await fill(page, 'baseline_date', '2027-01-01');
      await expectVerdict(page, 'not_yet_eligible');
      await fill(page, 'baseline_date', '2027-01-02');
      await expectVerdict(page, 'potentially_eligible');
    });
  });

  test('an unanswered lab makes the result incomplete, and its jump link moves focus to the question', async () => {
    await flow(suite, async ({ page }) => {
      await fillEligiblePatient(page, { skip: ['labs.platelets'] });
      await expectVerdict(page, 'incomplete');
      await expectCriterion(page, 'E3', 'unknown');
      const link = page.locator('a[data-jump="labs.platelets"]').first();
      await link.waitFor({ state: 'visible' });
      await link.click();
      await page.waitForFunction(
        () => (document.activeElement?.getAttribute('data-path') ?? '').startsWith('labs.platelets'),
        null,
        { timeout: 5000 },
      ).catch(async () => {
        const active = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 200));
        assert.fail(`after following a[data-jump="labs.platelets"] focus is on ${active}`);
      });

      // Answering the focused question completes the questionnaire.
      await fill(page, 'labs.platelets.value', '210');
      await page.locator('input[type=radio][data-path="labs.platelets.unit"][value="10^9/L"]').click();
      await expectVerdict(page, 'potentially_eligible');
    });
  });

  test('an unanswered yes/no question has a jump link that focuses its radio button', async () => {
    await flow(suite, async ({ page }) => {
      await fillEligiblePatient(page, { skip: ['conditions.hepatitis_c'] });
      await expectVerdict(page, 'incomplete');
      await expectCriterion(page, 'E4', 'unknown');
      const link = page.locator('a[data-jump="conditions.hepatitis_c"]').first();
      await link.click();
      await page.waitForFunction(
        () => document.activeElement?.getAttribute('data-path') === 'conditions.hepatitis_c',
        null,
        { timeout: 5000 },
      ).catch(async () => {
        const active = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 200));
        assert.fail(`after following a[data-jump="conditions.hepatitis_c"] focus is on ${active}`);
      });
    });
  });

  test(
    'on a phone-sized screen, a followed jump link leaves its question visible, not under the verdict panel',
    async () => {
      await flow(
        suite,
        async ({ page }) => {
          await fillEligiblePatient(page, { skip: ['labs.platelets'] });
          await expectVerdict(page, 'incomplete');
          const link = page.locator('a[data-jump="labs.platelets"]').first();
          if (!(await link.isVisible())) {
            // the panel is folded on small screens: open it as a user would
            await page.getByRole('button', { name: /details/i }).first().click();
          }
          await link.click();
          await page.waitForFunction(
            () => (document.activeElement?.getAttribute('data-path') ?? '').startsWith('labs.platelets'),
          );
          await page.waitForFunction(() => {
            const a = document.activeElement;
            const r = a.getBoundingClientRect();
            const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
            return hit && (hit === a || a.contains(hit) || hit.control === a);
          }, null, { timeout: 2000 }).catch(async () => {
            const hit = await page.evaluate(() => {
              const r = document.activeElement.getBoundingClientRect();
              return document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2)?.outerHTML.slice(0, 120);
            });
            assert.fail(`the focused platelets field is covered by ${hit}`);
          });
        },
        { viewport: { width: 375, height: 812 } },
      );
    },
  );
});

describe('the recruitment caveat', () => {
  let suite;
  before(async () => {
    suite = await startSuite();
  });
  after(async () => {
    await suite?.close();
  });

  // Issue #13: the record was last verified in February 2024 and 2025
  // listings show the trial as not recruiting; a referrer must see that
  // before anything else, not only in About.
  for (const [name, query, within, viewport] of [
    ['at the top of the page, on a desktop', '', 'header', { width: 1280, height: 900 }],
    ['at the top of the page, on a phone', '', 'header', { width: 375, height: 700 }],
    ['in the verdict card, embedded', '?embed=1', '#verdict-box', { width: 600, height: 700 }],
  ]) {
    test(`is shown ${name}, on the first screen, saying to confirm with the study team`, async () => {
      await flow(
        suite,
        async ({ page }) => {
          if (query) await openPage(page, `${suite.server.url}${query}`);
          const caveat = page.locator(`${within} .recruitment`);
          await caveat.waitFor({ state: 'visible' });
          assert.match(await caveat.innerText(), /confirm with the study team/i);
          assert.match(await caveat.innerText(), /2024/);
          const box = await caveat.boundingBox();
          assert.ok(box && box.y + box.height <= viewport.height, `the caveat is below the first screen (${JSON.stringify(box)})`);
        },
        { viewport },
      );
    });
  }
});
