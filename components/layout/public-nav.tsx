"use client";
// The signed-out header of the public pages: brand, the public pages, and sign in (back to this page) / sign up.
import Link from "next/link";
import { usePathname } from "next/navigation";
import { NavLinks } from "./nav-links";
import styles from "./app-nav.module.css";

const LINKS = [
  { href: "/learn", label: "Learn" },
  { href: "/support", label: "Support" },
  { href: "/connect-a-bot", label: "Bots" },
];

/** Header bar for visitors who are not signed in. */
export function PublicNav() {
  const path = usePathname();
  return (
    <header className={styles.header}>
      <div className={styles.top}>
        <Link href="/" className={styles.brand}>
          CompraVenta
        </Link>
        <Link href={`/login?callbackUrl=${encodeURIComponent(path)}`} className="btn btn-small">
          Sign in
        </Link>
        <Link href="/register" className="btn btn-small">
          Sign up
        </Link>
      </div>
      <NavLinks links={LINKS} />
    </header>
  );
}
