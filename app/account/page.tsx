import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { DeleteAccountForm } from "@/components/account/delete-account-form";
import { LanguageSettingForm } from "@/components/account/language-setting-form";
import { SignOutButton } from "@/components/account/sign-out-button";
import { requirePageUser } from "@/lib/server/auth/session";
import { getInterfaceSettings } from "@/lib/server/data/interface-settings";
import { prisma } from "@/lib/server/db";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("account");
  return { title: t("title") };
}

// i18n-keys: account.role.*
const strong = (chunks: ReactNode) => <strong>{chunks}</strong>;

/** Why an account holds more than the learner role, and what each extra role opens. */
async function RolesExplained({ roles }: { roles: readonly string[] }) {
  const t = await getTranslations("account.rolesExplained");
  const isAdmin = roles.includes("admin");
  return (
    <div className="roles-explained">
      {isAdmin ? <p>{t("firstAccount")}</p> : null}
      <ul>
        <li>{t.rich("learner", { strong })}</li>
        {roles.includes("instructor") ? <li>{t.rich("instructor", { strong })}</li> : null}
        {isAdmin ? (
          <li>{t.rich("admin", { strong, link: (chunks) => <Link href="/admin">{chunks}</Link> })}</li>
        ) : null}
      </ul>
    </div>
  );
}

export default async function AccountPage() {
  const user = await requirePageUser("/account");
  const [t, settings] = await Promise.all([getTranslations("account"), getInterfaceSettings(prisma, user)]);
  return (
    <div className="account-page">
      <h1>{t("title")}</h1>
      <section className="card" aria-labelledby="profile-title">
        <h2 id="profile-title">{t("profile")}</h2>
        <dl className="profile-list">
          <div>
            <dt>{t("name")}</dt>
            <dd>{user.name}</dd>
          </div>
          <div>
            <dt>{t("email")}</dt>
            <dd>{user.email}</dd>
          </div>
          <div>
            <dt>{t("roles")}</dt>
            <dd>
              <ul className="role-list" aria-label={t("roles")}>
                {user.roles.map((role) => (
                  <li key={role} className="badge">
                    {t(`role.${role}`)}
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        </dl>
        {user.roles.length > 1 ? <RolesExplained roles={user.roles} /> : null}
      </section>
      <section className="card" aria-labelledby="language-title">
        <h2 id="language-title">{t("language.title")}</h2>
        <p>{t("language.lead")}</p>
        <LanguageSettingForm saved={settings.locale} />
      </section>
      <section className="card" aria-labelledby="password-title">
        <h2 id="password-title">{t("password.title")}</h2>
        <ChangePasswordForm />
      </section>
      <section className="card" aria-labelledby="export-title">
        <h2 id="export-title">{t("export.title")}</h2>
        <p>{t("export.lead")}</p>
        <a className="button" href="/account/export" download>
          {t("export.download")}
        </a>
      </section>
      <section className="card" aria-labelledby="sign-out-title">
        <h2 id="sign-out-title">{t("signOut.title")}</h2>
        <p>{t("signOut.lead")}</p>
        <SignOutButton />
      </section>
      <section className="card card--danger" aria-labelledby="delete-title">
        <h2 id="delete-title">{t("delete.title")}</h2>
        <DeleteAccountForm email={user.email} />
      </section>
    </div>
  );
}
