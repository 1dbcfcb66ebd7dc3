import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SignInForm } from "@/components/account/sign-in-form";
import { getActingUser } from "@/lib/server/auth/session";
import { type AuthSearchParams, readAuthSearchParams } from "../search-params";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.signIn");
  return { title: t("title") };
}

export default async function SignInPage({ searchParams }: { searchParams: AuthSearchParams }) {
  const { next } = await readAuthSearchParams(searchParams, "/");
  if (await getActingUser()) redirect(next);
  const t = await getTranslations("auth.signIn");
  const signUpHref = next === "/" ? "/sign-up" : `/sign-up?next=${encodeURIComponent(next)}`;
  return (
    <section className="card auth-card" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">{t("title")}</h1>
      {next !== "/" ? <p className="auth-card__lead">{t("lead")}</p> : null}
      <SignInForm next={next} />
      <p className="auth-card__switch">
        {t.rich("newHere", { link: (chunks) => <Link href={signUpHref}>{chunks}</Link> })}
      </p>
    </section>
  );
}
