// The deployment configurations of docs/deploying.md (issue #16).
//   (a) docs/deploying.md quotes every file of examples/deploy/ verbatim,
//       and every nginx or Caddy block in it is one of those files.
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

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
