// The timer's state, with every transition in one place: Python's setup, the checked plan (the
// workout, or null while the form is being edited or is invalid) and the run. Listeners hear each
// transition by name; that is where new pieces hook in (the controls' state, a media session, a
// prompt after DONE) without touching the others. The run itself keeps time (timer/run.js).

import { Run } from "./run.js";

/** @typedef {import("./types.js").CueOptions} CueOptions */
/** @typedef {import("./types.js").PlanReply} PlanReply */
/** @typedef {import("./types.js").RunState} RunState */
/** @typedef {import("./types.js").TimerSetup} TimerSetup */
/** @typedef {import("./types.js").Workout} Workout */

/**
 * What just happened: "phase" and "done" come from the display showing a new phase or DONE.
 * @typedef {"setup" | "edit" | "plan" | "start" | "pause" | "skip" | "stop" | "phase" | "done"} Change
 */

/**
 * Draws one frame of the run; returns whether it showed a new phase (or DONE).
 * @callback FrameHandler
 * @param {RunState} state
 * @param {number} elapsed
 * @param {Run} run
 * @param {Workout} workout the run's plan
 * @returns {boolean}
 */

export class TimerSession {
  /** @param {FrameHandler} onFrame */
  constructor(onFrame) {
    /** @type {TimerSetup | null} */
    this.setup = null;
    /** @type {Workout | null} */
    this.workout = null;
    /** @type {Run | null} */
    this.run = null;
    this.alive = true;
    this.onFrame = onFrame;
    /** @type {Set<(change: Change, session: TimerSession) => void>} */
    this.listeners = new Set();
  }

  /**
   * @param {(change: Change, session: TimerSession) => void} listener
   * @returns {() => void} stops listening
   */
  listen(listener) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** @param {Change} change */
  changed(change) {
    for (const listener of this.listeners) listener(change, this);
  }

  /** A run that has started and not finished (paused counts). */
  get active() {
    return Boolean(this.run && !this.run.finished);
  }

  get canStart() {
    return Boolean(this.workout) && !this.active;
  }

  get canSkip() {
    const run = this.run;
    return Boolean(run && this.active && !run.paused && run.state().segment?.skippable);
  }

  /** @param {TimerSetup} setup */
  setupLoaded(setup) {
    this.setup = setup;
    this.changed("setup");
  }

  /** The form changed: the last checked plan no longer holds until Python checks it again. */
  planEdited() {
    this.workout = null;
    this.changed("edit");
  }

  /** @param {PlanReply} reply */
  planChecked(reply) {
    this.workout = reply.ok ? reply : null;
    this.changed("plan");
  }

  /**
   * Must run synchronously inside the Start tap (timer/run.js: iOS unlocks audio only there).
   * @param {CueOptions} options
   * @returns {boolean} whether a run started
   */
  start(options) {
    if (!this.workout || this.active) return false;
    this.run?.stop();
    const workout = this.workout;
    /** @type {(state: RunState, elapsed: number, current: Run) => void} */
    const onUpdate = (state, elapsed, current) => {
      if (current !== this.run) return;
      if (this.onFrame(state, elapsed, current, workout))
        this.changed(state.done ? "done" : "phase");
    };
    const run = new Run(workout, options, onUpdate);
    this.run = run;
    run.start();
    this.changed("start");
    return true;
  }

  stop() {
    this.run?.stop();
    this.run = null;
    this.changed("stop");
  }

  async togglePause() {
    const run = this.run;
    if (!run || run.finished) return;
    const pending = run.togglePause();
    this.changed("pause");
    await pending;
    this.changed("pause");
  }

  skip() {
    this.run?.skip();
    this.changed("skip");
  }

  /** The page is going away: no listener hears anything after this. */
  end() {
    this.alive = false;
    this.listeners.clear();
    this.run?.stop();
    this.run = null;
  }
}
