// Our FHIR Questionnaire in a form filler no one here wrote, and its
// answers back in our page (../shared/spec/fhir.md, sections 1 and 2;
// issue #15).
//
// What it protects: that $DIST/fhir/questionnaire.json, generated from the
// question table, is a Questionnaire LHC-Forms renders whole (every item,
// with its type, label, answer list and unit, the gated ones once their
// enableWhen is met, and nothing thrown or logged as an error), and that a
// QuestionnaireResponse LHC-Forms exports for answers typed and chosen in
// it loads into our page through "Load answers" with the fields filled and
// the verdict the answers give; and, the other way, that the response
// "Save as FHIR" writes loads into LHC-Forms with every answer shown and
// given back unchanged. Each check fails naming the item, the answer or
// LHC-Forms' own message.
//
// How LHC-Forms is served: the npm package `lforms` (a devDependency of
// these tests only; the page never ships it) is copied from node_modules
// into a temp dir with a host page and served on a loopback origin of its
// own, not the checker's (lforms-host.mjs lists the files). The host page
// has no CSP: it is the test's page, not ours. LHC-Forms is driven through
// LForms.Util.addFormToPage and LForms.Util.getFormFHIRData, and answered
// through its own widgets, as a clinician would.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  distDir,
  downloadText,
  expectCriterion,
  expectVerdict,
  fillEligiblePatient,
  flow,
  SCREENING_DATE,
  startSuite,
} from './helpers.mjs';
import {
  addRow,
  answerBoolean,
  answerChoice,
  answerDate,
  answerNumber,
  answerValue,
  exportResponse,
  formItems,
  meetCondition,
  renderQuestionnaire,
  responseAnswers,
  serveLForms,
} from './lforms-host.mjs';

const QUESTIONNAIRE = join(distDir(), 'fhir', 'questionnaire.json');
const CODES = 'urn:misle-check:codes';
const UNIT_EXTENSION = 'http://hl7.org/fhir/StructureDefinition/questionnaire-unit';

/** The generated Questionnaire; fails saying how it is made when missing. */
async function readQuestionnaire() {
  let text;
  try {
    text = await readFile(QUESTIONNAIRE, 'utf8');
  } catch {
    assert.fail(
      `no ${QUESTIONNAIRE}: the build writes it (trunk build --release --offline runs scripts/build-fhir.sh); ` +
        'set DIST to a build that has it',
    );
  }
  let q;
  try {
    q = JSON.parse(text);
  } catch (e) {
    assert.fail(`${QUESTIONNAIRE} is not JSON: ${e.message}`);
  }
  assert.equal(q.resourceType, 'Questionnaire', `${QUESTIONNAIRE} is not a Questionnaire`);
  return q;
}

/** Every item of the Questionnaire, depth first, with the linkIds of the groups it is in. */
function allItems(items, groups = []) {
  return (items ?? []).flatMap((item) => [{ item, groups }, ...allItems(item.item, [...groups, item.linkId])]);
}

/** LHC-Forms' data type for each FHIR item type. */
const LFORMS_TYPE = {
  group: ['SECTION'],
  decimal: ['REAL'],
  integer: ['INT'],
  date: ['DT'],
  dateTime: ['DTM'],
  boolean: ['BL'],
  choice: ['CODING', 'CNE', 'CWE'],
  'open-choice': ['CODING', 'CWE'],
  string: ['ST'],
  text: ['TX'],
  display: ['TITLE'],
};

