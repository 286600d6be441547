// The checker's state, with its transitions in one place: the view (side or front), the step in
// the photo (issue 18: it chooses what is judged), the working leg, the side view's optional
// points, the open photo, Python's setup, the detector's keypoints
// of this photo, the points themselves (checker/points.js: position, provenance, undo) and the
// last result. Everything here is plain data; nothing touches the page.

import { PointSet } from "./points.js";

/** @typedef {import("./types.js").Keypoints} Keypoints */
/** @typedef {import("./types.js").Leg} Leg */
/** @typedef {import("./types.js").MeasureReply} MeasureReply */
/** @typedef {import("./types.js").Mode} Mode */
/** @typedef {import("./types.js").OptionName} OptionName */
/** @typedef {import("./types.js").Photo} Photo */
/** @typedef {import("./types.js").Setup} Setup */

/** The two floor points, shared by the side view whatever else changes. */
export const FLOOR = ["floor_a", "floor_b"];
/** @type {OptionName[]} */
const OPTIONS = ["foot", "freeLeg", "floor"];

/** @param {Photo["display"]} display frees a bitmap's memory now (a canvas has nothing to free) */
export function closeDisplay(display) {
  if ("close" in display) display.close();
}

export class CheckerState {
  constructor() {
    this.alive = true;
    /** @type {Mode} */
    this.mode = "side";
    /** @type {string} the step in the photo (a hipthrust.steps key); the page sets it at mount */
    this.step = "";
    /** @type {Leg} */
    this.leg = "right";
    /** @type {Record<OptionName, boolean>} */
    this.options = { foot: false, freeLeg: false, floor: false };
    /** @type {Photo | null} */
    this.photo = null;
    this.photoId = 0;
    /** @type {Setup | null} checker_setup: order, optional, prompts, labels */
    this.setup = null;
    /** @type {{ photoId: number, keypoints: Keypoints } | null} from the pose detector */
    this.detected = null;
    /** @type {MeasureReply | null} */
    this.lastResult = null;
    this.points = new PointSet();
  }

  // ---------------------------------------------------------------- what the state says

  /**
   * Floor points are shared by the side view; every other name belongs to the current mode.
   * @param {string} name
   * @returns {Mode}
   */
  pointMode(name) {
    return FLOOR.includes(name) ? "side" : this.mode;
  }

  /** @returns {string[]} the points of the current view, in the order they are asked for */
  activeNames() {
    const setup = this.setup;
    if (!setup) return [];
    const names = [...setup.order[this.mode]];
    if (this.mode === "side") {
      for (const option of OPTIONS) {
        if (this.options[option] && this.offers(option)) names.push(...setup.optional[option]);
      }
    }
    return names;
  }

  /**
   * Whether the chosen step offers an optional check (a step on two feet has no free leg).
   * @param {OptionName} option
   */
  offers(option) {
    const step = this.setup?.steps.find((s) => s.key === this.step);
    return !step || step.options.includes(option);
  }

  /** @returns {string | null} the point asked for next */
  nextName() {
    return this.activeNames().find((name) => !this.points.has(this.pointMode(name), name)) ?? null;
  }

  /** @param {string} name */
  label(name) {
    return this.setup?.labels[name] ?? name;
  }

  /** Whether this photo's detected keypoints can give the current view its points. */
  canDetectView() {
    return Boolean(
      this.photo &&
      this.detected?.photoId === this.photo.id &&
      Object.keys(this.points.of(this.mode)).length === 0,
    );
  }

  /**
   * Whether an answer about photo `id` (for view `mode`) still applies.
   * @param {number} id
   * @param {Mode} [mode]
   */
  current(id, mode) {
    return this.alive && this.photo?.id === id && (mode === undefined || this.mode === mode);
  }

  // ---------------------------------------------------------------- transitions

  /**
   * A new photo: every point, number and detector state of the last one goes at once.
   * @returns {number} the new photo's id
   */
  newPhoto() {
    this.photoId += 1;
    this.points.clear();
    this.detected = null;
    this.lastResult = null;
    return this.photoId;
  }

  /** @param {Photo} photo */
  photoOpened(photo) {
    if (this.photo) closeDisplay(this.photo.display);
    this.photo = photo;
  }

  photoFailed() {
    if (this.photo) closeDisplay(this.photo.display);
    this.photo = null;
  }

  /** @param {Setup} setup */
  setupLoaded(setup) {
    this.setup = setup;
  }

  /**
   * @param {number} photoId
   * @param {Keypoints} keypoints
   */
  keypointsFound(photoId, keypoints) {
    this.detected = { photoId, keypoints };
  }

  /** @param {MeasureReply} result */
  measured(result) {
    this.lastResult = result;
  }

  /** The view changed: the last result was of the other view. */
  clearResult() {
    this.lastResult = null;
  }

  /** @param {Mode} mode */
  setMode(mode) {
    this.mode = mode;
  }

  /**
   * Whether a step's feet are staggered (B-stance: its working leg is the flat back foot's).
   * @param {string} step
   */
  staggered(step) {
    return Boolean(this.setup?.steps.find((s) => s.key === step)?.staggered);
  }

  /** @param {string} step */
  setStep(step) {
    this.step = step;
  }

  /** @param {Leg} leg */
  setLeg(leg) {
    this.leg = leg;
  }

  /**
   * @param {OptionName} option
   * @param {boolean} on
   */
  setOption(option, on) {
    this.options[option] = on;
  }

  /**
   * Python placed the view's points from the detector's keypoints (one undo step).
   * @param {Mode} mode
   * @param {import("./types.js").Detected} found
   * @param {boolean} automatic a detection that ran by itself keeps the user's own points
   * @returns {{ leg: boolean, freeLeg: boolean }} what changed besides the points
   */
  detectedPoints(mode, found, automatic) {
    this.points.remember();
    this.points.detected(mode, found.points, found.checks ?? {}, { keepUser: automatic });
    const leg = mode === "front" && Boolean(found.working_leg);
    if (found.working_leg && leg) this.leg = found.working_leg;
    // The detector saw a raised free leg: show its check too (the user can untick it).
    const freeLeg =
      mode === "side" &&
      Boolean(found.points.free_knee) &&
      !this.options.freeLeg &&
      this.offers("freeLeg");
    if (freeLeg) this.options.freeLeg = true;
    return { leg, freeLeg };
  }

  /** "Start again": the view's points go (and the side view's floor); one undo step. */
  startAgain() {
    this.points.remember();
    this.points.startAgain(this.mode);
    if (this.mode === "side") for (const name of FLOOR) delete this.points.of("side")[name];
    this.lastResult = null;
  }

  end() {
    this.alive = false;
    if (this.photo) closeDisplay(this.photo.display);
  }
}
