// The checker's point store (docs/javascripts/checker/points.js): nothing is placed by default,
// every point says who placed it and whether it asks to be checked, and undo restores whole steps.
import assert from "node:assert/strict";
import { test } from "node:test";

import { PointSet, testId } from "../../docs/javascripts/checker/points.js";

test("a new photo has no points, in either view", () => {
  const points = new PointSet();
  assert.deepEqual(points.of("side"), {});
  assert.deepEqual(points.of("front"), {});
  assert.equal(points.has("side", "hip"), false);
  assert.deepEqual(points.coordinates("side", ["shoulder", "hip", "knee", "ankle"]), {});
  assert.equal(points.canUndo, false);
});

test("a tap places the user's point, with nothing to check", () => {
  const points = new PointSet();
  points.place("side", "hip", 120.5, 300);
  assert.deepEqual(points.of("side").hip, { x: 120.5, y: 300, source: "user", check: null });
  assert.deepEqual(points.coordinates("side", ["hip", "knee"]), { hip: [120.5, 300] });
  assert.equal(points.has("front", "hip"), false, "the views keep their own points");
});

test("the detector's points are 'auto' and carry the detector's reasons to check", () => {
  const points = new PointSet();
  points.detected(
    "side",
    { hip: [100, 200], knee: [150, 210] },
    { hip: "The hip is hidden under the clothes: check it." },
    { keepUser: false },
  );
  assert.equal(points.of("side").hip.source, "auto");
  assert.deepEqual(points.checks("side"), [
    { name: "hip", reason: "The hip is hidden under the clothes: check it." },
  ]);
  assert.equal(points.of("side").knee.check, null);
});

test("confirming keeps an auto point 'auto' and clears its check; moving it makes it the user's", () => {
  const points = new PointSet();
  points.detected(
    "side",
    { hip: [100, 200], knee: [1, 2] },
    { hip: "h", knee: "k" },
    {
      keepUser: false,
    },
  );
  points.confirm("side", "hip");
  assert.deepEqual(points.of("side").hip, { x: 100, y: 200, source: "auto", check: null });
  assert.equal(
    points.moved("side", "knee", 1, 2),
    false,
    "a drag back to the same place is no move",
  );
  assert.equal(points.of("side").knee.source, "auto");
  assert.equal(points.moved("side", "knee", 3, 2), true);
  assert.deepEqual(points.of("side").knee, { x: 3, y: 2, source: "user", check: null });
  assert.deepEqual(points.checks("side"), []);
  assert.equal(points.moved("side", "ankle", 3, 2), false, "no point, nothing moves");
  points.confirm("side", "ankle"); // no point: nothing happens
  assert.equal(points.has("side", "ankle"), false);
});

test("a detection that ran by itself never overrides what the user placed", () => {
  const points = new PointSet();
  points.place("side", "hip", 10, 20);
  points.detected(
    "side",
    { hip: [100, 200], knee: [150, 210] },
    { hip: "check" },
    {
      keepUser: true,
    },
  );
  assert.deepEqual(points.of("side").hip, { x: 10, y: 20, source: "user", check: null });
  assert.equal(points.of("side").knee.source, "auto");
  // Asked for ("Find my joints"), it replaces every point of the view.
  points.detected("side", { hip: [100, 200] }, {}, { keepUser: false });
  assert.deepEqual(Object.keys(points.of("side")), ["hip"]);
  assert.equal(points.of("side").hip.source, "auto");
});

test("undo restores whole steps, up to its limit; clear forgets them", () => {
  const points = new PointSet();
  points.remember();
  points.place("side", "hip", 1, 1);
  points.remember();
  points.detected("side", { knee: [2, 2] }, {}, { keepUser: true });
  points.remember();
  points.startAgain("side");
  assert.deepEqual(points.of("side"), {});
  assert.equal(points.undo(), true);
  assert.deepEqual(Object.keys(points.of("side")).sort(), ["hip", "knee"]);
  assert.equal(points.undo(), true);
  assert.deepEqual(Object.keys(points.of("side")), ["hip"]);
  assert.equal(points.undo(), true);
  assert.deepEqual(points.of("side"), {});
  assert.equal(points.undo(), false);

  for (let i = 0; i < 150; i++) {
    points.remember();
    points.place("side", "hip", i, i);
  }
  let steps = 0;
  while (points.undo()) steps += 1;
  assert.equal(steps, 100);
  assert.deepEqual(points.of("side").hip, { x: 49, y: 49, source: "user", check: null });
  points.remember();
  points.clear();
  assert.equal(points.canUndo, false);
  assert.deepEqual(points.of("side"), {});
});

test("an undo step is a copy: later changes do not reach into it", () => {
  const points = new PointSet();
  points.place("side", "hip", 1, 1);
  points.remember();
  points.confirm("side", "hip");
  points.moved("side", "hip", 5, 5);
  points.undo();
  assert.deepEqual(points.of("side").hip, { x: 1, y: 1, source: "user", check: null });
});

test("test ids: landmark-<name>, landmark-front-<name>, dashes for underscores", () => {
  assert.equal(testId("side", "knee"), "landmark-knee");
  assert.equal(testId("side", "free_knee"), "landmark-free-knee");
  assert.equal(testId("front", "other_hip"), "landmark-front-other-hip");
});
