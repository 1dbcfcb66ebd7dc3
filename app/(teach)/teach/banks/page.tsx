import type { Metadata } from "next";
import { UploadBankForm } from "@/components/teach/upload-bank-form";
import { requirePageRole } from "@/lib/server/auth/session";
import { listInstructorBanks } from "@/lib/server/data/instructor-banks";
import { prisma } from "@/lib/server/db";
import "@/components/quiz/quiz.css";

export const metadata: Metadata = { title: "Your banks" };

export default async function TeachBanksPage() {
  const user = await requirePageRole("instructor", "/teach/banks");
  const banks = await listInstructorBanks(prisma, user);
  return (
    <div>
      <h1>Your banks</h1>
      <p className="lead">
        Questions you write for your own classes. They are checked exactly like the shipped banks; a bank with
        any error is not saved. Only your quizzes can use them.
      </p>
      {banks.length === 0 ? <p>No banks yet.</p> : null}
      <ul aria-label="Your banks">
        {banks.map((b) => (
          <li key={b.bankId}>
            {b.bank.title}{" "}
            <span className="muted">
              ({b.bank.topic}, {b.bank._count.questions} questions)
            </span>
          </li>
        ))}
      </ul>
      <h2>Add a bank</h2>
      <UploadBankForm />
    </div>
  );
}
