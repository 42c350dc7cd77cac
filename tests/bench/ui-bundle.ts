// Measures the compressed JavaScript of the dashboard's first load from the production build (.next):
// the root chunks every page loads plus the chunks of the layouts and the dashboard page, as listed by
// Next's manifests, each compressed with gzip and brotli. Also prints the chart library's lazy chunk,
// fetched right after the page becomes interactive. Run after `npx next build`:
//   npx tsx tests/bench/ui-bundle.ts [route]   (route defaults to /(app)/dashboard/page)
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

const BUDGET_KB = 300;
// The build directory: NEXT_DIST_DIR as next.config.ts uses it (npm test builds into .next-test).
const root = path.resolve(process.env.NEXT_DIST_DIR ?? ".next");
const route = process.argv[2] ?? "/(app)/dashboard/page";

function readJson<T>(file: string): T {
  return JSON.parse(fs.readFileSync(file, "utf8")) as T;
}

// page_client-reference-manifest.js assigns a JSON object to globalThis.__RSC_MANIFEST[route].
function entryFiles(): string[] {
  const file = path.join(root, "server", "app", `${route}_client-reference-manifest.js`);
  const text = fs.readFileSync(file, "utf8");
  const json = text.slice(text.indexOf("= {") + 2).trim().replace(/;$/, "");
  const manifest = JSON.parse(json) as { entryJSFiles: Record<string, string[]> };
  const wanted = Object.entries(manifest.entryJSFiles).filter(([k]) => !k.includes("global-error"));
  return wanted.flatMap(([, files]) => files);
}

function sizes(file: string) {
  const buf = fs.readFileSync(path.join(root, file));
  return {
    file,
    raw: buf.length,
    gzip: zlib.gzipSync(buf, { level: 9 }).length,
    brotli: zlib.brotliCompressSync(buf, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

const build = readJson<{ rootMainFiles: string[]; lowPriorityFiles: string[] }>(path.join(root, "build-manifest.json"));
const files = [...new Set([...build.rootMainFiles, ...build.lowPriorityFiles, ...entryFiles()])].filter((f) => f.endsWith(".js") && fs.existsSync(path.join(root, f)));
const rows = files.map(sizes).sort((a, b) => b.gzip - a.gzip);
const kb = (n: number) => (n / 1024).toFixed(1);
const total = rows.reduce((a, r) => ({ raw: a.raw + r.raw, gzip: a.gzip + r.gzip, brotli: a.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });

console.log(`First-load JavaScript of ${route} (${rows.length} files)`);
for (const r of rows) console.log(`  ${r.file.padEnd(48)} ${kb(r.raw).padStart(8)} kB raw ${kb(r.gzip).padStart(7)} kB gzip ${kb(r.brotli).padStart(7)} kB br`);
console.log(`  ${"total".padEnd(48)} ${kb(total.raw).padStart(8)} kB raw ${kb(total.gzip).padStart(7)} kB gzip ${kb(total.brotli).padStart(7)} kB br`);
console.log(`Budget ${BUDGET_KB} kB compressed (gzip): ${total.gzip / 1024 <= BUDGET_KB ? "within" : "OVER"} budget`);

// The chart library is a separate chunk loaded after hydration; report it apart.
const chunksDir = path.join(root, "static", "chunks");
const lazy = fs
  .readdirSync(chunksDir)
  .filter((f) => f.endsWith(".js") && fs.readFileSync(path.join(chunksDir, f), "utf8").includes("tv-lightweight-charts"))
  .map((f) => sizes(path.join("static", "chunks", f)));
for (const r of lazy) console.log(`Lazy chart chunk ${r.file}: ${kb(r.gzip)} kB gzip, ${kb(r.brotli)} kB br`);
