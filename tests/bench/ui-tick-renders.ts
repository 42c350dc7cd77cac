// What a price tick costs the dashboard: starts the real server (production build) with a fake Binance,
// signs a user in with Chromium, then pushes trades and counts, per tick, the React components that
// re-rendered (through the DevTools hook that React calls on every commit) and the DOM nodes that changed.
// Prints figures, asserts nothing. Run after `npx next build`:  npx tsx tests/bench/ui-tick-renders.ts
import { chromium } from "@playwright/test";
import { startTestServer } from "../support/test-server";

const TICKS = 20;

// Runs in the page before React loads: a minimal DevTools hook counting function components whose props
// or state changed in each commit (re-rendered), against all function components in the tree.
const HOOK = `(() => {
  const stats = { commits: 0, rendered: 0, total: 0, names: {} };
  window.__tickStats = stats;
  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true, renderers: new Map(), inject(r) { this.renderers.set(1, r); return 1; },
    onScheduleFiberRoot() {}, onCommitFiberUnmount() {}, onPostCommitFiberRoot() {}, checkDCE() {},
    onCommitFiberRoot(id, root) {
      if (!window.__tickCounting) return;
      stats.commits++;
      // As React DevTools does: a subtree whose child list was reused (alternate.child === child) was
      // not visited by this commit; a visited function component rendered if it has PerformedWork (1).
      const walk = (f, visited) => {
        for (; f; f = f.sibling) {
          const fn = f.tag === 0 || f.tag === 11 || f.tag === 15;
          if (fn) stats.total++;
          if (fn && visited && (f.flags & 1) === 1) {
            stats.rendered++;
            const n = (f.type && (f.type.displayName || f.type.name)) || "anonymous";
            stats.names[n] = (stats.names[n] || 0) + 1;
          }
          const reused = !!f.alternate && f.alternate.child === f.child;
          walk(f.child, visited && !reused);
        }
      };
      walk(root.current.child, true);
    },
  };
})();`;

const server = await startTestServer();
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"] });
try {
  const keepFresh = setInterval(() => server.binance.trade("ETHUSDT", "3000"), 500);
  server.binance.trade("BTCUSDT", "90000");
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  await page.addInitScript(HOOK);
  const email = `bench${Date.now()}@example.com`;
  await page.request.post(`${server.url}/api/register`, { data: { email, password: "bench password 1", name: "Bench", age: 30, country: "ES", PhoneNo: "+34 600" } });
  await page.goto(`${server.url}/login`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("bench password 1");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/dashboard/);
  await page.locator(".tv-lightweight-charts").waitFor();
  await page.waitForTimeout(2000);
  // Layout shifts (CLS) from navigation until now, then separately while ticks arrive.
  const clsLoad = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let cls = 0;
        const w = window as unknown as { __clsTicks: number; __tickCounting: boolean };
        w.__clsTicks = 0;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
            if (e.hadRecentInput) continue;
            if (w.__tickCounting) w.__clsTicks += e.value;
            else cls += e.value;
          }
        }).observe({ type: "layout-shift", buffered: true });
        setTimeout(() => resolve(cls), 200);
      }),
  );
  await page.evaluate(() => {
    const w = window as unknown as { __tickCounting: boolean; __mutations: number; __mutated: Set<Node> };
    w.__mutations = 0;
    w.__mutated = new Set();
    new MutationObserver((records) => {
      if (!w.__tickCounting) return;
      for (const r of records) {
        w.__mutations++;
        w.__mutated.add(r.target);
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    w.__tickCounting = true;
  });
  for (let i = 0; i < TICKS; i++) {
    server.binance.trade("BTCUSDT", String(90000 + (i % 2 ? 12.5 : -12.5) * (i + 1)));
    await page.waitForTimeout(250);
  }
  const r = await page.evaluate(() => {
    const w = window as unknown as { __tickCounting: boolean; __clsTicks: number; __tickStats: { commits: number; rendered: number; total: number; names: Record<string, number> }; __mutations: number; __mutated: Set<Node> };
    w.__tickCounting = false;
    return { ...w.__tickStats, mutations: w.__mutations, mutatedNodes: w.__mutated.size, clsTicks: w.__clsTicks };
  });
  clearInterval(keepFresh);
  const per = (n: number) => (n / TICKS).toFixed(1);
  console.log(`Dashboard, ${TICKS} BTCUSDT ticks (plus ETHUSDT trades in the background):`);
  console.log(`  React commits per tick:                 ${per(r.commits)}`);
  console.log(`  components re-rendered per tick:        ${per(r.rendered)} of ${r.commits ? (r.total / r.commits).toFixed(0) : "?"} in the tree`);
  console.log(`  which (total over the run):             ${Object.entries(r.names).sort((a, b) => b[1] - a[1]).map(([n, c]) => `${n} ${c}`).join(", ")}`);
  console.log(`  DOM mutation records per tick:          ${per(r.mutations)} (${r.mutatedNodes} distinct nodes over the run)`);
  console.log(`  layout shift (CLS) while loading:       ${clsLoad.toFixed(3)}`);
  console.log(`  layout shift (CLS) during the ticks:    ${r.clsTicks.toFixed(3)}`);
} finally {
  await browser.close();
  await server.close();
}
