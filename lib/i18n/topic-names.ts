// Pure: a topic's name as a page shows it. Shipped topics (content/<area>/*.md front matter
// `topic:`) and "my-decks" (every personal deck card's, lib/bank/deck-card.ts) are named in the
// `topics` catalog, one key per kebab-case id, so each language has its own; any other topic (an instructor's upload, a learner's deck) keeps the name derived
// from its id, which is what its author wrote. Takes the catalog's `topics` object rather than
// importing the catalogs, so a client component can pass `useMessages().topics`.

/** A language's `topics` catalog: topic id → name. */
export type TopicNames = Readonly<Record<string, string>>;

/** Words that AWS writes in capitals: a topic id "iam" reads "IAM", "efs-volumes" "EFS volumes". */
const ACRONYMS = new Set([
  "iam",
  "ecs",
  "ec2",
  "ecr",
  "efs",
  "ebs",
  "fsx",
  "alb",
  "nlb",
  "clb",
  "elb",
  "vpc",
  "eni",
  "aws",
]);

/** "launch-types" → "Launch types", "iam" → "IAM": the name of a topic no catalog knows. */
export function derivedTopicLabel(topic: string): string {
  const words = topic
    .split("-")
    .filter(Boolean)
    .map((word) => (ACRONYMS.has(word.toLowerCase()) ? word.toUpperCase() : word));
  const text = words.join(" ");
  return text ? text.charAt(0).toUpperCase() + text.slice(1) : topic;
}

/** The catalog's name for a shipped topic, else the derived one. */
export function topicName(topic: string, names: TopicNames): string {
  // i18n-keys: topics.*
  // Own keys only: a topic id "constructor" is an upload's topic, not Object.prototype's.
  return Object.hasOwn(names, topic) ? (names[topic] as string) : derivedTopicLabel(topic);
}
