// Prints the built page's transfer sizes: every file, raw / gzip -9 /
// brotli q11 bytes (Node's zlib), totals for the page (everything in DIST but
// engine/) and the engine module (DIST/engine/: js and wasm; its .d.ts is
// listed apart, not shipped at runtime), and the gzip targets.
//
//   node tests/bench/sizes.mjs DIST [--json FILE]
//
// KB = 1024 bytes. gzip is GNU gzip's `gzip -9 -n` (no name or time in the
// header; scripts/size-budget.sh's `gzip -9` adds the file name, a few bytes
// more), else, without a gzip program, Node's zlib at level 9 (about 1% more
// for the wasm: zlib's deflate, as servers compressing on the fly use it).
// brotli is Node's zlib at quality 11, the window the brotli tool defaults to.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { table, targetLine } from './table.mjs';

export const PAGE_TARGET_KB = 200;
export const ENGINE_TARGET_KB = 100;

const args = process.argv.slice(2);
const dist = args[0];
const jsonAt = args.indexOf('--json');
if (!dist) {
  process.stderr.write('usage: node sizes.mjs DIST [--json FILE]\n');
  process.exit(2);
}

function files(dir) {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]))
    .sort();
}

/** GNU gzip if there is one. */
const gnuGzip = (() => {
  try {
    execFileSync('gzip', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
export const GZIP = gnuGzip ? 'gzip -9 -n' : "Node's zlib, level 9";
const gzip = (body) =>
  gnuGzip
    ? execFileSync('gzip', ['-9', '-n', '-c'], { input: body, maxBuffer: 1 << 30 }).length
    : gzipSync(body, { level: 9 }).length;

function measure(path) {
  const body = readFileSync(path);
  return {
    file: relative(dist, path),
    raw: body.length,
    gzip: gzip(body),
    brotli: brotliCompressSync(body, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_SIZE_HINT]: statSync(path).size,
      },
    }).length,
  };
}

const all = files(dist).map(measure);
const isEngine = (m) => m.file.startsWith('engine/');
/** What a portal loads of the engine module: its JS and its wasm. */
const isLoaded = (m) => /\.(js|mjs|wasm)$/.test(m.file) && !m.file.endsWith('.d.ts');
const page = all.filter((m) => !isEngine(m));
const engine = all.filter((m) => isEngine(m) && isLoaded(m));
const notShipped = all.filter((m) => isEngine(m) && !isLoaded(m));
const sum = (list) => list.reduce((a, m) => ({ raw: a.raw + m.raw, gzip: a.gzip + m.gzip, brotli: a.brotli + m.brotli }), {
  raw: 0,
  gzip: 0,
  brotli: 0,
});
const pageTotal = sum(page);
const engineTotal = sum(engine);

const row = (m) => [m.file, m.raw, m.gzip, m.brotli];
const rows = [
  ...page.map(row),
  ['page total', pageTotal.raw, pageTotal.gzip, pageTotal.brotli],
  null,
  ...engine.map(row),
  ['engine module total', engineTotal.raw, engineTotal.gzip, engineTotal.brotli],
];
if (notShipped.length) {
  rows.push(null);
  for (const m of notShipped) rows.push([`${m.file} (not loaded at runtime)`, m.raw, m.gzip, m.brotli]);
}
process.stdout.write(table(['file', 'raw B', 'gzip -9 B', 'brotli q11 B'], rows, ['l', 'r', 'r', 'r']));
process.stdout.write(`\ngzip: ${GZIP}; brotli: Node's zlib, quality 11\n\n`);
const pagePass = pageTotal.gzip <= PAGE_TARGET_KB * 1024;
const enginePass = engineTotal.gzip <= ENGINE_TARGET_KB * 1024;
process.stdout.write(
  targetLine(`whole page gzip at most ${PAGE_TARGET_KB} KB`, `${(pageTotal.gzip / 1024).toFixed(1)} KB`, pagePass),
);
process.stdout.write(
  targetLine(
    `engine module gzip at most ${ENGINE_TARGET_KB} KB`,
    `${(engineTotal.gzip / 1024).toFixed(1)} KB`,
    enginePass,
  ),
);
if (jsonAt > 0 && args[jsonAt + 1]) {
  writeFileSync(
    args[jsonAt + 1],
    JSON.stringify({ files: all, pageTotal, engineTotal, targets: { page: pagePass, engine: enginePass } }, null, 2),
  );
}
process.exitCode = pagePass && enginePass ? 0 : 3;
