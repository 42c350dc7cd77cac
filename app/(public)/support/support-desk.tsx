"use client";
// The Support page's live part: a chat-like exchange with the assistant (POST /api/support/ask) and the
// ticket form (POST /api/support/tickets). When the assistant is not confident it offers the form,
// pre-filled with the question.
import Link from "next/link";
import { useRef, useState, type FormEvent } from "react";
import { apiFetch, ApiError } from "@/components/data/api-fetch";
import { MESSAGE_MAX, QUESTION_MAX, SUBJECT_MAX } from "@/lib/support/support-limits";
import styles from "./support.module.css";

interface Source {
  title: string;
  url: string;
}

interface AskAnswer {
  answer: string;
  sources: Source[];
  confident: boolean;
  offer_ticket: boolean;
  related: Source[];
}

type Turn = { role: "user"; text: string } | { role: "assistant"; reply: AskAnswer; question: string } | { role: "error"; text: string };

/** Assistant conversation plus ticket form (signed out: a sign-in link instead of the form). */
export function SupportDesk({ signedIn }: { signedIn: boolean }) {
  const [turns, setTurns] = useState<Turn[]>([]);
  const [question, setQuestion] = useState("");
  const [asking, setAsking] = useState(false);
  const [ticketSubject, setTicketSubject] = useState("");
  const [ticketMessage, setTicketMessage] = useState("");
  const ticketRef = useRef<HTMLFormElement>(null);

  const ask = async (e: FormEvent) => {
    e.preventDefault();
    const q = question.trim();
    if (!q || asking) return;
    setTurns((t) => [...t, { role: "user", text: q }]);
    setQuestion("");
    setAsking(true);
    try {
      const reply = await apiFetch<AskAnswer>("/api/support/ask", { method: "POST", body: { question: q } });
      setTurns((t) => [...t, { role: "assistant", reply, question: q }]);
    } catch (err) {
      setTurns((t) => [...t, { role: "error", text: err instanceof ApiError ? err.message : "The assistant is unavailable. Please try again." }]);
    } finally {
      setAsking(false);
    }
  };

  const offerTicket = (q: string) => {
    setTicketSubject(q.slice(0, SUBJECT_MAX));
    setTicketMessage((m) => m || `${q}\n\n`);
    ticketRef.current?.scrollIntoView({ behavior: "smooth", block: "start" });
    ticketRef.current?.querySelector("textarea")?.focus();
  };

  return (
    <div className={styles.desk}>
      <section aria-labelledby="assistant-title" className={styles.chat}>
        <h2 id="assistant-title">Ask the assistant</h2>
        <ol className={styles.log} aria-live="polite" data-testid="support-log">
          {turns.length === 0 && <li className={styles.hint}>For example: “What is the difference between a stop-loss and a take-profit?”</li>}
          {turns.map((t, i) => (
            <li key={i} className={t.role === "user" ? styles.user : t.role === "error" ? styles.failure : styles.bot}>
              {t.role === "user" && <p>{t.text}</p>}
              {t.role === "error" && <p role="alert">{t.text}</p>}
              {t.role === "assistant" && <AssistantReply reply={t.reply} onTicket={signedIn ? () => offerTicket(t.question) : undefined} />}
            </li>
          ))}
          {asking && <li className={styles.bot}>Looking it up…</li>}
        </ol>
        <form onSubmit={ask} className={styles.askForm}>
          <label htmlFor="support-question" className={styles.srOnly}>
            Your question
          </label>
          <input
            id="support-question"
            name="question"
            value={question}
            onChange={(e) => setQuestion(e.target.value)}
            maxLength={QUESTION_MAX}
            placeholder="Ask a question about trading or the platform"
            autoComplete="off"
            className={styles.input}
          />
          <button type="submit" className={styles.button} disabled={asking || question.trim() === ""}>
            Ask
          </button>
        </form>
      </section>
      {signedIn ? (
        <TicketForm formRef={ticketRef} subject={ticketSubject} setSubject={setTicketSubject} message={ticketMessage} setMessage={setTicketMessage} />
      ) : (
        <section aria-labelledby="ticket-title" className={styles.ticket} data-testid="ticket-sign-in">
          <h2 id="ticket-title">Contact support</h2>
          <p>
            <Link href="/login?callbackUrl=/support">Sign in</Link> or <Link href="/register">create an account</Link> to send the support
            team a ticket; we answer by email.
          </p>
        </section>
      )}
    </div>
  );
}

