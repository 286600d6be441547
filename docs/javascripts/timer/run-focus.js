// The running display fills the screen (issue 20): with the phone on the floor 2 m away, the
// phase and count are big, and a tap anywhere on the display pauses the set. The timer's own
// buttons stay the controls, moved to the bottom of the screen (never in its top third, none
// under 48 px: timer.css), so nothing else changes for a lifter who taps them.
//
// The guard against a sweaty, accidental touch: pausing is instant (it loses nothing: the clock
// and every queued beep stop, and no rep is lost), but resuming from the display takes a second
// tap within RESUME_WINDOW_MS, because a stray touch that restarted the clock while the lifter is
// not in position would cost a rep. The Resume and Stop buttons are deliberate targets and act on
// one tap, as before.
//
// No layout shift: the display leaves the page's flow for a fixed layer, and a placeholder of the
// same height keeps its place, so nothing under it moves when it goes fixed or comes back.

export const RESUME_WINDOW_MS = 3000;
const INTERACTIVE = "button, a, input, select, textarea, label, summary";

/**
 * @typedef {object} FocusHandlers
 * @property {() => void} pause
 * @property {() => void} resume
 */

export class RunFocus {
  /**
   * @param {HTMLElement} panel the timer's run display (`[data-testid="run-focus"]`)
   * @param {FocusHandlers} handlers
   */
  constructor(panel, handlers) {
    this.panel = panel;
    this.handlers = handlers;
    this.placeholder = document.createElement("div");
    this.placeholder.className = "timer-run-placeholder";
    this.placeholder.hidden = true;
    this.placeholder.setAttribute("aria-hidden", "true");
    panel.before(this.placeholder);
    this.hint = document.createElement("p");
    this.hint.className = "timer-focus-hint";
    this.hint.dataset.focusHint = "";
    this.hint.setAttribute("aria-live", "polite");
    panel.append(this.hint);
    this.open = false;
    this.paused = false;
    this.armedUntil = 0;
    this.disarmTimer = 0;
    this.onClick = (/** @type {MouseEvent} */ event) => this.tap(event);
    panel.addEventListener("click", this.onClick);
  }

  /** Fill the screen (when the set starts). */
  enter() {
    if (this.open) return;
    this.open = true;
    this.placeholder.style.height = `${this.panel.offsetHeight}px`;
    this.placeholder.hidden = false;
    this.panel.dataset.focus = "on";
    this.setHint();
  }

  /** Back into the page (the set is done or stopped). */
  leave() {
    if (!this.open) return;
    this.open = false;
    this.disarm();
    delete this.panel.dataset.focus;
    this.placeholder.hidden = true;
    this.placeholder.style.height = "";
    this.hint.textContent = "";
  }

  /** @param {boolean} paused the run's state, after every change */
  setPaused(paused) {
    if (paused === this.paused) return;
    this.paused = paused;
    if (!paused) this.disarm();
    this.setHint();
  }

  /** @param {MouseEvent} event */
  tap(event) {
    if (!this.open) return;
    const target = /** @type {Element | null} */ (event.target);
    if (target?.closest(INTERACTIVE)) return; // the buttons do their own job
    if (!this.paused) {
      this.handlers.pause();
      return;
    }
    if (performance.now() < this.armedUntil) {
      this.disarm();
      this.handlers.resume();
      return;
    }
    this.armedUntil = performance.now() + RESUME_WINDOW_MS;
    clearTimeout(this.disarmTimer);
    this.disarmTimer = window.setTimeout(() => this.disarm(), RESUME_WINDOW_MS);
    this.panel.dataset.focusArmed = "";
    this.setHint();
  }

  disarm() {
    this.armedUntil = 0;
    clearTimeout(this.disarmTimer);
    delete this.panel.dataset.focusArmed;
    this.setHint();
  }

  setHint() {
    if (!this.open) return;
    let text = "Tap anywhere to pause.";
    if (this.paused)
      text = this.armedUntil ? "Tap again to resume." : "Paused. Tap twice to resume.";
    if (this.hint.textContent !== text) this.hint.textContent = text;
  }

  destroy() {
    this.leave();
    this.panel.removeEventListener("click", this.onClick);
    this.placeholder.remove();
    this.hint.remove();
  }
}
