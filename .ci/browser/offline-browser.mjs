// Headless Debian Chromium driven by Playwright, with no internet: the CDN scripts pages ask for (plotly.js,
// require.js) are served from local npm packages and every other remote request is aborted.
import { chromium } from "playwright-core";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const localScripts = [
  [/cdn\.plot\.ly\/plotly-[\d.]+(\.min)?\.js/, require.resolve("plotly.js-dist-min/plotly.min.js")],
  [/require(\.min)?\.js/, require.resolve("requirejs/require.js")],
];

/** Starts the browser; `newPage()` gives a 1100×900 tab whose remote requests are served locally or aborted. */
export async function launchOffline() {
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
           "--disable-component-update", "--disable-sync"],
  });
  const newPage = async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    await page.route(/^https?:\/\//, route => {
      const local = localScripts.find(([pattern]) => pattern.test(route.request().url()));
      return local ? route.fulfill({ contentType: "application/javascript", body: readFileSync(local[1]) }) : route.abort();
    });
    return page;
  };
  return { browser, newPage };
}
