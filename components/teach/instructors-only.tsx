import Link from "next/link";
import { useTranslations } from "next-intl";

/**
 * What a signed-in person without the instructor role sees on an instructor's page: what the page
 * is for, how to get the role, and where to go instead.
 */
export function InstructorsOnly() {
  const t = useTranslations("teach.instructorsOnly");
  return (
    <section className="instructors-only" aria-labelledby="instructors-only-title">
      <h1 id="instructors-only-title">{t("title")}</h1>
      <p>{t("what")}</p>
      <p>{t("how")}</p>
      <ul>
        <li>{t.rich("today", { link: (chunks) => <Link href="/">{chunks}</Link> })}</li>
        <li>{t.rich("join", { link: (chunks) => <Link href="/classes">{chunks}</Link> })}</li>
        <li>{t.rich("quizzes", { link: (chunks) => <Link href="/quizzes">{chunks}</Link> })}</li>
      </ul>
    </section>
  );
}
