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
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
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

  test('evaluate() throws an Error naming the path of an invalid answer', { todo }, async () => {
    await onExample(async ({ page }) => {
      const thrown = await page.evaluate(() => {
        try {
          window.misleEvaluate({ patient: { weight_kg: 'heavy' } });
          return null;
        } catch (e) {
          return { isError: e instanceof Error, message: String(e && e.message) };
        }
      });
      assert.ok(thrown, 'evaluate({patient:{weight_kg:"heavy"}}) did not throw');
      assert.ok(thrown.isError, `it threw something that is not an Error: ${thrown.message}`);
      assert.match(thrown.message, /patient\.weight_kg/);

      const unknown = await page.evaluate(() => {
        try {
          window.misleEvaluate({ labs: { hemoglobin: { value: 11, unit: 'g/dL', flag: 1 } } });
          return null;
        } catch (e) {
          return String(e && e.message);
        }
      });
      assert.match(unknown ?? '(did not throw)', /labs\.hemoglobin\.flag/);
    });
  });

  test('evaluate() 3,000 times, valid and invalid answers in turn: the same reports, and memory stays bounded', { todo }, async () => {
    // Protects the engine module's small free-list allocator (lol_alloc):
    // freed blocks must be reused, not leaked, and never handed out twice.
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
              if (/^patient\.weight_kg: invalid type: string "x*", expected f64$/.test(e.message)) same++;
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
      for (const name of ['interface Answers', 'interface Report', 'interface Version']) {
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
