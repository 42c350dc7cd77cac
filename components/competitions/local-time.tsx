"use client";
// A time in the reader's own time zone: UTC in the server's HTML (the same on every server), the browser's
// local time once mounted.
import { useEffect, useState } from "react";

const utc = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export function LocalTime({ iso }: { iso: string }) {
  const [local, setLocal] = useState<string>();
  useEffect(() => setLocal(new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" })), [iso]);
  return <time dateTime={iso}>{local ?? `${utc.format(new Date(iso))} UTC`}</time>;
}
