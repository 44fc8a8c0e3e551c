// Shared helpers of the browser tests: the browser, the served page, one
// flow per fresh context with its privacy and accessibility checks, and
// answer helpers that find questions by `data-path` as
// docs/page-conventions.md defines them.
import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from './server.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
export const AXE_PATH = require.resolve('axe-core/axe.min.js');
export const ARTIFACTS = join(here, 'artifacts');
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

/** How long one answer or one verdict may take to show (ms). */
const STEP_TIMEOUT = 5_000;
/** How long the page may take to load its WebAssembly and render (ms). */
const LOAD_TIMEOUT = 20_000;

/** The screening and baseline dates every flow sets, so the clock never matters. */
export const SCREENING_DATE = '2026-11-26';
export const BASELINE_DATE = '2026-12-20';

// ---------------------------------------------------------------------------
// Browser and server, one of each per test file.

/**
 * Starts the static server on $DIST and Chromium. Call from `before`;
 * returns { browser, server, close }.
 */
export async function startSuite() {
  const dist = distDir();
  assert.ok(existsSync(join(dist, 'index.html')), `no built page at ${dist} (set DIST to trunk's output)`);
  const server = await serve(dist);
  const browser = await launchBrowser();
  return {
    browser,
    server,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

/** Starts Debian's Chromium headless, as every suite does. */
export async function launchBrowser() {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** The directory the tests serve the built page from ($DIST, default dist/). */
export function distDir() {
  return resolve(process.env.DIST ?? join(here, '..', '..', 'dist'));
}

// ---------------------------------------------------------------------------
// The page's Content-Security-Policy (docs/deploying.md).

/** The policy the page must carry: exactly these directives and sources. */
export const REQUIRED_CSP = {
  'default-src': ["'none'"],
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  'style-src': ["'self'"],
  'img-src': ['data:'],
  'connect-src': ["'self'"],
  'form-action': ["'none'"],
  'base-uri': ["'none'"],
  'object-src': ["'none'"],
  'frame-src': ["'none'"],
};

/**
 * A policy's directives: { name: [sources] }, names in lower case; fails on
 * a directive given twice.
 */
export function parseCsp(text) {
  const out = {};
  for (const d of text.split(';').map((s) => s.trim()).filter(Boolean)) {
    const [name, ...sources] = d.split(/\s+/);
    assert.ok(!(name.toLowerCase() in out), `directive ${name} given twice`);
    out[name.toLowerCase()] = sources;
  }
  return out;
}

// ---------------------------------------------------------------------------
// One user flow: a fresh context, the page opened, and after the flow the
// checks every flow must pass.

/**
 * Runs `body({ page, context, origin })` in a fresh browser context with the
 * page open, then checks: axe-core finds no violations, no request left the
 * page's origin, the page's Content-Security-Policy refused nothing, the page
 * threw nothing, and nothing was kept in localStorage, sessionStorage,
 * IndexedDB, Cache Storage or cookies.
 */
export async function flow(suite, body, { viewport = { width: 1280, height: 900 } } = {}) {
  const { browser, server } = suite;
  const context = await browser.newContext({ viewport, acceptDownloads: true });
  context.setDefaultTimeout(STEP_TIMEOUT);
  const foreign = [];
  const pageErrors = [];
  const consoleErrors = [];
  context.on('request', (req) => {
    const url = req.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    let origin;
    try {
      origin = new URL(url).origin;
    } catch {
      origin = url;
    }
    if (origin !== server.origin) foreign.push(`${req.method()} ${url}`);
  });
  await recordCspViolations(context);
  const page = await context.newPage();
  page.on('pageerror', (err) => pageErrors.push(String(err && err.stack ? err.stack : err)));
  page.on('console', (msg) => {
    if (msg.type() === 'error') consoleErrors.push(msg.text());
  });
  page.on('dialog', (dialog) => dialog.accept());
  try {
    await openPage(page, server.url);
    await body({ page, context, origin: server.origin });
    await assertNoAxeViolations(page);
    await assertNothingStored(page, context);
    assert.deepEqual(foreign, [], `requests left the page's origin ${server.origin}:\n${foreign.join('\n')}`);
    assert.deepEqual(await cspViolations(page), [], 'the Content-Security-Policy refused something');
    assert.deepEqual(
      pageErrors,
      [],
      `the page threw:\n${pageErrors.join('\n')}\nconsole errors:\n${consoleErrors.join('\n')}`,
    );
  } finally {
    await context.close();
  }
}

/** Opens the page and waits until the verdict panel is rendered. */
export async function openPage(page, url) {
  await page.goto(url);
  await page.waitForSelector('[data-verdict]', { state: 'attached', timeout: LOAD_TIMEOUT });
}

/**
 * Records every `securitypolicyviolation` of the context's pages from their
 * first script on (an init script, which the page's CSP does not govern);
 * read them with cspViolations(page).
 */
export async function recordCspViolations(context) {
  await context.addInitScript(() => {
    const seen = [];
    Object.defineProperty(window, '__cspViolations', { value: seen });
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push({ directive: e.effectiveDirective, blocked: e.blockedURI, sample: e.sample, source: e.sourceFile }),
    );
  });
}

/** The CSP violations recorded in the page so far (recordCspViolations). */
export async function cspViolations(page) {
  return page.evaluate(() => [...(window.__cspViolations ?? [{ directive: '(not recorded)' }])]);
}

let axeSource;

/** Runs axe-core on the whole page; fails with a readable list of violations. */
export async function assertNoAxeViolations(page) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
    // Evaluated, not added as a <script>: the page's CSP refuses inline
    // scripts (and that refusal would itself count as a violation).
    axeSource ??= await readFile(AXE_PATH, 'utf8');
    await page.evaluate(axeSource);
  }
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document);
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary })),
    }));
  });
  if (violations.length > 0) {
    const text = violations
      .map(
        (v) =>
          `- ${v.id} (${v.impact}): ${v.help}\n` +
          v.nodes
            .slice(0, 8)
            .map((n) => `    at ${n.target}\n      ${String(n.summary).replace(/\n/g, '\n      ')}`)
            .join('\n') +
          (v.nodes.length > 8 ? `\n    ... and ${v.nodes.length - 8} more` : ''),
      )
      .join('\n');
    assert.fail(`axe-core found ${violations.length} accessibility violation(s):\n${text}`);
  }
}

