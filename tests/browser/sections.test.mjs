// Conditional sections: present in the DOM only when they apply.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { expectVerdict, fillEligiblePatient, flow, pick, select, startSuite } from './helpers.mjs';

const reproductive = '[data-section="reproductive"]';
const nephritis = '[data-section="nephritis"]';

describe('conditional sections', () => {
  let suite;
  before(async () => {
    suite = await startSuite();
  });
  after(async () => {
    await suite?.close();
  });

  test('pregnancy and contraception questions are absent for a man and shown for a woman', async () => {
    await flow(suite, async ({ page }) => {
      await pick(page, 'patient.sex', 'male');
      await page.waitForSelector(reproductive, { state: 'detached' });
      assert.equal(await page.locator(reproductive).count(), 0, 'reproductive section in the DOM for a male patient');
      assert.equal(await page.locator('[data-path="patient.pregnant"]').count(), 0);

      await pick(page, 'patient.sex', 'female');
      await page.waitForSelector(reproductive, { state: 'visible' });
      await page.locator(`${reproductive} [data-path="patient.pregnant"]`).first().waitFor({ state: 'visible' });

      // and back: switching to male removes it again
      await pick(page, 'patient.sex', 'male');
      await page.waitForSelector(reproductive, { state: 'detached' });
    });
  });

  test('a man with every other answer of the eligible patient is potentially eligible without reproductive answers', async () => {
    await flow(suite, async ({ page }) => {
      await fillEligiblePatient(page, {
        skip: ['patient.sex', 'patient.childbearing_potential', 'patient.pregnant', 'patient.breastfeeding', 'patient.contraception_willing'],
      });
      await pick(page, 'patient.sex', 'male');
      await expectVerdict(page, 'potentially_eligible');
      assert.equal(await page.locator(reproductive).count(), 0);
    });
  });

  test('nephritis therapy questions appear only when renal BILAG is A or B', async () => {
    await flow(suite, async ({ page }) => {
      assert.equal(await page.locator(nephritis).count(), 0, 'nephritis section shown before renal BILAG is graded');
      await select(page, 'sle.bilag.renal', 'D');
      await page.waitForSelector(nephritis, { state: 'detached' });
      assert.equal(await page.locator(nephritis).count(), 0, 'nephritis section shown for renal BILAG D');

      await select(page, 'sle.bilag.renal', 'A');
      await page.waitForSelector(nephritis, { state: 'visible' });
      await page.locator(`${nephritis} [data-path="nephritis_therapy.start_date"]`).waitFor({ state: 'visible' });

      await select(page, 'sle.bilag.renal', 'B');
      await page.waitForSelector(nephritis, { state: 'visible' });

      await select(page, 'sle.bilag.renal', 'C');
      await page.waitForSelector(nephritis, { state: 'detached' });
    });
  });
});
