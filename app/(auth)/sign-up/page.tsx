import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SignUpForm } from "@/components/account/sign-up-form";
import { getActingUser } from "@/lib/server/auth/session";
import { type AuthSearchParams, readAuthSearchParams } from "../search-params";

export const metadata: Metadata = { title: "Sign up" };

export default async function SignUpPage({ searchParams }: { searchParams: AuthSearchParams }) {
  const { next, isAfterDeletion } = await readAuthSearchParams(searchParams, "/");
  if (await getActingUser()) redirect(next);
  const signInHref = next === "/" ? "/sign-in" : `/sign-in?next=${encodeURIComponent(next)}`;
  return (
    <section className="card auth-card" aria-labelledby="sign-up-title">
      {isAfterDeletion ? (
        <p className="notice notice--success" role="status">
          Your account and everything Taskdeck kept about you were deleted.
        </p>
      ) : null}
      <h1 id="sign-up-title">Create your account</h1>
      <p className="auth-card__lead">
        Keep your progress, join a class, and pick up where you left off on any device.
      </p>
      <SignUpForm next={next} />
      <p className="auth-card__switch">
        Already have an account? <Link href={signInHref}>Sign in</Link>
      </p>
    </section>
  );
}
