// A stand-in for the one browser object the run clock uses, an AudioContext: its time and state
// are set by the test, and every oscillator it makes records when it starts and whether it was
// dropped (stop() with no time) or ran its course (stop(at)). Plus a wall clock the test moves.

class Param {
  value = 0;
  /** @param {number} value */
  setValueAtTime(value) {
    this.value = value;
  }
  exponentialRampToValueAtTime() {}
  linearRampToValueAtTime() {}
}

class Node {
  /** @param {Node} next */
  connect(next) {
    return next;
  }
  disconnect() {}
}

class Oscillator extends Node {
  /** @param {FakeAudioContext} context */
  constructor(context) {
    super();
    this.type = "square";
    this.frequency = new Param();
    /** @type {(() => void) | null} */
    this.onended = null;
    /** @type {number | null} audio time it was asked to start at */
    this.startAt = null;
    this.queuedAt = context.currentTime; // the audio clock when it was queued
    this.dropped = false;
  }
  /** @param {number} at */
  start(at) {
    this.startAt = at;
  }
  /** @param {number} [at] */
  stop(at) {
    if (at === undefined) this.dropped = true;
  }
}

export class FakeAudioContext {
  currentTime = 0;
  /** @type {AudioContextState | "interrupted"} */
  state = "suspended";
  destination = new Node();
  /** @type {Oscillator[]} */
  oscillators = [];
  resumes = 0;

  createDynamicsCompressor() {
    return new Node();
  }
  createGain() {
    return Object.assign(new Node(), { gain: new Param() });
  }
  createOscillator() {
    const oscillator = new Oscillator(this);
    this.oscillators.push(oscillator);
    return oscillator;
  }
  resume() {
    this.resumes += 1;
    return Promise.resolve();
  }
  suspend() {
    this.state = "suspended";
    return Promise.resolve();
  }
  close() {
    this.state = "closed";
    return Promise.resolve();
  }
  /** Oscillators that will sound: queued and not dropped. */
  live() {
    return this.oscillators.filter((oscillator) => !oscillator.dropped);
  }
}

/** A wall clock in seconds that only moves when the test says. */
export function fakeWall(start = 0) {
  let time = start;
  const wall = () => time;
  wall.advance = (/** @type {number} */ seconds) => {
    time += seconds;
  };
  return wall;
}

/**
 * Move wall time by `seconds` in `step`s; the audio clock moves with it while it runs, and
 * `onStep` (the page's frame) runs after each step.
 * @param {FakeAudioContext} context
 * @param {ReturnType<typeof fakeWall>} wall
 * @param {number} seconds
 * @param {() => void} onStep
 */
export function elapse(context, wall, seconds, onStep, step = 0.05) {
  for (let done = 0; done < seconds - 1e-9; done += step) {
    wall.advance(step);
    if (context.state === "running") context.currentTime += step;
    onStep();
  }
}
