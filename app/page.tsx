import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { TodayView } from "@/components/today/today-view";
import { getActingUser } from "@/lib/server/auth/session";
import { loadToday } from "@/lib/server/data/today";
import { listTopics } from "@/lib/server/data/topics";
import { prisma } from "@/lib/server/db";

/** A signed-in learner's tab reads "Today"; a visitor's keeps the site's name. */
export async function generateMetadata(): Promise<Metadata> {
  if (!(await getActingUser())) return {};
  const t = await getTranslations("today");
  return { title: t("title") };
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

// i18n-keys: home.features.*
async function MarketingHome() {
  const [topics, t] = await Promise.all([listTopics(prisma, await getLocale()), getTranslations("home")]);
  const code = (chunks: ReactNode) => <code>{chunks}</code>;
  return (
    <>
      <section className="hero" aria-labelledby="home-title">
        <h1 id="home-title">{t("title")}</h1>
        <p className="lead">{t("lead")}</p>
        <ul className="feature-list">
          {(["spaced", "explained", "shown"] as const).map((feature) => (
            <li key={feature}>
              <strong>{t(`features.${feature}.title`)}</strong>
              {t(`features.${feature}.text`)}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="topics-title">
        <h2 id="topics-title">{t("topics")}</h2>
        {topics.length === 0 ? (
          <div className="notice" role="status">
            <p>
              <strong>{t("noBanks")}</strong>
            </p>
            <p>{t.rich("noBanksHelp", { code })}</p>
          </div>
        ) : (
          <>
            <p>{t("pickTopic")}</p>
            <ul className="topic-grid" aria-label={t("topics")}>
              {topics.map((topic) => (
                <li key={topic.topic} className="card">
                  <h3>
                    <Link className="topic-card__link" href={studyTopicHref(topic.topic)}>
                      {topic.label}
                    </Link>
                  </h3>
                  <dl className="topic-counts">
                    <div>
                      <dt>{t("questions")}</dt>
                      <dd>{topic.questions}</dd>
                    </div>
                    <div>
                      <dt>{t("flashcards")}</dt>
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
