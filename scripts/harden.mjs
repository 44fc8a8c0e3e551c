#!/usr/bin/env node
// Hardens Trunk's output so that the built page keeps its privacy promise on
// its own, whatever server it is put on (docs/deploying.md):
//
//   - a Content-Security-Policy <meta> (CSP below) and
//     <meta name="referrer" content="no-referrer">, first in <head>;
//   - Trunk's inline start-up <script type="module"> moved to the end of the
//     wasm-bindgen glue, written as a new misle-check-<hash>.js (replacing
//     the glue and its modulepreload) loaded with `integrity`, so the CSP
//     needs no 'unsafe-inline'; it fetches the .wasm with `integrity` too;
//   - integrity on every asset, each digest checked against its file;
//   - every asset URL relative (Trunk.toml public_url = "./"), so the page
//     works under any path;
//   - <link rel="icon" href="data:,">: no /favicon.ico request (404);
//   - the page's JS and the engine module's JS minified (terser, from
//     scripts/node_modules: scripts/setup.sh installs it), before their
//     digests are taken: -1.8 KB and -1.0 KB gzip. wasm-bindgen's import
//     names are property names, which terser keeps.
//
// It also writes engine/integrity.json (the SRI digests of the engine module
// files) when engine/ exists.
//
// It fails (exit 1, message on stderr) whenever Trunk's output is not exactly
// what it knows how to harden, so that a Trunk upgrade or an edit of
// index.html cannot silently ship a page without the CSP.
//
//   node scripts/harden.mjs [DIR]   DIR: $TRUNK_STAGING_DIR (the Trunk hook), else dist
//
// Run by scripts/post-build.sh (Trunk's post_build hook), after build-engine.sh.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * `code` (an ES module) minified. Exports keep their names, and so do
 * property names (wasm-bindgen's import object is keyed by them).
 */
async function minified(code, where) {
  let minify;
  try {
    ({ minify } = await import('terser'));
  } catch {
    fail('terser is not installed in scripts/node_modules: run scripts/setup.sh');
  }
  const out = await minify(code, { module: true, ecma: 2020, compress: { passes: 2 }, mangle: true, format: { comments: false } });
  if (typeof out.code !== 'string' || out.code.length === 0) fail(`${where}: terser gave no code`);
  return `${out.code}\n`;
}

/**
 * The page's policy. Each directive, and why (docs/deploying.md repeats this):
 *   default-src 'none'        anything not named below is refused (fonts,
 *                             media, frames, workers, manifests, prefetch, ...)
 *   script-src 'self' 'wasm-unsafe-eval'
 *                             the page's own module files only; no inline
 *                             script, no eval; compiling its WebAssembly
 *   style-src 'self'          the page's own stylesheet; no inline styles
 *   img-src data:             the page shows no images; data: only for the
 *                             empty icon below (no network request possible)
 *   connect-src 'self'        fetch() of its own .wasm; nothing leaves
 *   form-action 'none'        no form is ever submitted anywhere
 *   base-uri 'none'           no <base> can redirect the relative URLs
 *   object-src 'none'         no plugins
 *   frame-src 'none'          the page frames nothing
 * frame-ancestors cannot be set by <meta> (browsers ignore it there): it is a
 * header the deployer sets (docs/deploying.md).
 */
export const CSP = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  'img-src data:',
  "connect-src 'self'",
  "form-action 'none'",
  "base-uri 'none'",
  "object-src 'none'",
  "frame-src 'none'",
].join('; ');

const HASH = 'sha384';

class HardenError extends Error {}
const fail = (msg) => {
  throw new HardenError(msg);
};

export function sri(bytes, algo = HASH) {
  return `${algo}-${createHash(algo).update(bytes).digest('base64')}`;
}

