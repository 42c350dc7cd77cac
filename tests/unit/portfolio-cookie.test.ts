import { describe, expect, it } from "vitest";
import { portfolioCookieOf } from "@/lib/portfolio/portfolio-cookie";

describe("the switcher's cookie", () => {
  it("is read among others, and absent or empty means none", () => {
    expect(portfolioCookieOf("a=1; cv_portfolio=p-1; b=2")).toBe("p-1");
    expect(portfolioCookieOf("a=1")).toBeNull();
    expect(portfolioCookieOf("cv_portfolio=")).toBeNull();
    expect(portfolioCookieOf(null)).toBeNull();
  });

  it("keeps a value that is not valid percent-encoding as sent instead of throwing", () => {
    expect(portfolioCookieOf("cv_portfolio=%E0%A4%A")).toBe("%E0%A4%A");
  });
});
