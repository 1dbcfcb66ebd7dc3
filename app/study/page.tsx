import type { Metadata } from "next";
import Link from "next/link";
import { getLocale } from "next-intl/server";
import { StudySession } from "@/components/study/study-session";
import { requirePageUser } from "@/lib/server/auth/session";
import { deckChoices } from "@/lib/server/data/decks";
import { studyCatalog } from "@/lib/server/data/study-catalog";
import { loadStudyQueue } from "@/lib/server/data/study-queue";
import { prisma } from "@/lib/server/db";
import { parseStudySearch } from "./search-params";
import "@/components/study/study.css";

export const metadata: Metadata = { title: "Study" };

export default async function StudyPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePageUser("/study");
  const { filter, mode } = parseStudySearch(await searchParams);
  const locale = await getLocale();
  const [catalog, decks, view] = await Promise.all([
    studyCatalog(prisma),
    deckChoices(prisma, user),
    loadStudyQueue(prisma, user, filter, new Date(), { mode, limit: 12, locale }),
  ]);
  // A new key per filter resets the session when the learner changes what to study.
  const sessionKey = JSON.stringify({ filter, mode });
  return (
    <div className="study-page">
      <div className="study-page__head">
        <h1>Study</h1>
        <Link href="/study/settings" className="button button--quiet">
          Study settings
        </Link>
      </div>
      {decks.length > 0 ? (
        // The learner's own decks are in the daily queue with everything else; a link studies one alone.
        <nav aria-label="My decks" className="study-decks">
          <span className="muted">My decks:</span>{" "}
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
              <Link href="/study">Everything due</Link>
            </>
          ) : null}
        </nav>
      ) : null}
      <details
        className="study-filter"
        open={filter.topics.length + filter.tags.length === 0 && mode === "review" ? undefined : true}
      >
        <summary>Choose what to study</summary>
        <form method="get" action="/study" className="study-filter__form">
          <fieldset>
            <legend>Topics</legend>
            {catalog.topics.map((t) => (
              <label key={t.topic} className="check">
                <input
                  type="checkbox"
                  name="topic"
                  value={t.topic}
                  defaultChecked={filter.topics.includes(t.topic)}
                />
                {t.label} <span className="muted">({t.count})</span>
              </label>
            ))}
          </fieldset>
          <div className="field">
            <label htmlFor="study-tag">Only cards tagged</label>
            <select id="study-tag" name="tag" className="input" defaultValue={filter.tags[0] ?? ""}>
              <option value="">Any tag</option>
              {catalog.tags.map((t) => (
                <option key={t.tag} value={t.tag}>
                  {t.tag} ({t.count})
                </option>
              ))}
            </select>
          </div>
          <fieldset>
            <legend>Mode</legend>
            <label className="check">
              <input type="radio" name="mode" value="review" defaultChecked={mode === "review"} /> Scheduled
              review
            </label>
            <label className="check">
              <input type="radio" name="mode" value="cram" defaultChecked={mode === "cram"} /> Cram (schedule
              unchanged)
            </label>
            <label className="check">
              <input type="radio" name="mode" value="missed" defaultChecked={mode === "missed"} /> What I
              missed today
            </label>
          </fieldset>
          <button type="submit" className="button button--primary">
            Start
          </button>
        </form>
      </details>
      <StudySession key={sessionKey} initial={view} filter={filter} mode={mode} />
    </div>
  );
}
