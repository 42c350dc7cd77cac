// The one logger: JSON lines on stdout (pino), one field set per line, level from LOG_LEVEL. Lines carry
// ids (request, order, pair, worker), never names, e-mail addresses, tokens or request bodies.
import { pino, type Logger } from "pino";
import { env } from "./env";

const g = globalThis as unknown as { __compraventaLogger?: Logger };

export const logger: Logger = (g.__compraventaLogger ??= pino({
  level: env.LOG_LEVEL,
  base: { pid: process.pid },
  timestamp: pino.stdTimeFunctions.isoTime,
  formatters: { level: (label) => ({ level: label }) },
}));
