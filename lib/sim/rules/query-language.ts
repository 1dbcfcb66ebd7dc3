/**
 * The cluster query language of memberOf constraints, e.g.
 * `attribute:ecs.instance-type =~ t3.*`,
 * `attribute:ecs.availability-zone in [us-east-1a, us-east-1b]`,
 * `task:group == service:web`, joined with `and`, `or`, `not` and brackets.
 */
export type QueryTarget = {
  id: string;
  attributes: Record<string, string>;
  runningTasksCount: number;
  groups: ReadonlyMap<string, number>;
};

export type Query = (target: QueryTarget) => boolean;

export class QueryError extends Error {}

const TOKEN = /\s*(==|!=|>=|<=|=~|!~|&&|\|\||[()[\],]|[^\s()[\],]+)/y;

function tokenize(text: string): string[] {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  let m = TOKEN.exec(text);
  while (m) {
    tokens.push(m[1] ?? "");
    m = TOKEN.exec(text);
  }
  return tokens;
}

/**
 * `=~` and `!~` take a Java regular expression matched against the whole value (AWS: "The matches
 * and not_matches operators expect an argument that conforms to the Java regular expression
 * syntax", https://docs.aws.amazon.com/AmazonECS/latest/developerguide/cluster-query-language.html).
 * JavaScript's syntax agrees with Java's for everything an exam scenario writes (`t3.*`, `m5\..*`, `.*large`).
 */
function regex(pattern: string): RegExp {
  try {
    return new RegExp(`^(?:${pattern})$`, "u");
  } catch {
    throw new QueryError(`"${pattern}" is not a valid regular expression for =~ or !~`);
  }
}

function subjectValue(subject: string, t: QueryTarget): string | undefined {
  if (subject.startsWith("attribute:")) return t.attributes[subject.slice("attribute:".length)];
  if (subject === "ec2InstanceId") return t.id;
  return String(t.runningTasksCount);
}

class Parser {
  private i = 0;
  constructor(private readonly tokens: string[]) {}

  parse(): Query {
    if (this.tokens.length === 0) throw new QueryError("empty expression");
    const q = this.or();
    if (this.i < this.tokens.length) throw new QueryError(`unexpected "${this.tokens[this.i]}"`);
    return q;
  }

  private peek(): string | undefined {
    return this.tokens[this.i];
  }

  private next(what: string): string {
    const t = this.tokens[this.i++];
    if (t === undefined) throw new QueryError(`expected ${what} at the end`);
    return t;
  }

  private or(): Query {
    let left = this.and();
    while (this.peek() === "or" || this.peek() === "||") {
      this.i++;
      const a = left;
      const b = this.and();
      left = (t) => a(t) || b(t);
    }
    return left;
  }

  private and(): Query {
    let left = this.unary();
    while (this.peek() === "and" || this.peek() === "&&") {
      this.i++;
      const a = left;
      const b = this.unary();
      left = (t) => a(t) && b(t);
    }
    return left;
  }

  private unary(): Query {
    const tok = this.peek();
    if (tok === "not" || tok === "!") {
      this.i++;
      const q = this.unary();
      return (t) => !q(t);
    }
    if (tok === "(") {
      this.i++;
      const q = this.or();
      if (this.next('")"') !== ")") throw new QueryError('expected ")"');
      return q;
    }
    return this.comparison();
  }

  private list(): string[] {
    if (this.next('"["') !== "[") throw new QueryError('expected "[" after in');
    const values: string[] = [];
    for (;;) {
      values.push(this.next("a value"));
      const sep = this.next('"," or "]"');
      if (sep === "]") return values;
      if (sep !== ",") throw new QueryError(`expected "," or "]", found "${sep}"`);
    }
  }

  private comparison(): Query {
    const subject = this.next("a subject");
    const op = this.next("an operator");
    if (subject === "task:group") {
      if (op !== "==" && op !== "!=") throw new QueryError("task:group supports == and !=");
      const group = this.next("a task group");
      return op === "==" ? (t) => (t.groups.get(group) ?? 0) > 0 : (t) => (t.groups.get(group) ?? 0) === 0;
    }
    if (!subject.startsWith("attribute:") && subject !== "ec2InstanceId" && subject !== "runningTasksCount") {
      throw new QueryError(
        `unknown subject "${subject}" (use attribute:name, ec2InstanceId, runningTasksCount or task:group)`,
      );
    }
    const get = (t: QueryTarget) => subjectValue(subject, t);
    if (op === "exists") return (t) => get(t) !== undefined;
    if (op === "!exists") return (t) => get(t) === undefined;
    if (op === "in" || op === "not_in") {
      const values = this.list();
      return op === "in" ? (t) => values.includes(get(t) ?? "") : (t) => !values.includes(get(t) ?? "");
    }
    const value = this.next("a value");
    switch (op) {
      case "==":
        return (t) => get(t) === value;
      case "!=":
        return (t) => get(t) !== value;
      case "=~": {
        const pattern = regex(value);
        return (t) => pattern.test(get(t) ?? "");
      }
      case "!~": {
        const pattern = regex(value);
        return (t) => !pattern.test(get(t) ?? "");
      }
      case ">":
      case ">=":
      case "<":
      case "<=":
        return (t) => compare(get(t), value, op);
      default:
        throw new QueryError(`unknown operator "${op}"`);
    }
  }
}

function compare(a: string | undefined, b: string, op: ">" | ">=" | "<" | "<="): boolean {
  if (a === undefined) return false;
  const x = Number(a);
  const y = Number(b);
  const [l, r] = Number.isNaN(x) || Number.isNaN(y) ? [a.localeCompare(b), 0] : [x, y];
  return op === ">" ? l > r : op === ">=" ? l >= r : op === "<" ? l < r : l <= r;
}

/**
 * How many compiled expressions are kept. A bank's scenarios use a few dozen; an uploaded bank or
 * the simulator page could send any number of distinct ones, so the cache is bounded and drops
 * the least recently used.
 */
export const QUERY_CACHE_LIMIT = 500;

/** Compiled queries by expression; a Map iterates in insertion order, so the first key is the least recently used. */
const cache = new Map<string, Query>();

/** How many compiled queries are cached now (for tests). */
export const compiledQueryCount = () => cache.size;

/**
 * Compiles a cluster query expression; throws QueryError when it is malformed.
 *
 * @example
 * const q = compileQuery("attribute:ecs.instance-type =~ t3.*");
 * q({ id: "i-1", attributes: { "ecs.instance-type": "t3.small" }, runningTasksCount: 0, groups: new Map() }); // true
 */
export function compileQuery(expression: string): Query {
  const hit = cache.get(expression);
  if (hit) {
    cache.delete(expression);
    cache.set(expression, hit);
    return hit;
  }
  const q = new Parser(tokenize(expression)).parse();
  cache.set(expression, q);
  if (cache.size > QUERY_CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  return q;
}
