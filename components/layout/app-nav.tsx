"use client";
// The signed-in navigation: every app page, the current one marked for screen readers, the portfolio
// switcher, and sign out.
import Link from "next/link";
import { SignOutButton } from "@/components/account/sign-out-button";
import { PortfolioSwitcher } from "@/components/portfolios/portfolio-switcher";
import type { ShownPortfolio } from "@/components/portfolios/portfolio";
import { NavLinks } from "./nav-links";
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
      <NavLinks links={LINKS} />
    </header>
  );
}
