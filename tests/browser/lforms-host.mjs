// LHC-Forms (npm `lforms`, a devDependency of these tests only, never
// shipped) on a loopback origin of its own, and helpers that drive it the
// way a clinician would: the form rendered from a FHIR Questionnaire, answers
// typed and chosen in it, its QuestionnaireResponse exported.
//
//   const lf = await serveLForms();         // { origin, url, version, files, close() }
//   await page.goto(lf.url);                // host.html: LHC-Forms loaded, no form yet
//   await renderQuestionnaire(page, questionnaire);
//   await answerChoice(page, 'patient.sex', 'female');  // by code
//   const qr = await exportResponse(page);  // the R4 QuestionnaireResponse
//
// The files served are the ones the package's README lists for a page
// ("Using the LHC-Forms Web Component"), copied from node_modules into a
// temp dir: webcomponent/styles.css (and the two images it refers to),
// webcomponent/assets/lib/zone.min.js, webcomponent/runtime.js,
// polyfills.js, main.js, and the R4 FHIR support fhir/R4/lformsFHIR.min.js.
import assert from 'node:assert/strict';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from './server.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const PACKAGE = join(here, 'node_modules', 'lforms');
/** How long LHC-Forms may take to start and to render a form (ms). */
const LOAD_TIMEOUT = 30_000;

/** Under the package's dist/lforms/; the order of the scripts matters. */
export const LFORMS_FILES = [
  'webcomponent/styles.css',
  'webcomponent/down_arrow_gray_10_10.png',
  'webcomponent/magnifying_glass.png',
  'webcomponent/assets/lib/zone.min.js',
  'webcomponent/runtime.js',
  'webcomponent/polyfills.js',
  'webcomponent/main.js',
  'fhir/R4/lformsFHIR.min.js',
];

const HOST_HTML = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>LHC-Forms</title><link rel="icon" href="data:,">
<link rel="stylesheet" href="lforms/webcomponent/styles.css">
</head>
<body><main><h1>LHC-Forms</h1><div id="form"></div></main>
${LFORMS_FILES.filter((f) => f.endsWith('.js'))
  .map((f) => `<script src="lforms/${f}"></script>`)
  .join('\n')}
