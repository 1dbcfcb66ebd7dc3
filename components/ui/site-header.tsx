import Link from "next/link";
import { unstable_rethrow } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SessionKeeper } from "@/components/account/session-keeper";
import { SignOutButton } from "@/components/account/sign-out-button";
import { type ActingUser, hasRole } from "@/lib/server/auth/acting-user";
import { getActingUser } from "@/lib/server/auth/session";
import { LanguageSwitch } from "./language-switch";
import { ADMIN_NAV_ITEM, NAV_ITEMS } from "./nav-items";
import { SiteNav } from "./site-nav";
import "@/components/account/account.css";

/** The signed-in user for the header; a broken database shows the signed-out header, not an error. */
async function headerUser(): Promise<ActingUser | null> {
  try {
    return await getActingUser();
  } catch (error) {
    unstable_rethrow(error);
    console.error("Could not read the session for the header", error);
    return null;
  }
}

/** The banner and primary navigation shown on every page, with the account controls. */
export async function SiteHeader() {
  const [user, t] = await Promise.all([headerUser(), getTranslations("common")]);
  const items = user && hasRole(user, "admin") ? [...NAV_ITEMS, ADMIN_NAV_ITEM] : NAV_ITEMS;
  // The account controls: in the header row on a wide screen, inside the menu on a phone.
  const account = user ? (
    <>
      <p className="account-menu__user">
        <span className="visually-hidden">{t("account.signedInAs")}</span>
        <Link href="/account" className="account-menu__name">
          {user.name}
        </Link>
      </p>
      <SignOutButton className="button button--quiet" />
      <LanguageSwitch />
    </>
  ) : (
    <>
      <Link href="/sign-in" className="account-menu__link">
        {t("account.signIn")}
      </Link>
      <Link href="/sign-up" className="button button--primary">
        {t("account.signUp")}
      </Link>
      <LanguageSwitch />
    </>
  );
  return (
    <header className="site-header">
      {user ? <SessionKeeper /> : null}
      <div className="site-header__inner">
        <Link href="/" className="brand" aria-label={t("brand.home")}>
          <svg aria-hidden="true" width="28" height="28" viewBox="0 0 32 32" focusable="false">
            <rect x="3" y="7" width="22" height="18" rx="4" fill="var(--accent-soft)" />
            <rect x="7" y="4" width="22" height="18" rx="4" fill="var(--accent)" />
            <path
              d="M12 13l3 3 6-6"
              stroke="var(--on-accent)"
              strokeWidth="2.5"
              fill="none"
              strokeLinecap="round"
            />
          </svg>
          <span>Taskdeck</span>
        </Link>
        <SiteNav items={items} account={account} />
        <div className="account-menu site-header__account">{account}</div>
      </div>
    </header>
  );
}
