// Run axe-core on HTML pages in headless chromium, in light and dark; print JSON on stdout.
// axe cannot tell what lies behind SVG text (it marks it "needs review"), so the contrast of
// each SVG <text> against the shape or page under its centre is checked here as well.
// Usage: node axe_pages.js CONFIG.json, where the config names
// {"puppeteer", "axe", "chromium", "args", "pages", "tags", "schemes"}.
"use strict";
const fs = require("fs");

async function audit(browser, axeSource, tags, page, scheme, view) {
  const tab = await browser.newPage();
  try {
    await tab.setViewport(view);
    await tab.emulateMediaFeatures([{ name: "prefers-color-scheme", value: scheme }]);
    await tab.goto(page, { waitUntil: "load" });
    await tab.evaluate(axeSource);
    const result = await tab.evaluate(
      (runOnly) => window.axe.run(document, { runOnly, resultTypes: ["violations"] }),
      { type: "tag", values: tags },
    );
    const svgText = await tab.evaluate(svgTextContrast);
    return [...result.violations, ...svgText].map((v) => ({
      page,
      scheme,
      width: view.width,
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target.join(" "), summary: n.failureSummary })),
    }));
  } finally {
    await tab.close();
  }
}

// Runs in the page: WCAG 1.4.3 for SVG text, 4.5:1 (3:1 for large text), as axe reports it.
function svgTextContrast() {
  const rgba = (css) => {
    const m = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?/.exec(css || "");
    return m ? { rgb: [m[1], m[2], m[3]].map(Number), a: m[4] === undefined ? 1 : Number(m[4]) } : null;
  };
  const over = (top, alpha, under) => top.map((c, i) => alpha * c + (1 - alpha) * under[i]);
  const luminance = (rgb) => {
    const [r, g, b] = rgb.map((c) => (c / 255 <= 0.04045 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const pageBackground = (stack) => {
    for (const el of stack) {
      const c = rgba(getComputedStyle(el).backgroundColor);
      if (el.namespaceURI !== "http://www.w3.org/2000/svg" && c && c.a > 0) return c.rgb;
    }
    return [255, 255, 255];
  };
  const nodes = [];
  for (const text of document.querySelectorAll("svg text")) {
    const style = getComputedStyle(text);
    const ink = rgba(style.fill);
    if (!ink || !text.textContent.trim() || style.visibility === "hidden") continue;
    text.scrollIntoView({ block: "center", inline: "center" });
    const box = text.getBoundingClientRect();
    const stack = document.elementsFromPoint(box.x + box.width / 2, box.y + box.height / 2);
    let back = pageBackground(stack);
    const shape = stack.find((el) => el instanceof SVGGeometryElement && rgba(getComputedStyle(el).fill)?.a > 0);
    if (shape) {
      const fill = rgba(getComputedStyle(shape).fill);
      back = over(fill.rgb, fill.a * Number(getComputedStyle(shape).opacity), back);
    }
    const fore = over(ink.rgb, ink.a * Number(style.opacity), back);
    const [hi, lo] = [luminance(fore), luminance(back)].sort((x, y) => y - x);
    const ratio = (hi + 0.05) / (lo + 0.05);
    const size = parseFloat(style.fontSize);
    const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
    if (ratio < (large ? 3 : 4.5)) {
      nodes.push({
        target: [`${text.closest("svg").getAttribute("class") || "svg"} text "${text.textContent.trim().slice(0, 40)}"`],
        failureSummary: `contrast ${ratio.toFixed(2)}:1 of rgb(${fore.map(Math.round)}) on rgb(${back.map(Math.round)})`,
      });
    }
  }
  return nodes.length ? [{ id: "svg-text-contrast", impact: "serious", help: "SVG text contrast", nodes }] : [];
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
      for (const [view, schemes] of config.views) {
        for (const scheme of schemes) {
          found.push(...(await audit(browser, axeSource, config.tags, page, scheme, view)));
          audited += 1;
        }
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