/** What the browser keeps for the page: storage, databases, caches, cookies. */
export async function storedByPage(page, context) {
  const stored = await page.evaluate(async () => ({
    localStorage: Object.keys(localStorage),
    sessionStorage: Object.keys(sessionStorage),
    indexedDB: (await indexedDB.databases()).map((d) => d.name),
    cacheStorage: typeof caches === 'object' ? await caches.keys() : ['(no Cache Storage: not a secure context?)'],
    cookie: document.cookie,
  }));
  return { ...stored, cookies: (await context.cookies()).map((c) => `${c.domain} ${c.name}`) };
}

/** Nothing the patient typed may be kept by the browser. */
export async function assertNothingStored(page, context) {
  assert.deepEqual(
    await storedByPage(page, context),
    { localStorage: [], sessionStorage: [], indexedDB: [], cacheStorage: [], cookie: '', cookies: [] },
    'the page stored something',
  );
}

// ---------------------------------------------------------------------------
// Answering questions by data-path, as a user would: click, type, choose.

const q = (path) => `[data-path="${path}"]`;

/** Clicks the "yes" radio of a yes/no question. */
export async function yes(page, path) {
  await page.locator(`input[type=radio]${q(path)}[value="true"]`).click();
}

/** Clicks the "no" radio of a yes/no question. */
export async function no(page, path) {
  await page.locator(`input[type=radio]${q(path)}[value="false"]`).click();
}

