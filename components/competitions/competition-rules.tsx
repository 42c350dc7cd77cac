// A competition's rules as a definition list.
import { formatUsdt } from "@/components/format/format-number";
import type { Competition } from "./competition";
import { LocalTime } from "./local-time";
import styles from "./competitions.module.css";


export function CompetitionRules({ c }: { c: Competition }) {
  return (
    <dl className={styles.rules} aria-label="Competition rules">
      <dt>Organiser</dt>
      <dd>{c.organiser}</dd>
      <dt>Starts</dt>
      <dd>
        <LocalTime iso={c.starts_at} />
      </dd>
      <dt>Ends</dt>
      <dd>
        <LocalTime iso={c.ends_at} />
      </dd>
      <dt>Starting balance</dt>
      <dd className="num">{formatUsdt(c.starting_balance)}</dd>
      <dt>Pairs</dt>
      <dd>{c.pairs ? c.pairs.join(", ") : "every pair"}</dd>
      <dt>Fee</dt>
      <dd>{c.fee_rate === null ? "the platform's fees" : `${(c.fee_rate * 100).toLocaleString("en-US", { maximumFractionDigits: 4 })} %`}</dd>
      <dt>Reset</dt>
      <dd>{c.allow_reset ? "allowed" : "not allowed"}</dd>
      <dt>Joining</dt>
      <dd>{c.visibility === "public" ? "anyone" : "with the invite code"}</dd>
      <dt>Participants</dt>
      <dd className="num">{c.participants}</dd>
    </dl>
  );
}
