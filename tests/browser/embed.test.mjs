// Embedding: the checker framed by a host page on another origin, in embed
// mode (?embed=1), talking postMessage only with the origins ?parent= names.
//
// Three local origins: the checker ($DIST) and two hosts (the same temp dir
// of generated pages, served twice). Host pages record every message they
// get in window.__got as { origin, data }.
//
//   host.html?frame=URL[&sibling=URL]   frames URL (600 px wide); the sibling
//                                      frame, when given, is another page
//   sender.html                        a page that posts to its parent's
//                                      first frame (a sibling, not the parent)
import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { assertNoAxeViolations, distDir, launchBrowser } from './helpers.mjs';
import { serve } from './server.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..', '..');
/** How long "nothing arrives" is watched (ms). */
const QUIET = 1_500;
const LOAD_TIMEOUT = 20_000;
const FRAME_WIDTH = 600;

const readJson = async (name) => JSON.parse(await readFile(join(repo, 'tests', 'data', name), 'utf8'));

// The page's wasm carries the protocol's words once embedding is built in;
// only until then are these tests todo.
async function embeddingBuilt(dist) {
  const wasm = (await readdir(dist).catch(() => [])).filter((f) => f.endsWith('.wasm'));
  for (const f of wasm) {
    if ((await readFile(join(dist, f))).includes('misle:ready')) return true;
  }
  return false;
}
const todo = (await embeddingBuilt(distDir())) ? undefined : 'waiting for the page to implement embedding (?embed=1, ?parent=, misle:* messages)';

const RECORDER = `window.__got = [];
window.addEventListener('message', (e) => window.__got.push({ origin: e.origin, data: e.data }));`;

const HOST_HTML = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Test host</title><link rel="icon" href="data:,">
<style>body { margin: 0; } iframe { display: block; border: 0; width: ${FRAME_WIDTH}px; height: 700px; }</style>
<script>${RECORDER}</script></head>
<body><main><h1>Test host</h1></main>
<script>
const q = new URLSearchParams(location.search);
for (const [key, title] of [['frame', 'checker'], ['sibling', 'sibling']]) {
  if (!q.get(key)) continue;
  const f = document.createElement('iframe');
  f.title = title;
  f.src = q.get(key);
  document.querySelector('main').append(f);
}
</script></body></html>
`;

const SENDER_HTML = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Sibling sender</title><link rel="icon" href="data:,">
<script>${RECORDER}
window.sendToChecker = (msg, origin) => parent.frames[0].postMessage(msg, origin);</script></head>
<body><p>sibling</p></body></html>
`;

