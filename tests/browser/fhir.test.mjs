// FHIR R4 on the page and in the engine module (issue #15, docs/fhir.md):
// "Save as FHIR" and loading the response back; a Bundle of the patient's
// record prefilling fields that show their source; bad FHIR refused naming
// where, with nothing on the page lost; the engine module's conversions and
// the Questionnaire served beside the page. (LHC-Forms, a form filler no one
// here wrote, is lforms.test.mjs.)
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import {
  SCREENING_DATE,
  distDir,
  downloadText,
  expectVerdict,
  fill,
  fillEligiblePatient,
  flow,
  pick,
  startSuite,
} from './helpers.mjs';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const readJson = async (path) => JSON.parse(await readFile(join(repo, path), 'utf8'));

/** Loads `doc` (an object) into the page as the file `name`. */
async function load(page, name, doc) {
  await page.locator('input[type=file][data-action="load-answers"]').setInputFiles({
    name,
    mimeType: 'application/json',
    buffer: Buffer.from(typeof doc === 'string' ? doc : JSON.stringify(doc)),
  });
  await page.locator('[data-load-message]', { hasText: name }).waitFor();
  return (await page.locator('[data-load-message]').innerText()).trim();
}

/** The value of the text or date input, select or checked radio at `path`. */
async function valueAt(page, path) {
  return page.evaluate((p) => {
    const radio = document.querySelector(`input[type=radio][data-path="${p}"]:checked`);
    if (radio) return radio.value;
    return document.querySelector(`input[data-path="${p}"]:not([type=radio]):not([type=checkbox]), select[data-path="${p}"]`)?.value ?? null;
  }, path);
}

/** The "from the record" notes on the page, by answer path. */
async function sources(page) {
  return page.evaluate(() =>
    Object.fromEntries([...document.querySelectorAll('[data-source]')].map((n) => [n.dataset.source, n.textContent.trim()])),
  );
}

