// Where the run stands (docs/javascripts/timer/lookup.js), the same rule as Python's
// hipthrust.timeline.state_at: half-open segments [start, end), done at the end.
import assert from "node:assert/strict";
import { test } from "node:test";

import { stateAt } from "../../docs/javascripts/timer/lookup.js";

const segments = /** @type {any[]} */ ([
  { start: 0, end: 3, kind: "lead_in" },
  { start: 3, end: 5, kind: "up" },
  { start: 5, end: 9, kind: "down" },
]);

test("a segment owns its start and not its end", () => {
  assert.equal(stateAt(segments, 9, 0).index, 0);
  assert.equal(stateAt(segments, 9, 2.999).index, 0);
  assert.equal(stateAt(segments, 9, 3).index, 1);
  assert.equal(stateAt(segments, 9, 8.5).index, 2);
});

test("remaining and progress within the segment", () => {
  const state = stateAt(segments, 9, 6);
  assert.equal(state.segment, segments[2]);
  assert.equal(state.remaining, 3);
  assert.equal(state.progress, 0.25);
  assert.equal(state.done, false);
});

test("before the start nothing runs yet; at the end it is done", () => {
  assert.deepEqual(stateAt(segments, 9, -0.5), {
    index: -1,
    segment: null,
    remaining: 0.5,
    progress: 0,
    done: false,
  });
  assert.deepEqual(stateAt(segments, 9, 9), {
    index: -1,
    segment: null,
    remaining: 0,
    progress: 1,
    done: true,
  });
});