function AssistantReply({ reply, onTicket }: { reply: AskAnswer; onTicket: (() => void) | undefined }) {
  return (
    <div data-testid="assistant-reply" data-confident={reply.confident}>
      {reply.answer.split("\n\n").map((p, i) =>
        reply.confident ? (
          <blockquote key={i} className={styles.quote}>
            {p}
          </blockquote>
        ) : (
          <p key={i}>{p}</p>
        ),
      )}
      {reply.sources.length > 0 && (
        <p className={styles.sources}>
          Sources:{" "}
          {reply.sources.map((s, i) => (
            <span key={s.url}>
              {i > 0 && " · "}
              <a href={s.url}>{s.title}</a>
            </span>
          ))}
        </p>
      )}
      {!reply.confident && reply.related.length > 0 && (
        <p className={styles.sources}>
          Maybe related:{" "}
          {reply.related.map((s, i) => (
            <span key={s.url}>
              {i > 0 && " · "}
              <a href={s.url}>{s.title}</a>
            </span>
          ))}
        </p>
      )}
      {reply.offer_ticket &&
        (onTicket ? (
          <button type="button" className={styles.linkButton} onClick={onTicket}>
            Send this question to support as a ticket
          </button>
        ) : (
          <Link href="/login?callbackUrl=/support" className={styles.linkButton}>
            Sign in to send this question to support as a ticket
          </Link>
        ))}
    </div>
  );
}

interface TicketProps {
  formRef: React.RefObject<HTMLFormElement | null>;
  subject: string;
  setSubject: (s: string) => void;
  message: string;
  setMessage: (s: string) => void;
}

function TicketForm({ formRef, subject, setSubject, message, setMessage }: TicketProps) {
  const [sending, setSending] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);

  const send = async (e: FormEvent) => {
    e.preventDefault();
    setSending(true);
    setErrors({});
    setStatus(null);
    try {
      const r = await apiFetch<{ message: string }>("/api/support/tickets", { method: "POST", body: { subject, message } });
      setStatus({ ok: true, text: r.message });
      setSubject("");
      setMessage("");
    } catch (err) {
      if (err instanceof ApiError) {
        setErrors(err.details);
        setStatus({ ok: false, text: err.message });
      } else setStatus({ ok: false, text: "The ticket could not be sent. Please try again." });
    } finally {
      setSending(false);
    }
  };

  return (
    <section aria-labelledby="ticket-title" className={styles.ticket}>
      <h2 id="ticket-title">Contact support</h2>
      <form ref={formRef} onSubmit={send} className={styles.ticketForm} noValidate>
        <label htmlFor="ticket-subject">Subject</label>
        <input
          id="ticket-subject"
          name="subject"
          value={subject}
          onChange={(e) => setSubject(e.target.value)}
          maxLength={SUBJECT_MAX}
          required
          className={styles.input}
          aria-invalid={errors.subject ? true : undefined}
          aria-describedby={errors.subject ? "ticket-subject-error" : undefined}
        />
        {errors.subject && (
          <span id="ticket-subject-error" className={styles.fieldError}>
            Subject {errors.subject}
          </span>
        )}
        <label htmlFor="ticket-message">Message</label>
        <textarea
          id="ticket-message"
          name="message"
          value={message}
          onChange={(e) => setMessage(e.target.value)}
          maxLength={MESSAGE_MAX}
          rows={6}
          required
          className={styles.input}
          aria-invalid={errors.message ? true : undefined}
          aria-describedby={errors.message ? "ticket-message-error" : undefined}
        />
        {errors.message && (
          <span id="ticket-message-error" className={styles.fieldError}>
            Message {errors.message}
          </span>
        )}
        <button type="submit" className={styles.button} disabled={sending}>
          {sending ? "Sending…" : "Send ticket"}
        </button>
        {status && (
          <p role={status.ok ? "status" : "alert"} className={status.ok ? styles.ok : styles.fieldError} data-testid="ticket-status">
            {status.text}
          </p>
        )}
      </form>
    </section>
  );
}
