// Prints criterion's estimates of the benchmarks it wrote since a time: for
// each, the time per iteration criterion reports (its slope estimate, else
// the mean) with the 95% confidence interval, the median and the standard
// deviation. Reads TARGET/criterion/**/new/{benchmark,estimates}.json.
//
//   node tests/bench/criterion.mjs TARGET_DIR SINCE_EPOCH_MS [--json FILE]
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { table, targetLine } from './table.mjs';

/** benches/evaluate.rs: under 20 µs per full evaluation. */
const TARGETS = { 'evaluate full answers': 20_000 };

const args = process.argv.slice(2);
const [target, since] = args;
const jsonAt = args.indexOf('--json');
if (!target || !since) {
  process.stderr.write('usage: node criterion.mjs TARGET_DIR SINCE_EPOCH_MS [--json FILE]\n');
  process.exit(2);
}
const root = join(target, 'criterion');

function estimateDirs(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (!e.isDirectory()) return [];
    const d = join(dir, e.name);
    if (e.name === 'new') return existsSync(join(d, 'estimates.json')) ? [d] : [];
    if (e.name === 'base' || e.name === 'change' || e.name === 'report') return [];
    return estimateDirs(d);
  });
}

/** Nanoseconds as the bench prints them. */
export function duration(ns) {
  if (ns < 1e3) return `${ns.toFixed(1)} ns`;
  if (ns < 1e6) return `${(ns / 1e3).toFixed(3)} µs`;
  if (ns < 1e9) return `${(ns / 1e6).toFixed(3)} ms`;
  return `${(ns / 1e9).toFixed(3)} s`;
}

const results = estimateDirs(root)
  .filter((d) => statSync(join(d, 'estimates.json')).mtimeMs >= Number(since))
  .map((d) => {
    const est = JSON.parse(readFileSync(join(d, 'estimates.json'), 'utf8'));
    const bench = existsSync(join(d, 'benchmark.json'))
      ? JSON.parse(readFileSync(join(d, 'benchmark.json'), 'utf8'))
      : { full_id: d };
    const time = est.slope ?? est.mean;
    return {
      name: bench.full_id ?? bench.title,
      estimate: est.slope ? 'slope' : 'mean',
      time: time.point_estimate,
      low: time.confidence_interval.lower_bound,
      high: time.confidence_interval.upper_bound,
      median: est.median.point_estimate,
      stdDev: est.std_dev.point_estimate,
    };
  })
  .sort((a, b) => a.name.localeCompare(b.name));

if (results.length === 0) {
  process.stderr.write(`criterion.mjs: no estimates written since the run started under ${root}\n`);
  process.exit(1);
}
process.stdout.write(
  table(
    ['benchmark', 'time', '95% interval', 'median', 'std dev'],
    results.map((r) => [
      r.name,
      duration(r.time),
      `${duration(r.low)} .. ${duration(r.high)}`,
      duration(r.median),
      duration(r.stdDev),
    ]),
    ['l', 'r', 'r', 'r', 'r'],
  ),
);
process.stdout.write('\n');
let pass = true;
for (const [name, limit] of Object.entries(TARGETS)) {
  const r = results.find((x) => x.name === name);
  if (!r) continue;
  const ok = r.time < limit;
  pass &&= ok;
  process.stdout.write(targetLine(`${name} under ${duration(limit)} (benches/evaluate.rs)`, duration(r.time), ok));
}
if (jsonAt > 0 && args[jsonAt + 1]) writeFileSync(args[jsonAt + 1], JSON.stringify(results, null, 2));
process.exitCode = pass ? 0 : 3;
