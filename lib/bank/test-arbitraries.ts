/** fast-check arbitraries for the bank engine's property tests: generated banks of every kind. */
import fc from "fast-check";
import { parse as parseYaml, stringify } from "yaml";
import type { Bank, Question, QuestionOption } from "./schema";

const WORDS = [
  "awsvpc",
  "Fargate",
  "ECS",
  "task",
  "service",
  "**bold**",
  "`code`",
  "*em*",
  "café",
  "日本",
  "C#",
  "a_b",
  "x*y",
  "[docs](https://docs.aws.amazon.com/)",
  "<br>",
  "2049",
  "50%",
  "(Note)",
  "→",
  "emoji🚀",
];
const word = fc.oneof(fc.constantFrom(...WORDS), fc.stringMatching(/^[a-z][a-z0-9]{0,8}$/));
const line = (max = 8) => fc.array(word, { minLength: 1, maxLength: max }).map((w) => w.join(" "));
const paragraph = fc.array(line(), { minLength: 1, maxLength: 3 }).map((l) => l.join("\n"));
const block = fc.array(paragraph, { minLength: 1, maxLength: 3 }).map((p) => p.join("\n\n"));
const kebab = fc.stringMatching(/^[a-z][a-z0-9]{0,6}(-[a-z0-9]{1,6}){0,2}$/);
const tags = fc.uniqueArray(kebab, { maxLength: 3 });
const exams = fc.uniqueArray(fc.constantFrom("SAA-C03", "DVA-C02", "SOA-C02"), { maxLength: 3 });
const url = kebab.map((k) => `https://docs.aws.amazon.com/AmazonECS/latest/developerguide/${k}.html`);
const difficulty = fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const, 5 as const);
const sim = fc
  .dictionary(kebab, fc.oneof(fc.integer(), kebab, fc.boolean()), { minKeys: 1, maxKeys: 4 })
  .map((value) => {
    const yaml = stringify(value).trimEnd();
    return { yaml, line: 1, value: parseYaml(yaml) as unknown };
  });

const common = fc.record({
  title: line(),
  explanation: fc.oneof(fc.constant(""), block),
  references: fc.uniqueArray(url, { maxLength: 2 }),
  tags,
  exams,
  difficulty,
  sim: fc.option(sim, { nil: undefined }),
});

const option = (correct: boolean) =>
  fc
    .record({
      text: fc.oneof(
        line(),
        fc.tuple(line(), line()).map(([a, b]) => `${a}\n${b}`),
      ),
      rationale: fc.option(fc.oneof(line(), paragraph), { nil: undefined }),
      misconception: fc.option(kebab, { nil: undefined }),
      sim: fc.option(sim, { nil: undefined }),
    })
    .map((o) => ({ ...o, correct }));

function keyed(options: Array<Omit<QuestionOption, "key">>): QuestionOption[] {
  return options.map((o, i) => {
    const out: QuestionOption = { key: String.fromCharCode(65 + i), text: o.text, correct: o.correct };
    if (o.rationale !== undefined) out.rationale = o.rationale;
    if (o.misconception !== undefined) out.misconception = o.misconception;
    if (o.sim !== undefined) out.sim = o.sim;
    return out;
  });
}

const stemFor = (title: string) => fc.oneof(fc.constant(title), block);

type Draft = Omit<Question, "id" | "line">;
type Common = typeof common extends fc.Arbitrary<infer T> ? T : never;
const base = (c: Common, stem: string): Draft => {
  const q: Draft = { ...c, kind: "single", stem, options: [] };
  if (c.sim === undefined) delete q.sim;
  return q;
};

