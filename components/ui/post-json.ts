// The browser's side of Taskdeck's JSON writes (grading, quiz autosave): a same-origin POST whose
// answer is the action result itself, `{ ok: true, … }` or `{ ok: false, formError, reason? }`.
// A network failure rejects, as a failed server action call does.

export type JsonFailure = {
  ok: false;
  formError?: string;
  fieldErrors?: Record<string, string[]>;
  reason?: string;
};
export type JsonResult<T extends object> = ({ ok: true } & T) | JsonFailure;

export async function postJson<T extends object>(path: string, body: unknown): Promise<JsonResult<T>> {
  const response = await fetch(path, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    credentials: "same-origin",
    body: JSON.stringify(body),
  });
  let parsed: unknown = null;
  try {
    parsed = await response.json();
  } catch {
    parsed = null;
  }
  if (parsed && typeof parsed === "object" && "ok" in parsed) return parsed as JsonResult<T>;
  return {
    ok: false,
    formError:
      response.status === 503
        ? "Taskdeck cannot write to its storage right now: your answer was NOT saved."
        : `The server answered ${response.status}: your answer was not saved.`,
  };
}
