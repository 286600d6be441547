// One run of the timer (docs/javascripts/timer/run.js) on the run clock over a fake
// AudioContext: across an audio loss and return, every beep is queued once, none plays late,
// and the ones due while nothing could be heard are never played afterwards.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";

import { RunClock } from "../../docs/javascripts/timer/audio.js";
import { Run } from "../../docs/javascripts/timer/run.js";
import { FakeAudioContext, elapse, fakeWall } from "./fake-audio.mjs";

// The run draws on animation frames; node has none, and nothing here looks at the screen.
const page = /** @type {Record<string, unknown>} */ (globalThis);
before(() => {
  page.requestAnimationFrame = () => 0;
  page.cancelAnimationFrame = () => {};
});
after(() => {
  delete page.requestAnimationFrame;
  delete page.cancelAnimationFrame;
});

const CUES = 20;

/** A 20 s workout with a beep each second; each beep has its own pitch, so it can be told apart. */
function plan() {
  const segment = {
    ...{ start: 0, end: CUES, kind: "up", word: "UP", set: 1, sets: 1, rep: 1, reps: 1 },
    ...{ leg: "right", instruction: "", breath: "", next: "", motion: [0, 1], skippable: false },
  };
  /** @type {Record<string, import("../../docs/javascripts/timer/replies.js").Sound>} */
  const sounds = {};
  const cues = [];
  for (let i = 0; i < CUES; i++) {
    sounds[`s${i}`] = {
      start_hz: 1000 + i,
      end_hz: 1000 + i,
      seconds: 0.1,
      gain: 1,
      wave: "square",
    };
    cues.push({ time: i, sound: `s${i}`, say: "", vibrate: [] });
  }
  return { ok: true, plan: {}, total: CUES, summary: "", segments: [segment], cues, sounds };
}

test("audio lost and back mid-set: each beep queued once, none late, none from the gap", () => {
  const context = new FakeAudioContext();
  const wall = fakeWall(50);
  const makeClock = () =>
    new RunClock(/** @type {AudioContext} */ (/** @type {unknown} */ (context)), 1, wall);
  const options = { beeps: true, voice: false, vibration: false, volume: 1 };
  const run = new Run(/** @type {any} */ (plan()), options, () => {}, makeClock);
  // The page: a frame every 50 ms, the service timer every 250 ms (here in the clock's time).
  let frames = 0;
  const frame = () => {
    frames += 1;
    if (frames % 5 === 0) run.service();
    else run.update();
  };
  try {
    run.start();
    context.state = "running";
    elapse(context, wall, 3, frame);
    assert.equal(run.clock?.mode, "audio");
    context.state = "interrupted"; // a phone call: the audio stops
    elapse(context, wall, 2, frame);
    assert.equal(run.clock?.mode, "silent");
    context.state = "running"; // the call ends
    elapse(context, wall, 1, frame);
    assert.equal(run.clock?.mode, "audio");
    elapse(context, wall, 20, frame);
    assert.ok(run.finished);

    const heard = context.live().map((oscillator) => oscillator.frequency.value - 1000);
    const expected = [0, 1, 2, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19];
    assert.deepEqual(
      heard.toSorted((a, b) => a - b),
      expected,
      "cues 3 and 4 fell in the gap",
    );
    assert.equal(new Set(heard).size, heard.length, "no beep twice");
    for (const oscillator of context.live()) {
      assert.ok(
        /** @type {number} */ (oscillator.startAt) >= oscillator.queuedAt,
        `beep ${oscillator.frequency.value - 1000} was queued after its time`,
      );
    }
  } finally {
    run.stop();
  }
});
