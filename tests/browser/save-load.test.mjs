// Saving the answers to a file and loading them back.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import {
  BASELINE_DATE,
  SCREENING_DATE,
  downloadText,
  expectVerdict,
  fill,
  fillEligiblePatient,
  flow,
  startSuite,
} from './helpers.mjs';

async function save(page) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('[data-action="save-answers"]').click(),
  ]);
  return { download, text: await downloadText(download), path: await download.path() };
}

/** A few answers as the form shows them, to see them go and come back. */
async function formState(page) {
  return page.evaluate(() => {
    const value = (p) => document.querySelector(`input[data-path="${p}"]:not([type=radio]):not([type=checkbox]), select[data-path="${p}"]`)?.value ?? null;
    // '' is the "not known" radio: the same as none chosen
    const radio = (p) => document.querySelector(`input[type=radio][data-path="${p}"]:checked`)?.value || null;
    const boxes = (p) => [...document.querySelectorAll(`input[type=checkbox][data-path="${p}"]:checked`)].map((b) => b.value).sort();
    return {
      screening_date: value('screening_date'),
      baseline_date: value('baseline_date'),
      sex: radio('patient.sex'),
      hemoglobin: value('labs.hemoglobin.value'),
      hemoglobin_unit: radio('labs.hemoglobin.unit'),
      renal: value('sle.bilag.renal'),
      hiv: radio('conditions.hiv'),
      serious_infection: radio('conditions.serious_infection'),
      acr: boxes('sle.acr_criteria'),
      consent: radio('patient.consent'),
    };
  });
}

