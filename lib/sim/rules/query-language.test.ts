import { describe, expect, it } from "vitest";
import {
  compiledQueryCount,
  compileQuery,
  QUERY_CACHE_LIMIT,
  QueryError,
  type QueryTarget,
} from "./query-language";

const target = (type: string, az = "us-east-1a", groups: Record<string, number> = {}): QueryTarget => ({
  id: "i-0abc",
  attributes: { "ecs.instance-type": type, "ecs.availability-zone": az },
  runningTasksCount: Object.values(groups).reduce((a, b) => a + b, 0),
  groups: new Map(Object.entries(groups)),
});

describe("R11 cluster query language", () => {
  it.each([
    ["attribute:ecs.instance-type =~ t3.*", target("t3.small"), true],
    ["attribute:ecs.instance-type =~ t3.*", target("m5.large"), false],
    ["attribute:ecs.instance-type !~ t3.*", target("m5.large"), true],
    // =~ is a Java-style regular expression over the whole value, not a glob.
    ["attribute:ecs.instance-type =~ t3", target("t3.small"), false],
    ["attribute:ecs.instance-type =~ .*large", target("m5.xlarge"), true],
    ["attribute:ecs.instance-type =~ m5\\..*", target("m5xlarge"), false],
    ["attribute:ecs.instance-type =~ m5.large", target("m5xlarge"), true],
    ["attribute:ecs.instance-type == m5.large", target("m5.large"), true],
    ["attribute:ecs.instance-type != m5.large", target("m5.large"), false],
    ["attribute:ecs.availability-zone in [us-east-1a, us-east-1b]", target("m5.large", "us-east-1b"), true],
    [
      "attribute:ecs.availability-zone not_in [us-east-1a, us-east-1b]",
      target("m5.large", "us-east-1c"),
      true,
    ],
    [
      "attribute:ecs.instance-type =~ t3.* or attribute:ecs.availability-zone == us-east-1b",
      target("m5.large", "us-east-1b"),
      true,
    ],
    [
      "attribute:ecs.instance-type =~ t3.* and attribute:ecs.availability-zone == us-east-1b",
      target("t3.small", "us-east-1a"),
      false,
    ],
    ["not (attribute:ecs.instance-type =~ t3.*)", target("m5.large"), true],
    ["attribute:gpu exists", target("m5.large"), false],
    ["attribute:gpu !exists", target("m5.large"), true],
    ["task:group == service:web", target("m5.large", "us-east-1a", { "service:web": 1 }), true],
    ["task:group == service:web", target("m5.large"), false],
    ["runningTasksCount < 2", target("m5.large", "us-east-1a", { a: 1 }), true],
    ["ec2InstanceId == i-0abc", target("m5.large"), true],
  ])("%s → %s", (expression, t, expected) => {
    expect(compileQuery(expression)(t)).toBe(expected);
  });

  it.each([
    "",
    "attribute:ecs.instance-type",
    "attribute:x in [a, b",
    "(attribute:x == a",
    "foo == bar",
    "attribute:x ~~ a",
    "attribute:x =~ *a",
  ])("rejects %j", (expression) => {
    expect(() => compileQuery(expression)).toThrow(QueryError);
  });
});

describe("the compiled-query cache", () => {
  it("keeps at most QUERY_CACHE_LIMIT expressions, dropping the least recently used", () => {
    const expr = (i: number) => `attribute:cache-test-${i} == v`;
    const kept = compileQuery(expr(0));
    const dropped = compileQuery(expr(1));
    for (let i = 2; i < QUERY_CACHE_LIMIT + 50; i++) {
      compileQuery(expr(i));
      // expr(0) is used all along, so it stays the most recently used.
      if (i % 100 === 0) expect(compileQuery(expr(0))).toBe(kept);
    }
    expect(compiledQueryCount()).toBe(QUERY_CACHE_LIMIT);
    expect(compileQuery(expr(0))).toBe(kept);
    const again = compileQuery(expr(1));
    expect(again).not.toBe(dropped);
    const target: QueryTarget = {
      id: "i-1",
      attributes: { "cache-test-1": "v" },
      runningTasksCount: 0,
      groups: new Map(),
    };
    expect(again(target)).toBe(true);
  });
});
