// The run clock (docs/javascripts/timer/audio.js): one continuous run time across the switches
// between the audio clock and the screen's clock, and no beep that plays twice or late.
import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { RunClock } from "../../docs/javascripts/timer/audio.js";
import { FakeAudioContext, elapse, fakeWall } from "./fake-audio.mjs";

/** @type {import("../../docs/javascripts/timer/replies.js").Sound} */
const SOUND = { start_hz: 880, end_hz: 880, seconds: 0.1, gain: 1, wave: "square" };

/** A clock on a fake context whose audio clock already reads `audioTime`. */
function setUp(audioTime = 0) {
  const context = new FakeAudioContext();
  context.currentTime = audioTime;
  const wall = fakeWall(100);
  const clock = new RunClock(
    /** @type {AudioContext} */ (/** @type {unknown} */ (context)),
    1,
    wall,
  );
  return { context, wall, clock };
}

/**
 * Start the audio and run until the clock reads the audio clock.
 * @param {FakeAudioContext} context
 * @param {ReturnType<typeof fakeWall>} wall
 * @param {RunClock} clock
 */
function startAudio(context, wall, clock) {
  context.state = "running";
  elapse(context, wall, 0.1, () => clock.poll());
  assert.equal(clock.mode, "audio");
}

/** @param {number} actual @param {number} expected */
function near(actual, expected, tolerance = 1e-9) {
  assert.ok(Math.abs(actual - expected) <= tolerance, `${actual} is not ${expected}`);
}

describe("start", () => {
  test("the run time starts where the audio clock stands, and follows it", () => {
    const { context, wall, clock } = setUp(5);
    near(clock.now(), 0);
    assert.equal(context.resumes, 1, "asked to resume inside the tap");
    startAudio(context, wall, clock);
    near(clock.now(), 0.1);
    elapse(context, wall, 2, () => clock.poll());
    near(clock.now(), 2.1);
    assert.equal(clock.fallback, false);
  });

  test("no audio within the grace period: the screen clock carries on from where the run stands", () => {
    const { context, wall, clock } = setUp();
    elapse(context, wall, 0.35, () => clock.poll());
    assert.equal(clock.mode, "starting", "still waiting for the audio");
    assert.equal(clock.fallback, false, "no 'no sound' message while audio may still start");
    const before = clock.now();
    let switchedAt = NaN;
    elapse(context, wall, 0.2, () => {
      clock.poll();
      if (clock.mode === "silent" && Number.isNaN(switchedAt)) switchedAt = wall();
    });
    near(switchedAt - 100, 0.4, 0.051); // at the end of the grace period
    near(clock.now(), before + (wall() - switchedAt), 1e-9); // no jump at the switch
    assert.equal(clock.fallback, true);
    elapse(context, wall, 1, () => clock.poll());
    near(clock.now(), before + (wall() - switchedAt), 1e-9);
  });

  test("with no Web Audio at all the clock is silent from the start, with no fallback message", () => {
    const wall = fakeWall(7);
    const clock = new RunClock(null, 1, wall);
    assert.equal(clock.mode, "silent");
    const start = clock.now();
    wall.advance(3);
    near(clock.now(), start + 3);
    assert.equal(clock.fallback, false);
    clock.play(SOUND, 4); // nothing to play on, and no error
  });
});

