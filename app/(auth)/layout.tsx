import Link from "next/link";
import type { ReactNode } from "react";
import styles from "./auth.module.css";

// Signed-out pages: a small centred card under the brand.
export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <header className={styles.header}>
        <Link href="/" className={styles.brand}>
          CompraVenta
        </Link>
      </header>
      <main id="main" className="page-narrow">
        {children}
      </main>
    </>
  );
}