describe('save and load answers', () => {
  let suite;
  before(async () => {
    suite = await startSuite();
  });
  after(async () => {
    await suite?.close();
  });

  test('saved answers load back after clearing: same answers, same verdict', async () => {
    await flow(suite, async ({ page }) => {
      await fillEligiblePatient(page);
      await expectVerdict(page, 'potentially_eligible');
      const before = await formState(page);
      assert.deepEqual(before, {
        screening_date: SCREENING_DATE,
        baseline_date: BASELINE_DATE,
        sex: 'female',
        hemoglobin: '11.2',
        hemoglobin_unit: 'g/dL',
        renal: 'D',
        hiv: 'false',
        serious_infection: 'date',
        acr: ['antinuclear_antibody', 'arthritis', 'immunologic_disorder', 'malar_rash'],
        consent: 'true',
      });

      const first = await save(page);
      assert.match(first.download.suggestedFilename(), /\.json$/i, 'the saved file should be .json');
      const saved = JSON.parse(first.text);
      assert.equal(saved.schema, 'misle-answers/1');
      assert.equal(saved.screening_date, SCREENING_DATE);
      assert.equal(saved.baseline_date, BASELINE_DATE);
      assert.equal(saved.patient?.sex, 'female');
      assert.equal(saved.patient?.consent, true);
      assert.deepEqual(saved.labs?.hemoglobin, { value: 11.2, unit: 'g/dL' });
      assert.equal(saved.conditions?.hiv, false);
      assert.equal(saved.conditions?.serious_infection, '2026-08-01');
      assert.equal(saved.medications?.b_cell_depletion, 'none');
      assert.deepEqual(saved.medications?.corticosteroid, { drug: 'prednisone', daily_mg: 20 });

      await page.locator('[data-action="clear-all"]').click();
      await expectVerdict(page, 'incomplete');
      const cleared = await formState(page);
      assert.equal(cleared.hemoglobin, '', 'clear all left the hemoglobin value');
      assert.equal(cleared.hiv, null, 'clear all left the HIV answer');
      assert.deepEqual(cleared.acr, [], 'clear all left ACR boxes ticked');

      await page.locator('input[type=file][data-action="load-answers"]').setInputFiles(first.path);
      await expectVerdict(page, 'potentially_eligible');
      assert.deepEqual(await formState(page), before, 'the loaded answers differ from the saved ones');

      // saving again gives the same answers
      const second = await save(page);
      assert.deepEqual(JSON.parse(second.text), saved, 'saving after loading gives different answers');
    });
  });

  test('a loaded file replaces what was typed, and Undo brings it back', async () => {
    await flow(suite, async ({ page }) => {
      await fillEligiblePatient(page);
      await fill(page, 'patient.weight_kg', '64');
      const typed = await formState(page);
      const other = { schema: 'misle-answers/1', patient: { sex: 'male' } };
      await page.locator('input[type=file][data-action="load-answers"]').setInputFiles({
        name: 'other.json',
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify(other)),
      });
      const message = page.locator('[data-load-message]');
      await message.waitFor();
      assert.match(await message.innerText(), /Loaded the answers from “other\.json”\. “Undo” restores the answers as they were before\./);
      await expectVerdict(page, 'incomplete');
      assert.equal((await formState(page)).sex, 'male');
      await page.locator('[data-action="undo-clear"]').click();
      await expectVerdict(page, 'potentially_eligible');
      assert.deepEqual(await formState(page), typed);
      assert.equal(await page.locator('input[data-path="patient.weight_kg"]').inputValue(), '64');
      // Nothing typed before: nothing to undo.
      await page.locator('[data-action="clear-all"]').click();
      await page.locator('[data-action="undo-clear"]').click();
      await page.locator('[data-action="clear-all"]').click();
      assert.ok(await page.locator('[data-action="undo-clear"]').isVisible());
      await page.locator('input[type=file][data-action="load-answers"]').setInputFiles({
        name: 'again.json',
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify(other)),
      });
      await page.locator('[data-load-message]', { hasText: 'again.json' }).waitFor();
      assert.doesNotMatch(await message.innerText(), /Undo/);
      assert.ok(await page.locator('[data-action="undo-clear"]').isHidden());
    });
  });

  test('number fields read texts at the edges of the grammar exactly, as Rust reads them', async () => {
    // The same texts and values as src/ui/draft.rs
    // number_texts_at_the_edges_of_the_grammar, where Rust reads them.
    const cases = [
      ['1.', 1], ['.5', 0.5], ['1.e5', 1e5], ['+.5', 0.5], ['1e+5', 1e5], ['1E2', 100], ['00012', 12],
      ['2.5e-3', 0.0025], ['0.1', 0.1], ['70.49999999999999', 70.49999999999999], ['1,5', 1.5],
      ['1e', null], ['.', null], ['+-1', null], ['1.2.3', null], ['--1', null], ['1e5.5', null], ['1e309', null],
    ];
    // Each value as the printed summary lists it ("Weight" "70.5 kg", the
    // number as read: the shortest text that reads back exactly; a text
    // that is not a number is not listed), after a sentinel value so that
    // the wait knows the summary has caught up.
    const weightShown = () => {
      const dt = [...document.querySelectorAll('#summary dt')].find((d) => d.textContent === 'Weight');
      return dt ? dt.nextElementSibling.textContent : null;
    };
    await flow(suite, async ({ page }) => {
      const until = async (wanted, what) => {
        for (let i = 0; !wanted(await page.evaluate(weightShown)); i++) {
          assert.ok(i < 250, `the printed summary did not show ${what}`);
          await page.waitForTimeout(20);
        }
      };
      const got = [];
      for (const [text] of cases) {
        await fill(page, 'patient.weight_kg', '42');
        await until((w) => w === '42 kg', 'the sentinel weight');
        await fill(page, 'patient.weight_kg', text);
        await until((w) => w !== '42 kg', `the weight typed as ${text}`);
        const shown = await page.evaluate(weightShown);
        got.push([text, shown === null ? null : Number(shown.replace(/ kg$/, ''))]);
      }
      assert.deepEqual(got, cases);
    });
  });

  test('a file that is not a valid answers file is refused with a message', async () => {
    await flow(suite, async ({ page }) => {
      await fillEligiblePatient(page, { skip: ['labs'] });
      await expectVerdict(page, 'incomplete');
      const input = page.locator('input[type=file][data-action="load-answers"]');
      const message = page.locator('[data-load-message]');

      await input.setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"schema": "misle-answers/1", ') });
      await message.waitFor({ state: 'visible' });
      assert.notEqual((await message.innerText()).trim(), '', 'the load message is empty');
      assert.equal(await message.getAttribute('role'), 'alert');

      await input.setInputFiles({
        name: 'wrong.json',
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify({ schema: 'misle-answers/1', patient: { sex: 'robot' } })),
      });
      await page.waitForFunction(() => /patient\.sex/.test(document.querySelector('[data-load-message]')?.textContent ?? ''), null, { timeout: 5000 })
        .catch(async () => assert.fail(`the load message does not name patient.sex: "${await message.innerText()}"`));

      // the answers on the page are untouched by a refused file
      assert.equal(await page.locator('input[type=radio][data-path="patient.sex"][value="female"]').isChecked(), true);
      await expectVerdict(page, 'incomplete');
    });
  });
});

