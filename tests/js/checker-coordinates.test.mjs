// Coordinate mapping in the checker (docs/javascripts/checker/coordinates.js, photo.js): every
// point in the photo's own pixels at 0.1 px, the detector's keypoints from the copy the model saw,
// the magnifier's square and place, and the display copy's size.
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  clampToPhoto,
  clippedSource,
  keypointsInPhoto,
  magnifierPlace,
  magnifierSource,
  middleOf,
  roundTenth,
  tapOnPhoto,
} from "../../docs/javascripts/checker/coordinates.js";
import { DISPLAY_MAX_SIDE, fit } from "../../docs/javascripts/checker/photo.js";

test("positions are kept to 0.1 px", () => {
  assert.equal(roundTenth(12.34), 12.3);
  assert.equal(roundTenth(12.35), 12.4);
  assert.equal(roundTenth(-0.04), -0);
});

test("a dragged or nudged point stays on the photo", () => {
  assert.deepEqual(clampToPhoto(-5, 20.06, 400, 300), [0, 20.1]);
  assert.deepEqual(clampToPhoto(401, 301, 400, 300), [400, 300]);
  assert.deepEqual(clampToPhoto(399.96, 0.04, 400, 300), [400, 0]);
});

test("a tap places the point where it lands, and nothing when it is released off the photo", () => {
  assert.deepEqual(tapOnPhoto(10.04, 299.99, 400, 300), [10, 300]);
  assert.deepEqual(tapOnPhoto(0, 0, 400, 300), [0, 0]);
  assert.equal(tapOnPhoto(-0.1, 10, 400, 300), null);
  assert.equal(tapOnPhoto(10, 300.1, 400, 300), null);
});

test("Enter places the pending point in the middle of the photo", () => {
  assert.deepEqual(middleOf(4032, 3024), [2016, 1512]);
  assert.deepEqual(middleOf(401, 299), [200.5, 149.5]);
});

test("keypoints found on a smaller copy come back in the photo's pixels, names in COCO order", () => {
  const found = keypointsInPhoto(
    [
      { x: 10, y: 20, score: 0.9 },
      { x: 640, y: 480, score: 0.1 },
    ],
    ["nose", "left_eye"],
    { width: 1280, height: 960 },
    { width: 4032, height: 3024 },
  );
  assert.deepEqual(found, [
    { name: "nose", x: 31.5, y: 63, score: 0.9 },
    { name: "left_eye", x: 2016, y: 1512, score: 0.1 },
  ]);
});

test("the magnifier shows the square around the point, zoomed, in the display copy's pixels", () => {
  // A 4000 px photo shown 1000 CSS px wide (4 photo px per CSS px), display copy 2000 px wide.
  const square = magnifierSource({ x: 1000, y: 800, cssSide: 150, unit: 4, scale: 0.5, zoom: 3 });
  assert.deepEqual(square, { sx: 450, sy: 350, side: 100 });
});

test("near an edge the magnifier draws only the part of its square that lies on the photo", () => {
  // Inside: the whole square, unchanged.
  assert.deepEqual(
    clippedSource({ sx: 10, sy: 20, side: 100 }, 400, 300, 200),
    [10, 20, 100, 100, 0, 0, 200, 200],
  );
  // Past the top-left corner by 30 and 50 px: the rest, placed where it belongs in the square.
  assert.deepEqual(
    clippedSource({ sx: -30, sy: -50, side: 100 }, 400, 300, 200),
    [0, 0, 70, 50, 60, 100, 140, 100],
  );
  // Past the bottom-right corner.
  assert.deepEqual(
    clippedSource({ sx: 350, sy: 260, side: 100 }, 400, 300, 200),
    [350, 260, 50, 40, 0, 0, 100, 80],
  );
  // Wholly off the photo: nothing to draw.
  assert.equal(clippedSource({ sx: 500, sy: 0, side: 100 }, 400, 300, 200), null);
});

test("the magnifier sits above the finger, below it near the top, never past the sides", () => {
  const stage = { left: 10, top: 100, width: 390 };
  assert.deepEqual(magnifierPlace({ clientX: 200, clientY: 500 }, stage, 150), {
    left: 115,
    top: 210,
  });
  assert.deepEqual(magnifierPlace({ clientX: 200, clientY: 150 }, stage, 150), {
    left: 115,
    top: 90,
  });
  assert.equal(magnifierPlace({ clientX: 15, clientY: 500 }, stage, 150).left, 0);
  assert.equal(magnifierPlace({ clientX: 395, clientY: 500 }, stage, 150).left, 240);
  assert.equal(
    magnifierPlace({ clientX: 50, clientY: 500 }, { ...stage, width: 100 }, 150).left,
    0,
  );
});

test("the display copy fits DISPLAY_MAX_SIDE and is never enlarged", () => {
  assert.deepEqual(fit(8064, 6048, DISPLAY_MAX_SIDE), {
    resizeWidth: 2048,
    resizeHeight: 1536,
    scale: 2048 / 8064,
  });
  assert.deepEqual(fit(800, 600, DISPLAY_MAX_SIDE), {
    resizeWidth: 800,
    resizeHeight: 600,
    scale: 1,
  });
  assert.equal(fit(100000, 1, 2048).resizeHeight, 1, "never 0 px");
});
