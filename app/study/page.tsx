import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { StudySession } from "@/components/study/study-session";
import { requirePageUser } from "@/lib/server/auth/session";
import { deckChoices } from "@/lib/server/data/decks";
import { studyCatalog } from "@/lib/server/data/study-catalog";
import { loadStudyQueue } from "@/lib/server/data/study-queue";
import { topicLabel } from "@/lib/server/data/topics";
import { prisma } from "@/lib/server/db";
import { parseStudySearch } from "./search-params";
import "@/components/study/study.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("study");
  return { title: t("title") };
}

export default async function StudyPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePageUser("/study");
  const { filter, mode } = parseStudySearch(await searchParams);
  const locale = await getLocale();
  const [t, catalog, decks, view] = await Promise.all([
    getTranslations("study"),
    studyCatalog(prisma),
    deckChoices(prisma, user),
    loadStudyQueue(prisma, user, filter, new Date(), { mode, limit: 12, locale }),
  ]);
  // A new key per filter resets the session when the learner changes what to study.
  const sessionKey = JSON.stringify({ filter, mode });
  return (
    <div className="study-page">
      <div className="study-page__head">
        <h1>{t("title")}</h1>
        <Link href="/study/settings" className="button button--quiet">
          {t("settingsLink")}
        </Link>
      </div>
      {decks.length > 0 ? (
        // The learner's own decks are in the daily queue with everything else; a link studies one alone.
        <nav aria-label={t("decks.label")} className="study-decks">
          <span className="muted">{t("decks.lead")}</span>{" "}
          {decks.map((deck, i) => (
            <span key={deck.id}>
              {i > 0 ? " · " : null}
              <Link
                href={`/study?bank=${encodeURIComponent(deck.id)}`}
                aria-current={filter.banks.length === 1 && filter.banks[0] === deck.id ? "page" : undefined}
              >
                {deck.title}
              </Link>
            </span>
          ))}
          {filter.banks.length > 0 ? (
            <>
              {" · "}
              <Link href="/study">{t("decks.everything")}</Link>
            </>
          ) : null}
        </nav>
      ) : null}
      <details
        className="study-filter"
        open={filter.topics.length + filter.tags.length === 0 && mode === "review" ? undefined : true}
      >
        <summary>{t("filter.summary")}</summary>
        <form method="get" action="/study" className="study-filter__form">
          <fieldset>
            <legend>{t("filter.topics")}</legend>
            {catalog.topics.map((topic) => (
              <label key={topic.topic} className="check">
                <input
                  type="checkbox"
                  name="topic"
                  value={topic.topic}
                  defaultChecked={filter.topics.includes(topic.topic)}
                />
                {topicLabel(topic.topic, locale)} <span className="muted">({topic.count})</span>
              </label>
            ))}
          </fieldset>
          <div className="field">
            <label htmlFor="study-tag">{t("filter.tag")}</label>
            <select id="study-tag" name="tag" className="input" defaultValue={filter.tags[0] ?? ""}>
              <option value="">{t("filter.anyTag")}</option>
              {catalog.tags.map((tag) => (
                <option key={tag.tag} value={tag.tag}>
                  {tag.tag} ({tag.count})
                </option>
              ))}
            </select>
          </div>
          <fieldset>
            <legend>{t("filter.mode")}</legend>
            <label className="check">
              <input type="radio" name="mode" value="review" defaultChecked={mode === "review"} />{" "}
              {t("filter.review")}
            </label>
            <label className="check">
              <input type="radio" name="mode" value="cram" defaultChecked={mode === "cram"} />{" "}
              {t("filter.cram")}
            </label>
            <label className="check">
              <input type="radio" name="mode" value="missed" defaultChecked={mode === "missed"} />{" "}
              {t("filter.missed")}
            </label>
          </fieldset>
          <button type="submit" className="button button--primary">
            {t("filter.start")}
          </button>
        </form>
      </details>
      <StudySession key={sessionKey} initial={view} filter={filter} mode={mode} />
    </div>
  );
}