</body></html>
`;

/**
 * Copies LHC-Forms into a temp dir with host.html and serves it on its own
 * 127.0.0.1 port; fails naming the install step when the package is missing.
 */
export async function serveLForms() {
  let pkg;
  try {
    pkg = JSON.parse(await readFile(join(PACKAGE, 'package.json'), 'utf8'));
  } catch {
    assert.fail(`no lforms package in ${PACKAGE}: run npm install in tests/browser (scripts/setup.sh --test)`);
  }
  const dir = await mkdtemp(join(tmpdir(), 'misle-lforms-'));
  for (const f of LFORMS_FILES) {
    const from = join(PACKAGE, 'dist', 'lforms', f);
    const to = join(dir, 'lforms', f);
    await mkdir(dirname(to), { recursive: true });
    await copyFile(from, to).catch(() => assert.fail(`lforms ${pkg.version} has no dist/lforms/${f}`));
  }
  await writeFile(join(dir, 'host.html'), HOST_HTML);
  const server = await serve(dir);
  return {
    origin: server.origin,
    url: `${server.origin}/host.html`,
    version: pkg.version,
    files: LFORMS_FILES,
    close: async () => {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Renders `questionnaire` in host.html with LForms.Util.addFormToPage and
 * waits for its onFormReady; fails with LHC-Forms' own error messages when
 * it refuses the Questionnaire. `response`: a QuestionnaireResponse to
 * show in it (addFormToPage's questionnaireResponse option).
 */
export async function renderQuestionnaire(page, questionnaire, { response } = {}) {
  await page.waitForFunction(
    () => typeof window.LForms?.Util?.addFormToPage === 'function' && typeof window.LForms?.Util?.getFormFHIRData === 'function',
    null,
    { timeout: LOAD_TIMEOUT },
  );
  const result = await page.evaluate(async ([q, qr]) => {
    const el = document.getElementById('form');
    let timer;
    const timeout = new Promise((ok) => {
      timer = setTimeout(() => ok({ error: 'no onFormReady (and no onError) in time' }), 25_000);
    });
    try {
      return await Promise.race([
        LForms.Util.addFormToPage(q, el, { fhirVersion: 'R4', ...(qr ? { questionnaireResponse: qr } : {}) }).then(() => ({ ok: true })),
        timeout,
      ]);
    } catch (e) {
      // LHC-Forms rejects with an array of messages (36.15.0 on)
      const list = Array.isArray(e) ? e : [e];
      return { error: list.map((x) => (x && x.message) || String(x)).join('\n') };
    } finally {
      clearTimeout(timer);
    }
  }, [questionnaire, response ?? null]);
  if (!result.ok) {
    assert.fail(`LHC-Forms did not render the Questionnaire${response ? ' with the QuestionnaireResponse' : ''}:\n${result.error}`);
  }
}

/**
 * Every item of LHC-Forms' form model (the Questionnaire's items, a
 * repeating group once per row), in order: linkId, the id of its elements
 * (`item-ID` is its row, `label-ID` its label), LHC-Forms' data type, the
 * answer codes and words of a choice, the unit of a number, and what the page shows
 * for it: whether its row is in the DOM and visible, its label, and how
 * many input controls the row has of its own.
 */
export async function formItems(page) {
  return page.evaluate(() => {
    const form = LForms.Util._getFormObjectInScope(document.getElementById('form'));
    if (!form) throw new Error('LHC-Forms has no form on the page');
    const byId = (id) => document.querySelector(`[id="${CSS.escape(id)}"]`);
    return form.itemList.map((it) => {
      const row = byId(`item-${it._elementId}`);
      const box = row?.getBoundingClientRect();
      // inputs of the row itself, not of rows nested in it (a group's items)
      const controls = row
        ? [...row.querySelectorAll('input, select, textarea')].filter((c) => c.closest('lhc-item') === row)
        : [];
      return {
        linkId: it.linkId,
        elementId: it._elementId,
        dataType: it.dataType,
        answers: (it.answers ?? []).map((a) => a.code),
        answerTexts: (it.answers ?? []).map((a) => a.text),
        unit: it.unit?.name ?? null,
        inDom: Boolean(row),
        visible: Boolean(box && box.width > 0 && box.height > 0 && getComputedStyle(row).visibility !== 'hidden'),
        label: (byId(`label-${it._elementId}`)?.textContent ?? '').replace(/\s+/g, ' ').trim(),
        controls: controls.length,
        rowText: (row?.innerText ?? '').replace(/\s+/g, ' ').trim().slice(0, 120),
      };
    });
  });
}

/** The `instance`-th (1-based) shown item with `linkId` (formItems); fails naming it. */
async function itemRow(page, linkId, instance = 1) {
  const items = (await formItems(page)).filter((it) => it.linkId === linkId);
  if (items.length < instance) {
    assert.fail(`LHC-Forms has ${items.length} item(s) with linkId ${linkId}, not an instance ${instance}`);
  }
  const it = items[instance - 1];
  if (!it.visible) assert.fail(`${linkId} is not shown in LHC-Forms (is its enableWhen met?)`);
  return it;
}

const byId = (id) => `[id="${id.replace(/["\\]/g, '\\$&')}"]`;

/** Types a date (YYYY-MM-DD) into a date item, as LHC-Forms shows it (MM/DD/YYYY). */
export async function answerDate(page, linkId, iso, { instance = 1 } = {}) {
  const it = await itemRow(page, linkId, instance);
  const [y, m, d] = iso.split('-');
  const input = page.locator(`${byId(it.elementId)} input`);
  await input.click();
  await input.fill(`${m}/${d}/${y}`);
  await input.press('Enter');
}

/** Types a number into a decimal or integer item. */
export async function answerNumber(page, linkId, text, { instance = 1 } = {}) {
  const it = await itemRow(page, linkId, instance);
  const input = page.locator(`input${byId(it.elementId)}`);
  await input.fill(String(text));
  await input.blur(); // not Tab: the next field, if a choice, would open its list
}

