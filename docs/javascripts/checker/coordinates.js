// The checker's coordinate rules, as pure functions (unit-tested in node:
// tests/js/checker-coordinates.test.mjs). Every point is in the photo's own pixels (its oriented
// natural size, the SVG's viewBox), kept to 0.1 px like Python's replies; the pointer reaches
// them through the SVG's screen matrix (landmarks.js), the detector's keypoints through the
// scale of the copy the model saw (detector.js).

/** @import { Keypoint, RawKeypoint } from "./detector-protocol.js" */

/** @param {number} value */
export function roundTenth(value) {
  return Math.round(value * 10) / 10;
}

/**
 * A point moved by a drag or the arrow keys stays on the photo, at 0.1 px.
 * @param {number} x
 * @param {number} y
 * @param {number} width the photo's size
 * @param {number} height
 * @returns {[number, number]}
 */
export function clampToPhoto(x, y, width, height) {
  return [
    roundTenth(Math.min(Math.max(x, 0), width)),
    roundTenth(Math.min(Math.max(y, 0), height)),
  ];
}

/**
 * Where a tap places the pending point: at 0.1 px, or null when it was released off the photo.
 * @param {number} x
 * @param {number} y
 * @param {number} width
 * @param {number} height
 * @returns {[number, number] | null}
 */
export function tapOnPhoto(x, y, width, height) {
  if (x < 0 || y < 0 || x > width || y > height) return null;
  return [roundTenth(x), roundTenth(y)];
}

/**
 * The middle of the photo, where Enter or Space places the pending point.
 * @param {number} width
 * @param {number} height
 * @returns {[number, number]}
 */
export function middleOf(width, height) {
  return [Math.round(width * 5) / 10, Math.round(height * 5) / 10];
}

/**
 * The square of the display bitmap the magnifier shows around photo point (x, y): `side` photo
 * pixels on screen (`unit` photo pixels per CSS pixel) shrunk `zoom` times, in bitmap pixels
 * (`scale` = bitmap width / photo width).
 * @param {{x: number, y: number, cssSide: number, unit: number, scale: number, zoom: number}} view
 * @returns {{sx: number, sy: number, side: number}}
 */
export function magnifierSource({ x, y, cssSide, unit, scale, zoom }) {
  const side = (cssSide * unit * scale) / zoom;
  return { sx: x * scale - side / 2, sy: y * scale - side / 2, side };
}

/**
 * drawImage's arguments that draw the part of the source square lying on the bitmap where it
 * belongs in a `dest` square, or null when none of it does. The spec clips a source rectangle
 * that overhangs the image, but WebKit (every iPhone browser) draws nothing at all for an
 * ImageBitmap then: near the photo's edge the magnifier showed black.
 * @param {{sx: number, sy: number, side: number}} square bitmap pixels; may overhang
 * @param {number} width the bitmap's width
 * @param {number} height the bitmap's height
 * @param {number} dest the destination square's side
 * @returns {[number, number, number, number, number, number, number, number] | null}
 */
export function clippedSource({ sx, sy, side }, width, height, dest) {
  const [left, top] = [Math.max(sx, 0), Math.max(sy, 0)];
  const [w, h] = [Math.min(sx + side, width) - left, Math.min(sy + side, height) - top];
  if (!(w > 0 && h > 0)) return null;
  const scale = dest / side;
  return [left, top, w, h, (left - sx) * scale, (top - sy) * scale, w * scale, h * scale];
}

/**
 * Where the magnifier goes in the stage (CSS pixels): above the finger, below it when there is
 * no room above, never past the stage's left or right edge.
 * @param {{clientX: number, clientY: number}} pointer
 * @param {{left: number, top: number, width: number}} stage its bounding box on screen
 * @param {number} size the magnifier's side in CSS pixels
 * @returns {{left: number, top: number}}
 */
export function magnifierPlace(pointer, stage, size) {
  const left = pointer.clientX - stage.left - size / 2;
  let top = pointer.clientY - stage.top - size - 40; // above the finger
  if (top < 0) top = pointer.clientY - stage.top + 40;
  return { left: Math.min(Math.max(left, 0), Math.max(stage.width - size, 0)), top };
}

/**
 * The model's keypoints, found on a smaller copy of the photo, in the photo's own pixels.
 * @param {RawKeypoint[]} keypoints in the copy's pixels, in `names` order
 * @param {readonly string[]} names
 * @param {{width: number, height: number}} copy the image the model saw
 * @param {{width: number, height: number}} photo the photo's natural size
 * @returns {Keypoint[]}
 */
export function keypointsInPhoto(keypoints, names, copy, photo) {
  const toPhotoX = photo.width / copy.width;
  const toPhotoY = photo.height / copy.height;
  return keypoints.map((point, k) => ({
    name: names[k],
    x: point.x * toPhotoX,
    y: point.y * toPhotoY,
    score: point.score,
  }));
}
