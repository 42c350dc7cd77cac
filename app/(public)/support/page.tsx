// /support – the assistant (answers from Learn and the FAQ, with its sources), the ticket form when it
// cannot help, and the FAQ itself, whose entries the assistant links to by anchor. Anyone may ask and read;
// a ticket needs an account (it is answered by mail and rate-limited per user).
import type { Metadata } from "next";
import { currentUser } from "@/lib/auth/current-user";
import { loadFaq } from "@/lib/support/load-faq";
import { SupportDesk } from "./support-desk";
import styles from "./support.module.css";

export const metadata: Metadata = { title: "Support" };
export const dynamic = "force-dynamic";

export default async function SupportPage() {
  const faq = loadFaq();
  const signedIn = (await currentUser()) !== null;
  return (
    <div className={styles.page}>
      <h1>Support</h1>
      <p className={styles.lead}>
        Ask about trading or the platform. The assistant answers from the Learn articles and the FAQ below and shows where each answer
        comes from; when it cannot help, send us a ticket.
      </p>
      <SupportDesk signedIn={signedIn} />
      <section aria-labelledby="faq-title" className={styles.faq}>
        <h2 id="faq-title">Frequently asked questions</h2>
        {faq.map((f) => (
          <article key={f.anchor} id={f.anchor} className={styles.faqItem}>
            <h3>{f.question}</h3>
            {/* Our own Markdown, sanitised by lib/learn/render-markdown. */}
            <div dangerouslySetInnerHTML={{ __html: f.html }} />
          </article>
        ))}
      </section>
    </div>
  );
}
