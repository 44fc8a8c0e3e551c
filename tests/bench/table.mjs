// Plain aligned text tables for the bench's output.

/**
 * A table: header, rows (null = a blank separator line), alignment per column
 * ('l' or 'r'). Numbers are printed with thousands separators.
 */
export function table(header, rows, align) {
  const cell = (v) => (typeof v === 'number' ? v.toLocaleString('en-US') : String(v ?? ''));
  const body = rows.map((r) => (r ? r.map(cell) : null));
  const widths = header.map((h, i) => Math.max(h.length, ...body.filter(Boolean).map((r) => r[i].length)));
  const line = (r) =>
    r
      .map((c, i) => (align[i] === 'r' ? c.padStart(widths[i]) : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(header), rule, ...body.map((r) => (r ? line(r) : ''))].join('\n') + '\n';
}

/** One target line: what, the figure, PASS or FAIL. */
export function targetLine(what, figure, pass) {
  return `target: ${what.padEnd(52)} ${String(figure).padStart(12)}  ${pass ? 'PASS' : 'FAIL'}\n`;
}