/** Attributes of a start tag's attribute text, lowercased names. */
function attributes(text) {
  const attrs = new Map();
  const re = /([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;
  for (const m of text.matchAll(re)) {
    const name = m[1].toLowerCase();
    if (attrs.has(name)) fail(`duplicate attribute ${name} in <${text.trim()}>`);
    attrs.set(name, m[2] ?? m[3] ?? m[4] ?? '');
  }
  return attrs;
}

/** A relative asset URL `./name` naming a file directly in `dir`; returns the name. */
function localFile(dir, url, where) {
  const m = /^\.\/([A-Za-z0-9][A-Za-z0-9._-]*)$/.exec(url);
  if (!m) {
    fail(
      `${where}: asset URL "${url}" is not relative ("./name"). Trunk.toml must keep public_url = "./" ` +
        '(and no --public-url), so the page works under any path.',
    );
  }
  const file = join(dir, m[1]);
  if (!existsSync(file) || !statSync(file).isFile()) fail(`${where}: "${url}" is not a file in ${dir}`);
  return m[1];
}

/** Checks that `integrity` holds a correct digest of `dir/name`. */
function checkIntegrity(dir, name, integrity, where) {
  if (!integrity) fail(`${where}: no integrity attribute (Trunk's data-integrity must stay on, sha384)`);
  const bytes = readFileSync(join(dir, name));
  const tokens = integrity.trim().split(/\s+/);
  const ok = tokens.some((t) => {
    const algo = /^(sha256|sha384|sha512)-/.exec(t)?.[1];
    return algo && t === sri(bytes, algo);
  });
  if (!ok) fail(`${where}: integrity "${integrity}" does not match ${name}`);
}

// Elements that load, run or style something. index.html has none of its own:
// Trunk's output may contain exactly its one start-up script, which is moved.
const FORBIDDEN = new Set(
  'script style base iframe frame frameset object embed img image picture source video audio track svg math form template portal applet'.split(
    ' ',
  ),
);
const URL_ATTRS = new Set(['src', 'srcset', 'href', 'action', 'formaction', 'data', 'poster', 'background', 'ping']);

// Trunk 0.21's start-up module for a main Rust app with `public_url = "./"`
// (src/pipelines/rust/output.rs, default_initializer, init_with_object).
const TRUNK_LOADER =
  /^\s*<script type="module">\s*import init, \* as bindings from '\.\/([A-Za-z0-9._-]+\.js)';\s*const wasm = await init\(\{ module_or_path: '\.\/([A-Za-z0-9._-]+\.wasm)' \}\);\s*window\.wasmBindings = bindings;\s*dispatchEvent\(new CustomEvent\("TrunkApplicationStarted", \{detail: \{wasm\}\}\)\);\s*<\/script>/;

/** Hardens `dir/index.html` in place; returns a summary of what it did. */
export async function harden(dir) {
  const indexPath = join(dir, 'index.html');
  if (!existsSync(indexPath)) fail(`no index.html in ${dir}`);
  let html = readFileSync(indexPath, 'utf8');
  const where = indexPath;

  if (/http-equiv\s*=\s*["']?content-security-policy/i.test(html)) {
    fail(`${where} already has a Content-Security-Policy (run this once, on Trunk's fresh output)`);
  }
  if (/{{__TRUNK_|TRUNK_WS|__trunk/i.test(html)) {
    fail(`${where} carries Trunk's auto-reload script, which the CSP blocks: serve with --no-autoreload (scripts/serve.sh)`);
  }

  // 1. Trunk's one inline start-up script.
  const scripts = html.match(/<script\b/gi) ?? [];
  if (scripts.length !== 1) fail(`${where}: expected exactly 1 <script> (Trunk's start-up module), found ${scripts.length}`);
  const start = html.search(/<script\b/i);
  const loaderMatch = TRUNK_LOADER.exec(html.slice(start));
  if (!loaderMatch) {
    fail(
      `${where}: Trunk's start-up script is not the one scripts/harden.mjs knows (Trunk 0.21.14, public_url "./"):\n` +
        html.slice(start, start + 600),
    );
  }
  const [trunkScript, jsUrlName, wasmUrlName] = loaderMatch;
  html = html.slice(0, start) + html.slice(start + trunkScript.length);
  const js = localFile(dir, `./${jsUrlName}`, `${where} (start-up script)`);
  const wasm = localFile(dir, `./${wasmUrlName}`, `${where} (start-up script)`);

  // 2. Every other tag: nothing that loads, runs or styles, except the links.
  const links = [];
  for (const m of html.matchAll(/<([A-Za-z][A-Za-z0-9-]*)\b((?:[^>"']|"[^"]*"|'[^']*')*)>/g)) {
    const name = m[1].toLowerCase();
    const attrs = attributes(m[2].replace(/\/\s*$/, ''));
    const tag = m[0];
    if (FORBIDDEN.has(name)) fail(`${where}: <${name}> is not allowed in the page (CSP, privacy): ${tag}`);
    for (const [a, v] of attrs) {
      if (a.startsWith('on') || a === 'style') fail(`${where}: inline ${a}= is not allowed: ${tag}`);
      if (URL_ATTRS.has(a) && name !== 'link') fail(`${where}: URL attribute ${a}= on <${name}>: ${tag}`);
      if (/^\s*javascript:/i.test(v)) fail(`${where}: javascript: URL: ${tag}`);
    }
    if (name === 'meta' && (attrs.has('http-equiv') || attrs.get('name')?.toLowerCase() === 'referrer')) {
      fail(`${where}: unexpected ${tag} (this script writes the CSP and referrer policy)`);
    }
    if (name === 'link') links.push({ tag, attrs });
  }

  // 3. The links: the stylesheet(s), the modulepreload of the glue and the
  //    preload of the wasm; relative, and with a correct integrity each.
  let modulepreload = null;
  let preload = 0;
  for (const { tag, attrs } of links) {
    const rel = attrs.get('rel')?.toLowerCase();
    const href = attrs.get('href') ?? '';
    const file = localFile(dir, href, `${where}: ${tag}`);
    checkIntegrity(dir, file, attrs.get('integrity'), `${where}: ${tag}`);
    if (rel === 'stylesheet') continue;
    if (rel === 'modulepreload' && file === js && modulepreload === null) {
      modulepreload = tag;
    } else if (rel === 'preload' && file === wasm && attrs.get('as') === 'fetch') {
      if (attrs.get('crossorigin') !== 'anonymous') fail(`${where}: the wasm preload must be crossorigin="anonymous" to match fetch(): ${tag}`);
      preload += 1;
    } else {
      fail(`${where}: unexpected link (teach scripts/harden.mjs about it, and check the CSP allows it): ${tag}`);
    }
  }
  if (modulepreload === null) fail(`${where}: expected 1 modulepreload of ${js} with integrity`);
  if (preload !== 1) fail(`${where}: expected 1 preload of ${wasm} (as=fetch) with integrity, found ${preload}`);

  // 4. The start-up module: the glue with Trunk's start-up code appended.
  //    Not a separate loader importing the glue: nothing enforces integrity
  //    on a static import (a modulepreload whose integrity fails is simply
  //    fetched again, unchecked, by the import; Chromium 156 does so). As the
  //    top-level module of a <script integrity>, the glue is checked. The
  //    wasm is fetched with its integrity (Chromium ignores integrity on an
  //    as=fetch preload, and a preload's integrity never covers another
  //    fetch); the preload stays, so the wasm downloads in parallel and that
  //    fetch reuses it.
  const glue = readFileSync(join(dir, js), 'utf8');
  if (/^\s*import\b(?!\s*[.(])/m.test(glue) || /\bimport\s*\(/.test(glue)) {
    fail(`${join(dir, js)}: the wasm-bindgen glue imports another module (snippets?), which no integrity would cover`);
  }
  if (!/^async function __wbg_init\(/m.test(glue) || !/__wbg_init as default/.test(glue)) {
    fail(`${join(dir, js)}: the wasm-bindgen glue has no __wbg_init (default export); teach scripts/harden.mjs the new glue`);
  }
  const wasmIntegrity = sri(readFileSync(join(dir, wasm)));
  const startCode = await minified(
    `${glue.replace(/\s*$/, '\n')}await __wbg_init({ module_or_path: fetch(new URL('./${wasm}', import.meta.url), { integrity: '${wasmIntegrity}' }) });\n`,
    join(dir, js),
  );
  const startName = `misle-check-${createHash('sha256').update(startCode).digest('hex').slice(0, 16)}.js`;
  rmSync(join(dir, js));
  writeFileSync(join(dir, startName), startCode);
  html = html.replace(modulepreload, '');
  const startTag = `<script type="module" src="./${startName}" integrity="${sri(startCode)}"></script>`;

  // 5. The head: policy first (a <meta> CSP governs only what follows it),
  //    the start-up module last (after the stylesheet and the wasm preload).
  const head = /<head>\s*<meta charset="utf-8"\s*\/?>/i.exec(html);
  if (!head) fail(`${where}: <head> must start with <meta charset="utf-8"> (the CSP goes right after it)`);
  const policy =
    `\n    <meta http-equiv="Content-Security-Policy" content="${CSP}" />` +
    `\n    <meta name="referrer" content="no-referrer" />` +
    `\n    <link rel="icon" href="data:," />`;
  html = html.slice(0, head.index + head[0].length) + policy + html.slice(head.index + head[0].length);
  const closeHead = html.indexOf('</head>');
  if (closeHead < 0 || html.indexOf('</head>', closeHead + 1) >= 0) fail(`${where}: expected one </head>`);
  html = `${html.slice(0, closeHead)}\n    ${startTag}\n  ${html.slice(closeHead)}`;
  // tidy the blank lines the removed script left
  html = html.replace(/\n\s*\n(\s*\n)+/g, '\n');
  writeFileSync(indexPath, html);

  // 6. The engine module's digests, for portals that import it.
  let engine = null;
  const engineDir = join(dir, 'engine');
  if (existsSync(engineDir)) {
    engine = {};
    const engineJs = join(engineDir, 'misle_engine.js');
    if (existsSync(engineJs)) writeFileSync(engineJs, await minified(readFileSync(engineJs, 'utf8'), engineJs));
    for (const f of readdirSync(engineDir).sort()) {
      if (/\.(js|wasm)$/.test(f)) engine[f] = sri(readFileSync(join(engineDir, f)));
    }
    if (!engine['misle_engine.js'] || !engine['misle_engine_bg.wasm']) fail(`${engineDir}: engine module files missing`);
    writeFileSync(join(engineDir, 'integrity.json'), `${JSON.stringify(engine, null, 2)}\n`);
  }
  return { start: startName, wasm, engine };
}

const isMain = process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (isMain) {
  const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR ?? 'dist';
  try {
    if (process.env.TRUNK_PUBLIC_URL !== undefined && process.env.TRUNK_PUBLIC_URL !== './') {
      fail(`Trunk's public_url is "${process.env.TRUNK_PUBLIC_URL}"; it must be "./" (Trunk.toml), so asset URLs are relative`);
    }
    const done = await harden(dir);
    process.stdout.write(`harden: CSP, referrer policy and ${done.start} written into ${dir}\n`);
  } catch (e) {
    process.stderr.write(`\nharden: FAILED, the page would ship without its CSP:\n${e instanceof HardenError ? e.message : e.stack}\n\n`);
    process.exit(1);
  }
}
