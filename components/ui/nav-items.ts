/** One destination of the main navigation; `key` names its label in the `nav.items` catalog. */
export type NavItem = { href: string; key: NavItemKey };

export type NavItemKey =
  | "topics"
  | "study"
  | "decks"
  | "simulator"
  | "progress"
  | "quizzes"
  | "exam"
  | "classes"
  | "people";

/** Primary navigation. A destination is listed here only once its page exists. */
export const NAV_ITEMS: ReadonlyArray<NavItem> = [
  { href: "/", key: "topics" },
  { href: "/study", key: "study" },
  // A learner's own decks (issue 17): the page asks signed-out visitors to sign in.
  { href: "/decks", key: "decks" },
  { href: "/simulator", key: "simulator" },
  { href: "/progress", key: "progress" },
  // Quizzes and exams (issue 7). /classes serves learners (join) and instructors (teach); the page checks the role.
  { href: "/quizzes", key: "quizzes" },
  { href: "/exam", key: "exam" },
  { href: "/classes", key: "classes" },
];

/** The admin's extra destination, listed after the others. */
export const ADMIN_NAV_ITEM: NavItem = { href: "/admin", key: "people" };