const choice: fc.Arbitrary<Draft> = fc
  .tuple(
    common,
    fc.boolean(),
    fc.array(option(false), { minLength: 1, maxLength: 4 }),
    fc.array(option(true), { minLength: 1, maxLength: 3 }),
    fc.nat(),
  )
  .chain(([c, multiple, wrong, right, seed]) =>
    stemFor(c.title).map((stem) => {
      const picked = multiple ? right : right.slice(0, 1);
      const all = [...wrong];
      for (const [i, r] of picked.entries()) all.splice((seed + i) % (all.length + 1), 0, r);
      const q = base(c, stem);
      q.kind = multiple ? "multiple" : "single";
      q.options = keyed(all);
      if (multiple) q.chooseCount = picked.length;
      return q;
    }),
  );

const trueFalse: fc.Arbitrary<Draft> = fc
  .tuple(common, fc.boolean(), fc.boolean())
  .chain(([c, answer, trueFirst]) =>
    stemFor(c.title).map((stem) => {
      const q = base(c, stem);
      const t = { text: "True", correct: answer };
      const f = { text: "False", correct: !answer };
      q.kind = "true-false";
      q.options = keyed(trueFirst ? [t, f] : [f, t]);
      q.answer = answer;
      return q;
    }),
  );

const typed: fc.Arbitrary<Draft> = fc
  .tuple(common, fc.uniqueArray(line(3), { minLength: 1, maxLength: 3 }))
  .chain(([c, accepted]) =>
    stemFor(c.title).map((stem) => ({ ...base(c, stem), kind: "typed" as const, accepted })),
  );

const ordering: fc.Arbitrary<Draft> = fc
  .tuple(common, fc.array(line(4), { minLength: 2, maxLength: 5 }))
  .chain(([c, items]) =>
    stemFor(c.title).map((stem) => {
      const q = base(c, stem);
      q.kind = "ordering";
      q.options = keyed(items.map((text) => ({ text, correct: true })));
      q.order = q.options.map((o) => o.key);
      return q;
    }),
  );

const card: fc.Arbitrary<Draft> = fc
  .tuple(
    common,
    fc.boolean(),
    fc.boolean(),
    block,
    fc.option(fc.constant("!2024-08-16,51,230"), { nil: undefined }),
    fc.boolean(),
  )
  .map(([c, longForm, reversible, back, srsHint, compact]) => {
    const front = longForm ? `${c.title}\n\n${c.title} again` : c.title;
    const q = base(compact ? { ...c, explanation: "", references: [], sim: undefined } : c, front);
    q.kind = "flashcard";
    q.front = front;
    q.back = compact ? (back.split("\n")[0] ?? back) : back;
    q.reversible = reversible;
    if (srsHint) q.srsHint = srsHint;
    return q;
  });

const cloze: fc.Arbitrary<Draft> = fc
  .tuple(common, line(4), line(2), fc.option(line(2), { nil: undefined }), line(3), fc.boolean())
  .map(([c, before, answer, hint, after, sameAsTitle]) => {
    const text = `${before} {{c1::${answer}${hint ? `::${hint}` : ""}}} ${after}`;
    const q = base(c, text);
    q.kind = "cloze";
    q.cloze = text;
    if (sameAsTitle) q.title = text;
    return q;
  });

const anyQuestion = fc.oneof(choice, trueFalse, typed, ordering, card, cloze);

export const bankArb = fc.array(anyQuestion, { minLength: 1, maxLength: 8 }).map(
  (drafts): Bank => ({
    file: "gen.md",
    meta: {
      id: "generated",
      title: "Generated bank",
      topic: "amazon-ecs",
      domains: ["Domain 1"],
      language: "en",
      version: "1",
      authors: ["fast-check"],
    },
    questions: drafts.map((d, i) => ({ ...d, id: `gen-${i}`, line: 1 })),
  }),
);

/** Questions without positions (line of the question and of its sim blocks). */
export function positionless(questions: Question[]): unknown {
  const noLine = <T extends { line: number } | undefined>(s: T) => (s ? { ...s, line: 0 } : s);
  return questions.map((q) => ({
    ...q,
    line: 0,
    sim: noLine(q.sim),
    options: q.options.map((o) => ({ ...o, sim: noLine(o.sim) })),
  }));
}
