import type { Metadata } from "next";
import { SimulatorClient } from "./simulator-client";

export const metadata: Metadata = {
  title: "ECS simulator",
  description:
    "Try Amazon ECS settings and see what happens: placement, networking, IAM roles, load balancers and volumes, with the rule that decided and its AWS page.",
};

// Anyone may open the sandbox; it reads nothing but its own `s` search parameter.
export default async function SimulatorPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { s } = await searchParams;
  const initialParam = Array.isArray(s) ? (s[0] ?? null) : (s ?? null);
  return (
    <>
      <h1>ECS simulator</h1>
      <p className="lead">
        Change the controls and watch Amazon ECS place the tasks, grant or deny the calls, and name the rule
        that decided, with its AWS page. The scenario lives in the address, so you can share it or copy it as
        a sim block for a question.
      </p>
      <SimulatorClient initialParam={initialParam} />
    </>
  );
}
