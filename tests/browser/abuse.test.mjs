// The page under abuse: huge pastes, letters in numbers, dates in 1800 or
// 3000, a 10 MB or non-JSON file, rapid changes. Each gets a clear message
// (or simply the right result), the page stays alive (flow() fails on any
// uncaught error) and the other answers are kept.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  expectFieldMessage as expectFieldError,
  expectVerdict,
  fieldMessage as fieldError,
  fill,
  fillEligiblePatient,
  flow,
  startSuite,
  verdict,
} from './helpers.mjs';

/** The value of the text or date input of `path`. */
function valueOf(page, path) {
  return page.locator(`input[data-path="${path}"]:not([type=radio]):not([type=checkbox])`).inputValue();
}

/** Checks that the eligible patient's answers are all still there. */
async function assertEligibleAnswersKept(page) {
  assert.equal(await valueOf(page, 'patient.birth_date'), '1980-05-01');
  assert.equal(await valueOf(page, 'labs.egfr.value'), '85');
  assert.equal(await page.locator('input[type=radio][data-path="patient.sex"][value="female"]').isChecked(), true);
  assert.equal(await page.locator('input[type=checkbox][data-path="sle.acr_criteria"][value="malar_rash"]').isChecked(), true);
}

describe('the page under abuse', () => {
  let suite;
  before(async () => {
    suite = await startSuite();
  });
  after(async () => {
    await suite?.close();
  });

  test('100 KB pasted into number fields: a short message at each, the other answers kept', async () => {
    await flow(suite, async ({ page }) => {
      await fillEligiblePatient(page);
      await expectVerdict(page, 'potentially_eligible');
      const digits = '7'.repeat(100_000);
      // 100,000 characters; the trailing space is trimmed, as in any field.
      const prose = 'Lorem ipsum dolor sit amet, '.repeat(3600).slice(0, 100_000);
      await fill(page, 'patient.weight_kg', `${digits}x`);
      await fill(page, 'labs.hemoglobin.value', prose);
      const weight = await expectFieldError(page, 'patient.weight_kg', /\(100001 characters\) is not a number/);
      const hb = await expectFieldError(page, 'labs.hemoglobin.value', /\(99999 characters\) is not a number/);
      assert.ok(weight.length < 120 && hb.length < 120, `messages too long: ${weight.length}, ${hb.length}`);
      // An unreadable weight is not known: never potentially eligible.
      await page.waitForSelector('[data-verdict]:not([data-verdict="potentially_eligible"])', { state: 'attached' });
      await assertEligibleAnswersKept(page);
      // Fixing the fields brings the verdict back: nothing else was lost.
      await fill(page, 'patient.weight_kg', '70.5');
      await fill(page, 'labs.hemoglobin.value', '11.2');
      await expectVerdict(page, 'potentially_eligible');
      assert.equal(await fieldError(page, 'patient.weight_kg'), '');
    });
  });

  test('letters typed into a number field are named in its message', async () => {
    await flow(suite, async ({ page }) => {
      await fillEligiblePatient(page);
      await fill(page, 'labs.egfr.value', 'eighty');
      await expectFieldError(page, 'labs.egfr.value', /“eighty” is not a number/);
      assert.notEqual(await verdict(page), 'potentially_eligible');
      await fill(page, 'labs.egfr.value', '85');
      await expectVerdict(page, 'potentially_eligible');
    });
  });

  test('dates in the years 1800 and 3000 get a message; a birth date there is never potentially eligible', async () => {
    await flow(suite, async ({ page }) => {
      await fillEligiblePatient(page);
      await expectVerdict(page, 'potentially_eligible');
      // [path, date, whether the verdict must leave potentially eligible]:
      // a test date only matters when the other antibody does not qualify.
      for (const [path, date, decisive] of [
        ['patient.birth_date', '1800-01-01', true],
        ['patient.birth_date', '3000-01-01', true],
        ['sle.ana.date', '3000-06-01', false],
        ['sle.anti_dsdna.date', '1800-06-01', false],
      ]) {
        await fill(page, path, date);
        await expectFieldError(page, path, /the year (1800|3000) looks wrong/i);
        if (decisive) {
          await page.waitForSelector('[data-verdict]:not([data-verdict="potentially_eligible"])', { state: 'attached' });
        }
        await fill(page, path, path === 'patient.birth_date' ? '1980-05-01' : '2026-10-01');
        await expectVerdict(page, 'potentially_eligible');
        assert.equal(await fieldError(page, path), '');
      }
      // A screening date in 3000 is noted at the field too.
      await fill(page, 'screening_date', '3000-01-01');
      await expectFieldError(page, 'screening_date', /the year 3000 looks wrong/i);
      await assertEligibleAnswersKept(page);
    });
  });

  test('a 10 MB file is refused unread, with its size; the answers are kept', async () => {
    await flow(suite, async ({ page }) => {
      await fillEligiblePatient(page);
      await expectVerdict(page, 'potentially_eligible');
      const input = page.locator('input[type=file][data-action="load-answers"]');
      // Handing 10 MB to the browser takes a while on a busy machine.
      await input.setInputFiles(
        { name: 'huge.json', mimeType: 'application/json', buffer: Buffer.alloc(10_000_000, 0x20) },
        { timeout: 60_000 },
      );
      const message = page.locator('[data-load-message]');
      await message.waitFor({ state: 'visible' });
      assert.match(await message.innerText(), /huge\.json.*10000 KB.*at most 1 MB/);
      assert.equal(await message.getAttribute('role'), 'alert');
      await expectVerdict(page, 'potentially_eligible');
      await assertEligibleAnswersKept(page);
    });
  });

  test('non-JSON files (binary, text, a 100 KB string value) are refused with a short message; the answers are kept', async () => {
    await flow(suite, async ({ page }) => {
      await fillEligiblePatient(page);
      await expectVerdict(page, 'potentially_eligible');
      const input = page.locator('input[type=file][data-action="load-answers"]');
      const message = page.locator('[data-load-message]');
      const bytes = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
      const files = [
        { name: 'photo.png', mimeType: 'image/png', buffer: bytes, expect: /photo\.png.* not loaded/ },
        { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('Patient seen today, doing well.'), expect: /notes\.txt.*not valid JSON/ },
        {
          name: 'long.json',
          mimeType: 'application/json',
          buffer: Buffer.from(JSON.stringify({ schema: 'misle-answers/1', patient: { sex: 'x'.repeat(100_000) } })),
          expect: /long\.json.*patient\.sex/,
        },
      ];
      for (const f of files) {
        await input.setInputFiles({ name: f.name, mimeType: f.mimeType, buffer: f.buffer });
        await page
          .waitForFunction((source) => new RegExp(source).test(document.querySelector('[data-load-message]')?.textContent ?? ''), f.expect.source, {
            timeout: 5000,
          })
          .catch(async () => assert.fail(`no message matching ${f.expect} for ${f.name}: "${await message.innerText()}"`));
        const text = await message.innerText();
        assert.ok(text.length < 500, `message for ${f.name} is ${text.length} characters long`);
        assert.equal(await message.getAttribute('role'), 'alert');
        await expectVerdict(page, 'potentially_eligible');
        await assertEligibleAnswersKept(page);
      }
    });
  });

  test('rapid changes: hundreds of inputs in one go end in the state of the last one', async () => {
    await flow(suite, async ({ page }) => {
      await fillEligiblePatient(page);
      await expectVerdict(page, 'potentially_eligible');
      // 400 synchronous input events on one field, 200 clicks on a yes/no,
      // without yielding to the page in between.
      await page.evaluate(() => {
        const weight = document.querySelector('input[data-path="patient.weight_kg"]:not([type=radio])');
        for (let i = 0; i < 400; i++) {
          weight.value = i % 3 === 0 ? 'abc' : String(i);
          weight.dispatchEvent(new Event('input', { bubbles: true }));
        }
        weight.value = '70.5';
        weight.dispatchEvent(new Event('input', { bubbles: true }));
        for (let i = 0; i < 200; i++) {
          const v = i % 2 === 0 ? 'true' : 'false';
          document.querySelector(`input[type=radio][data-path="conditions.hiv"][value="${v}"]`).click();
        }
      });
      // The last HIV click was "no" and the weight is valid again.
      await expectVerdict(page, 'potentially_eligible');
      assert.equal(await valueOf(page, 'patient.weight_kg'), '70.5');
      assert.equal(await fieldError(page, 'patient.weight_kg'), '');
      assert.equal(await page.locator('input[type=radio][data-path="conditions.hiv"][value="false"]').isChecked(), true);
      await assertEligibleAnswersKept(page);
      // And the page still answers.
      await page.locator('input[type=radio][data-path="conditions.hiv"][value="true"]').click();
      await expectVerdict(page, 'not_eligible');
    });
  });
});
