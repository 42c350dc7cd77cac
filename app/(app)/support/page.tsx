// /support – the assistant (answers from Learn and the FAQ, with its sources), the ticket form when it
// cannot help, and the FAQ itself, whose entries the assistant links to by anchor.
import type { Metadata } from "next";
import { loadFaq } from "@/lib/support/load-faq";
import { SupportDesk } from "./support-desk";
import styles from "./support.module.css";

export const metadata: Metadata = { title: "Support" };
export const dynamic = "force-dynamic";

export default function SupportPage() {
  const faq = loadFaq();
  return (
    <div className={styles.page}>
      <h1>Support</h1>
      <p className={styles.lead}>
        Ask about trading or the platform. The assistant answers from the Learn articles and the FAQ below and shows where each answer
        comes from; when it cannot help, send us a ticket.
      </p>
      <SupportDesk />
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
