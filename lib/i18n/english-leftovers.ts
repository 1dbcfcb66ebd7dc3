import { type MessageFormatElement, parse, TYPE } from "@formatjs/icu-messageformat-parser";
import { flatten } from "./catalog-tools";
import { CATALOGS } from "./catalogs";

// Pure: what the Korean walk (e2e/ko-walk.spec.ts) calls English left on a Korean page:
//  - a catalog message whose English differs from its Korean, shown whole (its arguments filled
//    in, its tags as their text): the page used the English catalog, or a copy of its words;
//  - a run of three or more English words anywhere else, outside code and `lang="en"` elements
//    (text a learner or author wrote, or an untranslated bank, is marked `lang="en"` by its page),
//    once AWS and product names are taken out.

type Tree = { [key: string]: string | Tree };

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A message as a pattern over the text a page shows for it (arguments as any text). */
function patternOf(elements: MessageFormatElement[]): string {
  return elements
    .map((element) => {
      switch (element.type) {
        case TYPE.literal:
          return escapeRegExp(element.value).replace(/\s+/g, "\\s+");
        case TYPE.tag:
          return patternOf(element.children);
        case TYPE.pound:
          return "[\\d.,]+";
        case TYPE.plural:
        case TYPE.select:
          return `(?:${Object.values(element.options)
            .map((option) => patternOf(option.value))
            .join("|")})`;
        default:
          return ".+?";
      }
    })
    .join("");
}

export type CatalogNeedle = { key: string; pattern: RegExp };

/** Every English message that reads differently in Korean, as a whole-text pattern. */
export function englishNeedles(): CatalogNeedle[] {
  const korean = new Map(flatten(CATALOGS.ko as unknown as Tree));
  return flatten(CATALOGS.en as unknown as Tree).flatMap(([key, english]) => {
    if (korean.get(key) === english) return [];
    const source = patternOf(parse(english));
    // A message that is mostly arguments ("{score}", "{mine} and {others}", "Target {target}")
    // would match almost any text: only messages with a dozen letters of their own are looked for.
    const ownLetters = source
      .replace(/\.\+\?/g, "")
      .replace(/\\./g, "")
      .replace(/[^A-Za-z]/g, "");
    if (ownLetters.length < 12) return [];
    return [{ key, pattern: new RegExp(`^${source}$`, "s") }];
  });
}

/**
 * AWS service and feature names, and product names, that a Korean page writes in English (as
 * AWS's Korean documentation does). Removed from a text before counting its English words.
 */
export const ENGLISH_NAMES: ReadonlyArray<RegExp> = [
  /\bAmazon (?:Elastic Container (?:Service|Registry)|Elastic Compute Cloud|ECS|ECR|EC2|EKS|CloudWatch(?: Logs)?|VPC|S3|Route 53|EventBridge)\b/g,
  /\bAWS (?:Fargate|Certified [A-Za-z ]+?(?= -|$|\)|,)|Identity and Access Management|Management Console|Cloud Map|App Mesh|Secrets Manager|Systems Manager(?: Parameter Store)?|Auto Scaling|CloudFormation|CodeDeploy|Lambda|CLI|IAM|KMS|X-Ray)\b/g,
  /\b(?:Application|Network|Gateway|Classic) Load Balancers?\b/g,
  /\b(?:Amazon )?FSx for (?:Windows File Server|Lustre|NetApp ONTAP|OpenZFS)\b/g,
  /\b(?:Amazon )?ECR Public\b/g,
  /\b(?:Amazon ECS |ECS )?(?:Service|Application|EC2) Auto Scaling\b/g,
  /\bElastic (?:Load Balancing|Block Store|File System|Network Interfaces?)\b/g,
  /\bService Connect\b/g,
  /\bAmazon Web Services\b/g,
  /\bSpaced repetition\b/gi,
];

/** `text` with the AWS and product names and the page's own `extraNames` taken out. */
function withoutNames(text: string, extraNames: ReadonlyArray<string>): string {
  let rest = text;
  for (const name of ENGLISH_NAMES) rest = rest.replace(name, " · ");
  for (const name of extraNames) rest = rest.split(name).join(" · ");
  return rest;
}

/** Runs of three or more English words in `text`, after the allowed names are taken out. */
export function englishRuns(text: string, extraNames: ReadonlyArray<string> = []): string[] {
  const word = "[A-Za-z][A-Za-z'’-]*";
  return (
    withoutNames(text, extraNames).match(new RegExp(`\\b${word}(?:[ \\t\\n]+${word}){2,}\\b`, "g")) ?? []
  );
}

/**
 * The English names of the topics Korean names differently ("Cluster placement", "Launch types",
 * "Storage"): one or two words, too short for the three-word rule and, as "Cluster placement
 * (36)", not a whole catalog message. Case counts: a Korean text may quote the lower-case term
 * ("시작 유형(launch type)") as the glossary asks.
 */
const ENGLISH_TOPIC_NAMES: ReadonlyArray<{ name: string; pattern: RegExp }> = Object.entries(
  CATALOGS.en.topics,
)
  .filter(([topic, english]) => (CATALOGS.ko.topics as Record<string, string>)[topic] !== english)
  .map(([, name]) => ({ name, pattern: new RegExp(`(?<![A-Za-z])${escapeRegExp(name)}(?![A-Za-z])`) }));

/** The English topic names in `text`, after the allowed names (and text the page marks English) are taken out. */
export function englishTopics(text: string, extraNames: ReadonlyArray<string> = []): string[] {
  const rest = withoutNames(text, extraNames);
  return ENGLISH_TOPIC_NAMES.filter(({ pattern }) => pattern.test(rest)).map(({ name }) => name);
}
