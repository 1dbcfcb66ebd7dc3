import type { AccessAttempt, MatrixWorld } from "./types";

// How the matrix reads an answer: refused or not, and what it reveals.

export type Outcome = { refused: boolean; answer: string };

/** A server action result (`{ ok }`) or a route handler's Response, as refused-or-not plus its text. */
export async function readOutcome(result: unknown): Promise<Outcome> {
  if (result instanceof Response) {
    const headers = [...result.headers.entries()]
      .filter(([name]) => name !== "set-cookie")
      .map(([name, value]) => `${name}: ${value}`)
      .join("\n");
    const body = await result.text();
    return { refused: result.status >= 400, answer: `${result.status}\n${headers}\n\n${body}` };
  }
  if (result && typeof result === "object" && "ok" in result) {
    return { refused: (result as { ok: unknown }).ok === false, answer: JSON.stringify(result) };
  }
  throw new Error(`Expected an action result ({ ok }) or a Response, got ${JSON.stringify(result)}`);
}

/** Ids and emails of everyone in the world except the caller: never in anyone else's answer. */
export function othersData(world: MatrixWorld, actor: AccessAttempt["actor"]): string[] {
  return Object.values(world.users)
    .filter((user) => user.key !== actor)
    .flatMap((user) => [user.id, user.email]);
}

/** What is wrong with an outcome (empty when the attempt went as the row says). */
export function judge(attempt: AccessAttempt, outcome: Outcome, forbidden: string[]): string[] {
  const problems: string[] = [];
  if (attempt.expect === "refused" && !outcome.refused) problems.push("was not refused");
  if (attempt.expect === "allowed" && outcome.refused) problems.push("was refused");
  for (const secret of forbidden) {
    if (secret && outcome.answer.includes(secret)) problems.push(`revealed ${JSON.stringify(secret)}`);
  }
  return problems;
}
