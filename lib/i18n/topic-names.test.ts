import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DECK_TOPIC } from "@/lib/bank/deck-card";
import { CATALOGS } from "./catalogs";
import { derivedTopicLabel, topicName } from "./topic-names";

/** The `topic:` of every shipped bank under content/ (English and translated files alike). */
function shippedTopics(dir = path.join(process.cwd(), "content")): Set<string> {
  const found = new Set<string>();
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) for (const topic of shippedTopics(full)) found.add(topic);
    else if (entry.name.endsWith(".md")) {
      const topic = /^topic:\s*["']?([a-z0-9-]+)/m.exec(fs.readFileSync(full, "utf8"))?.[1];
      if (topic) found.add(topic);
    }
  }
  return found;
}

describe("topicName", () => {
  it("names a shipped topic in each language from its catalog", () => {
    expect(topicName("load-balancing", CATALOGS.en.topics)).toBe("Load balancing");
    expect(topicName("load-balancing", CATALOGS.ko.topics)).toBe("로드 밸런싱");
  });

  it("derives the name of a topic no catalog knows, whatever the language", () => {
    expect(topicName("efs-volumes", CATALOGS.ko.topics)).toBe("EFS volumes");
    expect(topicName("constructor", CATALOGS.ko.topics)).toBe("Constructor");
    expect(topicName("my-deck", {})).toBe("My deck");
  });

  it("keeps English names as the id reads, so English pages do not change", () => {
    for (const [topic, name] of Object.entries(CATALOGS.en.topics)) {
      expect(name).toBe(derivedTopicLabel(topic));
    }
  });

  it("has a name for every topic a shipped bank uses", () => {
    const topics = [...shippedTopics()];
    expect(topics.length).toBeGreaterThan(0);
    for (const topic of topics) expect(Object.keys(CATALOGS.en.topics)).toContain(topic);
  });

  it("names the topic Taskdeck gives every personal deck card", () => {
    expect(topicName(DECK_TOPIC, CATALOGS.ko.topics)).toBe("내 덱");
  });
});
