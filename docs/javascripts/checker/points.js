// The checker's points for one photo: where each is, who placed it and whether it still asks to
// be checked. Nothing is ever placed by default: a point exists once the user taps it in, or the
// pose detector finds it (and it is then shown). Provenance rules (issue 9):
// - source "auto": placed by the detector; "user": placed, dragged or nudged by the user.
//   Moving an auto point makes it "user"; confirming an auto point keeps it "auto".
// - check: a reason (text) while a point asks to be checked: always the detector's hip, and any
//   point the detector is unsure of. Moving or confirming the point clears it.
// Undo keeps whole snapshots (a tap, a drag, a detection and "start again" are one step each).

const UNDO_LIMIT = 100;

/** @import { Mode, XY } from "./replies.js" */
/**
 * A placed point in photo pixels: who placed it, and why it asks to be checked (null: it does not).
 * @typedef {{x: number, y: number, source: "auto" | "user", check: string | null}} PlacedPoint
 */
/** @typedef {Record<string, PlacedPoint>} PointsOfMode point name -> point */
/** @typedef {Record<Mode, PointsOfMode>} Modes */

/**
 * Test hooks and ids of the points: `landmark-knee`, `landmark-free-knee`, `landmark-front-other-hip`, ...
 * @param {Mode} mode
 * @param {string} name
 */
export function testId(mode, name) {
  const dashed = name.replaceAll("_", "-");
  return mode === "front" ? `landmark-front-${dashed}` : `landmark-${dashed}`;
}

export class PointSet {
  constructor() {
    /** @type {Modes} */
    this.modes = { side: {}, front: {} };
    /** @type {Modes[]} whole snapshots, oldest first */
    this.undoStack = [];
  }

  clear() {
    this.modes = { side: {}, front: {} };
    this.undoStack = [];
  }

  /**
   * Placed points of a mode: {name: {x, y, source, check}}.
   * @param {Mode} mode
   */
  of(mode) {
    return this.modes[mode];
  }

  /**
   * @param {Mode} mode
   * @param {string} name
   */
  has(mode, name) {
    return Boolean(this.modes[mode][name]);
  }

  /**
   * {name: [x, y]} of the placed points among ``names``: what Python measures.
   * @param {Mode} mode
   * @param {Iterable<string>} names
   */
  coordinates(mode, names) {
    /** @type {Record<string, XY>} */
    const result = {};
    for (const name of names) {
      const point = this.modes[mode][name];
      if (point) result[name] = [point.x, point.y];
    }
    return result;
  }

  /**
   * The points that ask to be checked, with the reason.
   * @param {Mode} mode
   * @returns {{name: string, reason: string}[]}
   */
  checks(mode) {
    return Object.entries(this.modes[mode]).flatMap(([name, point]) =>
      point.check ? [{ name, reason: point.check }] : [],
    );
  }

  get canUndo() {
    return this.undoStack.length > 0;
  }

  remember() {
    this.undoStack.push(structuredClone(this.modes));
    if (this.undoStack.length > UNDO_LIMIT) this.undoStack.shift();
  }

  undo() {
    const previous = this.undoStack.pop();
    if (previous) this.modes = previous;
    return Boolean(previous);
  }

  /**
   * A tap placed the point: the user's, nothing to check.
   * @param {Mode} mode
   * @param {string} name
   * @param {number} x
   * @param {number} y
   */
  place(mode, name, x, y) {
    this.modes[mode][name] = { x, y, source: "user", check: null };
  }

  /**
   * A drag or nudge: a point that moved becomes the user's and no longer asks to be checked.
   * @param {Mode} mode
   * @param {string} name
   * @param {number} x
   * @param {number} y
   * @returns {boolean} whether it moved
   */
  moved(mode, name, x, y) {
    const point = this.modes[mode][name];
    if (!point || (point.x === x && point.y === y)) return false;
    this.modes[mode][name] = { x, y, source: "user", check: null };
    return true;
  }

  /**
   * "Looks right": the point keeps its place and source, and no longer asks to be checked.
   * @param {Mode} mode
   * @param {string} name
   */
  confirm(mode, name) {
    const point = this.modes[mode][name];
    if (point) point.check = null;
  }

  /**
   * The detector's points ({name: [x, y]}, checks {name: reason}). ``keepUser``: points the user
   * placed stay as they are (a detection that ran by itself never overrides the user).
   * @param {Mode} mode
   * @param {Record<string, XY>} points
   * @param {Record<string, string>} checks
   * @param {{keepUser: boolean}} options
   */
  detected(mode, points, checks, { keepUser }) {
    const next = keepUser
      ? Object.fromEntries(Object.entries(this.modes[mode]).filter(([, p]) => p.source === "user"))
      : {};
    for (const [name, [x, y]] of Object.entries(points)) {
      if (next[name]) continue;
      next[name] = { x, y, source: "auto", check: checks[name] ?? null };
    }
    this.modes[mode] = next;
  }

  /** @param {Mode} mode */
  startAgain(mode) {
    this.modes[mode] = {};
  }
}
