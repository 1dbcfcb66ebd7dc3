import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/account/sign-in-form";
import { getActingUser } from "@/lib/server/auth/session";
import { type AuthSearchParams, readAuthSearchParams } from "../search-params";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: AuthSearchParams }) {
  const { next } = await readAuthSearchParams(searchParams, "/");
  if (await getActingUser()) redirect(next);
  const signUpHref = next === "/" ? "/sign-up" : `/sign-up?next=${encodeURIComponent(next)}`;
  return (
    <section className="card auth-card" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">Sign in</h1>
      {next !== "/" ? <p className="auth-card__lead">Sign in to continue to that page.</p> : null}
      <SignInForm next={next} />
      <p className="auth-card__switch">
        New to Taskdeck? <Link href={signUpHref}>Create an account</Link>
      </p>
    </section>
  );
}
