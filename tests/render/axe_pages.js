// Run axe-core on HTML pages in headless chromium, in light and dark; print JSON on stdout.
// Usage: node axe_pages.js CONFIG.json, where the config names
// {"puppeteer", "axe", "chromium", "args", "pages", "tags", "schemes"}.
"use strict";
const fs = require("fs");

async function audit(browser, axeSource, tags, page, scheme) {
  const tab = await browser.newPage();
  try {
    await tab.emulateMediaFeatures([{ name: "prefers-color-scheme", value: scheme }]);
    await tab.goto(page, { waitUntil: "load" });
    await tab.evaluate(axeSource);
    const result = await tab.evaluate(
      (runOnly) => window.axe.run(document, { runOnly, resultTypes: ["violations"] }),
      { type: "tag", values: tags },
    );
    return result.violations.map((v) => ({
      page,
      scheme,
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target.join(" "), summary: n.failureSummary })),
    }));
  } finally {
    await tab.close();
  }
}

async function main() {
  const config = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
  const puppeteer = require(config.puppeteer);
  const axeSource = fs.readFileSync(config.axe, "utf8");
  const browser = await puppeteer.launch({
    executablePath: config.chromium,
    args: config.args,
    headless: true,
  });
  const found = [];
  let audited = 0;
  try {
    for (const page of config.pages) {
      for (const scheme of config.schemes) {
        found.push(...(await audit(browser, axeSource, config.tags, page, scheme)));
        audited += 1;
      }
    }
  } finally {
    await browser.close();
  }
  process.stdout.write(JSON.stringify({ audited, violations: found }));
}

main().catch((error) => {
  process.stderr.write(`${error.stack || error}\n`);
  process.exit(2);
});
