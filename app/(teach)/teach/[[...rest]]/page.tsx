import { notFound } from "next/navigation";
import { InstructorsOnly } from "@/components/teach/instructors-only";
import { hasRole } from "@/lib/server/auth/acting-user";
import { requirePageUser } from "@/lib/server/auth/session";

// /teach and any other address under it: a learner is told these pages are for instructors (rather than
// "Page not found"); an instructor gets the real not-found.
export default async function TeachOtherPage({ params }: { params: Promise<{ rest?: string[] }> }) {
  const { rest = [] } = await params;
  const user = await requirePageUser(["/teach", ...rest.map(encodeURIComponent)].join("/"));
  if (hasRole(user, "instructor")) notFound();
  return <InstructorsOnly />;
}
