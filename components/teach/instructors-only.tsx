import Link from "next/link";

/**
 * What a signed-in person without the instructor role sees on an instructor's page: what the page
 * is for, how to get the role, and where to go instead.
 */
export function InstructorsOnly() {
  return (
    <section className="instructors-only" aria-labelledby="instructors-only-title">
      <h1 id="instructors-only-title">This page is for instructors</h1>
      <p>
        Instructors write their own question banks, run classes and build quizzes here. Your account is a
        learner's, so there is nothing for you on this page.
      </p>
      <p>
        Teaching a class? Ask the person who runs this Taskdeck to make you an instructor (an admin can on the
        People page).
      </p>
      <ul>
        <li>
          <Link href="/">Today</Link>: your study and quizzes
        </li>
        <li>
          <Link href="/classes">Join a class</Link> with the code your instructor gave you
        </li>
        <li>
          <Link href="/quizzes">Your quizzes</Link>
        </li>
      </ul>
    </section>
  );
}
