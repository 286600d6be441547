// The update prompt's rule (docs/javascripts/update-prompt.js): "Update ready — reload" shows
// only when a new build is waiting and this page runs on a service worker, never while a set
// runs or is paused; and the page asks for updates at most once a minute.
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  UPDATE_CHECK_MS,
  updateChecker,
  updateRefresher,
} from "../../docs/javascripts/update-prompt.js";

/** The page as the rule sees it; `prompts` are the prompts made (at most one, ever). */
function page({ controlled = true, waiting = false, busy = false } = {}) {
  const state = { controlled, waiting, busy };
  const worker = /** @type {ServiceWorker} */ (/** @type {unknown} */ ({ name: "new build" }));
  const registration = {
    get waiting() {
      return state.waiting ? worker : null;
    },
  };
  /** @type {{hidden: boolean, waiting: () => ServiceWorker | null}[]} */
  const prompts = [];
  const refresh = updateRefresher(registration, {
    container: {
      get controller() {
        return state.controlled ? {} : null;
      },
    },
    isBusy: () => state.busy,
    createPrompt: (waitingWorker) => {
      const prompt = { hidden: false, waiting: waitingWorker };
      prompts.push(prompt);
      return prompt;
    },
  });
  const shown = () => prompts.length === 1 && !prompts[0].hidden;
  return { state, refresh, prompts, shown, worker };
}

test("nothing waiting: no prompt", () => {
  const { refresh, prompts } = page();
  refresh();
  assert.equal(prompts.length, 0);
});

test("a new build waiting and no set running: the prompt shows, for the build that waits", () => {
  const { refresh, shown, prompts, worker } = page({ waiting: true });
  refresh();
  assert.ok(shown());
  assert.equal(prompts[0].waiting(), worker);
});

test("the first install (no controller yet) is not an update", () => {
  const { refresh, prompts } = page({ waiting: true, controlled: false });
  refresh();
  assert.equal(prompts.length, 0);
});

test("never while a set runs or is paused: it waits for the end of the set", () => {
  const { state, refresh, prompts, shown } = page({ waiting: true, busy: true });
  refresh();
  assert.equal(prompts.length, 0, "a build arriving mid-set shows nothing");
  state.busy = false; // the set ends (data-state changes)
  refresh();
  assert.ok(shown());
  state.busy = true; // the next set starts: the prompt goes away, the same one comes back after
  refresh();
  assert.equal(prompts[0].hidden, true);
  state.busy = false;
  refresh();
  assert.ok(shown());
  assert.equal(prompts.length, 1, "one prompt, shown and hidden");
});

test("updates are asked for at most once per UPDATE_CHECK_MS", () => {
  let now = 1_000_000;
  let asked = 0;
  const check = updateChecker(
    {
      update: () => {
        asked += 1;
        return Promise.reject(new Error("offline")); // a failed check is no error
      },
    },
    () => now,
  );
  check();
  assert.equal(asked, 0, "the page has just loaded: no need to ask");
  now += UPDATE_CHECK_MS - 1;
  check();
  assert.equal(asked, 0);
  now += 1;
  check();
  check();
  assert.equal(asked, 1);
  now += UPDATE_CHECK_MS;
  check();
  assert.equal(asked, 2);
});