describe('embedding (?embed=1, ?parent=, postMessage)', () => {
  let browser;
  let checker; // the page under test
  let hostB; // named in ?parent=
  let hostC; // never named
  let hostDir;
  let pkgVersion;
  before(async () => {
    const dist = distDir();
    checker = await serve(dist);
    hostDir = await mkdtemp(join(tmpdir(), 'misle-host-'));
    await writeFile(join(hostDir, 'host.html'), HOST_HTML);
    await writeFile(join(hostDir, 'sender.html'), SENDER_HTML);
    hostB = await serve(hostDir);
    hostC = await serve(hostDir);
    assert.notEqual(hostB.origin, hostC.origin);
    browser = await launchBrowser();
    const cargo = await readFile(join(repo, 'Cargo.toml'), 'utf8');
    pkgVersion = /^\[package\][^[]*?^version\s*=\s*"([^"]+)"/ms.exec(cargo)?.[1];
  });
  after(async () => {
    await browser?.close();
    await Promise.all([checker?.close(), hostB?.close(), hostC?.close()]);
    if (hostDir) await rm(hostDir, { recursive: true, force: true });
  });

  /** The checker's URL with these query parameters. */
  const checkerUrl = (params) => `${checker.origin}/?${new URLSearchParams(params)}`;

  /**
   * Opens host.html on `host` framing `frameUrl` (and `sibling`), waits for
   * the checker to render, runs `body`, then checks nothing threw and the
   * checker loaded nothing from elsewhere.
   */
  async function withHost(host, frameUrl, body, { sibling } = {}) {
    const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
    context.setDefaultTimeout(5_000);
    const page = await context.newPage();
    const errors = [];
    const foreign = [];
    const warnings = [];
    page.on('console', (m) => {
      if (m.type() === 'warning') warnings.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(String(e && e.stack ? e.stack : e)));
    page.on('response', (r) => {
      if (r.status() >= 400) errors.push(`HTTP ${r.status()} ${r.url()}`);
    });
    page.on('request', (r) => {
      const frame = r.frame();
      if (frame && frame.url().startsWith(checker.origin) && new URL(r.url()).origin !== checker.origin) {
        foreign.push(r.url());
      }
    });
    try {
      const params = new URLSearchParams({ frame: frameUrl });
      if (sibling) params.set('sibling', sibling);
      await page.goto(`${host.origin}/host.html?${params}`);
      const frameLoc = page.frameLocator('iframe[title="checker"]');
      await frameLoc.locator('[data-verdict]').waitFor({ state: 'attached', timeout: LOAD_TIMEOUT });
      const frame = page.frames().find((f) => f.url().startsWith(checker.origin));
      assert.ok(frame, 'the checker frame is not among the page frames');
      const ctx = {
        page,
        frame,
        frameLoc,
        got: () => page.evaluate(() => window.__got),
        /** The console warnings of the host and its frames so far. */
        warnings: () => warnings.filter((w) => w.startsWith('misle-check:')),
        ofType: async (type) => (await ctx.got()).filter((m) => m.data && m.data.type === type),
        /** Waits until the host has a message of `type` (and `pred`), returns it. */
        waitFor: async (type, pred = () => true, timeout = 5_000) => {
          const deadline = Date.now() + timeout;
          for (;;) {
            const hit = (await ctx.ofType(type)).filter((m) => pred(m.data)).at(-1);
            if (hit) return hit;
            if (Date.now() > deadline) {
              assert.fail(`no ${type} message arrived at ${host.origin}; it got:\n${summarize(await ctx.got())}`);
            }
            await page.waitForTimeout(50);
          }
        },
        /** Waits until the host has more than `count` messages of `type`, returns the newest. */
        waitForNew: async (type, count, timeout = 5_000) => {
          const deadline = Date.now() + timeout;
          for (;;) {
            const all = await ctx.ofType(type);
            if (all.length > count) return all.at(-1);
            if (Date.now() > deadline) assert.fail(`no new ${type} message arrived; the host got:\n${summarize(await ctx.got())}`);
            await page.waitForTimeout(50);
          }
        },
        /** Posts `msg` from the host page to the checker frame. */
        send: (msg, targetOrigin = checker.origin) =>
          page.evaluate(
            ([m, o]) => document.querySelector('iframe[title="checker"]').contentWindow.postMessage(m, o),
            [msg, targetOrigin],
          ),
      };
      await body(ctx);
      assert.deepEqual(foreign, [], `the checker loaded from elsewhere:\n${foreign.join('\n')}`);
      assert.deepEqual(errors, [], `errors:\n${errors.join('\n')}`);
    } finally {
      await context.close();
    }
  }

  const summarize = (got) =>
    got
      .map((m) => `  from ${m.origin}: ${JSON.stringify(m.data).slice(0, 160)}`)
      .join('\n') || '  (nothing)';

  const weight = (frameLoc) => frameLoc.locator('input[data-path="patient.weight_kg"]').inputValue();
  const shownVerdict = (frameLoc) => frameLoc.locator('[data-verdict]').getAttribute('data-verdict');
  const expectFrameVerdict = async (frameLoc, word) => {
    await frameLoc
      .locator(`[data-verdict="${word}"]`)
      .waitFor({ state: 'attached' })
      .catch(async () => assert.fail(`the frame shows ${await shownVerdict(frameLoc)}, expected ${word}`));
  };

  test('prefill fills the visible questionnaire; the host gets misle:ready and misle:report', { todo }, async () => {
    const eligible = await readJson('eligible.json');
    const example = await readJson('contract-example.json');
    await withHost(hostB, checkerUrl({ embed: '1', parent: hostB.origin }), async (h) => {
      const ready = await h.waitFor('misle:ready');
      assert.equal(ready.origin, checker.origin);
      assert.deepEqual(ready.data.version, {
        package: pkgVersion,
        answers_schema: 'misle-answers/1',
        report_schema: 'misle-report/1',
      });
      // the empty questionnaire's report
      const first = await h.waitFor('misle:report');
      assert.equal(first.data.report.verdict, 'incomplete');

      await h.send({ type: 'misle:prefill', answers: eligible });
      const field = h.frameLoc.locator('input[data-path="patient.weight_kg"]');
      await field.waitFor({ state: 'visible' });
      await assert.doesNotReject(
        h.frame.waitForFunction(() => document.querySelector('input[data-path="patient.weight_kg"]')?.value === '70.5', null, { timeout: 5_000 }),
        'the weight field does not show 70.5',
      );
      assert.equal(await weight(h.frameLoc), '70.5');
      assert.ok(await h.frameLoc.locator('input[type=radio][data-path="patient.sex"][value="female"]').isChecked());
      assert.ok(await h.frameLoc.locator('input[type=radio][data-path="labs.hemoglobin.unit"][value="g/dL"]').isChecked(), 'the hemoglobin unit is not shown');
      await expectFrameVerdict(h.frameLoc, 'potentially_eligible');
      assert.ok(await h.frameLoc.locator('[data-verdict]').isVisible(), 'the verdict is not visible in the frame');

      const r = await h.waitFor('misle:report', (d) => d.report?.verdict === 'potentially_eligible');
      assert.equal(r.origin, checker.origin);
      assert.equal(r.data.report.schema, 'misle-report/1');
      assert.equal(r.data.report.criteria.length, 22);
      assert.deepEqual(
        r.data.report.criteria.map((c) => c.id),
        ['I1', 'I2', 'I3', 'I4', 'I5', 'I6', ...Array.from({ length: 16 }, (_, i) => `E${i + 1}`)],
      );
      assert.equal(r.data.report.screening_date, '2026-11-26');

      // a second prefill replaces the answers: not yet eligible from 2027-01-02
      await h.send({ type: 'misle:prefill', answers: example });
      await expectFrameVerdict(h.frameLoc, 'not_yet_eligible');
      const r2 = await h.waitFor('misle:report', (d) => d.report?.verdict === 'not_yet_eligible');
      assert.equal(r2.data.report.eligible_from, '2027-01-02');
      assert.equal(r2.data.report.criteria.find((c) => c.id === 'E14').outcome, 'fail');

      // a change made inside the frame is reported too
      const before = (await h.ofType('misle:report')).length;
      const box = h.frameLoc.locator('input[type=radio][data-path="conditions.hiv"][value="true"]');
      await box.click();
      await expectFrameVerdict(h.frameLoc, 'not_eligible');
      await h.waitFor('misle:report', (d) => d.report?.verdict === 'not_eligible');
      assert.ok((await h.ofType('misle:report')).length > before);

      // every message came from the checker's origin
      assert.deepEqual([...new Set((await h.got()).map((m) => m.origin))], [checker.origin]);
    });
  });

  test('misle:resize reports the page height, and again when it changes', { todo }, async () => {
    const eligible = await readJson('eligible.json');
    await withHost(hostB, checkerUrl({ embed: '1', parent: hostB.origin }), async (h) => {
      const first = await h.waitFor('misle:resize');
      assert.equal(first.origin, checker.origin);
      assert.equal(typeof first.data.height, 'number');
      assert.ok(Number.isFinite(first.data.height) && first.data.height > 0, `height ${first.data.height}`);
      // a full patient: sections appear, missing-answer lists go; the height changes
      await h.send({ type: 'misle:prefill', answers: eligible });
      await expectFrameVerdict(h.frameLoc, 'potentially_eligible');
      const changed = await h.waitFor('misle:resize', (d) => d.height !== first.data.height);
      assert.ok(changed.data.height > 0);
      // the last height posted is the content's height (what the host sizes the frame to)
      await h.page.waitForTimeout(300);
      const last = (await h.ofType('misle:resize')).at(-1).data.height;
      const doc = await h.frame.evaluate(() => document.documentElement.scrollHeight);
      assert.ok(
        Math.abs(last - doc) <= 40,
        `the last resize said ${last} px, the frame's document is ${doc} px high`,
      );
    });
  });

  test('messages go only to the origins ?parent= names', { todo }, async () => {
    const named = checkerUrl({ embed: '1', parent: hostB.origin });
    // framed by an origin it does not name: nothing arrives there
    await withHost(hostC, named, async (h) => {
      await h.frameLoc.locator('input[type=radio][data-path="conditions.hiv"][value="false"]').click();
      await h.page.waitForTimeout(QUIET);
      assert.deepEqual(await h.got(), [], `the unnamed host ${hostC.origin} received:\n${summarize(await h.got())}`);
      // and the frame's console says why
      assert.deepEqual(h.warnings(), [
        `misle-check: this page is framed by ${hostC.origin} but ?parent= names ${hostB.origin}: the browser delivers nothing to it.`,
      ]);
    });
    // the named host does get them (so the silence above is the origin check)
    await withHost(hostB, named, async (h) => {
      await h.waitFor('misle:ready');
      await h.waitFor('misle:report');
      await h.waitFor('misle:resize');
      assert.deepEqual(h.warnings(), []);
    });
    // a list of two: each named host gets them
    const both = checkerUrl({ embed: '1', parent: `${hostB.origin},${hostC.origin}` });
    for (const host of [hostB, hostC]) {
      await withHost(host, both, async (h) => {
        await h.waitFor('misle:ready');
        await h.waitFor('misle:report');
      });
    }
    // an origin named twice: each message arrives once
    await withHost(hostB, checkerUrl({ embed: '1', parent: `${hostB.origin},${hostB.origin}` }), async (h) => {
      await h.waitFor('misle:ready');
      await h.waitFor('misle:report');
      await h.page.waitForTimeout(QUIET);
      assert.equal((await h.ofType('misle:ready')).length, 1, summarize(await h.got()));
    });
  });

  test('a prefill from an origin not named changes nothing', { todo }, async () => {
    const eligible = await readJson('eligible.json');
    // from the parent itself, at an origin the checker does not name
    await withHost(hostC, checkerUrl({ embed: '1', parent: hostB.origin }), async (h) => {
      const verdictBefore = await shownVerdict(h.frameLoc);
      await h.send({ type: 'misle:prefill', answers: eligible });
      await h.page.waitForTimeout(QUIET);
      assert.equal(await weight(h.frameLoc), '', 'the weight was filled by an unnamed origin');
      assert.equal(await shownVerdict(h.frameLoc), verdictBefore);
    });
    // from a sibling frame at another origin, while the named host listens
    const sibling = `${hostC.origin}/sender.html`;
    await withHost(
      hostB,
      checkerUrl({ embed: '1', parent: hostB.origin }),
      async (h) => {
        await h.waitFor('misle:report');
        await h.page.waitForTimeout(300); // let the first resizes settle
        const before = await h.got();
        const sender = h.page.frames().find((f) => f.url().startsWith(sibling));
        assert.ok(sender, 'no sibling frame');
        await sender.evaluate(
          ([answers, origin]) => {
            window.sendToChecker({ type: 'misle:prefill', answers }, origin);
            window.sendToChecker({ type: 'misle:prefill', answers: { patient: { sex: 'x' } } }, origin);
          },
          [eligible, checker.origin],
        );
        await h.page.waitForTimeout(QUIET);
        assert.equal(await weight(h.frameLoc), '', 'the weight was filled by a sibling frame');
        assert.equal(await shownVerdict(h.frameLoc), 'incomplete');
        const after = await h.got();
        const newTypes = after.slice(before.length).map((m) => m.data?.type);
        assert.deepEqual(
          newTypes.filter((t) => t !== 'misle:resize'),
          [],
          `the checker answered a message from ${hostC.origin}:\n${summarize(after.slice(before.length))}`,
        );
        assert.deepEqual(await sender.evaluate(() => window.__got), [], 'the sibling got an answer');
      },
      { sibling },
    );
  });

  test('without ?parent= (or with a wildcard) nothing is posted at all', { todo }, async () => {
    for (const params of [{ embed: '1' }, {}, { embed: '1', parent: '*' }, { embed: '1', parent: '' }]) {
      await withHost(hostB, checkerUrl(params), async (h) => {
        await h.page.waitForTimeout(QUIET);
        await h.frameLoc.locator('input[type=radio][data-path="patient.sex"][value="female"]').click();
        await h.frameLoc.locator('input[type=radio][data-path="conditions.hiv"][value="true"]').click();
        await expectFrameVerdict(h.frameLoc, 'not_eligible'); // the change took effect
        await h.page.waitForTimeout(QUIET);
        assert.deepEqual(await h.got(), [], `with ?${new URLSearchParams(params)} the host received:\n${summarize(await h.got())}`);
        // a portal that got ?parent= wrong is told why nothing arrives;
        // a page framed without embed mode or ?parent= says nothing
        const warned = h.warnings();
        if (params.embed || 'parent' in params) {
          assert.equal(warned.length, 1, `with ?${new URLSearchParams(params)} the console said: ${JSON.stringify(warned)}`);
          assert.match(warned[0], /\?parent= is missing or not a list of origins/);
        } else {
          assert.deepEqual(warned, []);
        }
      });
    }
  });

  test('examples/embed-host.html prefills its sample, matches the reply by its id, and shows the verdict', { todo }, async () => {
    const examples = await serve(join(repo, 'examples'));
    const context = await browser.newContext({ viewport: { width: 1300, height: 900 } });
    try {
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(`${examples.origin}/embed-host.html?checker=${encodeURIComponent(`${checker.origin}/`)}`);
      await page.locator('#status', { hasText: /^Prefill 1 answered: \w+\.$/ }).waitFor({ timeout: LOAD_TIMEOUT });
      const status = await page.locator('#status').textContent();
      const shown = await page.locator('#verdict').textContent();
      assert.equal(status, `Prefill 1 answered: ${shown}.`);
      assert.equal(await page.locator('#criteria tr').count(), 22);
      // "Prefill again" is answered although the report does not change
      await page.locator('#prefill').click();
      await page.locator('#status', { hasText: `Prefill 2 answered: ${shown}.` }).waitFor();
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
      await examples.close();
    }
  });

  test('a prefill is answered by one report, echoing its id, even when nothing changed; a refusal echoes it too', { todo }, async () => {
    const example = await readJson('contract-example.json');
    const bundle = JSON.parse(await readFile(join(repo, 'examples', 'fhir', 'patient-record-bundle.json'), 'utf8'));
    await withHost(hostB, checkerUrl({ embed: '1', parent: hostB.origin }), async (h) => {
      await h.waitFor('misle:ready');
      await h.waitFor('misle:report');
      await h.page.waitForTimeout(300);
      const reports = async () => (await h.ofType('misle:report')).map((m) => m.data);

      // a string id: the reply carries the prefill's report
      let n = (await reports()).length;
      await h.send({ type: 'misle:prefill', answers: example, id: 'p-1' });
      const first = await h.waitFor('misle:report', (d) => d.in_reply_to === 'p-1');
      assert.equal(first.data.report.verdict, 'not_yet_eligible');
      await h.page.waitForTimeout(QUIET);
      assert.equal((await reports()).length, n + 1, `one report per prefill:\n${summarize(await h.got())}`);

      // the same answers again (a number id): the report did not change, and is sent anyway
      n = (await reports()).length;
      await h.send({ type: 'misle:prefill', answers: example, id: 42 });
      const again = await h.waitFor('misle:report', (d) => d.in_reply_to === 42);
      assert.deepEqual(again.data.report, first.data.report);
      await h.page.waitForTimeout(QUIET);
      assert.equal((await reports()).length, n + 1, 'the unchanged report was sent more than once');

      // a Bundle's prefill is answered the same way
      await h.send({ type: 'misle:prefill-fhir', bundle, id: 'b-1' });
      const filled = await h.waitFor('misle:report', (d) => d.in_reply_to === 'b-1');
      assert.equal(filled.data.report.schema, 'misle-report/1');
      // the record's birth date stands in for the age typed before: cleared, and the message says so
      assert.equal(await h.frameLoc.locator('input[data-path="patient.age_years"]').inputValue(), '');
      await h.frameLoc.getByText(/Cleared, as the record's answers stand in their place: Age\b/).waitFor();

      // a refusal echoes the id; a prefill without an id gets a reply without in_reply_to
      await h.send({ type: 'misle:prefill', answers: { schema: 'misle-answers/1', patient: { sex: 'x' } }, id: 'bad' });
      const refused = await h.waitFor('misle:error', (d) => d.in_reply_to === 'bad');
      assert.match(refused.data.message, /^patient\.sex: unknown variant/);
      n = (await reports()).length;
      await h.send({ type: 'misle:prefill', answers: example });
      const plain = await h.waitForNew('misle:report', n);
      assert.equal('in_reply_to' in plain.data, false);

      // an id that cannot be echoed (too long, not a string or a number) refuses the prefill
      for (const id of ['x'.repeat(201), { n: 1 }, null, true]) {
        n = (await reports()).length;
        const errors = (await h.ofType('misle:error')).length;
        await h.send({ type: 'misle:prefill', answers: { schema: 'misle-answers/1', patient: { weight_kg: 50 } }, id });
        const refusedId = await h.waitForNew('misle:error', errors);
        assert.match(refusedId.data.message, /^id: not a string of at most 200 characters or a finite number/);
        assert.equal('in_reply_to' in refusedId.data, false);
        await h.page.waitForTimeout(300);
        assert.equal((await reports()).length, n, 'a refused prefill posted a report');
        assert.equal(await weight(h.frameLoc), '70.5', 'a refused prefill changed the form');
      }

      // reports of the clinician's own changes carry no in_reply_to
      n = (await reports()).length;
      await h.frameLoc.locator('input[type=radio][data-path="conditions.hiv"][value="true"]').click();
      const typed = await h.waitFor('misle:report', (d) => d.report?.verdict === 'not_eligible');
      assert.equal('in_reply_to' in typed.data, false);
      assert.equal((await reports()).length, n + 1);
    });
  });

  test('invalid prefill answers get misle:error naming the path, and change nothing', { todo }, async () => {
    const eligible = await readJson('eligible.json');
    await withHost(hostB, checkerUrl({ embed: '1', parent: hostB.origin }), async (h) => {
      await h.waitFor('misle:ready');
      await h.send({ type: 'misle:prefill', answers: eligible });
      await expectFrameVerdict(h.frameLoc, 'potentially_eligible');
      const reports = (await h.ofType('misle:report')).length;

      await h.send({ type: 'misle:prefill', answers: { ...eligible, patient: { ...eligible.patient, sex: 'x' } } });
      const err = await h.waitFor('misle:error');
      assert.equal(err.origin, checker.origin);
      assert.equal(typeof err.data.message, 'string');
      assert.match(err.data.message, /patient\.sex/);

      await h.send({ type: 'misle:prefill', answers: { labs: { hemoglobin: { value: 'high' } } } });
      await h.waitFor('misle:error', (d) => /labs\.hemoglobin\.value/.test(d.message));

      // NaN cannot be JSON: it is refused at its path, never silently read as "not known"
      await h.send({ type: 'misle:prefill', answers: { patient: { weight_kg: NaN } } });
      await h.waitFor('misle:error', (d) => /patient\.weight_kg/.test(d.message));

      // refused whole: the questionnaire keeps the answers it had
      await h.page.waitForTimeout(500);
      assert.equal(await weight(h.frameLoc), '70.5');
      assert.equal(await shownVerdict(h.frameLoc), 'potentially_eligible');
      assert.equal((await h.ofType('misle:report')).length, reports, 'a refused prefill posted a report');
    });
  });

  test('FHIR: misle:prefill takes a QuestionnaireResponse, misle:prefill-fhir a Bundle; bad FHIR gets misle:error and changes nothing', { todo }, async () => {
    const eligible = await readJson('eligible.json');
    const bundle = JSON.parse(await readFile(join(repo, 'examples', 'fhir', 'patient-record-bundle.json'), 'utf8'));
    await withHost(hostB, checkerUrl({ embed: '1', parent: hostB.origin }), async (h) => {
      await h.waitFor('misle:ready');
      // A response written by the engine module, as a portal would keep one.
      const response = await h.frame.evaluate(async (answers) => {
        const engine = await import('./engine/misle_engine.js');
        await engine.default();
        return engine.to_questionnaire_response(answers);
      }, eligible);
      await h.send({ type: 'misle:prefill', answers: response });
      await expectFrameVerdict(h.frameLoc, 'potentially_eligible');
      assert.equal(await weight(h.frameLoc), '70.5');

      // The record fills in; the weight it does not give stays.
      await h.send({ type: 'misle:prefill-fhir', bundle });
      await h.frameLoc.locator('[data-source="labs.creatinine.value"]').waitFor();
      assert.equal(await h.frameLoc.locator('input[data-path="labs.creatinine.value"]').inputValue(), '0.9');
      assert.equal(await weight(h.frameLoc), '70.5');
      assert.match(await h.frameLoc.locator('[data-load-message]').innerText(), /^Filled 19 answers from the record sent by the portal/);
      const reports = (await h.ofType('misle:report')).length;

      const bad = structuredClone(bundle);
      bad.entry[1].resource.status = 7;
      await h.send({ type: 'misle:prefill-fhir', bundle: bad });
      await h.waitFor('misle:error', (d) => d.message === 'entry[1].resource.status: invalid type: integer `7`, expected a string');
      await h.send({ type: 'misle:prefill-fhir', bundle: { entry: [] } });
      await h.waitFor('misle:error', (d) => d.message === 'resourceType: missing: not a FHIR Bundle');
      await h.send({ type: 'misle:prefill', answers: { ...response, questionnaire: 'http://example.org/q' } });
      await h.waitFor('misle:error', (d) => /^questionnaire: this response answers another questionnaire/.test(d.message));
      await h.send({ type: 'misle:prefill', answers: bundle });
      await h.waitFor('misle:error', (d) => /misle:prefill-fhir/.test(d.message));

      await h.page.waitForTimeout(500);
      assert.equal(await h.frameLoc.locator('input[data-path="labs.creatinine.value"]').inputValue(), '0.9');
      assert.equal((await h.ofType('misle:report')).length, reports, 'a refused prefill posted a report');
    });
  });

  test('bad input at the boundary: non-JSON values, huge prefills and long words are refused naming where, in a short message, and change nothing', { todo }, async () => {
    const eligible = await readJson('eligible.json');
    await withHost(hostB, checkerUrl({ embed: '1', parent: hostB.origin }), async (h) => {
      await h.waitFor('misle:ready');
      await h.send({ type: 'misle:prefill', answers: eligible });
      await expectFrameVerdict(h.frameLoc, 'potentially_eligible');
      const reports = (await h.ofType('misle:report')).length;

      // Each built in the host page (Maps, Sets and Dates cannot cross from
      // Node), posted, and answered with misle:error.
      const cases = [
        ['a Map as the answers', () => new Map([['patient', { sex: 'female' }]]), /^answers: invalid type: an object of class Map/],
        ['a Map inside', () => ({ patient: new Map([['sex', 'male']]) }), /^patient: invalid type: an object of class Map/],
        ['a Set', () => ({ sle: { acr_criteria: new Set(['arthritis']) } }), /^sle\.acr_criteria: invalid type: an object of class Set/],
        ['a Date', () => ({ screening_date: new Date(0) }), /^screening_date: invalid type: an object of class Date/],
        ['10 MB in a word', () => ({ patient: { sex: 'x'.repeat(10_000_000) } }), /^answers: the document is 10\.0 MB; an answers document is at most 1 MB, so it was not read$/],
        ['1.2 MB of list entries', () => ({ conditions: { malignancy: Array.from({ length: 70_000 }, () => ({ type: 'other' })) } }), /^answers: the document is 1\.\d MB; an answers document is at most 1 MB/],
        ['a long wrong word', () => ({ patient: { sex: 'y'.repeat(50_000) } }), /^patient\.sex: unknown variant `y{40}…` \(50000 characters\), expected `female` or `male`$/],
        // Read in linear time: refused at its first key, not after seconds.
        ['40,000 keys', () => ({ patient: Object.fromEntries(Array.from({ length: 40_000 }, (_, i) => [`k${i}`, i])) }), /^patient\.k\d+: unknown field `k\d+`/],
      ];
      for (const [name, build, want] of cases) {
        const before = (await h.ofType('misle:error')).length;
        await h.page.evaluate(
          ([src, origin]) => {
            const msg = { type: 'misle:prefill', answers: (0, eval)(src)() };
            document.querySelector('iframe[title="checker"]').contentWindow.postMessage(msg, origin);
          },
          [build.toString(), checker.origin],
        );
        const err = await h.waitForNew('misle:error', before, 10_000);
        assert.match(err.data.message, want, name);
        assert.ok(err.data.message.length <= 300, `${name}: a message of ${err.data.message.length} characters`);
      }

      // Nothing changed: the answers, the verdict, no report posted; and
      // the page still answers a valid prefill at once.
      assert.equal(await weight(h.frameLoc), '70.5');
      assert.equal(await shownVerdict(h.frameLoc), 'potentially_eligible');
      assert.equal((await h.ofType('misle:report')).length, reports, 'a refused prefill posted a report');
      await h.send({ type: 'misle:prefill', answers: { ...eligible, patient: { ...eligible.patient, weight_kg: 80 } } });
      for (let i = 0; (await weight(h.frameLoc)) !== '80'; i++) {
        assert.ok(i < 100, `after the refusals, a valid prefill did not fill the page (weight ${await weight(h.frameLoc)})`);
        await h.page.waitForTimeout(50);
      }
      await expectFrameVerdict(h.frameLoc, 'potentially_eligible');
    });
  });

  test('embed mode fits a 600 px frame: no horizontal scroll, no page chrome', { todo }, async () => {
    const example = await readJson('contract-example.json');
    const chrome = [
      'header',
      '.lead',
      'a.skip',
      '[data-action="print"]',
      '[data-action="save-answers"]',
      '[data-action="load-answers"]',
      '[data-action="copy-summary"]',
      '[data-action="clear-all"]',
    ];
    const visibleChrome = (frame) =>
      frame.evaluate((sels) => {
        const shown = (el) => {
          const r = el.getBoundingClientRect();
          const s = getComputedStyle(el);
          return r.width > 1 && r.height > 1 && s.visibility !== 'hidden' && s.display !== 'none';
        };
        const found = sels.filter((s) => [...document.querySelectorAll(s)].some(shown));
        if ([...document.querySelectorAll('h1')].some(shown)) found.push('h1 (visible title)');
        return found;
      }, chrome);
    const noHorizontalScroll = async (frame, when) => {
      const m = await frame.evaluate(() => ({
        sw: document.documentElement.scrollWidth,
        cw: document.documentElement.clientWidth,
        bw: document.body.scrollWidth,
      }));
      assert.ok(m.cw <= 600, `the frame is ${m.cw} px wide`);
      assert.ok(m.sw <= m.cw && m.bw <= m.cw, `horizontal scroll ${when}: scrollWidth ${m.sw} (body ${m.bw}) > clientWidth ${m.cw}`);
    };

    // the full page in the same frame has the chrome (so the selectors mean something)
    await withHost(hostB, checkerUrl({}), async (h) => {
      assert.ok((await visibleChrome(h.frame)).length >= 3, 'the full page shows no chrome to compare with');
    });

    await withHost(hostB, checkerUrl({ embed: '1', parent: hostB.origin }), async (h) => {
      assert.deepEqual(await visibleChrome(h.frame), [], 'page chrome is visible in embed mode');
      // the questionnaire and the verdict are there
      await h.frameLoc.locator('[data-section="patient"]').waitFor({ state: 'visible' });
      await h.frameLoc.locator('input[data-path="patient.weight_kg"]').waitFor({ state: 'visible' });
      assert.ok(await h.frameLoc.locator('[data-verdict]').isVisible(), 'the verdict is not visible');
      await noHorizontalScroll(h.frame, 'when empty');

      await h.send({ type: 'misle:prefill', answers: example });
      await expectFrameVerdict(h.frameLoc, 'not_yet_eligible');
      await noHorizontalScroll(h.frame, 'with a not-yet-eligible report');
    });
  });

  test('embed mode passes axe-core (empty and with a report)', { todo }, async () => {
    const example = await readJson('contract-example.json');
    await withHost(hostB, checkerUrl({ embed: '1', parent: hostB.origin }), async (h) => {
      await assertNoAxeViolations(h.frame);
      await h.send({ type: 'misle:prefill', answers: example });
      await expectFrameVerdict(h.frameLoc, 'not_yet_eligible');
      await assertNoAxeViolations(h.frame);
    });
  });
});
