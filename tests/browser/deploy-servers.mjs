// The real nginx and Caddy, run by deploy.test.mjs on the documented
// configurations (examples/deploy/) with the built page.
//
// A documented file is run as written except where a test machine must
// differ, each change made by pattern and counted, so that a file that
// changes shape stops the test instead of being run half-converted:
//   nginx.conf          the TLS listener becomes `listen 127.0.0.1:PORT;`, its
//                       certificate lines and the IPv6 listeners go, port 80
//                       becomes another loopback port, the root becomes the
//                       test's site and the frame-ancestors list the test's
//                       host origin;
//   nginx-subpath.conf  the alias becomes the build, and the locations are put
//                       in a copy of nginx.conf's loopback server (the
//                       "existing site", with the same headers) on its own
//                       port and with a root of its own;
//   Caddyfile           the site address becomes http://127.0.0.1:PORT, the root
//                       the test's site, frame-ancestors the host origin, and a
//                       global block turns off the admin endpoint and
//                       automatic HTTPS.
// Each server runs in the foreground with its pid, logs, temp files and
// (Caddy) home under a temp directory, and is stopped by its pid.
import { execFile, spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** How long a server may take to answer after it is started (ms). */
const READY_TIMEOUT = 15_000;
/** How long a server may take to exit after SIGTERM before it is killed (ms). */
const STOP_TIMEOUT = 5_000;

// ---------------------------------------------------------------------------
// Programs and ports.

/**
 * The path of an installed program: $ENV_NAME if set, else the first on
 * PATH or in /usr/sbin and /sbin (nginx is there, often not on a user's
 * PATH). Null when there is none.
 */
export function findProgram(name, envName) {
  if (process.env[envName]) return process.env[envName];
  const dirs = [...(process.env.PATH ?? '').split(delimiter), '/usr/sbin', '/sbin'].filter(Boolean);
  for (const dir of dirs) {
    try {
      accessSync(join(dir, name), constants.X_OK);
      return join(dir, name);
    } catch {
      // not here
    }
  }
  return null;
}

/** A TCP port of 127.0.0.1 that is free now (the kernel's choice). */
export async function freePort() {
  const server = createServer();
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', ok);
  });
  const { port } = server.address();
  await new Promise((ok) => server.close(ok));
  return port;
}

// ---------------------------------------------------------------------------
// Deriving the loopback variants.

/**
 * Replaces every match of the global regex `pattern` in `text` by
 * `replacement` (a string, taken literally, or a function as for
 * String.replace), failing unless it matches exactly `count` times.
 */
export function substitute(text, pattern, replacement, count, what) {
  const found = [...text.matchAll(pattern)].length;
  if (found !== count) {
    throw new Error(
      `expected ${count} × ${what} (${pattern}) in the documented file, found ${found}: ` +
        'if the file changed on purpose, change its loopback variant in tests/browser/deploy-servers.mjs',
    );
  }
  return text.replace(pattern, typeof replacement === 'function' ? replacement : () => replacement);
}

/** A path as one quoted token (nginx and Caddy alike); refuses a path with a quote. */
function quoted(path) {
  if (/["\\\n]/.test(path)) throw new Error(`cannot quote the path ${path}`);
  return `"${path}"`;
}

/**
 * The `{ }` blocks of an nginx configuration, nested ones too:
 * [{ head, start, end }], `head` the words before the brace on its line
 * (`server`, `location /`) and `text.slice(start, end)` the block from the
 * start of that line to its closing brace. Quoted strings and comments are
 * skipped, so a quoted regex with braces is not a block.
 */
export function nginxBlocks(text) {
  const blocks = [];
  const open = [];
  let quote = null;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
    } else if (ch === '#') {
      const eol = text.indexOf('\n', i);
      i = eol === -1 ? text.length : eol;
    } else if (ch === '{') {
      const start = text.lastIndexOf('\n', i) + 1;
      open.push({ head: text.slice(start, i).trim(), start });
    } else if (ch === '}') {
      const block = open.pop();
      if (!block) throw new Error(`an unmatched } at offset ${i}`);
      blocks.push({ ...block, end: i + 1 });
    }
  }
  if (open.length) throw new Error(`an unclosed block: ${open.at(-1).head}`);
  return blocks;
}

