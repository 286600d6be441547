// Firefox for the engine journey (tests/browser/engines/driver.py): Debian's firefox-esr driven by
// puppeteer-core over WebDriver BiDi (no geckodriver binary is packaged in the registries we use).
// Reads one JSON command per line on stdin, answers one JSON line per command on stdout:
//   {"id": 1, "op": "goto", "args": ["http://..."]}  ->  {"id": 1, "ok": true, "value": null}
// Ops: goto(url), reload(), eval(expression) (a promise is awaited; the value must be JSON),
// click(selector), mouse(kind, x, y) with kind down|up|move|click (viewport pixels),
// upload(selector, path), close(). Environment: FIREFOX_PATH (default /usr/bin/firefox-esr).
import { createInterface } from "node:readline";
import puppeteer from "puppeteer-core";

const browser = await puppeteer.launch({
  browser: "firefox",
  executablePath: process.env.FIREFOX_PATH || "/usr/bin/firefox-esr",
  headless: true,
  protocol: "webDriverBiDi",
  extraPrefsFirefox: {
    "media.autoplay.default": 0, // the tests tap Start like a user; this only removes the doubt
    "media.autoplay.blocking_policy": 0,
    "browser.shell.checkDefaultBrowser": false,
    "network.proxy.type": 0,
  },
});
const page = (await browser.pages())[0] ?? (await browser.newPage());
await page.setViewport({ width: 390, height: 844 });

const ops = {
  goto: (url) => page.goto(url, { waitUntil: "load" }).then(() => null),
  reload: () => page.reload({ waitUntil: "load" }).then(() => null),
  eval: (expression) => page.evaluate(expression),
  click: (selector) => page.click(selector).then(() => null),
  mouse: async (kind, x, y) => {
    if (kind === "click") await page.mouse.click(x, y);
    else if (kind === "move") await page.mouse.move(x, y, { steps: 8 });
    else if (kind === "down") {
      await page.mouse.move(x, y);
      await page.mouse.down();
    } else await page.mouse.up();
    return null;
  },
  upload: async (selector, path) => {
    const input = await page.$(selector);
    await input.uploadFile(path);
    return null;
  },
  close: async () => {
    await browser.close();
    return null;
  },
};

process.stdout.write(JSON.stringify({ id: 0, ok: true, value: await browser.version() }) + "\n");
for await (const line of createInterface({ input: process.stdin })) {
  const { id, op, args } = JSON.parse(line);
  let reply;
  try {
    reply = { id, ok: true, value: (await ops[op](...args)) ?? null };
  } catch (error) {
    reply = { id, ok: false, error: String(error?.stack || error) };
  }
  process.stdout.write(JSON.stringify(reply) + "\n");
  if (op === "close") break;
}
process.exit(0);
