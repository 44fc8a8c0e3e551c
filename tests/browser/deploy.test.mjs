// The deployment configurations of docs/deploying.md (issue #16), run in
// the real servers from Debian (nginx, caddy; scripts/setup.sh --test
// installs them, this test installs nothing):
//   (a) docs/deploying.md quotes every file of examples/deploy/ verbatim,
//       and every nginx or Caddy block in it is one of those files;
//   (b) nginx -t and caddy validate accept the files as written;
//   (c) each server, started on a loopback port with the built page and the
//       file changed only where a test machine must differ (deploy-servers.mjs
//       says exactly where), sends every header of "Headers to add" on the
//       HTML, the hashed assets and engine/; serves each file as built with
//       its documented content type and Cache-Control; redirects
//       /some/sub/path to /some/sub/path/; serves a page that reaches its
//       verdict in Chromium with no CSP violation; and can be framed by a page
//       on the loopback origin its frame-ancestors names, not by one on another.
// Each server is stopped, by its pid, by the suite that started it.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { get } from 'node:http';
import { cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, extname, join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import {
  caddyEnv,
  caddyValidate,
  findProgram,
  freePort,
  loopbackCaddy,
  loopbackNginx,
  loopbackNginxSubpath,
  nginxMainConf,
  nginxTest,
  selfSignedCertificate,
  startServer,
  substitute,
} from './deploy-servers.mjs';
import { distDir, expectVerdict, fillEligiblePatient, flow, launchBrowser, parseCsp, REQUIRED_CSP } from './helpers.mjs';
import { serve } from './server.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..', '..');
const DOC = join(repo, 'docs', 'deploying.md');
const EXAMPLES = join(repo, 'examples', 'deploy');

/** The line just above a quoted file's block: `<!-- examples/deploy/NAME, verbatim ... -->`. */
const MARKER = /^<!-- (examples\/deploy\/[^\s,]+), verbatim\b.*-->$/;

/**
 * The fenced code blocks of a markdown text, indented ones too:
 * [{ lang, body, line, quotes }]. `body` is the block's text with a final
 * newline (as a file has), `line` the fence's line number, `quotes` the file
 * a MARKER line just above names (or null).
 */
function fencedBlocks(markdown) {
  const lines = markdown.split('\n');
  const blocks = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^\s*```(\S*)\s*$/.exec(lines[i]);
    if (!open) continue;
    const end = lines.findIndex((l, j) => j > i && /^\s*```\s*$/.test(l));
    assert.ok(end > i, `an unclosed code block at line ${i + 1}`);
    blocks.push({
      lang: open[1],
      body: `${lines.slice(i + 1, end).join('\n')}\n`,
      line: i + 1,
      quotes: MARKER.exec(lines[i - 1] ?? '')?.[1] ?? null,
    });
    i = end;
  }
  return blocks;
}

/** Where two texts first differ, line by line, for a failure message. */
function firstDifference(quoted, file) {
  const a = quoted.split('\n');
  const b = file.split('\n');
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i]) return `first difference at line ${i + 1} of the file:\n  doc:  ${a[i] ?? '(end)'}\n  file: ${b[i] ?? '(end)'}`;
  }
  return 'no difference';
}

describe('(a) docs/deploying.md and examples/deploy/ cannot differ', () => {
  test('every nginx and Caddy block of docs/deploying.md is a file of examples/deploy/, byte for byte', async () => {
    const blocks = fencedBlocks(await readFile(DOC, 'utf8'));
    const configs = blocks.filter((b) => ['nginx', 'caddy', 'caddyfile'].includes(b.lang.toLowerCase()) || b.quotes);
    assert.ok(configs.length >= 3, `only ${configs.length} configuration blocks in docs/deploying.md`);
    for (const block of configs) {
      assert.ok(
        block.quotes,
        `the ${block.lang} block at docs/deploying.md:${block.line} is not a file: put it in examples/deploy/ ` +
          'and mark it with <!-- examples/deploy/NAME, verbatim (...) --> on the line above',
      );
      const file = await readFile(join(repo, block.quotes), 'utf8').catch(() => null);
      assert.ok(file !== null, `docs/deploying.md:${block.line} quotes ${block.quotes}, which does not exist`);
      assert.ok(
        block.body === file,
        `the block at docs/deploying.md:${block.line} differs from ${block.quotes} (edit both together); ${firstDifference(block.body, file)}`,
      );
    }
  });

  test('every file of examples/deploy/ is quoted in docs/deploying.md', async () => {
    const quoted = new Set(fencedBlocks(await readFile(DOC, 'utf8')).map((b) => b.quotes));
    const files = (await readdir(EXAMPLES)).map((f) => `examples/deploy/${f}`);
    assert.deepEqual(
      files.filter((f) => !quoted.has(f)),
      [],
      'files of examples/deploy/ that docs/deploying.md does not quote',
    );
  });
});