/**
 * examples/deploy/nginx.conf as a loopback server: the TLS server on
 * 127.0.0.1:`port`, the port-80 redirect server on 127.0.0.1:`redirectPort`,
 * `root` as the root and `frameAncestors` as the frame-ancestors sources.
 */
export function loopbackNginx(conf, { port, redirectPort, root, frameAncestors }) {
  let c = conf;
  c = substitute(c, /^[ \t]*listen \[::\]:(?:80|443)\b[^;\n]*;\n/gm, '', 2, 'an IPv6 listen line (port 80, 443)');
  c = substitute(c, /^([ \t]*)listen 80;$/gm, (_, indent) => `${indent}listen 127.0.0.1:${redirectPort};`, 1, 'listen 80');
  c = substitute(c, /^([ \t]*)listen 443 ssl\b[^;\n]*;$/gm, (_, indent) => `${indent}listen 127.0.0.1:${port};`, 1, 'listen 443 ssl');
  c = substitute(c, /^[ \t]*ssl_certificate(?:_key)?[ \t][^;\n]*;\n/gm, '', 2, 'an ssl_certificate(_key) line');
  c = substitute(c, /^([ \t]*)root[ \t]+\/srv\/misle-check;$/gm, (_, indent) => `${indent}root ${quoted(root)};`, 1, 'root /srv/misle-check');
  c = substitute(
    c,
    /^([ \t]*add_header Content-Security-Policy "[^"\n]*\bframe-ancestors )[^;"\n]*/gm,
    (_, head) => `${head}${frameAncestors}`,
    1,
    'the frame-ancestors sources of the Content-Security-Policy header',
  );
  return c;
}

/**
 * examples/deploy/nginx-subpath.conf in an existing site: the server of
 * `loopbackConf` (loopbackNginx's, on `port`) copied to listen on
 * `subPort` with `siteRoot` as its root, the sub-path locations (their
 * alias the build, `dist`) added at its end.
 */
export function loopbackNginxSubpath(loopbackConf, snippet, { port, subPort, siteRoot, dist }) {
  const servers = nginxBlocks(loopbackConf).filter(
    (b) => b.head === 'server' && loopbackConf.slice(b.start, b.end).includes(`listen 127.0.0.1:${port};`),
  );
  if (servers.length !== 1) throw new Error(`expected one server listening on ${port}, found ${servers.length}`);
  let server = loopbackConf.slice(servers[0].start, servers[0].end);
  server = substitute(server, new RegExp(`^([ \\t]*)listen 127\\.0\\.0\\.1:${port};$`, 'gm'), (_, i) => `${i}listen 127.0.0.1:${subPort};`, 1, 'the loopback listener');
  server = substitute(server, /^([ \t]*)root[ \t][^;\n]*;$/gm, (_, indent) => `${indent}root ${quoted(siteRoot)};`, 1, 'the root');
  const locations = substitute(
    snippet,
    /^([ \t]*)alias[ \t]+\/srv\/misle-check\/;$/gm,
    (_, indent) => `${indent}alias ${quoted(`${dist.replace(/\/$/, '')}/`)};`,
    1,
    'alias /srv/misle-check/',
  );
  const indented = locations.replace(/^(?=.)/gm, '    ');
  return `${server.slice(0, -1).trimEnd()}\n\n    # examples/deploy/nginx-subpath.conf\n${indented}}\n`;
}

/**
 * examples/deploy/Caddyfile as a loopback site: http://127.0.0.1:`port`,
 * `root` as the root, `frameAncestors` as the frame-ancestors sources; no
 * admin endpoint (it would listen on :2019) and no automatic HTTPS.
 */