/** Clicks Yes or No of a boolean item. */
export async function answerBoolean(page, linkId, value, { instance = 1 } = {}) {
  const it = await itemRow(page, linkId, instance);
  await page.locator(`label${byId(`${it.elementId}|${value}`)}`).click();
}

/**
 * Chooses the answer with `code` of a choice item in its list (LHC-Forms
 * shows a choice as an autocompleter; a repeating one takes several).
 */
export async function answerChoice(page, linkId, code, { instance = 1 } = {}) {
  const it = await itemRow(page, linkId, instance);
  const index = it.answers.indexOf(code);
  if (index < 0) assert.fail(`LHC-Forms lists no answer ${code} for ${linkId} (it lists ${it.answers.join(', ') || 'none'})`);
  const input = page.locator(`input${byId(it.elementId)}`);
  if ((await input.count()) === 0) assert.fail(`${linkId} has no autocompleter input in LHC-Forms: ${it.rowText}`);
  await input.click();
  const list = page.locator('#lhc-tools-searchResults');
  await list.locator(`li[autocomprawlistindex="${index}"]`).click();
  // A repeating choice keeps its list open; leave the field (not by Tab:
  // the next field, if a choice, would open its own list).
  await input.blur();
  await list.waitFor({ state: 'hidden' }).catch(() => assert.fail(`the answer list of ${linkId} stays open`));
}

/** Adds a row to a repeating group with LHC-Forms' add button (under its last row). */
export async function addRow(page, linkId) {
  const rows = (await formItems(page)).filter((it) => it.linkId === linkId && it.visible);
  if (rows.length === 0) assert.fail(`${linkId} is not shown in LHC-Forms (is its enableWhen met?)`);
  const button = page.locator(`button${byId(`add-${rows.at(-1).elementId}`)}`);
  if ((await button.count()) === 0) assert.fail(`LHC-Forms shows no button to add a row to ${linkId}`);
  await button.click();
  await page.waitForFunction(
    ([id, n]) => LForms.Util._getFormObjectInScope(document.getElementById('form')).itemList.filter((it) => it.linkId === id).length > n,
    [linkId, rows.length],
    { timeout: 5_000 },
  );
}

/**
 * Gives the gate question of `enableWhen` (operator `=`) the answer that
 * meets it.
 */
export async function meetCondition(page, enableWhen) {
  const { question, operator } = enableWhen;
  if (operator !== '=') assert.fail(`cannot meet an enableWhen with operator ${operator} (on ${question})`);
  if (enableWhen.answerCoding) return answerChoice(page, question, enableWhen.answerCoding.code);
  if (typeof enableWhen.answerBoolean === 'boolean') return answerBoolean(page, question, enableWhen.answerBoolean);
  if (enableWhen.answerDate) return answerDate(page, question, enableWhen.answerDate);
  for (const k of ['answerDecimal', 'answerInteger']) {
    if (k in enableWhen) return answerNumber(page, question, enableWhen[k]);
  }
  assert.fail(`cannot meet the enableWhen ${JSON.stringify(enableWhen)}`);
}

/** The QuestionnaireResponse (R4) LHC-Forms exports for what is entered. */
export async function exportResponse(page) {
  return page.evaluate(() =>
    LForms.Util.getFormFHIRData('QuestionnaireResponse', 'R4', document.getElementById('form')),
  );
}

/**
 * The answers of a QuestionnaireResponse by linkId, wherever the item sits
 * (in groups, or under an answer): { linkId: [[answer, ...] per item] }.
 */
export function responseAnswers(response) {
  const out = {};
  const walk = (items) => {
    for (const it of items ?? []) {
      if (it.answer) (out[it.linkId] ??= []).push(it.answer);
      walk(it.item);
      for (const a of it.answer ?? []) walk(a.item);
    }
  };
  walk(response?.item);
  return out;
}

/** An answer's value as one comparable word: a coding's code, else the value. */
export function answerValue(answer) {
  const key = Object.keys(answer).find((k) => k.startsWith('value'));
  if (!key) return undefined;
  const v = answer[key];
  return key === 'valueCoding' ? `${v.system}|${v.code}` : v;
}
