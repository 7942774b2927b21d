// The kernel's real chart output, drawn in headless Chromium the way JupyterLab draws it (its own @jupyterlab/rendermime,
// no require.js on the page) and the way VS Code's built-in notebook renderer inserts text/html. Fails unless plotly.js
// drew the chart (.plot-container svg.main-svg with a heatmap layer) in both; screenshots into the given folder.
// Usage: node render-check.mjs <notebook executed by the kernel> <title piece of the chart> <screenshot-folder>
import { chromium } from "playwright-core";
import { build } from "esbuild";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const [notebookPath, title, screenshots] = process.argv.slice(2);
if (!screenshots) {
  console.error("usage: node render-check.mjs <executed.ipynb> <chart title piece> <screenshot-folder>");
  process.exit(2);
}

// The output bundle exactly as the kernel sent it through nbclient (nbformat stores multi-line strings as lists).
const text = value => Array.isArray(value) ? value.join("") : value;
const notebook = JSON.parse(readFileSync(notebookPath, "utf8"));
const outputs = notebook.cells.flatMap(cell => cell.outputs ?? []);
const chart = outputs.find(o => o.data?.["text/html"] && text(o.data["text/html"]).includes("Plotly.newPlot")
  && text(o.data["text/html"]).includes(title));
if (!chart) {
  console.error(`no Plotly chart output mentioning "${title}" in ${notebookPath}`);
  process.exit(1);
}
const bundle = Object.fromEntries(Object.entries(chart.data).map(([mime, value]) => [mime, text(value)]));

const script = (await build({ entryPoints: [path.join(here, "src", "renderers.js")], bundle: true, write: false,
  format: "iife", platform: "browser", logLevel: "error", loader: { ".css": "empty", ".svg": "text" },
  define: { "process.env.NODE_ENV": "\"production\"" } })).outputFiles[0].text;
const origin = "http://render-check.test";
const page_html = `<!doctype html><meta charset="utf-8"><title>render check</title>
<div id="host" style="width: 1000px"></div><script>${script.replace(/<\/script/gi, "<\\/script")}</script>`;

const failures = [];
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
try {
  for (const [name, renderer] of [["jupyterlab", "renderWithJupyterLab"], ["vscode", "renderLikeVsCode"]]) {
    const page = await browser.newPage({ viewport: { width: 1100, height: 800 } });
    const errors = [];
    page.on("pageerror", error => errors.push(error.message));
    // Offline: the page itself and plotly.js from the npm package where the chart asks the CDN for it; nothing else.
    await page.route(/^https?:\/\//, route => {
      const url = route.request().url();
      if (url === `${origin}/`) return route.fulfill({ contentType: "text/html", body: page_html });
      if (/cdn\.plot\.ly\/plotly-[\d.]+(\.min)?\.js/.test(url)) {
        return route.fulfill({ contentType: "application/javascript", body: readFileSync(require.resolve("plotly.js-dist-min/plotly.min.js")) });
      }
      return route.abort();
    });
    await page.goto(`${origin}/`);
    const requireJs = await page.evaluate(() => typeof window.requirejs !== "undefined" || typeof window.define !== "undefined");
    const mimeType = await page.evaluate(([fn, data]) => window[fn](fn === "renderWithJupyterLab" ? data : data["text/html"],
      document.getElementById("host")), [renderer, bundle]);
    const drawn = await page.locator("#host .plot-container svg.main-svg").first().waitFor({ timeout: 60_000 })
      .then(() => true, () => false);
    const heatmaps = await page.locator("#host .plot-container .hm, #host .plot-container .heatmaplayer image").count();
    await page.screenshot({ path: path.join(screenshots, `${name}-chart.png`), fullPage: true });
    console.log(`${name}: rendered as ${mimeType}, require.js on the page: ${requireJs}, chart drawn: ${drawn}, `
      + `heatmap layers: ${heatmaps}, page errors: ${errors.length}${errors.length ? " (" + errors.join("; ") + ")" : ""}`);
    if (mimeType !== "text/html") failures.push(`${name}: chose ${mimeType} instead of text/html`);
    if (requireJs) failures.push(`${name}: the page has require.js/AMD define, so the plain-script path was not tested`);
    if (!drawn || heatmaps < 1) failures.push(`${name}: the chart was not drawn`);
    if (errors.length) failures.push(`${name}: page errors: ${errors.join("; ")}`);
    await page.close();
  }
} finally {
  await browser.close();
}
if (failures.length > 0) {
  console.error("render check failed:\n  " + failures.join("\n  "));
  process.exit(1);
}
