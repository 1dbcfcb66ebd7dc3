/**
 * The simulator's words as message keys: every verdict, rule detail and event the engine composes
 * is a key of the `sim` catalog (messages/<locale>/sim.json) with its parameters, so the interface
 * can show it in the learner's language. The engine stays pure and English-speaking for the CLI and
 * the tests: `english()` renders a message from the English catalog, the one source of that wording.
 */
import enSim from "../../messages/en/sim.json";

/** A parameter is a value (an id, a count) or another message (a reason inside a summary). */
export type MsgParam = string | number | boolean | null | undefined | Msg;
export type Msg = {
  key: string;
  params?: Record<string, MsgParam>;
  /** English that differs from the template's (a sentence continued mid-sentence, lower-cased). */
  en?: string;
};
/** What the engine's recorders accept: a message, or plain text for values that need no words. */
export type Text = string | Msg;

export function m(key: string, params?: Record<string, MsgParam>): Msg {
  return params ? { key, params } : { key };
}

/** The same words with a different English rendering (see `Msg.en`); plain text simply becomes it. */
export function withEnglish(text: Text, en: string): Text {
  return typeof text === "string" ? en : { ...text, en };
}

export function isMsg(text: Text | MsgParam): text is Msg {
  return typeof text === "object" && text !== null && "key" in text;
}

// The engine names its keys at run time; lib/sim/text.test.ts holds them to the catalogs.
// i18n-keys: sim.engine.*
type Tree = { [key: string]: string | Tree };

/** The English template of a key of the `sim` namespace; throws on an unknown key (a test catches it). */
export function englishTemplate(key: string): string {
  let node: string | Tree | undefined = enSim as unknown as Tree;
  for (const part of key.split(".")) node = typeof node === "object" ? node[part] : undefined;
  if (typeof node !== "string") throw new Error(`No English text for sim message ${key}`);
  return node;
}

/**
 * Renders a message in English. The engine's templates use `{name}` arguments and flat
 * `{n, plural, one {…} other {…}}` choices only, so this small substitution gives the text next-intl
 * would, with numbers as the engine always printed them (2560, not 2,560).
 */
export function english(text: Text): string {
  if (!isMsg(text)) return text;
  if (text.en !== undefined) return text.en;
  return fill(englishTemplate(text.key), text.params, english);
}

/** Substitutes `{name}` arguments, rendering message parameters with `render`. */
export function fill(
  template: string,
  params: Record<string, MsgParam> | undefined,
  render: (msg: Msg) => string,
): string {
  const chosen = template.replace(
    /\{(\w+), plural, one \{([^{}]*)\} other \{([^{}]*)\}\}/g,
    (_, name: string, one: string, other: string) =>
      (Number(params?.[name]) === 1 ? one : other).replace(/#/g, String(params?.[name])),
  );
  return chosen.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (!params || !(name in params)) return whole;
    const value = params[name];
    // String() as a template literal would have it: a null reads "null", as the engine always wrote it.
    return isMsg(value) ? render(value) : String(value);
  });
}