// ---------------------------------------------------------------------------
// (b), (c): the servers.

const dist = distDir();
/** Where the sub-path example serves the page (and where the site roots hold a second copy). */
const SUB = '/some/sub/path/';
/** How long the framed page may take to render in the frame (ms). */
const FRAME_TIMEOUT = 20_000;
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** The content type docs/deploying.md asks for, by extension: the media type (HTML: the whole value). */
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  // .ts (engine/misle_engine.d.ts): no type is documented.
};

/**
 * The headers of the "Headers to add" table of docs/deploying.md:
 * Map(lower-case name → value), the value null where the table gives no
 * literal one (the Content-Security-Policy, built by the test).
 */
async function documentedHeaders() {
  const doc = await readFile(DOC, 'utf8');
  const table = doc.split('\n## Headers to add\n')[1]?.split('\n#')[0] ?? '';
  const rows = [...table.matchAll(/^\| `([A-Za-z-]+)` \| (.+?) \| .* \|$/gm)];
  const headers = new Map(rows.map(([, name, value]) => [name.toLowerCase(), /^`[^`]+`$/.test(value) ? value.slice(1, -1) : null]));
  assert.deepEqual(
    [...headers.keys()].sort(),
    ['content-security-policy', 'permissions-policy', 'referrer-policy', 'strict-transport-security', 'x-content-type-options'],
    'the headers of the "Headers to add" table of docs/deploying.md',
  );
  return headers;
}

/** A name with a content hash, as docs/deploying.md lists them: main-<16 hex>.css, misle-check-<16 hex>(_bg).js/.wasm. */
const HASHED_NAME = /^[a-z-]+-[0-9a-f]{8,16}(?:_bg)?\.(?:css|js|wasm)$/;

/**
 * The paths a site serves, relative to its URL: the directory itself
 * (index.html), every file at the top of the build, and every file of
 * engine/. `hashed` are those with a content hash in their name, which must
 * be cached for a year.
 */
async function sitePaths() {
  const top = (await readdir(dist, { withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name);
  const hashed = top.filter((n) => HASHED_NAME.test(n));
  for (const ext of ['.css', '.js', '.wasm']) {
    assert.ok(hashed.some((n) => extname(n) === ext), `no hashed ${ext} file at the top of ${dist}`);
  }
  const engine = (await readdir(join(dist, 'engine'))).map((n) => `engine/${n}`);
  return { all: ['', ...top, ...engine], hashed: new Set(hashed) };
}

/** Every path of sitePaths() fetched from `base`: Map(path → { status, headers, body }). */
async function fetchSite(base, paths) {
  const got = new Map();
  for (const path of paths) {
    const res = await fetch(new URL(path, base), { redirect: 'manual' });
    got.set(path, { status: res.status, headers: res.headers, body: Buffer.from(await res.arrayBuffer()) });
  }
  return got;
}

/**
 * GET `url` with `headers` (node:http: fetch() does not send a Host header
 * of its own choosing): { status, headers } (lower-case names).
 */
function rawGet(url, headers) {
  return new Promise((ok, fail) => {
    get(url, { headers }, (res) => {
      res.resume();
      ok({ status: res.statusCode, headers: res.headers });
    }).on('error', fail);
  });
}

/** The file of the build a site path is (the directory itself is index.html). */
const builtFile = (path) => join(dist, path === '' ? 'index.html' : path);

/**
 * The host page of the frame test: it frames `?src=` and marks
 * `body[data-frame-loaded]` when the frame has loaded (its load event also
 * fires when the browser refuses the framed page and shows an error page).
 */
const HOST_PAGE = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>host</title><link rel="icon" href="data:,"></head>
<body><script>
const frame = document.createElement('iframe');
frame.title = 'the checker';
frame.width = 600;
frame.height = 400;
frame.addEventListener('load', () => { document.body.dataset.frameLoaded = 'yes'; });
frame.src = new URLSearchParams(location.search).get('src');
document.body.append(frame);
</script></body></html>
`;

/** Polls `condition()` until it is true (resolves true) or `timeout` ms pass (resolves false). */
async function until(condition, timeout) {
  const deadline = Date.now() + timeout;
  while (!condition()) {
    if (Date.now() > deadline) return false;
    await new Promise((ok) => setTimeout(ok, 50));
  }
  return true;
}

/**
 * Opens the host page of `host` framing `url` in a fresh context and waits
 * until the frame has loaded: { context, page, frame, messages } (console
 * messages of the host). Close the context when done.
 */
async function framedBy(browser, host, url) {
  const context = await browser.newContext();
  try {
    const messages = [];
    const page = await context.newPage();
    page.on('console', (m) => messages.push(m.text()));
    await page.goto(`${host.url}host.html?src=${encodeURIComponent(url)}`);
    await page.waitForSelector('body[data-frame-loaded]', { state: 'attached', timeout: FRAME_TIMEOUT });
    const frame = await (await page.$('iframe')).contentFrame();
    return { context, page, frame, messages };
  } catch (e) {
    await context.close();
    throw e;
  }
}

/**
 * What every suite of (b)/(c) shares: the browser, the build laid out as a
 * site (the build at its root and again under SUB), an empty "existing
 * site", and two host pages on loopback origins, `named` (the one the
 * servers' frame-ancestors names) and `other`.
 */
async function sharedSetup() {
  assert.ok(existsSync(join(dist, 'index.html')), `no built page at ${dist} (set DIST to trunk's output)`);
  const dir = await mkdtemp(join(tmpdir(), 'misle-deploy-'));
  const site = join(dir, 'site');
  await cp(dist, site, { recursive: true });
  await cp(dist, join(site, SUB), { recursive: true });
  const existingSite = join(dir, 'existing-site');
  await mkdir(existingSite);
  const hostDir = join(dir, 'host');
  await mkdir(hostDir);
  await writeFile(join(hostDir, 'host.html'), HOST_PAGE);
  const named = await serve(hostDir);
  const other = await serve(hostDir);
  const browser = await launchBrowser();
  return {
    dir,
    site,
    existingSite,
    named,
    other,
    browser,
    close: async () => {
      await browser.close();
      await named.close();
      await other.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The checks of (c) on one site, `site()` giving { url } once its server is
 * up (url: where the page is, ending in /), `shared()` the sharedSetup().
 * `redirectKeepsQuery`: false for a server whose slash redirect drops the
 * query string (Caddy 2.6; docs/deploying.md says so).
 */
function siteTests(label, site, shared, { redirectKeepsQuery = true } = {}) {
  let responses;
  let paths;
  const fetched = async () => {
    paths ??= await sitePaths();
    responses ??= await fetchSite(site().url, paths.all);
    return responses;
  };

  test(`${label}: the HTML, the hashed assets and engine/ each carry every header of "Headers to add"`, async () => {
    const expected = await documentedHeaders();
    const csp = { ...REQUIRED_CSP, 'frame-ancestors': [shared().named.origin] };
    const problems = [];
    for (const [path, res] of await fetched()) {
      for (const [name, value] of expected) {
        const got = res.headers.get(name);
        if (got === null) problems.push(`/${path}: no ${name}`);
        else if (value !== null && got !== value) problems.push(`/${path}: ${name}: ${got} (documented: ${value})`);
      }
      const policy = res.headers.get('content-security-policy');
      if (policy !== null) {
        try {
          assert.deepEqual(parseCsp(policy), csp);
        } catch {
          problems.push(`/${path}: Content-Security-Policy: ${policy}\n  expected the page's policy with frame-ancestors ${shared().named.origin}`);
        }
      }
    }
    assert.deepEqual(problems, [], `headers missing or wrong at ${site().url}:\n${problems.join('\n')}`);
  });

  test(`${label}: each file of the build is served as built, with its documented content type`, async () => {
    const problems = [];
    for (const [path, res] of await fetched()) {
      if (res.status !== 200) {
        problems.push(`/${path}: HTTP ${res.status}`);
        continue;
      }
      if (!res.body.equals(await readFile(builtFile(path)))) problems.push(`/${path}: not the built file`);
      const want = TYPES[extname(builtFile(path))];
      const type = res.headers.get('content-type') ?? '(none)';
      const got = want?.includes(';') ? type : type.split(';')[0].trim();
      if (want && got !== want) problems.push(`/${path}: Content-Type ${type} (documented: ${want})`);
    }
    assert.deepEqual(problems, [], `files served wrongly at ${site().url}:\n${problems.join('\n')}`);
  });

  test(`${label}: Cache-Control is a year and immutable for the hashed files, no-cache for index.html and engine/`, async () => {
    const responses = await fetched();
    const problems = [];
    for (const [path, res] of responses) {
      const want = paths.hashed.has(path) ? IMMUTABLE : 'no-cache';
      const got = res.headers.get('cache-control');
      if (got !== want) problems.push(`/${path}: Cache-Control ${got ?? '(none)'} (documented: ${want})`);
    }
    assert.deepEqual(problems, [], `Cache-Control wrong at ${site().url}:\n${problems.join('\n')}`);
  });

  const keeps = redirectKeepsQuery ? 'the same query' : 'the query dropped, as docs/deploying.md says';
  test(`${label}: ${SUB.slice(0, -1)}?embed=1 is redirected to ${SUB} (${keeps})`, async () => {
    const { origin } = new URL(site().url);
    const res = await fetch(`${origin}${SUB.slice(0, -1)}?embed=1`, { redirect: 'manual' });
    assert.ok([301, 308].includes(res.status), `HTTP ${res.status} for ${SUB.slice(0, -1)}, not a permanent redirect`);
    const location = res.headers.get('location');
    const to = location && new URL(location, origin).href;
    assert.equal(to, `${origin}${SUB}${redirectKeepsQuery ? '?embed=1' : ''}`, `redirected to ${location}`);
  });

  test(`${label}: in Chromium the page reaches its verdict, with no CSP violation and no request elsewhere`, async () => {
    const { url } = site();
    // Under the sub-path, opened without the slash as a visitor might type it.
    const opened = url.endsWith(SUB) ? url.slice(0, -1) : url;
    await flow({ browser: shared().browser, server: { origin: new URL(url).origin, url: opened } }, async ({ page }) => {
      assert.equal(page.url(), url, 'the page is shown at its own URL');
      await fillEligiblePatient(page);
      await expectVerdict(page, 'potentially_eligible');
    });
  });

  test(`${label}: a page on the origin frame-ancestors names can frame the checker; one on another loopback origin cannot`, async () => {
    const { url } = site();
    const { browser, named, other } = shared();
    const allowed = await framedBy(browser, named, url);
    try {
      assert.equal(allowed.frame.url(), url, `${named.origin} could not frame the checker`);
      await allowed.frame.waitForSelector('[data-verdict]', { state: 'attached', timeout: FRAME_TIMEOUT });
    } finally {
      await allowed.context.close();
    }
    const refused = await framedBy(browser, other, url);
    try {
      assert.notEqual(refused.frame.url(), url, `${other.origin}, not named in frame-ancestors, framed the checker`);
      assert.ok(
        await until(() => refused.messages.some((m) => m.includes('frame-ancestors')), FRAME_TIMEOUT),
        `no frame-ancestors refusal in the console of ${other.origin}: ${JSON.stringify(refused.messages)}`,
      );
    } finally {
      await refused.context.close();
    }
  });
}

describe('(b, c) the documented servers, run with the built page', () => {
  let shared;
  before(async () => {
    shared = await sharedSetup();
  });
  after(async () => {
    await shared?.close();
  });

  describe("nginx (Debian's): examples/deploy/nginx.conf and nginx-subpath.conf", () => {
    const nginx = findProgram('nginx', 'NGINX');
    const openssl = findProgram('openssl', 'OPENSSL');
    let dir;
    let server;
    const urls = {};
    before(async () => {
      assert.ok(nginx && openssl, 'no nginx or openssl: run scripts/setup.sh --test');
      dir = await mkdtemp(join(tmpdir(), 'misle-nginx-'));
      const [port, redirectPort, subPort] = [await freePort(), await freePort(), await freePort()];
      const conf = loopbackNginx(await readFile(join(EXAMPLES, 'nginx.conf'), 'utf8'), {
        port,
        redirectPort,
        root: shared.site,
        frameAncestors: shared.named.origin,
      });
      const sub = loopbackNginxSubpath(conf, await readFile(join(EXAMPLES, 'nginx-subpath.conf'), 'utf8'), {
        port,
        subPort,
        siteRoot: shared.existingSite,
        dist,
      });
      const main = join(dir, 'nginx.conf');
      await writeFile(main, nginxMainConf(dir, `${conf}\n${sub}`));
      urls.main = `http://127.0.0.1:${port}/`;
      urls.redirect = `http://127.0.0.1:${redirectPort}/`;
      urls.sub = `http://127.0.0.1:${subPort}${SUB}`;
      server = await startServer('nginx', nginx, ['-e', 'stderr', '-p', dir, '-c', main], {
        ready: [urls.main, urls.redirect, urls.sub],
      });
    });
    after(async () => {
      await server?.stop();
      if (dir) await rm(dir, { recursive: true, force: true });
    });

    test('nginx -t accepts nginx.conf and nginx-subpath.conf as written (their certificate a throwaway self-signed one)', async () => {
      const { cert, key } = await selfSignedCertificate(openssl, dir, 'checker.example.org');
      let conf = await readFile(join(EXAMPLES, 'nginx.conf'), 'utf8');
      conf = substitute(conf, /^([ \t]*ssl_certificate[ \t]+)[^;\n]*;$/gm, (_, head) => `${head}${cert};`, 1, 'ssl_certificate');
      conf = substitute(conf, /^([ \t]*ssl_certificate_key[ \t]+)[^;\n]*;$/gm, (_, head) => `${head}${key};`, 1, 'ssl_certificate_key');
      const snippet = await readFile(join(EXAMPLES, 'nginx-subpath.conf'), 'utf8');
      const existing = `server {\n    listen 127.0.0.1:8081;\n    server_name existing.example.org;\n${snippet}}\n`;
      await nginxTest(nginx, dir, nginxMainConf(dir, `${conf}\n${existing}`));
    });

    siteTests('nginx.conf at /', () => ({ url: urls.main }), () => shared);
    siteTests(`nginx-subpath.conf at ${SUB}`, () => ({ url: urls.sub }), () => shared);

    test("nginx.conf's port-80 server redirects every request to https://$host$request_uri", async () => {
      const res = await rawGet(`${urls.redirect}some/page?x=1`, { host: 'checker.example.org' });
      assert.equal(res.status, 301);
      assert.equal(res.headers.location, 'https://checker.example.org/some/page?x=1');
    });
  });

  describe("Caddy (Debian's): examples/deploy/Caddyfile", () => {
    const caddy = findProgram('caddy', 'CADDY');
    let dir;
    let server;
    let url;
    before(async () => {
      assert.ok(caddy, 'no caddy: run scripts/setup.sh --test');
      dir = await mkdtemp(join(tmpdir(), 'misle-caddy-'));
      const port = await freePort();
      const file = join(dir, 'Caddyfile');
      await writeFile(
        file,
        loopbackCaddy(await readFile(join(EXAMPLES, 'Caddyfile'), 'utf8'), {
          port,
          root: shared.site,
          frameAncestors: shared.named.origin,
        }),
      );
      url = `http://127.0.0.1:${port}/`;
      server = await startServer('caddy', caddy, ['run', '--config', file, '--adapter', 'caddyfile'], {
        env: caddyEnv(dir),
        ready: [url],
      });
    });
    after(async () => {
      await server?.stop();
      if (dir) await rm(dir, { recursive: true, force: true });
    });

    test('caddy validate accepts the Caddyfile as written', async () => {
      await caddyValidate(caddy, dir, join(EXAMPLES, 'Caddyfile'));
    });

    siteTests('Caddyfile at /', () => ({ url }), () => shared, { redirectKeepsQuery: false });
  });
});
