import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SimulatorClient } from "./simulator-client";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("sim.page");
  return { title: t("title"), description: t("description") };
}

// Anyone may open the sandbox; it reads nothing but its own `s` search parameter.
export default async function SimulatorPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { s } = await searchParams;
  const initialParam = Array.isArray(s) ? (s[0] ?? null) : (s ?? null);
  const t = await getTranslations("sim.page");
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("lead")}</p>
      <SimulatorClient initialParam={initialParam} />
    </>
  );
}
