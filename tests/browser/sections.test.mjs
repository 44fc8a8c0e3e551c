// Conditional sections: present in the DOM only when they apply.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { expectVerdict, fill, fillEligiblePatient, flow, pick, select, startSuite } from './helpers.mjs';

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

  test('a rewritten section shows its SLEDAI-2K total and computed lines again (the page caches what it wrote)', async () => {
    await flow(suite, async ({ page }) => {
      const text = (sel) => page.evaluate((s) => document.querySelector(s)?.textContent.trim() ?? null, sel);
      const mode = (m) => page.locator(`input[type=radio][data-control="sledai-mode"][value="${m}"]`).click();
      // Each rewrite below leaves the value shown unchanged, so only a
      // correctly emptied cache gets it written into the new markup.
      // SLEDAI-2K: the total is inside the items block, rewritten with its
      // section when the input mode changes; a score of 8 keeps it at 8.
      await page.locator('input[type=checkbox][data-path="sle.sledai.items"][value="seizure"]').click();
      await page.waitForFunction(() => document.querySelector('[data-sledai-total]')?.textContent.trim() === '8');
      await mode('score');
      await fill(page, 'sle.sledai.score', '8');
      await mode('items');
      await page.waitForSelector('[data-sledai-total]', { state: 'attached' });
      await page.waitForTimeout(50);
      assert.equal(await text('[data-sledai-total]'), '8', 'the total after its section was rewritten');

      // the dose line of the medications section, rewritten when "taking"
      // opens the drug and dose: no dose yet, so the line says the same
      await fill(page, 'patient.weight_kg', '70');
      await page.waitForFunction(() => /70 kg/.test(document.getElementById('live-dose')?.textContent ?? ''));
      const before = await text('#live-dose');
      await pick(page, 'medications.corticosteroid', 'taking');
      await page.waitForSelector('[data-path="medications.corticosteroid.drug"]', { state: 'attached' });
      await page.waitForTimeout(50);
      assert.equal(await text('#live-dose'), before, 'the dose line after its section was rewritten');
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
