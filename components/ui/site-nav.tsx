"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import type { KeyboardEvent, MouseEvent, ReactNode } from "react";
import type { NavItem } from "./nav-items";

/** Whether `href` is the page at `pathname` or a page under it ("/" only for itself). */
export function isCurrentNavItem(href: string, pathname: string): boolean {
  if (href === "/") return pathname === "/";
  return pathname === href || pathname.startsWith(`${href}/`);
}

function NavLinks({ items, className }: { items: ReadonlyArray<NavItem>; className: string }) {
  const pathname = usePathname() ?? "";
  const t = useTranslations("nav.items");
  return (
    <ul className={className}>
      {items.map((item) => (
        <li key={item.href}>
          <Link href={item.href} aria-current={isCurrentNavItem(item.href, pathname) ? "page" : undefined}>
            {t(item.key)}
          </Link>
        </li>
      ))}
    </ul>
  );
}

/**
 * The main navigation. On a wide screen the links sit in the header row; on a phone they fold
 * into a "Menu" disclosure (<details>: it opens without JavaScript, and browsers announce its
 * expanded state) together with the account controls, so the page starts right under one row.
 * Only one of the two is displayed at a time, so assistive technology meets the links once.
 */
export function SiteNav({ items, account }: { items: ReadonlyArray<NavItem>; account: ReactNode }) {
  const t = useTranslations("nav");
  // Following a link inside the open menu, or pressing Escape, folds it away again.
  const closeOnLink = (event: MouseEvent<HTMLDetailsElement>) => {
    if ((event.target as HTMLElement).closest("a")) event.currentTarget.open = false;
  };
  const closeOnEscape = (event: KeyboardEvent<HTMLDetailsElement>) => {
    if (event.key !== "Escape" || !event.currentTarget.open) return;
    event.currentTarget.open = false;
    event.currentTarget.querySelector("summary")?.focus();
  };
  return (
    <nav aria-label={t("label")} className="site-nav">
      <NavLinks items={items} className="nav-list site-nav__wide" />
      <details className="site-nav__menu" onClick={closeOnLink} onKeyDown={closeOnEscape}>
        <summary className="site-nav__toggle">{t("menu")}</summary>
        <div className="site-nav__panel">
          <NavLinks items={items} className="nav-list site-nav__list" />
          <div className="account-menu site-nav__account">{account}</div>
        </div>
      </details>
    </nav>
  );
}
