// A labelled input with its hint and its error wired for screen readers (aria-describedby/-invalid).
import type { InputHTMLAttributes } from "react";

interface Props extends InputHTMLAttributes<HTMLInputElement> {
  name: string;
  label: string;
  hint?: string;
  error?: string;
}

/** Label + input + hint + error, ids derived from `id` or `name`. */
export function TextField({ name, label, hint, error, id, className, ...input }: Props) {
  const fid = id ?? `f-${name}`;
  const described = [hint ? `${fid}-hint` : "", error ? `${fid}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`field ${className ?? ""}`}>
      <label htmlFor={fid}>{label}</label>
      <input id={fid} name={name} className="input" aria-invalid={error ? true : undefined} aria-describedby={described} {...input} />
      {hint && (
        <span id={`${fid}-hint`} className="hint">
          {hint}
        </span>
      )}
      {error && (
        <span id={`${fid}-error`} className="error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