describe("switching", () => {
  test("audio lost mid-run: the run goes on in wall time from the last moment the audio moved", () => {
    const { context, wall, clock } = setUp();
    startAudio(context, wall, clock);
    elapse(context, wall, 2.9, () => clock.poll());
    const lost = clock.now();
    context.state = "interrupted"; // iOS: a call
    elapse(context, wall, 0.5, () => clock.poll());
    assert.equal(clock.mode, "silent");
    near(clock.now(), lost + 0.5, 1e-6);
  });

  test("a 'running' audio clock that stops moving for a second is treated as lost", () => {
    const { context, wall, clock } = setUp();
    startAudio(context, wall, clock);
    const stalled = clock.now();
    const lastMove = wall();
    for (let step = 0; step < 9; step++) {
      wall.advance(0.1); // the context says running, but its time stands still
      clock.poll();
    }
    assert.equal(clock.mode, "audio", "0.9 s still counts as running");
    wall.advance(0.2);
    clock.poll();
    assert.equal(clock.mode, "silent");
    // The set stays on time: the stall counts as time passed.
    near(clock.now(), stalled + (wall() - lastMove), 1e-9);
  });

  test("audio back: poll says so once, and the run time does not jump", () => {
    const { context, wall, clock } = setUp();
    startAudio(context, wall, clock);
    context.state = "interrupted";
    elapse(context, wall, 2, () => clock.poll());
    assert.equal(clock.mode, "silent");
    context.state = "running";
    context.currentTime = 42; // the audio clock has its own time after an interruption
    wall.advance(0.05);
    const before = clock.now();
    context.currentTime += 0.001;
    assert.equal(clock.poll(), true);
    assert.equal(clock.mode, "audio");
    near(clock.now(), before, 1e-9);
    assert.equal(clock.poll(), false, "only once");
    clock.play(SOUND, clock.now() + 0.5);
    const [oscillator] = context.live();
    near(/** @type {number} */ (oscillator.startAt), context.currentTime + 0.5, 1e-9);
  });
});

describe("pause", () => {
  test("pausing the screen clock freezes the run where it stands (it jumped back to 0)", () => {
    const { context, wall, clock } = setUp();
    context.state = "closed"; // no audio: the screen clock runs the set
    elapse(context, wall, 0.5, () => clock.poll());
    assert.equal(clock.mode, "silent");
    wall.advance(10);
    const paused = clock.now();
    void clock.pause();
    near(clock.now(), paused);
    wall.advance(30);
    near(clock.now(), paused);
    void clock.resume();
    near(clock.now(), paused);
    wall.advance(2);
    near(clock.now(), paused + 2);
  });

  test("pausing the audio clock suspends it; the run goes on from there after resume", () => {
    const { context, wall, clock } = setUp();
    startAudio(context, wall, clock);
    elapse(context, wall, 1, () => clock.poll());
    const paused = clock.now();
    void clock.pause();
    assert.equal(context.state, "suspended");
    elapse(context, wall, 30, () => clock.poll());
    near(clock.now(), paused, 1e-9);
    void clock.resume();
    context.state = "running";
    elapse(context, wall, 1, () => clock.poll());
    assert.equal(clock.mode, "audio");
    near(clock.now(), paused + 1, 1e-6);
  });
});

describe("beeps", () => {
  test("a beep is queued at its exact time on the audio clock", () => {
    const { context, wall, clock } = setUp(10);
    startAudio(context, wall, clock);
    clock.play(SOUND, 3);
    const [oscillator] = context.live();
    near(/** @type {number} */ (oscillator.startAt), 13);
  });

  test("losing the audio drops the beeps that have not started, keeps the one playing", () => {
    const { context, wall, clock } = setUp();
    startAudio(context, wall, clock);
    clock.play(SOUND, 0.15); // started already (the audio clock is past it)
    clock.play(SOUND, 1);
    clock.play(SOUND, 2);
    elapse(context, wall, 0.2, () => clock.poll());
    context.state = "interrupted";
    elapse(context, wall, 0.1, () => clock.poll());
    assert.equal(clock.mode, "silent");
    assert.deepEqual(
      context.oscillators.map((oscillator) => oscillator.dropped),
      [false, true, true],
    );
    assert.equal(clock.queued.size, 1);
    clock.play(SOUND, 5); // silent: nothing is queued, so nothing can play late later
    assert.equal(context.oscillators.length, 3);
  });

  test("skipping a rest drops the beeps due from then on", () => {
    const { context, wall, clock } = setUp();
    startAudio(context, wall, clock);
    for (const when of [1, 2, 3]) clock.play(SOUND, when);
    clock.cancelAfter(2);
    assert.deepEqual(
      context.oscillators.map((oscillator) => oscillator.dropped),
      [false, true, true],
    );
  });

  test("close drops every queued beep and closes the context", () => {
    const { context, wall, clock } = setUp();
    startAudio(context, wall, clock);
    clock.play(SOUND, 5);
    clock.close();
    assert.equal(context.live().length, 0);
    assert.equal(context.state, "closed");
    assert.equal(clock.state, "closed");
  });
});
