// Bad values get a message at the field, and never a potentially eligible verdict.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  expectFieldMessage,
  expectVerdict,
  fieldMessage,
  fill,
  fillEligiblePatient,
  flow,
  pick,
  select,
  startSuite,
  verdict,
} from './helpers.mjs';

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
      await pick(page, 'labs.hemoglobin.unit', 'g/dL');
      await expectFieldMessage(page, 'labs.hemoglobin.value', /hemoglobin/i);
      await page.waitForSelector('[data-verdict]:not([data-verdict="potentially_eligible"])', { state: 'attached' });
      assert.notEqual(await verdict(page), 'potentially_eligible');

      // the same value in g/L is plausible (9.5 g/dL): message gone, eligible again
      await pick(page, 'labs.hemoglobin.unit', 'g/L');
      await expectVerdict(page, 'potentially_eligible');
      assert.equal(await fieldMessage(page, 'labs.hemoglobin.value'), '', 'the hemoglobin message stayed after fixing the unit');
    });
  });

  test('letters typed into a number field get a message instead of vanishing', async () => {
    await flow(suite, async ({ page }) => {
      await fillEligiblePatient(page);
      await fill(page, 'patient.weight_kg', '70,5kg');
      assert.equal(await page.locator('input[data-path="patient.weight_kg"]').inputValue(), '70,5kg', 'the typed text vanished');
      await expectFieldMessage(page, 'patient.weight_kg', /./);
      assert.notEqual(await verdict(page), 'potentially_eligible');
    });
  });
});
