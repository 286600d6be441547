// Starts the interactive tool of the current page and stops it when the reader leaves.
// Material's instant navigation swaps pages without reloading, so tools mount on every
// `document$` emission and the previous tool's cleanup runs first (sound, wake lock, timers).
// Guide pages have no [data-tool] element, so they never load Python.

const TOOLS = {
  "tempo-timer": () => import("./tools/tempo-timer.js"),
  "angle-checker": () => import("./tools/angle-checker.js"),
  "set-review": () => import("./tools/set-review.js"),
  "training-log": () => import("./tools/training-log.js"),
};

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
  if (!root) return;
  const load = TOOLS[root.dataset.tool];
  if (!load) throw new Error(`Unknown tool "${root.dataset.tool}"`);
  // Start Python first: it boots while the tool loads.
  import("./python/client.js").then((client) => client.python()).catch(() => {});
  const tool = await load();
  if (mine !== generation) return; // the reader navigated away while the module loaded
  const unmount = tool.mount(root);
  if (mine !== generation) unmount?.();
  else unmountCurrent = unmount ?? null;
}

// eslint-disable-next-line no-undef -- `document$` is Material's page observable
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

// Updates never break a set (issue 11): a new deploy's worker installs beside this version and
// waits (sw.js); this page keeps running on this version's files. "Update ready — reload" shows
// only while no tool is busy (a running or paused timer, or a set's log prompt not yet answered:
// a reload would lose it), and only the reader's tap swaps.
const BUSY =
  '[data-tool][data-state="running"], [data-tool][data-state="paused"], [data-testid="log-prompt"][data-state="open"]';
const UPDATE_CHECK_MS = 60_000; // instant navigation fetches pages: ask for updates ourselves

function watchForUpdates(registration) {
  let prompt = null;
  let lastCheck = Date.now();
  const refresh = () => {
    const waiting = navigator.serviceWorker.controller ? registration.waiting : null;
    const show = Boolean(waiting) && !document.querySelector(BUSY);
    if (show && !prompt) prompt = updatePrompt(() => registration.waiting);
    if (prompt) prompt.hidden = !show;
  };
  registration.addEventListener("updatefound", () => {
    const incoming = registration.installing;
    incoming?.addEventListener("statechange", refresh);
  });
  // The timer's state lives in its root's data-state: follow it to know when the set is over.
  new MutationObserver(refresh).observe(document.body, {
    subtree: true,
    attributes: true,
    attributeFilter: ["data-state"],
  });
  const check = () => {
    if (Date.now() - lastCheck < UPDATE_CHECK_MS) return;
    lastCheck = Date.now();
    registration.update().catch(() => {}); // offline: try again later
  };
  document.addEventListener(
    "visibilitychange",
    () => document.visibilityState === "visible" && check(),
  );
  // eslint-disable-next-line no-undef -- `document$` is Material's page observable
  document$.subscribe(() => {
    check();
    refresh();
  });
  refresh();
}

/** A bar fixed at the bottom of the screen (it moves nothing on the page) with one button. */
function updatePrompt(waitingWorker) {
  const bar = document.createElement("div");
  bar.className = "update-ready";
  bar.setAttribute("role", "status");
  const button = document.createElement("button");
  button.type = "button";
  button.className = "md-button md-button--primary";
  button.dataset.testid = "update-ready";
  button.textContent = "Update ready — reload";
  button.addEventListener("click", () => {
    button.disabled = true;
    navigator.serviceWorker.addEventListener("controllerchange", () => window.location.reload(), {
      once: true,
    });
    waitingWorker()?.postMessage({ type: "skip-waiting" });
  });
  bar.append(button);
  document.body.append(bar);
  return bar;
}
