import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { env } from "@/lib/env";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "CompraVenta", template: "%s · CompraVenta" },
  description: "Virtual crypto trading at live prices: learn to trade without risking money.",
  // Where the browser's live socket connects when /ws is not served by this origin (the Vercel shape).
  ...(env.NEXT_PUBLIC_WS_URL ? { other: { "compraventa-ws-url": env.NEXT_PUBLIC_WS_URL } } : {}),
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#0b0f14" };

// The document shell: system fonts only (nothing is fetched from the internet), a skip link for keyboards.
export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        {children}
      </body>
    </html>
  );
}
