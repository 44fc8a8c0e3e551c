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

  test('focus stays on the answer that opened a block, also when its section is rewritten, and the new block is in the tab order', async () => {
    await flow(suite, async ({ page }) => {
      // The corticosteroid dose block is inside the medications section,
      // which is rewritten when it opens: focus must come back to the radio.
      const taking = page.locator('input[type=radio][data-path="medications.corticosteroid"][value="taking"]');
      await taking.focus();
      await page.keyboard.press('Space');
      await page.locator('select[data-path="medications.corticosteroid.drug"]').waitFor({ state: 'visible' });
      const id = await taking.getAttribute('id');
      assert.equal(await page.evaluate(() => document.activeElement?.id), id, 'focus left the radio that opened the block');
      // A gate in another section (renal BILAG) adds a section and keeps focus where it is.
      const renal = page.locator('select[data-path="sle.bilag.renal"]');
      await renal.focus();
      await renal.selectOption('A');
      await page.locator(nephritis).waitFor({ state: 'attached' });
      assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-path')), 'sle.bilag.renal');
    });
  });
});
