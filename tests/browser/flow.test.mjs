// Fewer clicks, clearer questions, a better flow, nothing lost by accident
// (issue #14), as a clinician meets them.
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ARTIFACTS, event, expectVerdict, fill, fillEligiblePatient, flow, no, pick, select, startSuite, yes } from './helpers.mjs';
import { enterReferenceCase } from './reference.mjs';

/** The values of the radios of `path`, in page order. */
const radioOrder = (page, path) =>
  page.locator(`input[type=radio][data-path="${path}"]`).evaluateAll((els) => els.map((e) => e.value));

describe('the questionnaire’s flow', () => {
  let suite;
  before(async () => {
    suite = await startSuite();
  });
  after(async () => {
    await suite?.close();
  });

  test('the reference case takes at most 60 clicks and 60 keystrokes, and reaches its verdict', async () => {
    await flow(suite, async ({ page }) => {
      const n = await enterReferenceCase(page);
      await expectVerdict(page, 'not_yet_eligible');
      await mkdir(ARTIFACTS, { recursive: true });
      await writeFile(join(ARTIFACTS, 'reference-counts.json'), JSON.stringify(n));
      // Issue #14 measured 81 clicks and 57 keystrokes by hand on the page
      // before it; the same script on that page: see the closing note.
      assert.ok(n.clicks <= 60, `${n.clicks} clicks`);
      assert.ok(n.keys <= 60, `${n.keys} keystrokes`);
    });
  });

  test('every choice reads "No" or "None" first and "Not known" last; units are one-click choices with none chosen', async () => {
    await flow(suite, async ({ page }) => {
      assert.deepEqual(await radioOrder(page, 'conditions.hiv'), ['false', 'true', '']);
      assert.deepEqual(await radioOrder(page, 'conditions.herpes_zoster'), ['none', 'date', '']);
      assert.deepEqual(await radioOrder(page, 'conditions.malignancy'), ['none', 'list', '']);
      assert.deepEqual(await radioOrder(page, 'medications.corticosteroid'), ['none', 'taking', '']);
      assert.deepEqual(await radioOrder(page, 'patient.sex'), ['female', 'male', '']);
      for (const lab of ['creatinine', 'wbc', 'hemoglobin', 'platelets']) {
        const units = page.locator(`input[type=radio][data-path="labs.${lab}.unit"]`);
        assert.ok((await units.count()) >= 3, `${lab}: its units are radios`);
        assert.equal(
          await page.locator(`input[type=radio][data-path="labs.${lab}.unit"]:checked`).getAttribute('value'),
          '',
          `${lab}: no unit is chosen for the clinician ("Not known")`,
        );
      }
    });
  });

  test('one click answers the remaining BILAG domains E, and the remaining conditions No; each can be undone', async () => {
    await flow(suite, async ({ page }) => {
      await select(page, 'sle.bilag.musculoskeletal', 'B');
      await select(page, 'sle.bilag.renal', 'C');
      await page.locator('[data-action="answer-rest"]', { hasText: 'Remaining domains' }).click();
      const grades = () =>
        page.locator('select[data-path^="sle.bilag."]').evaluateAll((els) => Object.fromEntries(els.map((e) => [e.dataset.path.slice(10), e.value])));
      assert.deepEqual(await grades(), {
        constitutional: 'E', mucocutaneous: 'E', neuropsychiatric: 'E', musculoskeletal: 'B', cardiorespiratory: 'E',
        gastrointestinal: 'E', ophthalmic: 'E', renal: 'C', hematological: 'E',
      });
      await page.getByText('7 answers set to “E”.').waitFor();
      await page.locator('[data-section="activity"] [data-action="undo-rest"]').click();
      assert.equal(Object.values(await grades()).filter((g) => g === '').length, 7, 'undo takes the E grades back');

      await yes(page, 'conditions.hiv');
      await page.locator('[data-action="answer-rest"]', { hasText: 'No to every' }).click();
      const checked = (path) => page.locator(`input[type=radio][data-path="${path}"]:checked`).getAttribute('value');
      assert.equal(await checked('conditions.hiv'), 'true', 'an answer already given stays');
      assert.equal(await checked('conditions.hepatitis_b'), 'false');
      assert.equal(await checked('conditions.substance_abuse_current'), 'false');
      assert.equal(await checked('conditions.malignancy'), '', 'only yes/no questions are answered');
      await page.locator('[data-section="conditions"] [data-action="undo-rest"]').click();
      assert.equal(await checked('conditions.hepatitis_b'), '', 'undone: back to "Not known"');
      assert.equal(await checked('conditions.hiv'), 'true');
    });
  });

  test('pregnancy and contraception come right after Sex; each section heading counts its answers', async () => {
    await flow(suite, async ({ page }) => {
      await pick(page, 'patient.sex', 'female');
      const order = await page.locator('[data-section]').evaluateAll((els) => els.map((e) => e.dataset.section));
      assert.deepEqual(order.slice(0, 4), ['dates', 'patient', 'reproductive', 'history']);
      const count = (s) => page.locator(`[data-section="${s}"] h2 [data-answered]`).innerText();
      assert.match(await count('reproductive'), /\(0 of 3 answered\)/);
      await yes(page, 'patient.childbearing_potential');
      await no(page, 'patient.pregnant');
      // The contraception question appears behind its gate: one more to answer.
      assert.match(await count('reproductive'), /\(2 of 4 answered\)/);
      assert.match(await count('dates'), /\(1 of 2 answered\)/, 'the screening date is given');
    });
  });

  test('the hints say what counts, beside the registry’s words', async () => {
    await flow(suite, async ({ page }) => {
      await select(page, 'sle.bilag.renal', 'A');
      const text = await page.locator('#qform').innerText();
      for (const re of [
        /Registry \(E4\): Positive testing for HIV, hepatitis B or hepatitis C, tuberculosis \(TB\)/,
        /HBsAg positive, or anti-HBc positive/,
        /Anti-HCV positive with detectable HCV RNA/,
        /interferon-gamma release assay or tuberculin skin test/,
        /Registry \(E13\): Change or addition to immunosuppressant regimen/,
        /Belimumab and B-cell depleting biologics: enter them below only/,
        /dose reduction or a stop counts as a change/,
        /Registry \(E15\): Comorbidities requiring corticosteroid therapy/,
        /Inhaled or topical corticosteroids do not count/,
        /Registry \(I4\):/,
        /most recent visit/,
        /hydroxychloroquine, with or without prednisone alone/,
        /Euro-Lupus course/,
        /mycophenolate mofetil or mycophenolic acid/,
        /the day its hospitalization or its IV\/IM antibiotic course ended/,
      ]) {
        assert.match(text, re);
      }
      // Belimumab and rituximab are no longer counted under E13's question.
      const e13 = await page.locator('#h-medications-immunosuppressant_change').innerText();
      assert.doesNotMatch(e13, /Counts:[^.]*\b(belimumab|rituximab)\b/);
    });
  });

  test('"Skip to the verdict" moves focus to the verdict', async () => {
    await flow(suite, async ({ page }) => {
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Skip to the verdict');
      await page.keyboard.press('Enter');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'panel');
    });
  });

  test('a criterion link opens its details, moves focus there and closes the phone sheet; the details link to the answers it reads', async () => {
    await flow(
      suite,
      async ({ page }) => {
        await enterReferenceCase(page);
        await expectVerdict(page, 'not_yet_eligible');
        await page.locator('[data-action="toggle-panel"]').click();
        await page.locator('#panel.open').waitFor();
        await page.locator('a[data-criterion-link="E14"]').click();
        await page.locator('#panel:not(.open)').waitFor();
        assert.equal(await page.locator('#c-E14').evaluate((d) => d.open), true, 'the details are open');
        assert.equal(await page.evaluate(() => document.activeElement?.id), 'cs-E14', 'focus is on the criterion');
        assert.ok(await page.locator('#c-E14').isVisible());
        const change = page.locator('#c-E14 .change a[data-goto="medications.b_cell_depletion"]');
        assert.equal(await change.innerText(), 'B-cell depleting biologic');
        await change.click();
        assert.equal(await page.evaluate(() => document.activeElement?.dataset.path), 'medications.b_cell_depletion');
      },
      { viewport: { width: 375, height: 740 } },
    );
  });

  test('on a phone, the bar says how many answers are missing while incomplete', async () => {
    await flow(
      suite,
      async ({ page }) => {
        await fillEligiblePatient(page, { skip: ['labs.platelets', 'labs.alt'] });
        await expectVerdict(page, 'incomplete');
        const bar = page.locator('#verdict-box');
        assert.match(await bar.innerText(), /Incomplete: 2 answers missing/);
        assert.ok(await bar.locator('.verdict-line').isVisible());
      },
      { viewport: { width: 375, height: 740 } },
    );
  });

  test('on a phone, a field reached with Tab is never hidden behind the verdict bar', async () => {
    await flow(
      suite,
      async ({ page }) => {
        await fillEligiblePatient(page);
        // A bar with a date and what must happen first: its tallest kind.
        await event(page, 'medications.b_cell_depletion', '2026-08-15');
        await expectVerdict(page, 'not_yet_eligible');
        await page.evaluate(() => {
          window.scrollTo(0, 0);
          document.activeElement?.blur();
        });
        const hidden = [];
        let stops = 0;
        for (let i = 0; i < 260; i++) {
          await page.keyboard.press('Tab');
          const r = await page.evaluate(() => {
            const el = document.activeElement;
            if (!el || el === document.body || el.closest('.panel')) return null;
            const bar = document.querySelector('.panel').getBoundingClientRect();
            return { what: el.dataset.path ?? el.id ?? el.tagName, bottom: el.getBoundingClientRect().bottom, barTop: bar.top };
          });
          if (!r) continue;
          stops++;
          if (r.bottom > r.barTop) hidden.push(`${r.what} (${Math.round(r.bottom - r.barTop)} px under the bar)`);
        }
        assert.ok(stops > 150, `only ${stops} focus stops outside the bar`);
        assert.deepEqual(hidden, [], `${hidden.length} focused fields hidden by the bar`);
      },
      { viewport: { width: 390, height: 844 } },
    );
  });

  test('leaving with answers entered asks first; a fresh page leaves without asking', async () => {
    const { browser, server } = suite;
    for (const [answered, asks] of [
      [false, false],
      [true, true],
    ]) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(server.url);
      await page.waitForSelector('[data-verdict]', { state: 'attached' });
      if (answered) await fill(page, 'patient.weight_kg', '64');
      else await page.locator('header.top h1').click(); // a gesture, which browsers need before they ask
      const dialogs = [];
      page.on('dialog', (d) => {
        dialogs.push(d.type());
        d.accept();
      });
      await page.close({ runBeforeUnload: true });
      await new Promise((r) => setTimeout(r, 300));
      assert.deepEqual(dialogs, asks ? ['beforeunload'] : [], answered ? 'with an answer' : 'fresh');
      await context.close();
    }
  });

  test('a malignancy row added, then "None" chosen: the page keeps working and the verdict follows', async () => {
    // The rows' answers once lived in the list's view: closing its gate
    // disposed them while the form still read them, which stopped the page.
    await flow(suite, async ({ page }) => {
      await fillEligiblePatient(page);
      await expectVerdict(page, 'potentially_eligible');
      await pick(page, 'conditions.malignancy', 'list');
      await page.locator('[data-action="add-malignancy"]').click();
      await select(page, 'conditions.malignancy[0].type', 'other');
      await fill(page, 'conditions.malignancy[0].date', '2024-03-01');
      await no(page, 'conditions.malignancy[0].adequately_treated');
      await expectVerdict(page, 'not_yet_eligible');
      for (const value of ['none', '', 'list']) {
        await pick(page, 'conditions.malignancy', value);
      }
      // Back to the list: the row is still there, as typed.
      await expectVerdict(page, 'not_yet_eligible');
      await pick(page, 'conditions.malignancy', 'none');
      await expectVerdict(page, 'potentially_eligible');
      // And the page still answers: an age change reaches the verdict.
      await fill(page, 'patient.birth_date', '2010-01-01');
      await expectVerdict(page, 'not_yet_eligible');
    });
  });
});
