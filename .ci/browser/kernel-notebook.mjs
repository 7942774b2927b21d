// A real browser on a real Jupyter Notebook server running the `.net-csharp` kernel: opens 02_sinusoidal_encodings.ipynb,
// runs all cells, asserts no error output and the heatmap drawn, and saves a screenshot.
// Usage: node kernel-notebook.mjs <course-root> <screenshot-folder>   (the kernelspec must be installed; JUPYTER_DATA_DIR honoured)
import { chromium } from "playwright-core";
import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";

const require = createRequire(import.meta.url);
const [root, screenshots] = process.argv.slice(2);
// A copy: the Notebook server autosaves, and the course's notebooks are committed without outputs.
const work = mkdtempSync(path.join(os.tmpdir(), "kernel-notebook-"));
cpSync(path.join(root, "notebooks"), path.join(work, "notebooks"), { recursive: true });
cpSync(path.join(root, "lib", "bin"), path.join(work, "lib", "bin"), { recursive: true });
const port = 18000 + Math.floor(Math.random() * 1000);
const token = "kernel-check-" + process.pid;
const server = spawn("jupyter-notebook", ["--no-browser", "--ip=127.0.0.1", `--port=${port}`, `--NotebookApp.token=${token}`,
  `--notebook-dir=${work}`, ...(process.getuid?.() === 0 ? ["--allow-root"] : [])], { stdio: ["ignore", "inherit", "inherit"] });

const failures = [];
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
try {
  const page = await browser.newPage({ viewport: { width: 1200, height: 1000 } });
  // Only the local server; plotly.js is served from the npm package, as in check.mjs.
  await page.route(/^https?:\/\//, route => {
    const url = route.request().url();
    if (url.startsWith(`http://127.0.0.1:${port}/`)) return route.continue();
    if (/cdn\.plot\.ly\/plotly-[\d.]+(\.min)?\.js/.test(url)) {
      return route.fulfill({ contentType: "application/javascript", body: readFileSync(require.resolve("plotly.js-dist-min/plotly.min.js")) });
    }
    return route.abort();
  });
  const url = `http://127.0.0.1:${port}/notebooks/notebooks/02_sinusoidal_encodings.ipynb?token=${token}`;
  for (let attempt = 0; ; attempt++) {
    try { await page.goto(url); break; } catch (error) { if (attempt > 60) throw error; await page.waitForTimeout(500); }
  }
  await page.waitForFunction(() => window.Jupyter?.notebook?.kernel?.is_connected?.(), null, { timeout: 90_000 });
  const started = Date.now();
  await page.evaluate(() => window.Jupyter.notebook.execute_all_cells());
  await page.waitForFunction(() => window.Jupyter.notebook.get_cells()
      .every(cell => cell.cell_type !== "code" || (typeof cell.input_prompt_number === "number")),
    null, { timeout: 600_000, polling: 1000 });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const errors = await page.locator(".output_error").count();
  const chart = page.locator(".plot-container .main-svg").first();
  await chart.waitFor({ timeout: 60_000 }).catch(() => failures.push("no chart was drawn"));
  const heatmaps = await page.locator(".plot-container .hm, .plot-container .heatmaplayer image").count();
  await chart.scrollIntoViewIfNeeded().catch(() => {});
  await page.screenshot({ path: path.join(screenshots, "kernel-notebook-02.png") });
  const cells = await page.evaluate(() => window.Jupyter.notebook.get_cells().filter(c => c.cell_type === "code").length);
  console.log(`Jupyter Notebook + .net-csharp: ${cells} code cells run in ${seconds} s, ${errors} error output(s), ${heatmaps} heatmap(s) drawn`);
  if (errors > 0) failures.push(`${errors} cell(s) show an error output`);
  if (heatmaps < 1) failures.push("the heatmap was not drawn");
} finally {
  await browser.close();
  server.kill("SIGTERM");
}
if (failures.length > 0) {
  console.error("kernel notebook check failed:\n  " + failures.join("\n  "));
  process.exit(1);
}
