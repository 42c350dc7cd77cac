// One autocannon run's figures, as the HTTP benchmarks print them: requests/s, p50 and p99 latency (ms),
// and the answers that were not 2xx or failed.
import autocannon from "autocannon";

export interface Figures {
  label: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

export async function measure(label: string, opts: autocannon.Options): Promise<Figures> {
  const r = await autocannon(opts);
  return { label, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.non2xx + r.errors };
}
