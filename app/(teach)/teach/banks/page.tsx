import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { BankVisibilityForm, DeleteBankForm } from "@/components/teach/bank-actions";
import { InstructorsOnly } from "@/components/teach/instructors-only";
import { UploadBankForm } from "@/components/teach/upload-bank-form";
import { hasRole } from "@/lib/server/auth/acting-user";
import { requirePageUser } from "@/lib/server/auth/session";
import { listInstructorBanks } from "@/lib/server/data/instructor-banks";
import { topicLabel } from "@/lib/server/data/topics";
import { prisma } from "@/lib/server/db";
import "@/components/quiz/quiz.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("teach.banks");
  return { title: t("title") };
}

export default async function TeachBanksPage() {
  const user = await requirePageUser("/teach/banks");
  if (!hasRole(user, "instructor")) return <InstructorsOnly />;
  const [banks, t, locale] = await Promise.all([
    listInstructorBanks(prisma, user),
    getTranslations("teach.banks"),
    getLocale(),
  ]);
  return (
    <div>
      <h1>{t("title")}</h1>
      <p className="lead">{t("lead")}</p>
      {banks.length === 0 ? <p>{t("empty")}</p> : null}
      <ul aria-label={t("title")} className="teach-banks">
        {banks.map((b) => (
          <li key={b.bankId} className="card">
            {/* The title is the author's words, in the bank's own language, whatever the page's. */}
            <h2 lang={b.bank.language}>{b.bank.title}</h2>
            <p>
              <span className="muted">
                {t("summary", { topic: topicLabel(b.bank.topic, locale), count: b.bank._count.questions })}
              </span>
              <strong>{b.bank.visibility === "published" ? t("published") : t("private")}</strong>
            </p>
            <BankVisibilityForm bankId={b.bankId} visibility={b.bank.visibility} />
            <details>
              <summary>{t("newVersion")}</summary>
              <p className="muted">{t("newVersionNote")}</p>
              <UploadBankForm bank={{ id: b.bankId, title: b.bank.title }} />
            </details>
            <DeleteBankForm bankId={b.bankId} title={b.bank.title} />
          </li>
        ))}
      </ul>
      <h2>{t("add")}</h2>
      <UploadBankForm />
    </div>
  );
}
