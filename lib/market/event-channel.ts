// The contract of a channel that carries bus events between processes (PostgreSQL or Redis).
export interface EventChannelOptions {
  channel: string;
  onMessage(text: string): void;
  /** the connection came back after a drop: events may have been missed */
  onReconnect(): void;
  onLog(line: string): void;
}

export interface EventChannel {
  readonly kind: "postgres" | "redis";
  start(): Promise<void>;
  connected(): boolean;
  /** sends at once when connected; false when the text was dropped (the periodic syncs are the safety net) */
  publish(text: string): boolean;
  /** cuts the connection as a network failure would (tests) */
  interrupt(): Promise<void>;
  stop(): Promise<void>;
}
