// Measuring: the placed points go to Python (checker/python-calls.js) and its answer is drawn.
// One call in flight at a time; changes during a call collapse into one follow-up call, so
// dragging never queues up stale work. The live region says the numbers once they settle.

import { measurePoints } from "./python-calls.js";

/** @typedef {import("./state.js").CheckerState} CheckerState */
/** @typedef {import("./render.js").CheckerView} CheckerView */

const ANNOUNCE_MS = 600;

export class Measurer {
  /**
   * @param {CheckerState} state
   * @param {CheckerView} view
   */
  constructor(state, view) {
    this.state = state;
    this.view = view;
    this.busy = false;
    this.pending = false;
    this.announceTimer = 0;
  }

  /** Measure now, or right after the call in flight. */
  async schedule() {
    const state = this.state;
    if (!state.photo || !state.setup) return;
    if (this.busy) {
      this.pending = true;
      return;
    }
    this.busy = true;
    try {
      do {
        this.pending = false;
        await this.once();
      } while (this.pending && state.alive);
    } catch (error) {
      this.view.showMessage(`The measurement failed: ${errorText(error)}`);
    } finally {
      this.busy = false;
    }
    clearTimeout(this.announceTimer);
    this.announceTimer = setTimeout(() => this.view.announce(state.lastResult), ANNOUNCE_MS);
  }

  async once() {
    const state = this.state;
    const photo = state.photo;
    if (!photo) return;
    const started = performance.now();
    const result = await measurePoints(state, photo);
    if (!state.current(photo.id)) return;
    state.measured(result);
    this.view.renderResult(result, state.mode, state.leg, state.step);
    performance.measure("checker-update", { start: started, end: performance.now() });
  }

  stop() {
    clearTimeout(this.announceTimer);
  }
}

/**
 * @param {unknown} error
 * @returns {string}
 */
export function errorText(error) {
  return error instanceof Error ? error.message : String(error);
}