/** Clicks "not known" (clears a yes/no question). */
export async function unknown(page, path) {
  await page.locator(`input[type=radio]${q(path)}[value=""]`).click();
}

/** Clicks the radio with `value` (sex, malignancy none/list, corticosteroid none/taking). */
export async function pick(page, path, value) {
  await page.locator(`input[type=radio]${q(path)}[value="${value}"]`).click();
}

/** Types into a text, number or date field (then leaves it, so change fires). */
export async function fill(page, path, value) {
  const field = page.locator(`:is(input:not([type=radio]):not([type=checkbox]), textarea)${q(path)}`);
  await field.fill(value);
  await field.blur();
}

/** Chooses an option of a select by its value ('' = not known). */
export async function select(page, path, value) {
  await page.locator(`select${q(path)}`).selectOption(value);
}

/** Ticks (or unticks) the checkbox `value` of a word list. */
export async function check(page, path, value) {
  await page.locator(`input[type=checkbox]${q(path)}[value="${value}"]`).click();
}

/** An event question answered with a date. */
export async function event(page, path, date) {
  await pick(page, path, 'date');
  const field = page.locator(`input[type=date]${q(path)}`);
  await field.fill(date);
  await field.blur();
}

/** An event question answered "none". */
export async function eventNone(page, path) {
  await pick(page, path, 'none');
}

// ---------------------------------------------------------------------------
// The potentially eligible patient (tests/data/eligible.json, without the
// B-cell depletion), every question answered.

/**
 * Answers every question for a 46-year-old woman who is potentially
 * eligible. `skip` leaves out the answers whose path starts with any of
 * its entries (e.g. ['labs.platelets']).
 */
