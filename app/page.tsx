import type { Metadata } from "next";
import Link from "next/link";
import { TodayView } from "@/components/today/today-view";
import { getActingUser } from "@/lib/server/auth/session";
import { loadToday } from "@/lib/server/data/today";
import { listTopics } from "@/lib/server/data/topics";
import { prisma } from "@/lib/server/db";

/** A signed-in learner's tab reads "Today"; a visitor's keeps the site's name. */
export async function generateMetadata(): Promise<Metadata> {
  return (await getActingUser()) ? { title: "Today" } : {};
}

/** `/`: Today for a signed-in learner; what Taskdeck is, and its topics, for a visitor. */
export default async function HomePage() {
  const user = await getActingUser();
  if (user) {
    const now = new Date();
    return <TodayView today={await loadToday(prisma, user, now)} now={now} />;
  }
  return <MarketingHome />;
}

/** Where a visitor's topic card leads: sign-up, then straight into studying that topic. */
const studyTopicHref = (topic: string) =>
  `/sign-up?next=${encodeURIComponent(`/study?topic=${encodeURIComponent(topic)}`)}`;

async function MarketingHome() {
  const topics = await listTopics(prisma);
  return (
    <>
      <section className="hero" aria-labelledby="home-title">
        <h1 id="home-title">Study for your AWS exam, one card at a time</h1>
        <p className="lead">
          Taskdeck schedules flashcards and exam-style practice questions with spaced repetition, explains
          every wrong option, and plays the scenario behind an answer in an Amazon ECS simulator, so you see
          why it is right.
        </p>
        <ul className="feature-list">
          <li>
            <strong>Spaced repetition</strong>
            Reviews come back just before you would forget them.
          </li>
          <li>
            <strong>Every option explained</strong>
            Each wrong answer says why it is wrong, with the AWS page to read.
          </li>
          <li>
            <strong>Shown, not just told</strong>
            The simulator places tasks, grants or denies calls, and names the rule that decided.
          </li>
        </ul>
      </section>
      <section aria-labelledby="topics-title">
        <h2 id="topics-title">Topics</h2>
        {topics.length === 0 ? (
          <div className="notice" role="status">
            <p>
              <strong>No question banks are loaded yet.</strong>
            </p>
            <p>
              Banks are Markdown files in the <code>content/</code> folder. Add one and run{" "}
              <code>npm start</code> to load it.
            </p>
          </div>
        ) : (
          <>
            <p>Pick a topic to start: create a free account and its cards are the first you study.</p>
            <ul className="topic-grid" aria-label="Topics">
              {topics.map((topic) => (
                <li key={topic.topic} className="card">
                  <h3>
                    <Link className="topic-card__link" href={studyTopicHref(topic.topic)}>
                      {topic.label}
                    </Link>
                  </h3>
                  <dl className="topic-counts">
                    <div>
                      <dt>questions</dt>
                      <dd>{topic.questions}</dd>
                    </div>
                    <div>
                      <dt>flashcards</dt>
                      <dd>{topic.flashcards}</dd>
                    </div>
                  </dl>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    </>
  );
}
