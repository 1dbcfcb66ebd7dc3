// Bank engine benchmark: parse + validate a generated 10,000-question bank, check linearity
// against 1,000 questions, and time a 1 MB bank. Run alone with `npx tsx scripts/bench/bank.ts`
// or through `npm run bench -- bank`.
import { pathToFileURL } from "node:url";
import v8 from "node:v8";
import vm from "node:vm";
import { parseBank, type SimValidator } from "../../lib/bank";
import { validateSimBlock } from "../../lib/sim";
import { type BenchResult, printResult, summarize } from "./types";

const RUNS = 5;
// A 10,000-question bank is about 6 MB, past the 1 MB and 5,000-question limits that protect the
// server; the benchmark lifts them to measure the parser itself.
const LIFTED = { maxBytes: 64 * 1024 * 1024, maxQuestions: 100_000 };

const KINDS = ["single", "multiple", "true-false", "typed", "ordering", "flashcard", "cloze"] as const;

/** One realistic question of the given index; every tenth carries a sim block. */
function question(i: number): string {
  const kind = KINDS[i % KINDS.length];
  const head = `## Which setting makes scenario ${i} work on Amazon ECS? {#bench-q-${i}}\n\nkind: ${kind} · difficulty: ${(i % 5) + 1} · tags: fargate, networking · exams: SAA-C03, DVA-C02\n\nA company runs service number ${i} on an ECS cluster with tasks spread across three Availability Zones. The team needs the tasks to reach a private API and to keep costs low.\n\n`;
  const tail = `### Explanation\n\nTasks on Fargate use **awsvpc**, so each task gets its own ENI and security group (case ${i}).\n\n### References\n\n- https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-task-networking.html\n${i % 10 === 0 ? "\n```sim\nlaunchType: FARGATE\nservice:\n  desiredCount: 3\ntaskDefinition:\n  cpu: 256\n  memory: 512\n```\n" : ""}\n`;
  const why =
    "  - why: This option does not give each task its own network interface.\n  - misconception: bridge-on-fargate\n";
  switch (kind) {
    case "single": {
      // The right answer moves round the positions, as in a well-written bank.
      const modes = ["bridge", "awsvpc", "host", "none"];
      const options = modes.map((m, k) =>
        k === i % 4 ? `- [x] ${m} mode ${i}\n` : `- [ ] ${m} mode ${i}\n${why}`,
      );
      return `${head}${options.join("")}\n${tail}`;
    }
    case "multiple":
      return `${head}- [x] EFS ${i}\n- [ ] ephemeral storage ${i}\n${why}- [x] FSx ${i}\n- [ ] image layer ${i}\n${why}\n${tail}`;
    case "true-false":
      return `${head}- [x] True\n- [ ] False\n\n${tail}`;
    case "typed":
      return `${head}### Answer\n\n- 2049\n- tcp 2049\n\n${tail}`;
    case "ordering":
      return `${head}1. Register the task definition ${i}\n2. Update the service ${i}\n3. Start new tasks ${i}\n4. Stop old tasks ${i}\n\n${tail}`;
    case "cloze":
      return `${head.replace(/\n\nA company[^\n]*\n\n$/, "\n\n")}EFS on Fargate needs platform version {{c1::1.4.0}} and port {{c2::2049}} (case ${i}).\n\n`;
    default:
      return `${head.replace(/\n\nA company[^\n]*\n\n$/, "\n\n")}The task role grants the application its AWS permissions (card ${i}).\n\n`;
  }
}

/** A generated bank of `count` questions. */
export function generateBank(count: number): string {
  const parts = ["---\nid: bench\ntitle: Benchmark bank\ntopic: amazon-ecs\n---\n\n# Benchmark bank\n\n"];
  for (let i = 0; i < count; i++) parts.push(question(i));
  return parts.join("");
}

/** A bank of whole questions just under `bytes` UTF-8 bytes. */
function bankOfSize(bytes: number): { text: string; questions: number } {
  let count = Math.floor(bytes / 700);
  let text = generateBank(count);
  while (new TextEncoder().encode(text).length > bytes) text = generateBank(--count);
  while (new TextEncoder().encode(generateBank(count + 1)).length <= bytes) text = generateBank(++count);
  return { text, questions: count };
}

let gc: (() => void) | null = null;

/** A full collection before each timed run, so that one run's garbage is not billed to the next. */
function collect(): void {
  if (!gc) {
    v8.setFlagsFromString("--expose-gc");
    gc = vm.runInNewContext("gc") as () => void;
  }
  gc();
}

/** One timed parse + validate, in milliseconds. */
function timeOnce(text: string, validateSim?: SimValidator): number {
  collect();
  const start = performance.now();
  const { bank, findings } = parseBank(text, { file: "bench.md", limits: LIFTED, validateSim });
  const elapsed = performance.now() - start;
  if (!bank) throw new Error(`The generated bank has errors: ${JSON.stringify(findings.slice(0, 3))}`);
  return elapsed;
}

function median(samples: number[]): number {
  return summarize(samples).median;
}

/** Runs the bank benchmark and returns its figures (medians of several runs, after a warm-up). */
export async function benchBank(): Promise<BenchResult> {
  const small = generateBank(1_000);
  const large = generateBank(10_000);
  const mb = bankOfSize(1024 * 1024);
  // Warm the JIT on both sizes, then interleave small and large runs so that load from other
  // processes on the machine weighs on both sides of the linearity ratio alike.
  timeOnce(small);
  timeOnce(large);
  const smallRuns: number[] = [];
  const largeRuns: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    for (let k = 0; k < 3; k++) smallRuns.push(timeOnce(small));
    largeRuns.push(timeOnce(large));
  }
  const tSmall = median(smallRuns);
  const tLarge = median(largeRuns);
  const tMb = median(Array.from({ length: RUNS }, () => timeOnce(mb.text)));
  const tSim = median(Array.from({ length: 3 }, () => timeOnce(large, validateSimBlock)));
  const ratio = tLarge / tSmall;
  return {
    name: "bank: parse + validate",
    rows: [
      { metric: "1,000 questions", value: round(tSmall), unit: "ms" },
      {
        metric: "10,000 questions",
        value: round(tLarge),
        unit: "ms",
        target: "< 1500 ms",
        ok: tLarge < 1500,
      },
      { metric: "10,000 questions: size", value: round(large.length / 1024 / 1024), unit: "MB" },
      { metric: "10,000 questions, 1,000 sims checked by lib/sim", value: round(tSim), unit: "ms" },
      {
        metric: "10× questions / time ratio",
        value: round(ratio),
        unit: "×",
        target: "≤ 12×",
        ok: ratio <= 12,
      },
      {
        metric: `1 MB bank (${mb.questions.toLocaleString("en")} questions)`,
        value: round(tMb),
        unit: "ms",
        target: "< 1000 ms",
        ok: tMb < 1000,
      },
    ],
  };
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  benchBank().then(printResult, (e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
}
