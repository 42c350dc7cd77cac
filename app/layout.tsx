import type { ReactNode } from "react";

export const metadata = { title: "CompraVenta", description: "Virtual crypto trading at live prices" };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