describe('a loaded file shows what it says', () => {
  let suite;
  before(async () => {
    suite = await startSuite();
  });
  after(async () => {
    await suite?.close();
  });

  // Documents the form cannot show one answer to one input for, or shows
  // only behind a gate. The page must give the engine's verdict for each
  // (issue #13: before, it dropped the score or the repeat and said
  // "potentially eligible" where the engine said "incomplete").
  const base = { schema: 'misle-answers/1', screening_date: SCREENING_DATE, baseline_date: BASELINE_DATE };
  const cases = [
    ['SLEDAI-2K given as a score and as items', { sle: { sledai: { score: 8, items: ['arthritis', 'low_complement'] } } }, /sle\.sledai|SLEDAI/],
    ['an ACR criterion named twice', { sle: { acr_criteria: ['malar_rash', 'arthritis', 'malar_rash', 'serositis', 'immunologic_disorder'] } }, /repeats an earlier entry/],
    ['two identical malignancy rows', { conditions: { malignancy: [{ type: 'other', date: '2015-01-01' }, { type: 'other', date: '2015-01-01' }] } }, /repeats an earlier entry/],
    ['renal grade unknown, nephritis therapy that qualifies', { sle: { bilag: { renal: null } }, nephritis_therapy: { start_date: '2026-01-10', mycophenolate_months: 7 } }, null],
    ['childbearing potential unknown, willing to use contraception', { patient: { childbearing_potential: null, contraception_willing: true } }, null],
    ['an ANA titer no option names', { sle: { ana: { titer: 100, date: '2026-10-01' } } }, null],
  ];

  test('each file gives the engine module’s verdict and criteria, and the load message names what to check', async () => {
    const eligible = JSON.parse(await readFile(new URL('../data/eligible.json', import.meta.url), 'utf8'));
    await flow(suite, async ({ page }) => {
      for (const [i, [name, change, message]] of cases.entries()) {
        const doc = merge(structuredClone({ ...eligible, ...base }), change);
        const file = `case-${i}.json`;
        await page.locator('input[type=file][data-action="load-answers"]').setInputFiles({
          name: file,
          mimeType: 'application/json',
          buffer: Buffer.from(JSON.stringify(doc)),
        });
        const want = await page.evaluate(async (answers) => {
          const engine = await import('./engine/misle_engine.js');
          await engine.default();
          const r = engine.evaluate(answers);
          return { verdict: r.verdict, outcomes: Object.fromEntries(r.criteria.map((c) => [c.id, c.outcome])) };
        }, doc);
        await page.locator('[data-load-message]', { hasText: file }).waitFor();
        await expectVerdict(page, want.verdict);
        const outcomes = await page.evaluate(() =>
          Object.fromEntries([...document.querySelectorAll('[data-criterion]')].map((c) => [c.dataset.criterion, c.dataset.outcome])),
        );
        assert.deepEqual(outcomes, want.outcomes, name);
        const said = await page.locator('[data-load-message]').innerText();
        if (message) assert.match(said, message, `${name}: the load message does not say what to check: ${said}`);
        // Each file replaces the one before, which "Undo" would bring back.
        else assert.equal(said.trim(), `Loaded the answers from “${file}”.${i > 0 ? ' “Undo” restores the answers as they were before.' : ''}`, name);
      }
    });
  });
});

/** `target` with `change` merged into it, object by object. */
function merge(target, change) {
  for (const [k, v] of Object.entries(change)) {
    target[k] = v && typeof v === 'object' && !Array.isArray(v) && target[k] && typeof target[k] === 'object' ? merge(target[k], v) : v;
  }
  return target;
}
