import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { JoinClassForm } from "@/components/teach/join-class-form";
import { requirePageUser } from "@/lib/server/auth/session";
import { classByCode } from "@/lib/server/data/classes";
import { prisma } from "@/lib/server/db";

export const metadata: Metadata = { title: "Join a class" };

// Opening the link changes nothing (GET); the learner confirms with the button.
export default async function JoinPage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  if (!/^[A-Za-z0-9]{4,16}$/.test(code)) notFound();
  await requirePageUser(`/join/${code}`);
  const klass = await classByCode(prisma, code);
  if (!klass) notFound();
  return (
    <div>
      <h1>Join {klass.name}</h1>
      <p>Your instructor will see your name and email on the class roster and your quiz grades.</p>
      <JoinClassForm code={code.toUpperCase()} />
    </div>
  );
}
