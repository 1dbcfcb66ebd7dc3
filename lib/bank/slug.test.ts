import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { IdAllocator } from "./slug";

// The allocator before issue 21 item 4: counted up from -2 on every call (quadratic). Kept here as
// the reference, so existing banks keep exactly the ids they had.
class QuadraticIdAllocator {
  private readonly taken = new Set<string>();
  reserve(id: string): void {
    this.taken.add(id);
  }
  next(base: string): string {
    let id = base;
    for (let n = 2; this.taken.has(id); n++) id = `${base}-${n}`;
    this.taken.add(id);
    return id;
  }
}

describe("IdAllocator", () => {
  it("adds the smallest free suffix", () => {
    const ids = new IdAllocator();
    ids.reserve("a-3");
    expect(["a", "a", "a", "a", "a-2", "a-2"].map((b) => ids.next(b))).toEqual([
      "a",
      "a-2",
      "a-4",
      "a-5",
      "a-2-2",
      "a-2-3",
    ]);
  });

  it("gives exactly the ids the old allocator gave, for any sequence of reserves and requests", () => {
    const base = fc.constantFrom("a", "a-2", "a-3", "b", "b-2-2", "q", "q-10", "a-2-2");
    const step = fc.oneof(
      fc.record({ reserve: base }),
      fc.record({ next: base }),
      fc.record({ next: fc.string({ maxLength: 4 }) }),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
        const now = new IdAllocator();
        const before = new QuadraticIdAllocator();
        for (const s of steps) {
          if ("reserve" in s) {
            now.reserve(s.reserve);
            before.reserve(s.reserve);
          } else expect(now.next(s.next)).toBe(before.next(s.next));
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("hands out 20,000 copies of one base in linear time", () => {
    const ids = new IdAllocator();
    const started = performance.now();
    let last = "";
    for (let i = 0; i < 20_000; i++) last = ids.next("what-is-fargate");
    // The quadratic allocator took about 15 s here (2·10^8 lookups); linear takes a few ms.
    expect(performance.now() - started).toBeLessThan(1000);
    expect(last).toBe("what-is-fargate-20000");
  });
});