export async function fillEligiblePatient(page, { skip = [] } = {}) {
  const on = (path) => !skip.some((s) => path === s || path.startsWith(`${s}.`) || path.startsWith(`${s}[`));
  const step = async (path, f) => {
    if (on(path)) await f();
  };

  // dates
  await step('screening_date', () => fill(page, 'screening_date', SCREENING_DATE));
  await step('baseline_date', () => fill(page, 'baseline_date', BASELINE_DATE));

  // patient
  await step('patient.birth_date', () => fill(page, 'patient.birth_date', '1980-05-01'));
  await step('patient.sex', () => pick(page, 'patient.sex', 'female'));
  await step('patient.weight_kg', () => fill(page, 'patient.weight_kg', '70.5'));

  // reproductive (female)
  await step('patient.childbearing_potential', () => yes(page, 'patient.childbearing_potential'));
  await step('patient.pregnant', () => no(page, 'patient.pregnant'));
  await step('patient.breastfeeding', () => no(page, 'patient.breastfeeding'));
  await step('patient.contraception_willing', () => yes(page, 'patient.contraception_willing'));

  // history
  for (const c of ['malar_rash', 'arthritis', 'immunologic_disorder', 'antinuclear_antibody']) {
    await step('sle.acr_criteria', () => check(page, 'sle.acr_criteria', c));
  }
  await step('sle.ana.titer', () => select(page, 'sle.ana.titer', '160'));
  await step('sle.ana.date', () => fill(page, 'sle.ana.date', '2026-10-01'));
  await step('sle.anti_dsdna.positive', () => yes(page, 'sle.anti_dsdna.positive'));
  await step('sle.anti_dsdna.date', () => fill(page, 'sle.anti_dsdna.date', '2026-10-01'));

  // activity: SLEDAI-2K by items, 4 + 2 + 2 = 8
  if (on('sle.sledai')) {
    await page.locator('input[type=radio][data-control="sledai-mode"][value="items"]').click();
    for (const item of ['arthritis', 'low_complement', 'increased_dna_binding']) {
      await check(page, 'sle.sledai.items', item);
    }
  }
  const bilag = {
    constitutional: 'E',
    mucocutaneous: 'C',
    neuropsychiatric: 'E',
    musculoskeletal: 'B',
    cardiorespiratory: 'E',
    gastrointestinal: 'E',
    ophthalmic: 'E',
    renal: 'D',
    hematological: 'C',
  };
  for (const [domain, grade] of Object.entries(bilag)) {
    await step(`sle.bilag.${domain}`, () => select(page, `sle.bilag.${domain}`, grade));
  }
  await step('sle.standard_of_care', () => yes(page, 'sle.standard_of_care'));

  // labs
  await step('labs.egfr.value', () => fill(page, 'labs.egfr.value', '85'));
  await step('labs.wbc.value', () => fill(page, 'labs.wbc.value', '4.5'));
  await step('labs.wbc.unit', () => pick(page, 'labs.wbc.unit', '10^9/L'));
  await step('labs.hemoglobin.value', () => fill(page, 'labs.hemoglobin.value', '11.2'));
  await step('labs.hemoglobin.unit', () => pick(page, 'labs.hemoglobin.unit', 'g/dL'));
  await step('labs.platelets.value', () => fill(page, 'labs.platelets.value', '210'));
  await step('labs.platelets.unit', () => pick(page, 'labs.platelets.unit', '10^9/L'));
  await step('labs.ast.value', () => fill(page, 'labs.ast.value', '30'));
  await step('labs.ast.uln', () => fill(page, 'labs.ast.uln', '40'));
  await step('labs.alt.value', () => fill(page, 'labs.alt.value', '25'));
  await step('labs.alt.uln', () => fill(page, 'labs.alt.uln', '40'));

  // conditions
  for (const flag of [
    'active_cns_lupus',
    'nephritis_dialysis',
    'hiv',
    'hepatitis_b',
    'hepatitis_c',
    'tuberculosis',
    'cxr_tb_or_fungal',
    'renal_transplant',
    'significant_ekg_cxr',
    'steroid_comorbidity',
    'substance_abuse_current',
  ]) {
    await step(`conditions.${flag}`, () => no(page, `conditions.${flag}`));
  }
  await step('conditions.malignancy', () => pick(page, 'conditions.malignancy', 'none'));
  await step('conditions.herpes_zoster', () => eventNone(page, 'conditions.herpes_zoster'));
  await step('conditions.serious_infection', () => event(page, 'conditions.serious_infection', '2026-08-01'));
  await step('conditions.substance_abuse_last', () => eventNone(page, 'conditions.substance_abuse_last'));

  // medications
  if (on('medications.corticosteroid')) {
    await pick(page, 'medications.corticosteroid', 'taking');
    await select(page, 'medications.corticosteroid.drug', 'prednisone');
    await fill(page, 'medications.corticosteroid.daily_mg', '20');
  }
  await step('medications.immunosuppressant_change', () =>
    event(page, 'medications.immunosuppressant_change', '2026-09-15'),
  );
  await step('medications.experimental_agent', () => eventNone(page, 'medications.experimental_agent'));
  await step('medications.belimumab', () => eventNone(page, 'medications.belimumab'));
  await step('medications.b_cell_depletion', () => eventNone(page, 'medications.b_cell_depletion'));

  // consent
  await step('patient.consent', () => yes(page, 'patient.consent'));
}

// ---------------------------------------------------------------------------
// Reading the verdict panel.

