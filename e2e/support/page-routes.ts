import fs from "node:fs";
import path from "node:path";

// Every page of the app, in one list, with the URL an end-to-end sweep opens for each. A page
// route is a folder under app/ holding a page.tsx; route groups such as (teach) add nothing to the
// URL. e2e/mobile.spec.ts fails when a page exists under app/ and is missing here, so a new page
// joins the sweep (and the phone-width check) in the same change that adds it.

/** The records a sweep needs to fill in a route's [params]. */
export type SweepData = {
  classId: string;
  joinCode: string;
  learnerId: string;
  /** A class quiz with every kind of question, an ordering one included; the learner's attempt is open. */
  quizId: string;
  openAttemptId: string;
  /** A second class quiz the learner has submitted. */
  finishedQuizId: string;
  finishedAttemptId: string;
  /** The learner's submitted practice exam. */
  examQuizId: string;
  examAttemptId: string;
  /** The learner's personal deck (everyone else opens it as "not found"). */
  deckId: string;
  /** A topic whose first card has long unbroken code words in its options. */
  longWordsTopic: string;
};

/** A page route (as its folder under app/ reads, without route groups) and the URLs to open for it. */
export type SweepRoute = { route: string; urls: (data: SweepData) => string[] };

export const PAGE_ROUTES: ReadonlyArray<SweepRoute> = [
  { route: "/", urls: () => ["/"] },
  { route: "/sign-in", urls: () => ["/sign-in"] },
  { route: "/sign-up", urls: () => ["/sign-up"] },
  { route: "/account", urls: () => ["/account"] },
  { route: "/admin", urls: () => ["/admin"] },
  {
    route: "/study",
    urls: (d) => ["/study", `/study?mode=cram&topic=${encodeURIComponent(d.longWordsTopic)}`],
  },
  { route: "/study/settings", urls: () => ["/study/settings"] },
  { route: "/simulator", urls: () => ["/simulator"] },
  { route: "/progress", urls: () => ["/progress"] },
  { route: "/exam", urls: () => ["/exam"] },
  { route: "/quizzes", urls: () => ["/quizzes"] },
  { route: "/quizzes/[quizId]", urls: (d) => [`/quizzes/${d.quizId}`, `/quizzes/${d.finishedQuizId}`] },
  { route: "/quizzes/[quizId]/preview", urls: (d) => [`/quizzes/${d.quizId}/preview`] },
  { route: "/quizzes/[quizId]/manage", urls: (d) => [`/quizzes/${d.quizId}/manage`] },
  { route: "/quizzes/[quizId]/edit", urls: (d) => [`/quizzes/${d.quizId}/edit`] },
  { route: "/quizzes/[quizId]/stats", urls: (d) => [`/quizzes/${d.finishedQuizId}/stats`] },
  {
    route: "/quizzes/[quizId]/attempts/[attemptId]",
    urls: (d) => [`/quizzes/${d.quizId}/attempts/${d.openAttemptId}`],
  },
  {
    route: "/quizzes/[quizId]/attempts/[attemptId]/results",
    urls: (d) => [
      `/quizzes/${d.finishedQuizId}/attempts/${d.finishedAttemptId}/results`,
      `/quizzes/${d.examQuizId}/attempts/${d.examAttemptId}/results`,
    ],
  },
  { route: "/classes", urls: () => ["/classes"] },
  { route: "/classes/[classId]", urls: (d) => [`/classes/${d.classId}`] },
  { route: "/classes/[classId]/insight", urls: (d) => [`/classes/${d.classId}/insight`] },
  {
    route: "/classes/[classId]/learners/[userId]",
    urls: (d) => [`/classes/${d.classId}/learners/${d.learnerId}`],
  },
  { route: "/classes/[classId]/quizzes/new", urls: (d) => [`/classes/${d.classId}/quizzes/new`] },
  { route: "/join/[code]", urls: (d) => [`/join/${d.joinCode}`] },
  { route: "/teach/banks", urls: () => ["/teach/banks"] },
  { route: "/teach/[[...rest]]", urls: () => ["/teach/classes-of-mine"] },
  { route: "/decks", urls: () => ["/decks"] },
  { route: "/decks/[deckId]", urls: (d) => [`/decks/${d.deckId}`] },
];

/** Pages that are no route of their own: app/not-found.tsx, shown for any unknown address. */
export const EXTRA_URLS: ReadonlyArray<{ name: string; url: string }> = [
  { name: "not found", url: "/no-such-page-on-taskdeck" },
];

/** The page routes under `appDir`, read from the folders that hold a page.tsx (or .ts/.jsx/.js). */
export function appPageRoutes(appDir = path.join(__dirname, "..", "..", "app")): string[] {
  const routes: string[] = [];
  const walk = (dir: string, segments: string[]) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        // (group) folders add nothing to the URL; _private folders and @slots are no routes.
        if (entry.name.startsWith("_") || entry.name.startsWith("@")) continue;
        const isGroup = /^\(.*\)$/.test(entry.name);
        walk(path.join(dir, entry.name), isGroup ? segments : [...segments, entry.name]);
      } else if (/^page\.(tsx|ts|jsx|js)$/.test(entry.name)) {
        routes.push(`/${segments.join("/")}`);
      }
    }
  };
  walk(appDir, []);
  return routes.sort();
}