describe('FHIR on the page', () => {
  let suite;
  before(async () => {
    suite = await startSuite();
  });
  after(async () => {
    await suite?.close();
  });

  test('Save as FHIR writes a QuestionnaireResponse that loads back to the same answers and verdict', async () => {
    await flow(suite, async ({ page }) => {
      await fillEligiblePatient(page);
      await expectVerdict(page, 'potentially_eligible');
      const [answers] = await Promise.all([page.waitForEvent('download'), page.locator('[data-action="save-answers"]').click()]);
      const saved = JSON.parse(await downloadText(answers));
      const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-action="save-fhir"]').click()]);
      assert.match(download.suggestedFilename(), /^misle-response-2026-11-26\.json$/);
      const response = JSON.parse(await downloadText(download));
      assert.equal(response.resourceType, 'QuestionnaireResponse');
      assert.equal(response.questionnaire, 'urn:misle-check:questionnaire|misle-answers/1');
      assert.equal(response.status, 'completed');
      assert.equal(response.authored, SCREENING_DATE);
      const hb = response.item.find((g) => g.linkId === 'labs').item.find((i) => i.linkId === 'labs.hemoglobin.value');
      assert.deepEqual(hb.answer, [{ valueDecimal: 11.2 }]);

      await page.locator('[data-action="clear-all"]').click();
      await expectVerdict(page, 'incomplete');
      const said = await load(page, 'response.json', response);
      assert.equal(said, 'Loaded the answers from the FHIR QuestionnaireResponse “response.json”.');
      await expectVerdict(page, 'potentially_eligible');
      const [again] = await Promise.all([page.waitForEvent('download'), page.locator('[data-action="save-answers"]').click()]);
      assert.deepEqual(JSON.parse(await downloadText(again)), saved, 'the answers differ after the round trip through FHIR');
    });
  });

  test('an incomplete screening is saved in progress', async () => {
    await flow(suite, async ({ page }) => {
      await pick(page, 'patient.sex', 'female');
      const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-action="save-fhir"]').click()]);
      const response = JSON.parse(await downloadText(download));
      assert.equal(response.status, 'in-progress');
      assert.deepEqual(response.item.map((g) => g.linkId), ['dates', 'patient']);
    });
  });

  test('a Bundle fills in what the record says, each field with its source, and says what it did not use', async () => {
    const bundle = await readJson('examples/fhir/patient-record-bundle.json');
    await flow(suite, async ({ page }) => {
      // Typed before: kept unless the record answers the same question.
      await fill(page, 'screening_date', SCREENING_DATE);
      await fill(page, 'patient.weight_kg', '64');
      await fill(page, 'labs.hemoglobin.value', '10.1');
      await pick(page, 'labs.hemoglobin.unit', 'g/dL');
      const said = await load(page, 'record.json', bundle);
      assert.match(said, /^Filled 19 answers from the record in “record\.json”; each shows its source at its field\. 1 of them replaced an answer typed before\./);
      assert.match(said, /Not used: 3 Observations \(status preliminary; no LOINC code this page reads; an earlier result\), 2 Conditions \(no ICD-10-CM code this page reads; refuted or entered in error\), 1 MedicationStatement \(not read\)\./);
      assert.equal(await valueAt(page, 'patient.weight_kg'), '64', 'an answer the record does not give was lost');
      assert.equal(await valueAt(page, 'labs.hemoglobin.value'), '12.1');
      assert.equal(await valueAt(page, 'labs.creatinine.value'), '0.9');
      assert.equal(await valueAt(page, 'labs.creatinine.unit'), 'mg/dL');
      assert.equal(await valueAt(page, 'patient.birth_date'), '1985-04-12');
      assert.equal(await valueAt(page, 'sle.ana.titer'), '320');
      assert.equal(await valueAt(page, 'sle.anti_dsdna.positive'), 'true');
      // The record never says "no": the refuted tuberculosis stays unanswered.
      assert.equal(await valueAt(page, 'conditions.tuberculosis'), '');
      assert.equal(await valueAt(page, 'screening_date'), SCREENING_DATE);
      const notes = await sources(page);
      assert.equal(notes['labs.creatinine.value'], 'From the record: creatinine 0.9 mg/dL on 10 Nov 2026, LOINC 2160-0');
      assert.equal(notes['sle.ana.titer'], 'From the record: ANA 1:320 on 20 Oct 2026, LOINC 5048-4');
      assert.equal(notes['patient.sex'], 'From the record: sex female, Patient.gender');
      assert.equal(Object.keys(notes).length, 11, JSON.stringify(notes));
      // The note describes the field's inputs.
      const described = await page.locator('input[data-path="labs.creatinine.value"]').getAttribute('aria-describedby');
      const noteId = await page.locator('[data-source="labs.creatinine.value"]').getAttribute('id');
      assert.ok(described.split(' ').includes(noteId), `aria-describedby ${described} lacks ${noteId}`);
      // The printed letter says which values came from the record, of which date.
      const letterRecord = () => page.locator('#summary .p-record li').allTextContents();
      const printed = await letterRecord();
      assert.equal(printed.length, 11, JSON.stringify(printed));
      assert.ok(printed.includes('creatinine 0.9 mg/dL on 10 Nov 2026, LOINC 2160-0'), JSON.stringify(printed));
      // A prefilled answer changes like any other, and is then no longer the record's.
      await fill(page, 'labs.creatinine.value', '1.4');
      assert.equal(await valueAt(page, 'labs.creatinine.value'), '1.4');
      await page.locator('[data-source="labs.creatinine.value"]').waitFor({ state: 'detached' });
      assert.equal(Object.keys(await sources(page)).length, 10);
      assert.ok(!(await letterRecord()).some((l) => l.startsWith('creatinine')), 'the letter still gives the record as the source of an edited value');
      // A unit changed makes the value the clinician's too.
      await pick(page, 'labs.hemoglobin.unit', 'g/L');
      await page.locator('[data-source="labs.hemoglobin.value"]').waitFor({ state: 'detached' });
      assert.equal(Object.keys(await sources(page)).length, 9);
      assert.ok(!(await letterRecord()).some((l) => l.startsWith('hemoglobin')), 'the letter gives the record as the source of a value whose unit was changed');
      // Clear all drops the notes with the answers.
      await page.locator('[data-action="clear-all"]').click();
      assert.deepEqual(await sources(page), {});
    });
  });

  test('bad FHIR is refused naming where, and the answers on the page stay', async () => {
    const bundle = await readJson('examples/fhir/patient-record-bundle.json');
    const badValue = structuredClone(bundle);
    badValue.entry[4].resource.valueQuantity.value = '5.1';
    const cases = [
      ['bad-bundle.json', badValue, /entry\[4\]\.resource\.valueQuantity\.value: invalid type: string "5\.1", expected f64/],
      ['other-questionnaire.json', { resourceType: 'QuestionnaireResponse', questionnaire: 'http://example.org/q', status: 'completed' }, /questionnaire: this response answers another questionnaire/],
      ['unknown-link.json', { resourceType: 'QuestionnaireResponse', status: 'completed', item: [{ linkId: 'labs.c3', answer: [{ valueDecimal: 90 }] }] }, /labs\.c3: no item of this questionnaire has this linkId/],
      ['wrong-type.json', { resourceType: 'QuestionnaireResponse', status: 'completed', item: [{ linkId: 'patient.weight_kg', answer: [{ valueString: '64' }] }] }, /patient\.weight_kg: valueString is not an answer to a decimal item/],
      ['patient.json', { resourceType: 'Patient', gender: 'female' }, /a FHIR Patient is not read here/],
    ];
    await flow(suite, async ({ page }) => {
      await fillEligiblePatient(page);
      await expectVerdict(page, 'potentially_eligible');
      for (const [name, doc, words] of cases) {
        const said = await load(page, name, doc);
        assert.match(said, words, name);
        assert.match(said, new RegExp(`^“${name.replace('.', '\\.')}” was not loaded: `), name);
        assert.equal(await page.locator('[data-load-message]').getAttribute('role'), 'alert');
        assert.equal(await valueAt(page, 'labs.hemoglobin.value'), '11.2', `${name} changed the page`);
        await expectVerdict(page, 'potentially_eligible');
      }
      assert.deepEqual(await sources(page), {});
    });
  });
});

