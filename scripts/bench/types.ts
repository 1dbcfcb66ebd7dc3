/** One benchmark's figures: each row a metric with its unit and, where one is set, its target. */
export type BenchResult = {
  name: string;
  rows: Array<{ metric: string; value: number; unit: string; target?: string; ok?: boolean }>;
};

/** Median and a high percentile of a list of timings. */
export function summarize(samples: number[]): { median: number; p95: number; p99: number; max: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { median: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted[sorted.length - 1] ?? 0 };
}

/** Prints a result as an aligned table. */
export function printResult(result: BenchResult): void {
  console.log(`\n${result.name}`);
  const lines = result.rows.map((row) => [
    row.metric,
    `${Number.isInteger(row.value) ? row.value : row.value.toFixed(2)} ${row.unit}`,
    row.target ?? "",
    row.ok === undefined ? "" : row.ok ? "✔" : "✖",
  ]);
  const header = ["metric", "value", "target", ""];
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((line) => (line[i] ?? "").length)));
  const format = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join("  ");
  console.log(format(header));
  console.log(widths.map((w) => "─".repeat(w)).join("  "));
  for (const line of lines) console.log(format(line));
}
