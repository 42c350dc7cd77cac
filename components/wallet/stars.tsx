// The rating as stars, readable by screen readers as "3 of 5 stars".

/** 0–5 stars. */
export function Stars({ count }: { count: number }) {
  return (
    <span role="img" aria-label={`${count} of 5 stars`} style={{ color: "#ffd66b", letterSpacing: 2 }} data-testid="stars">
      {"★".repeat(count)}
      <span style={{ color: "#4a5a70" }}>{"★".repeat(5 - count)}</span>
    </span>
  );
}
