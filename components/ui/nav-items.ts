/** One destination of the main navigation. */
export type NavItem = { href: string; label: string };

/** Primary navigation. A destination is listed here only once its page exists. */
export const NAV_ITEMS: ReadonlyArray<NavItem> = [
  { href: "/", label: "Topics" },
  { href: "/study", label: "Study" },
  // A learner's own decks (issue 17): the page asks signed-out visitors to sign in.
  { href: "/decks", label: "My decks" },
  { href: "/simulator", label: "Simulator" },
  { href: "/progress", label: "Progress" },
  // Quizzes and exams (issue 7). /classes serves learners (join) and instructors (teach); the page checks the role.
  { href: "/quizzes", label: "Quizzes" },
  { href: "/exam", label: "Exam" },
  { href: "/classes", label: "Classes" },
];

/** The admin's extra destination, listed after the others. */
export const ADMIN_NAV_ITEM: NavItem = { href: "/admin", label: "People" };
