import type { ReactNode } from "react";

/** The sign-in and sign-up pages: one narrow, centred column. */
export default function AuthLayout({ children }: { children: ReactNode }) {
  return <div className="auth-page">{children}</div>;
}
