import type { Metadata } from "next";
import { BankVisibilityForm, DeleteBankForm } from "@/components/teach/bank-actions";
import { InstructorsOnly } from "@/components/teach/instructors-only";
import { UploadBankForm } from "@/components/teach/upload-bank-form";
import { hasRole } from "@/lib/server/auth/acting-user";
import { requirePageUser } from "@/lib/server/auth/session";
import { listInstructorBanks } from "@/lib/server/data/instructor-banks";
import { topicLabel } from "@/lib/server/data/topics";
import { prisma } from "@/lib/server/db";
import "@/components/quiz/quiz.css";

export const metadata: Metadata = { title: "Your banks" };

export default async function TeachBanksPage() {
  const user = await requirePageUser("/teach/banks");
  if (!hasRole(user, "instructor")) return <InstructorsOnly />;
  const banks = await listInstructorBanks(prisma, user);
  return (
    <div>
      <h1>Your banks</h1>
      <p className="lead">
        Questions you write for your own classes. They are checked exactly like the shipped banks; a bank with
        any error is not saved. A bank is private (only your quizzes can use it) until you publish it: then
        every instructor's quiz builder and learners' study offer it too.
      </p>
      {banks.length === 0 ? <p>No banks yet.</p> : null}
      <ul aria-label="Your banks" className="teach-banks">
        {banks.map((b) => (
          <li key={b.bankId} className="card">
            <h2>{b.bank.title}</h2>
            <p>
              <span className="muted">
                {topicLabel(b.bank.topic)}, {b.bank._count.questions}{" "}
                {b.bank._count.questions === 1 ? "question" : "questions"} ·{" "}
              </span>
              <strong>
                {b.bank.visibility === "published"
                  ? "Published: every instructor's quizzes and learners' study"
                  : "Private: only your quizzes"}
              </strong>
            </p>
            <BankVisibilityForm bankId={b.bankId} visibility={b.bank.visibility} />
            <details>
              <summary>Upload a new version</summary>
              <p className="muted">
                Questions keep their ids, so learners' history and past attempts stay; questions left out are
                retired. Nothing changes when the new version has an error.
              </p>
              <UploadBankForm bank={{ id: b.bankId, title: b.bank.title }} />
            </details>
            <DeleteBankForm bankId={b.bankId} title={b.bank.title} />
          </li>
        ))}
      </ul>
      <h2>Add a bank</h2>
      <UploadBankForm />
    </div>
  );
}
