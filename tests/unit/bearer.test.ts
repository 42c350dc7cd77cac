import { describe, expect, it } from "vitest";
import { bearerOf } from "@/lib/auth/bearer";

describe("bearerOf", () => {
  it("reads the token of a Bearer header, the scheme in any case, around any whitespace", () => {
    expect(bearerOf("Bearer abc.def")).toBe("abc.def");
    expect(bearerOf("  bearer \t abc ")).toBe("abc");
    expect(bearerOf("BEARER x")).toBe("x");
  });

  it("is null for another scheme, no token, two tokens or no header", () => {
    for (const h of ["Basic dXNlcjpwdw==", "Bearer", "Bearer ", "Bearer a b", "Bearerabc", "", null, undefined]) expect(bearerOf(h), String(h)).toBeNull();
  });
});
