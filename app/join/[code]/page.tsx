import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { JoinClassForm } from "@/components/teach/join-class-form";
import { requirePageUser } from "@/lib/server/auth/session";
import { classByCode } from "@/lib/server/data/classes";
import { prisma } from "@/lib/server/db";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.join");
  return { title: t("title") };
}

// Opening the link changes nothing (GET); the learner confirms with the button.
export default async function JoinPage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  if (!/^[A-Za-z0-9]{4,16}$/.test(code)) notFound();
  await requirePageUser(`/join/${code}`);
  const klass = await classByCode(prisma, code);
  if (!klass) notFound();
  const t = await getTranslations("admin.join");
  return (
    <div>
      <h1>{t("heading", { name: klass.name })}</h1>
      <p>{t("lead")}</p>
      <JoinClassForm code={code.toUpperCase()} />
    </div>
  );
}
