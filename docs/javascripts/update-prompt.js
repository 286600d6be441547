// Updates never break a set (issue 11): a new deploy's worker installs beside this version and
// waits (sw.js); this page keeps running on this version's files. "Update ready — reload" shows
// only while no tool is busy (a running or paused timer, or a set's log prompt not yet answered:
// a reload would lose it), and only the reader's tap swaps.
// The rule (updateRefresher) and the check's pace (updateChecker) take what they read as
// parameters, so node tests them (tests/js/update-prompt.test.mjs); watchForUpdates wires them
// to the page.

export const BUSY =
  '[data-tool][data-state="running"], [data-tool][data-state="paused"], [data-testid="log-prompt"][data-state="open"]';
export const UPDATE_CHECK_MS = 60_000; // instant navigation fetches pages: ask for updates ourselves

/** @typedef {{hidden: boolean}} Prompt */
/**
 * What the rule reads: the registration's waiting worker, whether this page is controlled (the
 * very first install has nothing to update from), whether a tool is busy.
 * @typedef {object} UpdateInputs
 * @property {{controller: unknown}} container navigator.serviceWorker
 * @property {() => boolean} isBusy
 * @property {(waiting: () => ServiceWorker | null) => Prompt} createPrompt makes the prompt once
 */

/**
 * The update rule: returns `refresh()`, which shows the prompt when a new build is waiting, this
 * page is controlled and no tool is busy, and hides it otherwise (it never appears mid-set).
 * @param {{waiting: ServiceWorker | null}} registration
 * @param {UpdateInputs} inputs
 * @returns {() => void}
 */
export function updateRefresher(registration, { container, isBusy, createPrompt }) {
  /** @type {Prompt | null} */
  let prompt = null;
  return () => {
    const waiting = container.controller ? registration.waiting : null;
    const show = Boolean(waiting) && !isBusy();
    if (show && !prompt) prompt = createPrompt(() => registration.waiting);
    if (prompt) prompt.hidden = !show;
  };
}

/**
 * Returns `check()`: asks the server for a new build at most once per UPDATE_CHECK_MS.
 * @param {{update(): Promise<unknown>}} registration
 * @param {() => number} now milliseconds
 * @returns {() => void}
 */
export function updateChecker(registration, now) {
  let lastCheck = now();
  return () => {
    if (now() - lastCheck < UPDATE_CHECK_MS) return;
    lastCheck = now();
    registration.update().catch(() => {}); // offline: try again later
  };
}

/**
 * Follow this page's registration and offer the update when the rule allows.
 * @param {ServiceWorkerRegistration} registration
 */
export function watchForUpdates(registration) {
  const refresh = updateRefresher(registration, {
    container: navigator.serviceWorker,
    isBusy: () => Boolean(document.querySelector(BUSY)),
    createPrompt: updatePrompt,
  });
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
  const check = updateChecker(registration, Date.now);
  document.addEventListener(
    "visibilitychange",
    () => document.visibilityState === "visible" && check(),
  );
  document$.subscribe(() => {
    check();
    refresh();
  });
  refresh();
}

/**
 * A bar fixed at the bottom of the screen (it moves nothing on the page) with one button.
 * @param {() => ServiceWorker | null} waitingWorker
 * @returns {HTMLElement}
 */
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
