"use client";
// The header's row of page links, the current page marked (aria-current) for screen readers and styled.
import Link from "next/link";
import { usePathname } from "next/navigation";
import styles from "./app-nav.module.css";

export interface NavLink {
  href: string;
  label: string;
}

export function NavLinks({ links }: { links: readonly NavLink[] }) {
  const path = usePathname();
  return (
    <nav aria-label="Main" className={styles.nav}>
      <ul>
        {links.map((l) => {
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
  );
}
