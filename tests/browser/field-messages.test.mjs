// Bad values get a message at the field, and never a potentially eligible verdict.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { describePanel, expectVerdict, fill, fillEligiblePatient, flow, select, startSuite, verdict } from './helpers.mjs';

/** The text of the elements the field's aria-describedby points at that are field errors. */
async function fieldMessage(page, path) {
  return page.evaluate((path) => {
    const input = document.querySelector(`input[data-path="${path}"], select[data-path="${path}"], textarea[data-path="${path}"]`);
    if (!input) return null;
    const ids = (input.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
    return ids
      .map((id) => document.getElementById(id))
      .filter((el) => el && el.classList.contains('field-error'))
      .map((el) => el.textContent.trim())
      .join(' ');
  }, path);
}

async function waitForFieldMessage(page, path, pattern) {
  try {
    await page.waitForFunction(
      ({ path, source }) => {
        const input = document.querySelector(`[data-path="${path}"]`);
        const ids = (input?.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
        return ids.some((id) => {
          const el = document.getElementById(id);
          return el && el.classList.contains('field-error') && new RegExp(source, 'i').test(el.textContent);
        });
      },
      { path, source: pattern.source },
      { timeout: 5000 },
    );
  } catch {
    const html = await page.locator(`[data-path="${path}"]`).first().evaluate((e) => e.outerHTML).catch(() => '(no field)');
    assert.fail(
      `no .field-error matching ${pattern} referenced by aria-describedby of ${path}\n` +
        `field: ${html}\nmessage found: ${await fieldMessage(page, path)}\n${await describePanel(page)}`,
    );
  }
}

describe('field messages', () => {
  let suite;
  before(async () => {
    suite = await startSuite();
  });
  after(async () => {
    await suite?.close();
  });

  test('hemoglobin 95 g/dL gets a message at the field and the patient is not potentially eligible', async () => {
    await flow(suite, async ({ page }) => {
      await fillEligiblePatient(page);
      await expectVerdict(page, 'potentially_eligible');
      await fill(page, 'labs.hemoglobin.value', '95');
      await select(page, 'labs.hemoglobin.unit', 'g/dL');
      await waitForFieldMessage(page, 'labs.hemoglobin.value', /hemoglobin/);
      await page.waitForSelector('[data-verdict]:not([data-verdict="potentially_eligible"])', { state: 'attached' });
      assert.notEqual(await verdict(page), 'potentially_eligible');

      // the same value in g/L is plausible (9.5 g/dL): message gone, eligible again
      await select(page, 'labs.hemoglobin.unit', 'g/L');
      await expectVerdict(page, 'potentially_eligible');
      assert.equal(await fieldMessage(page, 'labs.hemoglobin.value'), '', 'the hemoglobin message stayed after fixing the unit');
    });
  });

  test('letters typed into a number field get a message instead of vanishing', async () => {
    await flow(suite, async ({ page }) => {
      await fillEligiblePatient(page);
      await fill(page, 'patient.weight_kg', '70,5kg');
      assert.equal(await page.locator('input[data-path="patient.weight_kg"]').inputValue(), '70,5kg', 'the typed text vanished');
      await waitForFieldMessage(page, 'patient.weight_kg', /./);
      assert.notEqual(await verdict(page), 'potentially_eligible');
    });
  });
});
