// Stage 5 of the set review: saving, on the device. The table as CSV (Python writes the text)
// and a rep's top frame with the checker's overlay as PNG (drawn here: the frame, then the
// overlay SVG over it), offered through ../checker/export.js's savePng (download or share).

import { savePng } from "../checker/export.js";
import { download } from "../download.js";

export { savePng };

/** Offer `text` as a CSV file download. @param {string} text @param {string} name */
export function saveCsv(text, name) {
  download(new Blob([text], { type: "text/csv;charset=utf-8" }), name);
}

/**
 * A PNG of the canvas's picture with `svg` (viewBox in the analysed frame's pixels) over it.
 * @param {HTMLCanvasElement} picture @param {SVGSVGElement} svg
 * @returns {Promise<Blob>}
 */
export async function framePng(picture, svg) {
  const canvas = document.createElement("canvas");
  canvas.width = picture.width;
  canvas.height = picture.height;
  const context = /** @type {CanvasRenderingContext2D} */ (canvas.getContext("2d"));
  context.drawImage(picture, 0, 0);
  const copy = /** @type {SVGSVGElement} */ (svg.cloneNode(true));
  copy.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  copy.setAttribute("width", String(canvas.width));
  copy.setAttribute("height", String(canvas.height));
  const url = URL.createObjectURL(
    new Blob([new XMLSerializer().serializeToString(copy)], { type: "image/svg+xml" }),
  );
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
  } finally {
    URL.revokeObjectURL(url);
  }
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error("PNG encoding failed"))),
      "image/png",
    ),
  );
}
