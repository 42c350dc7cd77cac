import { unknownBinancePath } from "@/lib/binance/unknown-path";

// Any other /api/v3 path: Binance's 404 {code:-1020, msg}, never the native error shape.
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = unknownBinancePath;