export function loopbackCaddy(caddyfile, { port, root, frameAncestors }) {
  let c = caddyfile;
  c = substitute(c, /^[a-z0-9.-]+\.[a-z]{2,} \{$/gm, `http://127.0.0.1:${port} {`, 1, 'the site address line');
  c = substitute(c, /^([ \t]*root \* )\/srv\/misle-check$/gm, (_, head) => `${head}${quoted(root)}`, 1, 'root * /srv/misle-check');
  c = substitute(
    c,
    /^([ \t]*Content-Security-Policy "[^"\n]*\bframe-ancestors )[^;"\n]*/gm,
    (_, head) => `${head}${frameAncestors}`,
    1,
    'the frame-ancestors sources of the Content-Security-Policy header',
  );
  return `# the test's own global options\n{\n\tadmin off\n\tauto_https off\n}\n\n${c}`;
}

// ---------------------------------------------------------------------------
// Running them.

/**
 * nginx's main configuration for a run in `dir`: in the foreground, pid,
 * logs and temp files in `dir`, and `http` (the text of the http block).
 */
export function nginxMainConf(dir, http) {
  const root = process.getuid?.() === 0;
  return [
    '# written by tests/browser/deploy.test.mjs',
    ...(root
      ? ['# As root nginx would run its workers as "nobody", who cannot enter the', "# test's temp directory (mode 0700).", 'user root;']
      : []),
    'daemon off;',
    `pid ${quoted(join(dir, 'nginx.pid'))};`,
    'error_log stderr warn;',
    'events { worker_connections 64; }',
    'http {',
    `    access_log ${quoted(join(dir, 'access.log'))};`,
    ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `    ${t}_temp_path ${quoted(join(dir, `${t}_temp`))};`),
    http.replace(/^(?=.)/gm, '    '),
    '}',
    '',
  ].join('\n');
}

/**
 * Checks a main configuration with `nginx -t`; resolves to what nginx said,
 * or rejects with it.
 */
export async function nginxTest(nginx, dir, mainConf) {
  const file = join(dir, 'nginx-t.conf');
  await writeFile(file, mainConf);
  try {
    const { stdout, stderr } = await run(nginx, ['-t', '-p', dir, '-c', file], { timeout: READY_TIMEOUT });
    return `${stdout}${stderr}`;
  } catch (e) {
    throw new Error(`nginx -t failed:\n${e.stdout ?? ''}${e.stderr ?? e.message}\n--- ${file}:\n${mainConf}`);
  }
}

/** A throwaway self-signed certificate and key for `name`, written into `dir`: { cert, key }. */
export async function selfSignedCertificate(openssl, dir, name) {
  const cert = join(dir, 'cert.pem');
  const key = join(dir, 'key.pem');
  await run(openssl, [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
    '-keyout', key, '-out', cert, '-days', '1', '-subj', `/CN=${name}`,
  ], { timeout: READY_TIMEOUT });
  return { cert, key };
}

/**
 * The environment for Caddy: its home, config and data directories in
 * `dir`, so that it writes nothing in the user's home.
 */
export function caddyEnv(dir) {
  return { HOME: dir, XDG_CONFIG_HOME: join(dir, 'config'), XDG_DATA_HOME: join(dir, 'data') };
}

/** Checks a Caddyfile with `caddy validate`; rejects with what Caddy said. */
export async function caddyValidate(caddy, dir, file) {
  try {
    await run(caddy, ['validate', '--config', file, '--adapter', 'caddyfile'], {
      env: { ...process.env, ...caddyEnv(dir) },
      timeout: READY_TIMEOUT,
    });
  } catch (e) {
    throw new Error(`caddy validate ${file} failed:\n${e.stderr ?? e.message}`);
  }
}

/** Resolves after `ms`. */
const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

/**
 * Starts `command args` in the foreground and resolves once every URL of
 * `ready` answers (any HTTP status), polling; rejects, with what the
 * process printed, when it exits first or READY_TIMEOUT passes (then it is
 * stopped). Resolves to { pid, output(), stop() }: stop() sends SIGTERM to
 * that pid (SIGKILL after STOP_TIMEOUT) and resolves when it has exited.
 */
export async function startServer(name, command, args, { env = {}, ready }) {
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  let exit = null;
  const exited = new Promise((ok) => {
    child.once('exit', (code, signal) => ok((exit = { code, signal })));
    child.once('error', (error) => ok((exit = { error })));
  });
  const stop = async () => {
    if (exit) return exit;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT);
    await exited;
    clearTimeout(timer);
    return exit;
  };
  const deadline = Date.now() + READY_TIMEOUT;
  for (const url of ready) {
    for (;;) {
      if (exit) throw new Error(`${name} exited (${JSON.stringify(exit)}) before it answered:\n${output}`);
      try {
        await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(1_000) });
        break;
      } catch {
        if (Date.now() > deadline) {
          await stop();
          throw new Error(`${name} did not answer ${url} within ${READY_TIMEOUT} ms:\n${output}`);
        }
        await sleep(50);
      }
    }
  }
  return { pid: child.pid, output: () => output, stop };
}
