import { unknownBinancePath } from "@/lib/binance/unknown-path";

// Any other /sapi path: Binance's 404 {code:-1020, msg}.
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = unknownBinancePath;
