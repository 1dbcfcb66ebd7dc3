import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SignUpForm } from "@/components/account/sign-up-form";
import { getActingUser } from "@/lib/server/auth/session";
import { type AuthSearchParams, readAuthSearchParams } from "../search-params";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.signUp");
  return { title: t("metaTitle") };
}

export default async function SignUpPage({ searchParams }: { searchParams: AuthSearchParams }) {
  const { next, isAfterDeletion } = await readAuthSearchParams(searchParams, "/");
  if (await getActingUser()) redirect(next);
  const t = await getTranslations("auth.signUp");
  const signInHref = next === "/" ? "/sign-in" : `/sign-in?next=${encodeURIComponent(next)}`;
  return (
    <section className="card auth-card" aria-labelledby="sign-up-title">
      {isAfterDeletion ? (
        <p className="notice notice--success" role="status">
          {t("deleted")}
        </p>
      ) : null}
      <h1 id="sign-up-title">{t("title")}</h1>
      <p className="auth-card__lead">{t("lead")}</p>
      <SignUpForm next={next} />
      <p className="auth-card__switch">
        {t.rich("haveAccount", { link: (chunks) => <Link href={signInHref}>{chunks}</Link> })}
      </p>
    </section>
  );
}
