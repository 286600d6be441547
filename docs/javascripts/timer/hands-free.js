// Hands-free and the log, hooked into the timer by its changes (issue 20): when a set starts,
// the lock screen's media session and the full-screen display follow it; at DONE the prompt asks
// how it went and saves it to the log. The timer tells this module "start", "pause", "phase",
// "skip", "done" and "stop" (timer/session.js names these changes) and answers a few questions
// about its state; nothing here keeps time.

import { SetMediaSession } from "./media-session.js";
import { RunFocus } from "./run-focus.js";
import { LogPrompt } from "./log-prompt.js";
import { saveSets } from "../log/save-set.js";

/** @typedef {import("./log-prompt.js").PromptLeg} PromptLeg */
/** @typedef {import("./log-prompt.js").PromptAnswers} PromptAnswers */

/**
 * What the timer tells about itself.
 * @typedef {object} TimerHooks
 * @property {() => {paused: boolean, finished: boolean, state: () => any} | null} run
 * @property {() => {plan: Record<string, string | number>} | null} workout the running plan
 * @property {() => {steps?: {key: string, name: string, one_leg: boolean}[], default_step?: string} | null} setup
 * @property {() => string | null} preset the preset key the plan matches, or null
 * @property {() => void} togglePause
 * @property {() => void} skip
 */

const FOCUS_KEY = "hipthrust.timer.focus";
const STEP_KEY = "hipthrust.log.step";
const SITE_ROOT = new URL("../../", import.meta.url);
const LEG_NAMES = /** @type {Record<string, string>} */ ({
  right: "Right leg",
  left: "Left leg",
  both: "Both legs",
});

/**
 * @param {string} key
 * @returns {string | null}
 */
function recall(key) {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

/**
 * @param {string} key
 * @param {string} value
 */
function keep(key, value) {
  try {
    localStorage.setItem(key, value);
  } catch {
    /* private mode: asked again next time */
  }
}

/**
 * The legs of a plan, in the order they were worked.
 * @param {Record<string, string | number>} plan
 * @returns {PromptLeg[]}
 */
function legsOf(plan) {
  const reps = Number(plan.reps);
  const sets = Number(plan.sets);
  if (plan.legs === "together") return [{ leg: "both", reps, sets }];
  const first = plan.first === "left" ? "left" : "right";
  const legs = [{ leg: first, reps, sets }];
  if (plan.legs === "both") legs.push({ leg: first === "left" ? "right" : "left", reps, sets });
  return legs;
}

export class HandsFree {
  /**
   * @param {HTMLElement} root the timer's root
   * @param {TimerHooks} timer
   */
  constructor(root, timer) {
    this.root = root;
    this.timer = timer;
    /** @type {SetMediaSession | null} */
    this.media = null;
    /** @type {Record<string, string | number> | null} */
    this.plan = null;
    const panel = /** @type {HTMLElement} */ (root.querySelector("[data-timer-run]"));
    this.focus = new RunFocus(panel, { pause: () => this.pause(), resume: () => this.resume() });
    this.focusToggle = /** @type {HTMLInputElement | null} */ (
      root.querySelector('[data-testid="focus-toggle"]')
    );
    if (this.focusToggle) {
      this.focusToggle.checked = recall(FOCUS_KEY) !== "off";
      this.focusToggle.addEventListener("change", () =>
        keep(FOCUS_KEY, this.focusToggle?.checked ? "on" : "off"),
      );
    }
    this.prompt = new LogPrompt(
      root,
      { save: (answers) => this.save(answers), skip: () => {} },
      {
        rirHelp: new URL("programming/#the-plan-at-a-glance", SITE_ROOT).href,
        log: new URL("tools/log/", SITE_ROOT).href,
      },
    );
  }

  pause() {
    const run = this.timer.run();
    if (run && !run.finished && !run.paused) this.timer.togglePause();
  }

  resume() {
    const run = this.timer.run();
    if (run && !run.finished && run.paused) this.timer.togglePause();
  }

  /** @param {string} change what just happened to the timer */
  changed(change) {
    if (change === "start") this.started();
    else if (change === "done") this.finished();
    else if (change === "stop") this.ended();
    else this.update();
  }

  /** Synchronously inside the Start tap (the media element may only start playing there). */
  started() {
    this.ended();
    this.prompt.close();
    this.plan = this.timer.workout()?.plan ?? null;
    this.media = new SetMediaSession(
      { pause: () => this.pause(), play: () => this.resume(), next: () => this.timer.skip() },
      (state) => (this.root.dataset.mediaSession = state), // for diagnostics and the tests
    );
    this.media.start();
    if (this.focusToggle?.checked ?? true) this.focus.enter();
    this.update();
  }

  update() {
    const run = this.timer.run();
    if (!run || run.finished) return;
    const segment = run.state().segment;
    if (segment) {
      this.media?.show({
        phase: segment.word,
        rep: segment.rep ? `Rep ${segment.rep} of ${segment.reps}` : `Rep – of ${segment.reps}`,
        set: `Set ${segment.set} of ${segment.sets}`,
        leg: LEG_NAMES[segment.leg] ?? segment.leg,
        paused: run.paused,
      });
    }
    this.focus.setPaused(run.paused);
  }

  finished() {
    this.ended();
    if (this.plan) this.ask(this.plan);
  }

  /** The set is over or stopped: clear the lock screen and give the page back. */
  ended() {
    this.media?.stop();
    this.media = null;
    this.focus.leave();
    this.focus.setPaused(false);
  }

  /** @param {Record<string, string | number>} plan */
  ask(plan) {
    const oneLeg = plan.legs !== "together";
    const setup = this.timer.setup();
    const steps = (setup?.steps ?? []).filter((step) => step.one_leg === oneLeg);
    // The step named in the link (the Log page's plan for next time), the preset's step (preset
    // keys are step keys), the step last logged, then the default.
    const wanted = [
      new URLSearchParams(location.search).get("step"),
      this.timer.preset(),
      recall(STEP_KEY),
      setup?.default_step,
    ];
    const step = wanted.find((key) => steps.some((s) => s.key === key)) ?? steps[0]?.key ?? "";
    this.prompt.show(legsOf(plan), steps, step);
  }

  /**
   * @param {PromptAnswers} answers
   * @returns {Promise<string | null>}
   */
  async save(answers) {
    const plan = this.plan;
    if (!plan) return "The set's plan is gone: start a new set.";
    const result = await saveSets(answers, {
      tempo: String(plan.tempo),
      reps: Number(plan.reps),
      preset: this.timer.preset(),
    });
    if ("error" in result) return result.error;
    keep(STEP_KEY, answers.step);
    // For the set review (issue 19): the ids of the entries just saved, to add measured tempo to.
    this.root.dispatchEvent(
      new CustomEvent("hipthrust:set-logged", { detail: { entries: result.entries } }),
    );
    this.root.dataset.loggedIds = result.entries.map((entry) => entry.id).join(" ");
    return null;
  }

  destroy() {
    this.ended();
    this.focus.destroy();
    this.prompt.destroy();
  }
}
