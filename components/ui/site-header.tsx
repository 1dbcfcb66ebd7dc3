import Link from "next/link";
import { NAV_ITEMS } from "./nav-items";

/** The banner and primary navigation shown on every page. */
export function SiteHeader() {
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link href="/" className="brand" aria-label="Taskdeck home">
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
        <nav aria-label="Main">
          <ul className="nav-list">
            {NAV_ITEMS.map((item) => (
              <li key={item.href}>
                <Link href={item.href}>{item.label}</Link>
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </header>
  );
}
