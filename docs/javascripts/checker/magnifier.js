// The checker's magnifier: on touch, a canvas above the finger shows the photo around the point
// at MAGNIFIER_ZOOM times its on-screen size with a cross-hair, so the finger never hides the
// joint it places. Used by landmarks.js; its square and place are ./coordinates.js.

import { clippedSource, magnifierPlace, magnifierSource } from "./coordinates.js";

const MAGNIFIER_CSS = 150;
const MAGNIFIER_ZOOM = 3;

export class Magnifier {
  /** @param {HTMLElement} stage the photo's frame: the magnifier is placed in it */
  constructor(stage) {
    this.stage = stage;
    /** @type {ImageBitmap | HTMLCanvasElement | null} */
    this.source = null; // display bitmap
    this.sourceScale = 1;
    this.canvas = document.createElement("canvas");
    this.canvas.className = "checker-magnifier";
    this.canvas.width = MAGNIFIER_CSS * 2;
    this.canvas.height = MAGNIFIER_CSS * 2;
    this.canvas.hidden = true;
    this.canvas.setAttribute("aria-hidden", "true");
    stage.append(this.canvas);
  }

  /**
   * @param {ImageBitmap | HTMLCanvasElement | null} bitmap the photo's display copy
   * @param {number} naturalWidth the photo's width
   */
  setSource(bitmap, naturalWidth) {
    this.source = bitmap;
    this.sourceScale = bitmap ? bitmap.width / naturalWidth : 1;
  }

  /**
   * The photo around (x, y) at MAGNIFIER_ZOOM times the on-screen size.
   * @param {{clientX: number, clientY: number}} pointer where the finger is
   * @param {number} x photo pixels
   * @param {number} y
   * @param {number} unit photo pixels per CSS pixel
   */
  show(pointer, x, y, unit) {
    if (!this.source) return;
    const canvas = this.canvas;
    const context = canvas.getContext("2d");
    if (!context) return;
    const { sx, sy, side } = magnifierSource({
      x,
      y,
      cssSide: MAGNIFIER_CSS,
      unit,
      scale: this.sourceScale,
      zoom: MAGNIFIER_ZOOM,
    });
    context.fillStyle = "#000";
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.imageSmoothingQuality = "high";
    const part = clippedSource(
      { sx, sy, side },
      this.source.width,
      this.source.height,
      canvas.width,
    );
    if (part) context.drawImage(this.source, ...part);
    const c = canvas.width / 2;
    context.strokeStyle = "#fff";
    context.lineWidth = 2;
    context.beginPath();
    context.arc(c, c, 10, 0, 2 * Math.PI);
    context.moveTo(c - 24, c);
    context.lineTo(c - 12, c);
    context.moveTo(c + 12, c);
    context.lineTo(c + 24, c);
    context.moveTo(c, c - 24);
    context.lineTo(c, c - 12);
    context.moveTo(c, c + 12);
    context.lineTo(c, c + 24);
    context.stroke();
    const { left, top } = magnifierPlace(
      pointer,
      this.stage.getBoundingClientRect(),
      MAGNIFIER_CSS,
    );
    canvas.style.left = `${left}px`;
    canvas.style.top = `${top}px`;
    canvas.hidden = false;
  }

  hide() {
    this.canvas.hidden = true;
  }

  remove() {
    this.canvas.remove();
  }
}
