"use client";
// The signed-in navigation: every app page, the current one marked for screen readers, the portfolio
// switcher, and sign out.
import Link from "next/link";
import { usePathname } from "next/navigation";
import { SignOutButton } from "@/components/account/sign-out-button";
import { PortfolioSwitcher } from "@/components/portfolios/portfolio-switcher";
import type { ShownPortfolio } from "@/components/portfolios/portfolio";
import styles from "./app-nav.module.css";

const LINKS = [
  { href: "/dashboard", label: "Dashboard" },
  { href: "/wallet", label: "Wallet" },
  { href: "/orders", label: "Orders" },
  { href: "/portfolios", label: "Portfolios" },
  { href: "/competitions", label: "Competitions" },
  { href: "/leaderboard", label: "Leaderboard" },
  { href: "/predict", label: "Predict" },
  { href: "/news", label: "News" },
  { href: "/learn", label: "Learn" },
  { href: "/support", label: "Support" },
  { href: "/connect-a-bot", label: "Bots" },
  { href: "/profile", label: "Profile" },
];

/** Header bar with the brand, page links, the portfolio shown and the user's name. */
export function AppNav({ userName, portfolio }: { userName: string; portfolio: ShownPortfolio }) {
  const path = usePathname();
  return (
    <header className={styles.header}>
      <div className={styles.top}>
        <Link href="/dashboard" className={styles.brand}>
          CompraVenta
        </Link>
        <PortfolioSwitcher shown={portfolio} />
        <span className={styles.user} title="Signed in">
          {userName}
        </span>
        <SignOutButton className="btn btn-small" />
      </div>
      <nav aria-label="Main" className={styles.nav}>
        <ul>
          {LINKS.map((l) => {
            const current = path === l.href || path.startsWith(`${l.href}/`);
            return (
              <li key={l.href}>
                <Link href={l.href} aria-current={current ? "page" : undefined} className={current ? styles.current : undefined}>
                  {l.label}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
    </header>
  );
}
