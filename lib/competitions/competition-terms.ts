// The rules an organiser sets, as the create and edit use cases take them (domain values).
export interface CompetitionTerms {
  name: string;
  /** epoch ms */
  startsAt: number;
  endsAt: number;
  /** USDT units (1e-8) */
  startingBalance: bigint;
  /** null or omitted: every pair */
  pairs?: string[] | null;
  /** 1e-8 units; null or omitted: the platform's rates */
  feeRate?: bigint | null;
  allowReset?: boolean;
  visibility: "public" | "invite";
}
