// Browser checks with a real client: headless Chromium (Debian's /usr/bin/chromium) driven by Playwright.
// Nothing reaches the internet: the CDN scripts the pages ask for are served from local npm packages.
// Usage: node check.mjs <executed-notebook.html> <feedback.html> <screenshot-folder>
import { launchOffline } from "./offline-browser.mjs";
import path from "node:path";

const [notebookPage, feedbackPage, screenshots] = process.argv.slice(2);
const { browser, newPage } = await launchOffline();
const failures = [];
try {
  const page = await newPage();

  // 1. The executed notebook, as nbconvert renders it: the Plotly chart must be drawn (an SVG inside its div).
  await page.goto("file://" + path.resolve(notebookPage));
  const chart = page.locator(".plot-container .main-svg").first();
  await chart.waitFor({ timeout: 30_000 }).catch(() => failures.push("no chart SVG was drawn in " + notebookPage));
  await chart.scrollIntoViewIfNeeded().catch(() => {});
  await page.screenshot({ path: path.join(screenshots, "executed-notebook-chart.png") });
  const traces = await page.locator(".plot-container .scatterlayer .trace").count();
  console.log(`executed notebook: ${traces} chart trace(s) drawn`);
  if (traces < 1) failures.push("the chart has no trace");

  // 2. A feedback report: the total and the scores table must show the right numbers.
  await page.goto("file://" + path.resolve(feedbackPage));
  const total = (await page.locator("#total").innerText()).trim();
  const footer = (await page.locator("#scores tfoot").innerText()).trim();
  const rows = await page.locator("#scores tbody tr").count();
  await page.screenshot({ path: path.join(screenshots, "feedback-report.png"), fullPage: true });
  console.log(`feedback: "${total}", footer "${footer.replace(/\s+/g, " ")}", ${rows} graded cell(s)`);
  if (!total.includes("4 / 5")) failures.push(`feedback total is "${total}", expected 4 / 5`);
  if (!footer.includes("4 / 5")) failures.push(`feedback table total is "${footer}", expected 4 / 5`);
  if (rows !== 3) failures.push(`feedback lists ${rows} graded cells, expected 3`);
} finally {
  await browser.close();
}

if (failures.length) {
  console.error("Browser checks failed:\n - " + failures.join("\n - "));
  process.exit(1);
}
console.log(`Browser checks passed; screenshots in ${screenshots}`);
