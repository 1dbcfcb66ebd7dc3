/**
 * The AWS Certified Solutions Architect – Associate (SAA-C03) exam guide's content domains and
 * their weights, and which domain each Taskdeck topic counts toward.
 *
 * Source: the SAA-C03 exam guide, "Content outline"
 * https://docs.aws.amazon.com/aws-certification/latest/solutions-architect-associate-03/solutions-architect-associate-03.html
 * (PDF: https://d1.awsstatic.com/training-and-certification/docs-sa-assoc/AWS-Certified-Solutions-Architect-Associate_Exam-Guide.pdf)
 */
export type ExamDomain = { id: string; label: string; weight: number };

export const SAA_C03_GUIDE_URL =
  "https://docs.aws.amazon.com/aws-certification/latest/solutions-architect-associate-03/solutions-architect-associate-03.html";

/** Domain → share of scored content (sums to 1). */
export const SAA_C03_DOMAINS: readonly ExamDomain[] = [
  { id: "secure", label: "Design Secure Architectures", weight: 0.3 },
  { id: "resilient", label: "Design Resilient Architectures", weight: 0.26 },
  { id: "performing", label: "Design High-Performing Architectures", weight: 0.24 },
  { id: "cost", label: "Design Cost-Optimized Architectures", weight: 0.2 },
];

/**
 * Each Taskdeck topic counts toward its main SAA-C03 domain (a bank lists several; one primary
 * domain per topic keeps every card counted once).
 */
export const TOPIC_DOMAIN: Readonly<Record<string, string>> = {
  iam: "secure",
  "load-balancing": "resilient",
  "cluster-placement": "performing",
  storage: "performing",
  "launch-types": "cost",
};

/** The domain id a topic counts toward, or null when the topic is not mapped. */
export function domainOfTopic(topic: string): string | null {
  return TOPIC_DOMAIN[topic] ?? null;
}

/**
 * The SAA-C03 domain a bank's `domains` line names, or null: banks write them in English in their
 * front matter, with or without the exam's code ("SAA-C03: Design Secure Architectures").
 *
 * @example
 * examDomainOf("SAA-C03: Design Secure Architectures")?.id // "secure"
 * examDomainOf("Networking for phones") // null
 */
export function examDomainOf(group: string): ExamDomain | null {
  const label = group.replace(/^SAA-C03:\s*/, "").trim();
  return SAA_C03_DOMAINS.find((d) => d.label === label) ?? null;
}