/** What the verdict panel says now, for failure messages. */
export async function describePanel(page) {
  return page.evaluate(() => {
    const verdict = document.querySelector('[data-verdict]');
    const lines = [`verdict: ${verdict ? verdict.getAttribute('data-verdict') : '(no [data-verdict])'}`];
    for (const c of document.querySelectorAll('[data-criterion]')) {
      const outcome = c.getAttribute('data-outcome');
      if (outcome !== 'pass' && outcome !== 'site_review') {
        lines.push(`  ${c.getAttribute('data-criterion')} ${outcome}: ${c.textContent.replace(/\s+/g, ' ').trim().slice(0, 200)}`);
      }
    }
    const jumps = [...document.querySelectorAll('a[data-jump]')].map((a) => a.getAttribute('data-jump'));
    if (jumps.length) lines.push(`  jump links: ${jumps.join(', ')}`);
    const errors = [...document.querySelectorAll('.field-error')]
      .map((e) => e.textContent.trim())
      .filter(Boolean);
    if (errors.length) lines.push(`  field messages: ${errors.join(' | ')}`);
    return lines.join('\n');
  });
}

/** Waits until `[data-verdict]` says `word`; fails with the panel's state. */
export async function expectVerdict(page, word, timeout = STEP_TIMEOUT) {
  try {
    await page.waitForSelector(`[data-verdict="${word}"]`, { state: 'attached', timeout });
  } catch {
    assert.fail(`expected verdict ${word}, but the page shows\n${await describePanel(page)}`);
  }
}

/** The verdict word shown now. */
export async function verdict(page) {
  return page.locator('[data-verdict]').getAttribute('data-verdict');
}

/** Waits until the criterion shows `outcome`; returns its visible text. */
export async function expectCriterion(page, id, outcome, timeout = STEP_TIMEOUT) {
  const sel = `[data-criterion="${id}"][data-outcome="${outcome}"]`;
  try {
    await page.waitForSelector(sel, { state: 'visible', timeout });
  } catch {
    assert.fail(`expected criterion ${id} to be ${outcome} (and visible), but the page shows\n${await describePanel(page)}`);
  }
  return page.locator(sel).innerText();
}

/** Full-page screenshot into artifacts/ at the given width. */
export async function screenshot(page, name, width) {
  await mkdir(ARTIFACTS, { recursive: true });
  const height = page.viewportSize()?.height ?? 900;
  await page.setViewportSize({ width, height });
  const path = join(ARTIFACTS, `${name}-${width}.png`);
  // from the top, so that sticky and fixed parts (the verdict panel) sit
  // where a user first sees them
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Reads a downloaded file as text. */
export async function downloadText(download) {
  return readFile(await download.path(), 'utf8');
}

// ---------------------------------------------------------------------------
// Field messages: the .field-error elements an input's aria-describedby
// points at.

const fieldSelector = (path) =>
  `:is(input:not([type=radio]):not([type=checkbox]), select, textarea)[data-path="${path}"]`;

/** The text of the field errors of the input of `path` ('' when none). */
export async function fieldMessage(page, path) {
  return page.evaluate((selector) => {
    const input = document.querySelector(selector);
    const ids = (input?.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
    return ids
      .map((id) => document.getElementById(id))
      .filter((el) => el && el.classList.contains('field-error'))
      .map((el) => el.textContent.trim())
      .join(' ');
  }, fieldSelector(path));
}

/** Waits until a field error of `path` matches `pattern` (its flags kept); returns the text. */
export async function expectFieldMessage(page, path, pattern) {
  try {
    await page.waitForFunction(
      ({ selector, source, flags }) => {
        const input = document.querySelector(selector);
        const ids = (input?.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
        return ids.some((id) => {
          const el = document.getElementById(id);
          return el && el.classList.contains('field-error') && new RegExp(source, flags).test(el.textContent);
        });
      },
      { selector: fieldSelector(path), source: pattern.source, flags: pattern.flags },
      { timeout: STEP_TIMEOUT },
    );
  } catch {
    const html = await page.locator(fieldSelector(path)).first().evaluate((e) => e.outerHTML).catch(() => '(no field)');
    assert.fail(
      `no .field-error matching ${pattern} referenced by aria-describedby of ${path}\n` +
        `field: ${html}\nmessage found: "${await fieldMessage(page, path)}"\n${await describePanel(page)}`,
    );
  }
  return fieldMessage(page, path);
}
