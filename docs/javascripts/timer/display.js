// The run display: state → DOM. READY before a set, then each frame of the run (phase word,
// countdown, ring, counters, the next phase, the moving figure) and DONE. Text is written only
// when it changes, so screen readers and layout are not disturbed sixty times a second.
// data-state on the tool (idle | running | paused | done) and data-elapsed on the panel are test
// hooks. New pieces of the display (e.g. a full-screen view) read the same calls: showIdle, show.

import { find } from "../dom.js";

/** @typedef {import("./types.js").Leg} Leg */
/** @typedef {import("./types.js").RunState} RunState */
/** @typedef {import("./types.js").TimerSetup} TimerSetup */
/** @typedef {import("./types.js").Workout} Workout */

/** @type {Record<Leg, string>} */
export const LEG_NAMES = { right: "Right leg", left: "Left leg", both: "Both legs" };
const BLANK = "\u00a0"; // keeps an empty line's height: nothing below it moves

/**
 * Whole seconds left, rounded up: "42", "1:05".
 * @param {number} seconds
 */
export function formatSeconds(seconds) {
  const whole = Math.max(0, Math.ceil(seconds - 1e-9));
  if (whole < 60) return String(whole);
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, "0")}`;
}

/**
 * @param {Element} element
 * @param {string} text
 */
function setText(element, text) {
  if (element.textContent !== text) element.textContent = text;
}

export class RunDisplay {
  /** @param {HTMLElement} root the tool */
  constructor(root) {
    this.root = root;
    this.panel = find(root, "[data-timer-run]", HTMLElement);
    this.phase = find(root, '[data-testid="phase-label"]', HTMLElement);
    this.countdown = find(root, "[data-timer-countdown]", HTMLElement);
    this.ring = find(root, "[data-timer-ring]", SVGElement);
    this.instruction = find(root, "[data-timer-instruction]", HTMLElement);
    this.breath = find(root, "[data-timer-breath]", HTMLElement);
    this.rep = find(root, '[data-testid="rep-counter"]', HTMLElement);
    this.set = find(root, '[data-testid="set-counter"]', HTMLElement);
    this.leg = find(root, '[data-testid="leg-label"]', HTMLElement);
    this.next = find(root, "[data-timer-next]", HTMLElement);
    this.overall = find(root, "[data-timer-overall]", HTMLProgressElement);
    this.figure = find(root, "[data-timer-figure]", SVGSVGElement);
    this.announce = find(root, "[data-timer-announce]", HTMLElement);
    this.reducedMotion = matchMedia("(prefers-reduced-motion: reduce)");
    /** @type {string[] | null} the figure's frames from Python, bottom to top */
    this.frames = null;
    this.frameShown = -1;
    /** @type {number | "done" | null} the segment the text shows */
    this.shownIndex = null;
    this.onMotionChange = () => (this.frameShown = -1);
    this.reducedMotion.addEventListener?.("change", this.onMotionChange);
  }

  destroy() {
    this.reducedMotion.removeEventListener?.("change", this.onMotionChange);
  }

  /** @param {TimerSetup["figure"]} figure */
  setFigure(figure) {
    this.frames = figure.frames;
    this.figure.setAttribute("viewBox", figure.viewBox);
  }

  /** @param {number} height 0 (hips down) .. 1 (top) */
  showFigure(height) {
    const frames = this.frames;
    if (!frames) return;
    const index = Math.round(Math.min(1, Math.max(0, height)) * (frames.length - 1));
    if (index === this.frameShown) return;
    this.frameShown = index;
    this.figure.innerHTML = frames[index];
    this.figure.dataset.frame = String(index);
  }

  /** A new run shows its first phase afresh. */
  restart() {
    this.shownIndex = null;
  }

  /** The display owns the screen while the set runs. */
  bringIntoView() {
    this.panel.scrollIntoView({
      block: "start",
      behavior: this.reducedMotion.matches ? "auto" : "smooth",
    });
  }

  /** @param {Workout | null} workout the checked plan, or null while there is none */
  showIdle(workout) {
    this.shownIndex = null;
    this.root.dataset.state = "idle";
    setText(this.phase, "READY");
    this.phase.dataset.kind = "idle";
    setText(this.countdown, workout ? formatSeconds(workout.total) : "–");
    this.ring.style.strokeDashoffset = "100";
    const first = workout?.segments.find((segment) => segment.rep > 0);
    setText(this.rep, workout ? `Rep – of ${workout.plan.reps}` : (this.rep.textContent ?? ""));
    setText(this.set, workout ? `Set – of ${workout.plan.sets}` : (this.set.textContent ?? ""));
    setText(this.leg, first ? LEG_NAMES[first.leg] : (this.leg.textContent ?? ""));
    setText(this.instruction, workout ? workout.summary : BLANK);
    setText(this.breath, BLANK);
    setText(this.next, BLANK);
    this.overall.value = 0;
    this.showFigure(0);
  }

  /** @returns {boolean} whether DONE has just been shown */
  showDone() {
    if (this.shownIndex === "done") return false;
    this.shownIndex = "done";
    this.root.dataset.state = "done";
    setText(this.phase, "DONE");
    this.phase.dataset.kind = "done";
    setText(this.countdown, "✓");
    setText(this.instruction, "Workout done. Well worked.");
    setText(this.breath, BLANK);
    setText(this.next, BLANK);
    setText(this.announce, "Workout done.");
    this.ring.style.strokeDashoffset = "0";
    this.overall.value = 1;
    this.showFigure(0);
    return true;
  }

  /**
   * One frame of the run.
   * @param {RunState} state
   * @param {number} elapsed run time, seconds
   * @param {boolean} paused
   * @param {Workout} workout
   * @returns {boolean} whether a new phase (or DONE) has just been shown
   */
  show(state, elapsed, paused, workout) {
    if (state.done) return this.showDone();
    this.root.dataset.state = paused ? "paused" : "running";
    this.panel.dataset.elapsed = elapsed.toFixed(3);
    const segment = state.segment;
    if (!segment) {
      setText(this.countdown, formatSeconds(state.remaining));
      return false;
    }
    const changed = this.shownIndex !== state.index;
    if (changed) {
      this.shownIndex = state.index;
      setText(this.phase, segment.word);
      this.phase.dataset.kind = segment.kind;
      const rep = segment.rep
        ? `Rep ${segment.rep} of ${segment.reps}`
        : `Rep – of ${segment.reps}`;
      setText(this.rep, rep);
      setText(this.set, `Set ${segment.set} of ${segment.sets}`);
      setText(this.leg, LEG_NAMES[segment.leg]);
      setText(this.instruction, segment.instruction || BLANK);
      setText(this.breath, segment.breath || BLANK);
      setText(this.next, segment.next);
      const where = segment.rep ? `, rep ${segment.rep} of ${segment.reps}` : "";
      setText(this.announce, `${segment.word}${where}. ${segment.instruction}`);
    }
    setText(this.countdown, formatSeconds(state.remaining));
    this.ring.style.strokeDashoffset = String(100 * (1 - state.progress));
    this.overall.value = Math.min(1, elapsed / workout.total);
    const [from, to] = segment.motion;
    this.showFigure(this.reducedMotion.matches ? to : from + (to - from) * state.progress);
    return changed;
  }
}
