// Starts the interactive tool of the current page and stops it when the reader leaves.
// Material's instant navigation swaps pages without reloading, so tools mount on every
// `document$` emission and the previous tool's cleanup runs first (sound, wake lock, timers).
// Guide pages have no [data-tool] element, so they never load Python.

import { watchForUpdates } from "./update-prompt.js";

/** @typedef {{mount(root: HTMLElement): (() => void) | undefined | void}} Tool */

/** @type {Partial<Record<string, () => Promise<Tool>>>} */
const TOOLS = {
  "tempo-timer": () => import("./tools/tempo-timer.js"),
  "angle-checker": () => import("./tools/angle-checker.js"),
  "set-review": () => import("./tools/set-review.js"),
  "training-log": () => import("./tools/training-log.js"),
};

/** @type {(() => void) | null} */
let unmountCurrent = null;
let generation = 0;

async function mountTool() {
  generation += 1;
  const mine = generation;
  if (unmountCurrent) {
    const unmount = unmountCurrent;
    unmountCurrent = null;
    unmount();
  }
  const root = document.querySelector("[data-tool]");
  if (!(root instanceof HTMLElement)) return;
  const load = TOOLS[root.dataset.tool ?? ""];
  if (!load) throw new Error(`Unknown tool "${root.dataset.tool}"`);
  // Start Python first: it boots while the tool loads.
  import("./python/client.js").then((client) => client.python()).catch(() => {});
  const tool = await load();
  if (mine !== generation) return; // the reader navigated away while the module loaded
  const unmount = tool.mount(root);
  if (mine !== generation) unmount?.();
  else unmountCurrent = unmount ?? null;
}

// `document$` is Material's page observable (declared in eslint.config.js and types/globals.d.ts).
document$.subscribe(() => {
  mountTool().catch((error) => console.error("Tool failed to start:", error));
});

// Offline: the service worker at the site root stores the guide on the first visit (see sw.js).
// Registration fails on plain http other than localhost, and some browsers have no service
// workers at all: the site then simply works online only.
if ("serviceWorker" in navigator) {
  navigator.serviceWorker
    .register(new URL("../sw.js", import.meta.url), { type: "classic" })
    .then(watchForUpdates)
    .catch((error) => console.info("Offline copy unavailable:", error.message));
}
