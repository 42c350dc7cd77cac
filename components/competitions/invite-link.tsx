"use client";
// The invite link of a competition (shown to its organiser and participants), with a copy button.
import { useEffect, useState } from "react";
import styles from "./competitions.module.css";

export function InviteLink({ code }: { code: string }) {
  const [origin, setOrigin] = useState("");
  const [copied, setCopied] = useState(false);
  useEffect(() => setOrigin(window.location.origin), []);
  const link = `${origin}/competitions/join/${encodeURIComponent(code)}`;
  return (
    <div className="field">
      <label htmlFor="invite-link">Invite link (code <span className={styles.code} data-testid="invite-code">{code}</span>)</label>
      <div className={styles.actions}>
        <input id="invite-link" className={`input ${styles.code}`} readOnly value={link} onFocus={(e) => e.currentTarget.select()} style={{ flex: 1 }} />
        <button type="button" className="btn btn-small" onClick={() => navigator.clipboard.writeText(link).then(() => setCopied(true), () => setCopied(false))}>
          {copied ? "Copied" : "Copy"}
        </button>
      </div>
    </div>
  );
}