describe('FHIR in the engine module', () => {
  let suite;
  before(async () => {
    suite = await startSuite();
  });
  after(async () => {
    await suite?.close();
  });

  test('questionnaire() is fhir/questionnaire.json; responses round-trip; a Bundle prefills; bad input throws naming where', async () => {
    const served = JSON.parse(await readFile(join(distDir(), 'fhir', 'questionnaire.json'), 'utf8'));
    const beside = JSON.parse(await readFile(join(distDir(), 'engine', 'questionnaire.json'), 'utf8'));
    assert.deepEqual(beside, served);
    const eligible = await readJson('tests/data/eligible.json');
    const bundle = await readJson('examples/fhir/patient-record-bundle.json');
    await flow(suite, async ({ page }) => {
      const got = await page.evaluate(async ([answers, record]) => {
        const engine = await import('./engine/misle_engine.js');
        await engine.default();
        const thrown = (f) => {
          try {
            f();
            return null;
          } catch (e) {
            return e instanceof Error ? e.message : `not an Error: ${e}`;
          }
        };
        const response = engine.to_questionnaire_response(answers);
        const bad = structuredClone(record);
        bad.entry[0].resource.birthDate = 19850412;
        return {
          questionnaire: engine.questionnaire(),
          response,
          back: engine.answers_from_questionnaire_response(response),
          prefill: engine.answers_from_fhir(record, '2026-11-26'),
          early: engine.answers_from_fhir(record, '2026-10-01').answers,
          badBundle: thrown(() => engine.answers_from_fhir(bad, '2026-11-26')),
          badDate: thrown(() => engine.answers_from_fhir(record, '26/11/2026')),
          badResponse: thrown(() => engine.answers_from_questionnaire_response({ resourceType: 'QuestionnaireResponse', status: 'completed', item: [{ linkId: 'x' }] })),
          aMap: thrown(() => engine.answers_from_fhir(new Map(), '2026-11-26')),
        };
      }, [eligible, bundle]);
      assert.deepEqual(got.questionnaire, served);
      assert.equal(got.response.status, 'completed');
      assert.deepEqual(got.back, { schema: 'misle-answers/1', ...eligible });
      assert.deepEqual(got.prefill.answers.labs.creatinine, { value: 0.9, unit: 'mg/dL' });
      assert.deepEqual(got.prefill.sources[0], { path: 'patient.birth_date', resource_type: 'Patient', id: 'pat-1', date: null, code: 'Patient.birthDate' });
      assert.equal(got.prefill.unused.length, 6);
      // Screening before the November labs: the latest result on or before it counts.
      assert.deepEqual(got.early.labs, { creatinine: { value: 1, unit: 'mg/dL' } });
      assert.equal(got.early.sle, undefined);
      assert.equal(got.badBundle, 'entry[0].resource.birthDate: invalid type: integer `19850412`, expected a string');
      assert.match(got.badDate, /^screening_date: “26\/11\/2026” is not a date/);
      assert.equal(got.badResponse, 'x: no item of this questionnaire has this linkId');
      assert.match(got.aMap, /^bundle: invalid type: an object of class Map/);
    });
  });
});
