// The engine alone, as a portal uses it: the release build's engine/
// (misle_engine.js, misle_engine_bg.wasm, misle_engine.d.ts; wasm-bindgen
// --target web) imported by examples/engine-only.html, and its TypeScript
// declarations type-checked with tsc.
//
// The engine comes from $ENGINE/engine/ when ENGINE is set (e.g. the OUT of
// scripts/build-engine.sh OUT), else from $DIST/engine/ (trunk build).
// The test serves a temp dir laid out as the release is:
//     engine/...                    copied from the build
//     examples/engine-only.html     copied from the repository
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual, promisify } from 'node:util';
import { distDir, flow, launchBrowser } from './helpers.mjs';
import { serve } from './server.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..', '..');
const engineDir = join(resolve(process.env.ENGINE ?? distDir()), 'engine');
const FILES = ['misle_engine.js', 'misle_engine_bg.wasm', 'misle_engine.d.ts'];
const built = FILES.every((f) => existsSync(join(engineDir, f)));
// Only while the release build does not produce engine/ yet.
const todo = built ? undefined : `waiting for the release build to put engine/ into ${engineDir}`;

const readJson = async (name) => JSON.parse(await readFile(join(repo, 'tests', 'data', name), 'utf8'));
// The cases of the native engine tables (tests/engine.rs writes them when
// MISLE_ENGINE_CASES names a directory; scripts/test.sh and run.sh do).
const casesDir = resolve(process.env.MISLE_ENGINE_CASES ?? join(repo, 'target', 'engine-cases'));
const IDS = ['I1', 'I2', 'I3', 'I4', 'I5', 'I6', ...Array.from({ length: 16 }, (_, i) => `E${i + 1}`)];