describe('LHC-Forms and the generated Questionnaire', () => {
  let lf;
  let suite;
  before(async () => {
    lf = await serveLForms();
    suite = await startSuite();
  });
  after(async () => {
    await suite?.close();
    await lf?.close();
  });

  /**
   * Opens LHC-Forms' host page in a fresh context, runs `body(page)`, then
   * checks that LHC-Forms threw nothing, logged no error, had every file
   * it asked for, and asked nothing of another origin.
   */
  async function withLForms(body) {
    const context = await suite.browser.newContext({ viewport: { width: 1280, height: 900 } });
    context.setDefaultTimeout(5_000);
    const problems = [];
    context.on('request', (r) => {
      const url = r.url();
      if (!url.startsWith('data:') && !url.startsWith('blob:') && new URL(url).origin !== lf.origin) {
        problems.push(`request to another origin: ${r.method()} ${url}`);
      }
    });
    context.on('response', (r) => {
      if (r.status() >= 400) problems.push(`HTTP ${r.status()} ${r.url()}`);
    });
    const page = await context.newPage();
    page.on('pageerror', (e) => problems.push(`thrown: ${e && e.stack ? e.stack : e}`));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
    });
    try {
      await page.goto(lf.url);
      await body(page);
      assert.deepEqual(problems, [], `LHC-Forms ${lf.version} reported:\n${problems.join('\n')}`);
    } finally {
      await context.close();
    }
  }

  test('LHC-Forms renders every item of the generated Questionnaire without error', async () => {
    const q = await readQuestionnaire();
    const items = allItems(q.item);
    assert.ok(items.length > 0, 'the Questionnaire has no items');
    const twice = items.map((x) => x.item.linkId).filter((id, i, all) => all.indexOf(id) !== i);
    assert.deepEqual(twice, [], 'linkIds given twice in the Questionnaire');

    await withLForms(async (page) => {
      await renderQuestionnaire(page, q);

      // What is shown at first, then what each enableWhen opens: answer the
      // gate of a hidden item (in LHC-Forms, as a user) until every item
      // has been shown, or no gate is left to answer. A choice between
      // modes (SLEDAI-2K items or score) is answered one way, then the other.
      const seen = new Map(); // linkId -> what LHC-Forms showed for it
      const met = new Set(); // enableWhen already answered
      const opened = []; // what was answered, for the failure message
      for (let step = 0; step < 200; step++) {
        const shown = (await formItems(page)).filter((f) => f.visible);
        for (const f of shown) if (!seen.has(f.linkId)) seen.set(f.linkId, f);
        const shownIds = new Set(shown.map((f) => f.linkId));
        const hidden = items.filter((x) => !seen.has(x.item.linkId));
        if (hidden.length === 0) break;
        let next;
        for (const { item } of hidden) {
          const conds = item.enableWhen ?? [];
          const todo = (item.enableBehavior === 'all' ? conds : conds.slice(0, 1)).filter((c) => !met.has(JSON.stringify(c)));
          if (todo.length > 0 && todo.every((c) => shownIds.has(c.question))) {
            next = todo;
            break;
          }
        }
        if (!next) break;
        for (const c of next) {
          await meetCondition(page, c);
          met.add(JSON.stringify(c));
          opened.push(`${c.question} = ${JSON.stringify(c.answerCoding?.code ?? c.answerBoolean ?? c)}`);
        }
      }

      const what = (item, groups) =>
        `${item.linkId} (${item.type}${item.enableWhen ? `, enableWhen ${JSON.stringify(item.enableWhen)}` : ''}${
          groups.length ? `, in ${groups.join(' > ')}` : ''
        })`;
      const never = items.filter((x) => !seen.has(x.item.linkId));
      assert.deepEqual(
        never.map((x) => what(x.item, x.groups)),
        [],
        `LHC-Forms never showed these items (gates answered: ${opened.join('; ') || 'none'})`,
      );

      // Each shown as what it is.
      const odd = [];
      for (const { item } of items) {
        const f = seen.get(item.linkId);
        const want = LFORMS_TYPE[item.type];
        if (!want) odd.push(`${item.linkId}: type ${item.type} is not a type the test knows`);
        else if (!want.includes(f.dataType)) odd.push(`${item.linkId}: ${item.type} rendered as LHC-Forms type ${f.dataType}`);
        if (item.text && !f.label.includes(item.text.replace(/\s+/g, ' ').trim())) {
          odd.push(`${item.linkId}: label "${f.label}", expected "${item.text}"`);
        }
        if (item.type !== 'group' && item.type !== 'display' && f.controls === 0) {
          odd.push(`${item.linkId}: no input in its row ("${f.rowText}")`);
        }
        if (item.answerOption) {
          const codes = item.answerOption.map((o) => o.valueCoding?.code);
          const words = item.answerOption.map((o) => o.valueCoding?.display ?? o.valueCoding?.code ?? o.valueString);
          if (JSON.stringify(f.answers) !== JSON.stringify(codes) || JSON.stringify(f.answerTexts) !== JSON.stringify(words)) {
            odd.push(
              `${item.linkId}: LHC-Forms lists [${f.answers.map((c, i) => `${c} "${f.answerTexts[i]}"`).join(', ')}], ` +
                `the Questionnaire [${codes.map((c, i) => `${c} "${words[i]}"`).join(', ')}]`,
            );
          }
        }
        const unit = item.extension?.find((e) => e.url === UNIT_EXTENSION)?.valueCoding;
        if (unit && f.unit !== (unit.display ?? unit.code)) {
          odd.push(`${item.linkId}: unit shown "${f.unit}", expected "${unit.display ?? unit.code}"`);
        }
      }
      assert.deepEqual(odd, [], `LHC-Forms rendered ${odd.length} item(s) otherwise than the Questionnaire says`);
    });
  });

  test('answers filled in LHC-Forms load into our page with the expected verdict', async () => {
    const q = await readQuestionnaire();
    const linkIds = new Set(allItems(q.item).map((x) => x.item.linkId));

    // One answer of each kind: a date, a word, a number, a gated yes/no, a
    // word list, a whole number, a lab value with its unit, a yes/no that
    // excludes, an event that never happened and one with a date, and two
    // rows of the repeating malignancy group. Hb 7 g/dL (E3) and HIV (E4)
    // each make the patient not eligible, whatever else is unknown, and
    // they are the only criteria that fail: four ACR criteria pass I2, the
    // infection 117 days before screening passes E9, an adequately treated
    // basal cell skin cancer and an older one pass E5. Without Hb and HIV
    // the verdict would be incomplete.
    //
    // [linkId, answer it in LHC-Forms, the values exported (one item; a
    // linkId listed twice is two rows)]
    const ACR = ['malar_rash', 'arthritis', 'immunologic_disorder', 'antinuclear_antibody'];
    const plan = [
      ['screening_date', (p) => answerDate(p, 'screening_date', SCREENING_DATE), [SCREENING_DATE]],
      ['patient.sex', (p) => answerChoice(p, 'patient.sex', 'female'), [`${CODES}|female`]],
      ['patient.weight_kg', (p) => answerNumber(p, 'patient.weight_kg', '70.5'), [70.5]],
      ['patient.pregnant', (p) => answerBoolean(p, 'patient.pregnant', false), [false]],
      [
        'sle.acr_criteria',
        async (p) => {
          for (const c of ACR) await answerChoice(p, 'sle.acr_criteria', c);
        },
        ACR.map((c) => `${CODES}|${c}`),
      ],
      ['sle.ana.titer', (p) => answerNumber(p, 'sle.ana.titer', '160'), [160]],
      ['labs.hemoglobin.value', (p) => answerNumber(p, 'labs.hemoglobin.value', '7'), [7]],
      ['labs.hemoglobin.unit', (p) => answerChoice(p, 'labs.hemoglobin.unit', 'g/dL'), [`${CODES}|g/dL`]],
      ['conditions.hiv', (p) => answerBoolean(p, 'conditions.hiv', true), [true]],
      ['conditions.herpes_zoster', (p) => answerChoice(p, 'conditions.herpes_zoster', 'none'), [`${CODES}|none`]],
      ['conditions.serious_infection', (p) => answerChoice(p, 'conditions.serious_infection', 'date'), [`${CODES}|date`]],
      ['conditions.serious_infection#date', (p) => answerDate(p, 'conditions.serious_infection#date', '2026-08-01'), ['2026-08-01']],
      ['conditions.malignancy', (p) => answerChoice(p, 'conditions.malignancy', 'list'), [`${CODES}|list`]],
      ['conditions.malignancy[].type', (p) => answerChoice(p, 'conditions.malignancy[].type', 'basal_cell_skin'), [`${CODES}|basal_cell_skin`]],
      ['conditions.malignancy[].date', (p) => answerDate(p, 'conditions.malignancy[].date', '2023-02-01'), ['2023-02-01']],
      ['conditions.malignancy[].adequately_treated', (p) => answerBoolean(p, 'conditions.malignancy[].adequately_treated', true), [true]],
      [
        'conditions.malignancy[].type',
        async (p) => {
          await addRow(p, 'conditions.malignancy[]');
          await answerChoice(p, 'conditions.malignancy[].type', 'other', { instance: 2 });
        },
        [`${CODES}|other`],
      ],
      ['conditions.malignancy[].date', (p) => answerDate(p, 'conditions.malignancy[].date', '2015-01-01', { instance: 2 }), ['2015-01-01']],
    ];
    const absent = plan.map(([id]) => id).filter((id) => !linkIds.has(id));
    assert.deepEqual(absent, [], `the Questionnaire has no item with these linkIds, which the test answers`);

    let response;
    await withLForms(async (page) => {
      await renderQuestionnaire(page, q);
      for (const [, answer] of plan) await answer(page);
      response = await exportResponse(page);
    });

    // LHC-Forms exported each answer given, as given, and nothing else.
    assert.equal(response?.resourceType, 'QuestionnaireResponse', `LHC-Forms exported ${JSON.stringify(response)?.slice(0, 300)}`);
    assert.equal(response.questionnaire, `${q.url}|${q.version}`, 'the response names another questionnaire');
    const got = responseAnswers(response);
    const wrong = [];
    for (const linkId of new Set(plan.map(([id]) => id))) {
      const want = plan.filter(([id]) => id === linkId).map(([, , values]) => values);
      const values = (got[linkId] ?? []).map((answers) => answers.map(answerValue));
      if (JSON.stringify(values) !== JSON.stringify(want)) {
        wrong.push(`${linkId}: exported ${JSON.stringify(values)}, answered ${JSON.stringify(want)}`);
      }
    }
    const extra = Object.keys(got).filter((id) => !plan.some(([linkId]) => linkId === id));
    if (extra.length) wrong.push(`answers no one gave: ${extra.map((id) => `${id} ${JSON.stringify(got[id])}`).join(', ')}`);
    if (wrong.length > 0) {
      assert.fail(
        `LHC-Forms' QuestionnaireResponse is not what was answered:\n${wrong.join('\n')}\n` +
          `the response:\n${JSON.stringify(response, null, 1)}`,
      );
    }

    // The response, as a file, through "Load answers".
    const file = 'lhc-forms-response.json';
    await flow(suite, async ({ page }) => {
      await page.locator('input[type=file][data-action="load-answers"]').setInputFiles({
        name: file,
        mimeType: 'application/fhir+json',
        buffer: Buffer.from(JSON.stringify(response, null, 2)),
      });
      const message = page.locator('[data-load-message]');
      await message.waitFor({ state: 'visible' });
      await page
        .waitForFunction(
          (name) => {
            const m = document.querySelector('[data-load-message]');
            return m && (m.getAttribute('role') === 'alert' || m.textContent.includes(name));
          },
          file,
          { timeout: 5_000 },
        )
        .catch(() => {});
      const said = (await message.innerText()).trim();
      assert.notEqual(await message.getAttribute('role'), 'alert', `our page refused LHC-Forms' QuestionnaireResponse: ${said}`);
      assert.ok(said.includes(file), `the load message does not name the file: "${said}"`);

      await expectVerdict(page, 'not_eligible');
      await expectCriterion(page, 'E3', 'fail');
      await expectCriterion(page, 'E4', 'fail');
      await expectCriterion(page, 'I2', 'pass');
      await expectCriterion(page, 'E9', 'pass');
      await expectCriterion(page, 'E5', 'pass');
      const failing = await page.locator('[data-criterion][data-outcome="fail"]').evaluateAll((els) => els.map((e) => e.dataset.criterion));
      assert.deepEqual(failing, ['E3', 'E4'], 'other criteria fail than the hemoglobin (E3) and HIV (E4)');

      // Each answer shows at its field.
      const shown = await page.evaluate(() => {
        const value = (sel) => document.querySelector(sel)?.value ?? '(no field)';
        const checked = (sel) => document.querySelector(sel)?.checked ?? '(no field)';
        const p = (path) => `[data-path="${path}"]`;
        return {
          screening_date: value(`input${p('screening_date')}`),
          sex_female: checked(`input[type=radio]${p('patient.sex')}[value="female"]`),
          weight_kg: value(`input${p('patient.weight_kg')}`),
          pregnant_no: checked(`input[type=radio]${p('patient.pregnant')}[value="false"]`),
          acr_ticked: [...document.querySelectorAll(`input[type=checkbox]${p('sle.acr_criteria')}:checked`)].map((c) => c.value).sort(),
          ana_titer: value(`select${p('sle.ana.titer')}`),
          hemoglobin: value(`input${p('labs.hemoglobin.value')}`),
          hemoglobin_g_dl: checked(`input[type=radio]${p('labs.hemoglobin.unit')}[value="g/dL"]`),
          hiv_yes: checked(`input[type=radio]${p('conditions.hiv')}[value="true"]`),
          herpes_zoster_none: checked(`input[type=radio]${p('conditions.herpes_zoster')}[value="none"]`),
          serious_infection_date: checked(`input[type=radio]${p('conditions.serious_infection')}[value="date"]`),
          serious_infection: value(`input[type=date]${p('conditions.serious_infection')}`),
          malignancy_list: checked(`input[type=radio]${p('conditions.malignancy')}[value="list"]`),
          malignancy_rows: [0, 1, 2].map((i) => [
            value(`select${p(`conditions.malignancy[${i}].type`)}`),
            value(`input${p(`conditions.malignancy[${i}].date`)}`),
            checked(`input[type=radio]${p(`conditions.malignancy[${i}].adequately_treated`)}[value="true"]`),
          ]),
          age_years_unanswered: value(`input${p('patient.age_years')}`),
        };
      });
      assert.deepEqual(
        shown,
        {
          screening_date: SCREENING_DATE,
          sex_female: true,
          weight_kg: '70.5',
          pregnant_no: true,
          acr_ticked: [...ACR].sort(),
          ana_titer: '160',
          hemoglobin: '7',
          hemoglobin_g_dl: true,
          hiv_yes: true,
          herpes_zoster_none: true,
          serious_infection_date: true,
          serious_infection: '2026-08-01',
          malignancy_list: true,
          malignancy_rows: [
            ['basal_cell_skin', '2023-02-01', true],
            ['other', '2015-01-01', false],
            ['(no field)', '(no field)', '(no field)'],
          ],
          age_years_unanswered: '',
        },
        'our page does not show the answers of the loaded QuestionnaireResponse',
      );
    });
  });

  test('a QuestionnaireResponse our page saves ("Save as FHIR") loads into LHC-Forms with every answer', async () => {
    const q = await readQuestionnaire();
    let saved;
    await flow(suite, async ({ page }) => {
      await fillEligiblePatient(page);
      await expectVerdict(page, 'potentially_eligible');
      const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-action="save-fhir"]').click()]);
      saved = JSON.parse(await downloadText(download));
    });
    assert.equal(saved.resourceType, 'QuestionnaireResponse', '"Save as FHIR" wrote no QuestionnaireResponse');
    const ours = responseAnswers(saved);
    assert.ok(Object.keys(ours).length >= 40, `the saved response has only ${Object.keys(ours).length} answered items`);

    await withLForms(async (page) => {
      await renderQuestionnaire(page, q, { response: saved });
      // Every answered item is shown (our gates and the enableWhen agree),
      // and LHC-Forms gives back what it was given.
      const shown = new Set((await formItems(page)).filter((f) => f.visible).map((f) => f.linkId));
      const hidden = Object.keys(ours).filter((id) => !shown.has(id));
      assert.deepEqual(hidden, [], 'answered items that LHC-Forms does not show (their enableWhen is not met)');
      const back = responseAnswers(await exportResponse(page));
      const values = (m, id) => JSON.stringify((m[id] ?? []).map((answers) => answers.map(answerValue)));
      const differ = [...new Set([...Object.keys(ours), ...Object.keys(back)])]
        .filter((id) => values(ours, id) !== values(back, id))
        .map((id) => `${id}: saved ${values(ours, id)}, LHC-Forms ${values(back, id)}`);
      assert.deepEqual(differ, [], 'LHC-Forms does not give back the answers our page saved');
      const weight = (await formItems(page)).find((f) => f.linkId === 'patient.weight_kg');
      assert.equal(await page.locator(`input[id="${weight.elementId}"]`).inputValue(), '70.5', 'LHC-Forms does not show the weight');
    });
  });
});
