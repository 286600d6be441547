// The timer's controls: DOM events → the mount's actions, and the buttons' state from the session.
// Start, Pause/Resume, Skip rest, Stop, the share button, Space (start or pause), the plan form and
// the cue options, the page coming back (wake lock, audio) or going away (the run stops).
// A new control is one more row in `listen` and, if it has a state, one more line in `render`.

import { find } from "../dom.js";
import { prepareAudio } from "./audio.js";
import { CUE_FIELDS } from "./plan-form.js";

/** @typedef {import("./session.js").TimerSession} TimerSession */

/**
 * What the controls ask for; the mount decides what each does.
 * @typedef {object} TimerActions
 * @property {() => void} start
 * @property {() => void} startOrPause Space: start a set, or pause/resume the one running
 * @property {() => void} togglePause
 * @property {() => void} skip
 * @property {() => void} stop
 * @property {() => void} share
 * @property {() => void} cuesChanged
 * @property {(preset: string | null) => void} planEdited a preset's key when one was chosen
 * @property {() => void} visible
 */

export class TimerControls {
  /** @param {HTMLElement} root the tool */
  constructor(root) {
    this.start = find(root, '[data-testid="start-button"]', HTMLButtonElement);
    this.pause = find(root, '[data-testid="pause-button"]', HTMLButtonElement);
    this.skip = find(root, '[data-testid="skip-button"]', HTMLButtonElement);
    this.stop = find(root, '[data-testid="stop-button"]', HTMLButtonElement);
    this.share = find(root, '[data-testid="share-button"]', HTMLButtonElement);
    this.form = find(root, "[data-timer-form]", HTMLFormElement);
  }

  /**
   * The buttons' state from the session: what can be done now.
   * @param {TimerSession} session
   */
  render(session) {
    const run = session.run;
    const active = session.active;
    this.start.disabled = !session.workout || active;
    this.start.textContent = run?.finished ? "Start again" : "Start";
    this.pause.disabled = !active;
    this.pause.textContent = run?.paused ? "Resume" : "Pause";
    this.pause.setAttribute("aria-pressed", String(Boolean(run?.paused)));
    this.stop.disabled = !active;
    this.skip.disabled = !session.canSkip;
    this.share.disabled = !session.workout;
  }

  /**
   * @param {TimerActions} actions
   * @returns {() => void} detaches every listener
   */
  listen(actions) {
    /** @type {(() => void)[]} */
    const cleanups = [];
    /**
     * @template {Event} E
     * @param {EventTarget} target
     * @param {string} type
     * @param {(event: E) => void} handler
     */
    const on = (target, type, handler) => {
      const listener = /** @type {EventListener} */ (handler);
      target.addEventListener(type, listener);
      cleanups.push(() => target.removeEventListener(type, listener));
    };
    on(this.start, "pointerdown", prepareAudio);
    on(this.start, "click", actions.start);
    on(this.pause, "click", actions.togglePause);
    on(this.skip, "click", actions.skip);
    on(this.stop, "click", actions.stop);
    on(this.share, "click", actions.share);
    on(this.form, "input", (event) => formInput(event, actions));
    on(this.form, "submit", (event) => event.preventDefault());
    on(document, "keydown", (/** @type {KeyboardEvent} */ event) => spaceKey(event, actions));
    on(document, "visibilitychange", () => {
      if (document.visibilityState === "visible") actions.visible();
    });
    on(window, "pagehide", actions.stop);
    return () => {
      for (const cleanup of cleanups) cleanup();
    };
  }
}

/**
 * Space starts a set or pauses/resumes it, unless a field or button has the key.
 * @param {KeyboardEvent} event
 * @param {TimerActions} actions
 */
function spaceKey(event, actions) {
  if (event.code !== "Space" && event.key !== " ") return;
  const target = event.target;
  if (
    target instanceof Element &&
    target.closest("input, select, textarea, button, a, [contenteditable]")
  )
    return;
  event.preventDefault();
  actions.startOrPause();
}

/**
 * @param {Event} event
 * @param {TimerActions} actions
 */
function formInput(event, actions) {
  const target = event.target;
  if (!(target instanceof HTMLInputElement || target instanceof HTMLSelectElement)) return;
  if (CUE_FIELDS.includes(target.name)) {
    actions.cuesChanged();
    return;
  }
  actions.planEdited(target.name === "preset" ? target.value : null);
}
