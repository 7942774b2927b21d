// Screenshots one Plotly chart of an nbconvert page in headless Chromium, found by a piece of its title, and fails
// when it is not drawn (no SVG, no trace). Nothing reaches the internet: plotly.js and require.js come from npm.
// Usage: node chart-screenshot.mjs <executed-notebook.html> <title text> <screenshot.png>
import { launchOffline } from "./offline-browser.mjs";
import path from "node:path";

const [page, titleText, screenshot] = process.argv.slice(2);
if (!page || !titleText || !screenshot) {
  console.error("usage: node chart-screenshot.mjs <executed-notebook.html> <title text> <screenshot.png>");
  process.exit(2);
}

const { browser, newPage } = await launchOffline();
let failure = null;
try {
  const tab = await newPage();
  await tab.goto("file://" + path.resolve(page));
  // Each drawn chart is a .plot-container; its title is an SVG text node with class gtitle.
  const chart = tab.locator(".js-plotly-plot", { has: tab.locator(".gtitle", { hasText: titleText }) }).first();
  await chart.waitFor({ timeout: 30_000 }).catch(() => { failure = `no drawn chart titled "…${titleText}…" in ${page}`; });
  if (!failure) {
    await chart.scrollIntoViewIfNeeded();
    const traces = await chart.locator(".trace, .hm, image").count();
    await chart.screenshot({ path: screenshot });
    console.log(`"${titleText}": ${traces} drawn trace element(s), screenshot ${screenshot}`);
    if (traces < 1) failure = `the chart titled "…${titleText}…" has nothing drawn`;
  }
} finally {
  await browser.close();
}

if (failure) {
  console.error("Chart screenshot failed: " + failure);
  process.exit(1);
}
