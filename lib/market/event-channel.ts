// The contract of a channel that carries bus events between processes (PostgreSQL or Redis).
export interface EventChannelOptions {
  channel: string;
  onMessage(text: string): void;
  /** the connection came back after a drop, listening again (LISTEN / SUBSCRIBE confirmed): events may
   * have been missed, and a re-read from now on sees every change whose event did not arrive */
  onReconnect(): void;
  /** the sending side is usable again (Redis: its own connection; PostgreSQL: reported as onReconnect) */
  onWritable?(): void;
  onLog(line: string): void;
}

export interface EventChannel {
  readonly kind: "postgres" | "redis";
  start(): Promise<void>;
  connected(): boolean;
  /** sends at once; resolves true once the server took it, false when it was not sent (down, or failed) */
  publish(text: string): Promise<boolean>;
  /** cuts the connection as a network failure would (tests) */
  interrupt(): Promise<void>;
  stop(): Promise<void>;
}
