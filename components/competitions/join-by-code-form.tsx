"use client";
// "Have a code?": goes to the join page of that invite code.
import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import styles from "./competitions.module.css";
import { formText } from "@/components/ui/form-text";

export function JoinByCodeForm() {
  const router = useRouter();
  function go(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const code = formText(new FormData(e.currentTarget), "code").trim();
    if (code) router.push(`/competitions/join/${encodeURIComponent(code)}`);
  }
  return (
    <form onSubmit={go} aria-label="Join by code">
      <div className="field">
        <label htmlFor="join-code">Invite code</label>
        <input id="join-code" name="code" className={`input ${styles.code}`} required maxLength={64} autoComplete="off" />
      </div>
      <button type="submit" className="btn">
        Find competition
      </button>
    </form>
  );
}
