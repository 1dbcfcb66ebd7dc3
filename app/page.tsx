import { listTopics } from "@/lib/server/data/topics";
import { prisma } from "@/lib/server/db";

export default async function HomePage() {
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
          <ul className="topic-grid" aria-label="Topics">
            {topics.map((topic) => (
              <li key={topic.topic} className="card">
                <h3>{topic.label}</h3>
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
        )}
      </section>
    </>
  );
}