describe('engine only (engine/misle_engine.js)', () => {
  let browser;
  let server;
  let root;
  let example;
  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'misle-engine-'));
    if (built) await cp(engineDir, join(root, 'engine'), { recursive: true });
    await cp(join(repo, 'examples', 'engine-only.html'), join(root, 'examples', 'engine-only.html'));
    server = await serve(root);
    example = `${server.origin}/examples/engine-only.html`;
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    if (root) await rm(root, { recursive: true, force: true });
  });

  /** The example page open and its engine loaded, in a checked flow (axe, same origin, no storage, no errors). */
  const onExample = (body) =>
    flow({ browser, server: { ...server, url: example } }, async (ctx) => {
      await ctx.page.waitForSelector('html[data-ready="true"]', { state: 'attached', timeout: 20_000 });
      await body(ctx);
    });

  test('evaluate() gives the contract examples their verdicts', { todo }, async () => {
    const eligible = await readJson('eligible.json');
    const example = await readJson('contract-example.json');
    await onExample(async ({ page }) => {
      const a = await page.evaluate((answers) => window.misleEvaluate(answers), eligible);
      assert.equal(a.schema, 'misle-report/1');
      assert.equal(a.verdict, 'potentially_eligible', JSON.stringify(a.criteria.filter((c) => c.outcome !== 'pass')));
      assert.equal(a.eligible_from, null);
      assert.equal(a.screening_date, '2026-11-26');
      assert.equal(a.baseline_date, '2026-12-20');
      assert.deepEqual(a.criteria.map((c) => c.id), IDS);
      assert.equal(a.criteria.find((c) => c.id === 'E11').outcome, 'site_review');
      assert.deepEqual(a.errors, []);

      const b = await page.evaluate((answers) => window.misleEvaluate(answers), example);
      assert.equal(b.verdict, 'not_yet_eligible');
      assert.equal(b.eligible_from, '2027-01-02');
      assert.deepEqual(b.criteria.map((c) => c.id), IDS);
      const e14 = b.criteria.find((c) => c.id === 'E14');
      assert.equal(e14.outcome, 'fail');
      assert.equal(e14.clears_on, '2027-01-02');
      assert.equal(typeof e14.reason, 'string');
      assert.ok(e14.reason.length > 0);
      // a plain object, JSON all the way down (no Map, no class instances)
      assert.deepEqual(JSON.parse(JSON.stringify(b)), b);
    });
  });

  test('evaluate() gives every case of the native engine tables the same report', { todo }, async () => {
    // tests/engine.rs: each case's answers, the "today" it used and the
    // report the native engine gave. The module reads the browser's clock
    // for "today", so a case without a screening date gets that day as its
    // screening date (the engine uses "today" for nothing else).
    assert.ok(existsSync(casesDir), `no engine cases in ${casesDir}: run MISLE_ENGINE_CASES=${casesDir} cargo test --test engine`);
    const cases = [];
    for (const file of (await readdir(casesDir)).filter((f) => f.endsWith('.jsonl')).sort()) {
      const lines = (await readFile(join(casesDir, file), 'utf8')).split('\n').filter(Boolean);
      lines.forEach((line, i) => cases.push({ name: `${file}:${i + 1}`, ...JSON.parse(line) }));
    }
    assert.ok(cases.length >= 150, `only ${cases.length} cases in ${casesDir}`);
    await onExample(async ({ page }) => {
      const got = await page.evaluate((all) =>
        all.map((c) => {
          const answers = { ...c.answers };
          if (answers.screening_date == null) answers.screening_date = c.today;
          try {
            return window.misleEvaluate(answers);
          } catch (e) {
            return { threw: String(e && e.message) };
          }
        }),
      cases);
      const differ = cases.filter((c, i) => !isDeepStrictEqual(got[i], c.report));
      const first = differ[0];
      assert.equal(
        differ.length,
        0,
        `${differ.length} of ${cases.length} cases differ from the native engine, e.g. ${first?.name}:\n` +
          `native ${JSON.stringify(first?.report)}\nmodule ${JSON.stringify(got[cases.indexOf(first)])}`,
      );
    });
  });

  test('evaluate() throws an Error naming the path for every kind of refusal, in a short message', { todo }, async () => {
    await onExample(async ({ page }) => {
      // Built in the page: Maps, Sets, Dates and functions cannot cross from Node.
      const thrown = await page.evaluate(() => {
        class Patient {
          constructor() {
            this.sex = 'female';
          }
        }
        const cyclic = { patient: {} };
        cyclic.patient.self = cyclic;
        const cases = {
          'wrong type': { patient: { weight_kg: 'heavy' } },
          'unknown field': { labs: { hemoglobin: { value: 11, unit: 'g/dL', flag: 1 } } },
          'bad date': { sle: { ana: { titer: 160, date: '2026-02-30' } } },
          'unknown word': { patient: { sex: 'other' } },
          'object given as an array': { sle: { ana: [160, '2026-10-01'] } },
          'object given as a string': { patient: 'Ann' },
          'a list entry': { conditions: { malignancy: [{ type: 'other' }, { date: '2020-13-01' }] } },
          'NaN': { patient: { weight_kg: NaN } },
          'Infinity': { labs: { egfr: { value: Infinity } } },
          'a Map as the document': new Map([['patient', { sex: 'female' }]]),
          'a Map inside': { patient: new Map([['sex', 'female']]) },
          'a Set': { sle: { acr_criteria: new Set(['arthritis']) } },
          'a Date': { screening_date: new Date(0) },
          'a class instance': { patient: new Patient() },
          'a function': { patient: { consent: () => true } },
          'a cycle': cyclic,
          'a 2 MB document': { patient: { sex: 'x'.repeat(2_000_000) } },
          'a long wrong word': { patient: { sex: 'y'.repeat(5_000) } },
        };
        const out = {};
        for (const [name, answers] of Object.entries(cases)) {
          try {
            window.misleEvaluate(answers);
            out[name] = '(did not throw)';
          } catch (e) {
            out[name] = e instanceof Error ? e.message : `(threw a non-Error: ${String(e)})`;
          }
        }
        return out;
      });
      const want = {
        'wrong type': /^patient\.weight_kg: invalid type: string "heavy", expected f64$/,
        'unknown field': /^labs\.hemoglobin\.flag: unknown field `flag`/,
        'bad date': /^sle\.ana\.date: invalid value: string "2026-02-30", expected a date YYYY-MM-DD$/,
        'unknown word': /^patient\.sex: unknown variant `other`, expected `female` or `male`$/,
        'object given as an array': /^sle\.ana: invalid type: sequence, expected an object$/,
        'object given as a string': /^patient: invalid type: string "Ann", expected an object$/,
        'a list entry': /^conditions\.malignancy\[1\]\.date: invalid value/,
        'NaN': /^patient\.weight_kg: invalid value: floating point `NaN`, expected a finite number$/,
        'Infinity': /^labs\.egfr\.value: invalid value: floating point `inf`, expected a finite number$/,
        'a Map as the document': /^answers: invalid type: an object of class Map, expected plain JSON data/,
        'a Map inside': /^patient: invalid type: an object of class Map, expected plain JSON data/,
        'a Set': /^sle\.acr_criteria: invalid type: an object of class Set/,
        'a Date': /^screening_date: invalid type: an object of class Date/,
        'a class instance': /^patient: invalid type: an object of class Patient/,
        'a function': /^patient\.consent: invalid type: a function/,
        'a cycle': /^patient(\.(self|patient))+: nested too deeply \(or refers to itself\)$/,
        'a 2 MB document': /^answers: the document is 2\.0 MB; an answers document is at most 1 MB, so it was not read$/,
        'a long wrong word': /^patient\.sex: unknown variant `y{40}…` \(5000 characters\), expected `female` or `male`$/,
      };
      for (const [name, re] of Object.entries(want)) {
        assert.match(thrown[name], re, name);
        assert.ok(thrown[name].length <= 300, `${name}: a message of ${thrown[name].length} characters`);
      }
    });
  });

  test('evaluate() 3,000 times, valid and invalid answers in turn: the same reports, and memory stays bounded', { todo }, async () => {
    // Protects the engine module's memory: freed blocks must be reused,
    // not leaked, and never handed out twice.
    const eligible = await readJson('eligible.json');
    const example = await readJson('contract-example.json');
    await onExample(async ({ page }) => {
      const r = await page.evaluate(
        async ([a, b]) => {
          // init() again returns the module's exports (it is already loaded).
          const { default: init } = await import('../engine/misle_engine.js');
          const wasm = await init();
          const first = [JSON.stringify(window.misleEvaluate(a)), JSON.stringify(window.misleEvaluate(b))];
          const sizes = [];
          let same = 0;
          for (let i = 0; i < 3000; i++) {
            if (JSON.stringify(window.misleEvaluate(i % 2 ? b : a)) === first[i % 2]) same++;
            try {
              window.misleEvaluate({ patient: { weight_kg: 'x'.repeat(i % 500) } });
            } catch (e) {
              // Quoted whole up to 40 characters, then cut with the length.
              if (/^patient\.weight_kg: invalid type: string ("x{0,40}"|"x{40}…" \(\d+ characters\)), expected f64$/.test(e.message)) same++;
            }
            if (i === 100 || i === 2999) sizes.push(wasm.memory.buffer.byteLength);
          }
          return { same, sizes };
        },
        [eligible, example],
      );
      assert.equal(r.same, 6000);
      assert.equal(r.sizes[1], r.sizes[0], `wasm memory grew from ${r.sizes[0]} to ${r.sizes[1]} bytes`);
    });
  });

  test('version() names the package and both schemas', { todo }, async () => {
    const cargo = await readFile(join(repo, 'Cargo.toml'), 'utf8');
    const pkgVersion = /^\[package\][^[]*?^version\s*=\s*"([^"]+)"/ms.exec(cargo)?.[1];
    await onExample(async ({ page }) => {
      const v = await page.evaluate(() => window.misleVersion());
      assert.deepEqual(v, { package: pkgVersion, answers_schema: 'misle-answers/1', report_schema: 'misle-report/1' });
    });
  });

  test('the example form builds answers, evaluates them and shows the verdict and what fails', { todo }, async () => {
    await onExample(async ({ page }) => {
      const verdict = () => page.locator('#verdict').getAttribute('data-verdict');
      const waitVerdict = async (word) => {
        await page
          .waitForSelector(`#verdict[data-verdict="${word}"]`, { state: 'attached' })
          .catch(async () => assert.fail(`expected ${word}, the example shows ${await verdict()}:\n${await page.locator('#out').innerText()}`));
      };

      await page.getByLabel('Screening date').fill('2026-11-26');
      await page.getByLabel('Birth date').fill('1980-05-01');
      await page.getByRole('radio', { name: 'female', exact: true }).check();
      await page.getByLabel('Weight (kg)').fill('70.5');
      await page.getByLabel('Value').fill('11.2');
      await page.getByLabel('Unit').selectOption('g/dL');
      await page.getByRole('group', { name: 'HIV positive' }).getByRole('radio', { name: 'no', exact: true }).check();
      await page.getByRole('button', { name: 'Evaluate' }).click();
      await waitVerdict('incomplete');
      const out = JSON.parse(await page.locator('#out').innerText());
      assert.deepEqual(out.answers, {
        schema: 'misle-answers/1',
        screening_date: '2026-11-26',
        patient: { birth_date: '1980-05-01', sex: 'female', weight_kg: 70.5 },
        labs: { hemoglobin: { value: 11.2, unit: 'g/dL' } },
        conditions: { hiv: false },
      });
      assert.equal(out.report.verdict, 'incomplete');
      assert.equal(out.report.derived.age_years, 46);
      // I1 (age) passes; I6 (consent) is unknown and listed with what is missing
      assert.equal(await page.locator('#criteria [data-criterion="I1"]').count(), 0);
      await page.locator('#criteria [data-criterion="I6"][data-outcome="unknown"]').waitFor();
      assert.match(await page.locator('#criteria [data-criterion="I6"]').innerText(), /patient\.consent/);

      // HIV positive: not eligible, E4 listed as failing with the engine's reason
      await page.getByRole('group', { name: 'HIV positive' }).getByRole('radio', { name: 'yes', exact: true }).check();
      await waitVerdict('not_eligible');
      assert.match(await page.locator('#criteria [data-criterion="E4"][data-outcome="fail"]').innerText(), /HIV/);

      // a weight that is not a number: the engine's refusal, naming the path
      await page.getByLabel('Weight (kg)').fill('heavy');
      await page.getByRole('button', { name: 'Evaluate' }).click();
      await page.locator('#error').filter({ hasText: 'patient.weight_kg' }).waitFor();
      assert.equal(await verdict(), '');

      // the example loaded nothing but the engine (no external resources)
      const loaded = await page.evaluate(() =>
        performance.getEntriesByType('resource').map((r) => new URL(r.name).pathname),
      );
      assert.deepEqual([...new Set(loaded)].sort(), ['/engine/misle_engine.js', '/engine/misle_engine_bg.wasm']);
    });
  });

  test('the TypeScript declarations type-check a full Answers and a Report (tsc --strict)', { todo }, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'misle-types-'));
    try {
      await cp(join(engineDir, 'misle_engine.d.ts'), join(dir, 'engine', 'misle_engine.d.ts'));
      await cp(join(here, 'types-check.ts'), join(dir, 'types-check.ts'));
      const d = await readFile(join(dir, 'engine', 'misle_engine.d.ts'), 'utf8');
      for (const name of ['interface Answers', 'interface Report', 'interface Version', 'interface Questionnaire', 'interface QuestionnaireResponse', 'interface Prefill', 'interface FhirBundle', 'type CheckerMessage', 'type HostMessage', 'type MessageId']) {
        assert.ok(d.includes(name), `engine/misle_engine.d.ts does not declare ${name}`);
      }
      assert.match(d, /export function evaluate\(answers: Answers\): Report;/);
      assert.match(d, /export function version\(\): Version;/);
      const tsc = join(here, 'node_modules', '.bin', 'tsc');
      assert.ok(existsSync(tsc), 'typescript is not installed (npm install in tests/browser)');
      const args = [
        '--no-install',
        'tsc',
        '--noEmit',
        '--strict',
        '--target', 'es2022',
        '--module', 'esnext',
        '--moduleResolution', 'bundler',
        '--lib', 'es2022,dom',
        join(dir, 'types-check.ts'),
      ];
      try {
        await promisify(execFile)('npx', args, { cwd: here, timeout: 120_000 });
      } catch (e) {
        assert.fail(`tsc --strict failed (exit ${e.code}):\n${e.stdout}${e.stderr}`);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
