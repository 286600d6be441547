// Saving the annotated photo as a PNG, on the device: the photo is decoded again at up to
// EXPORT_MAX_SIDE pixels, the overlay (SVG from Python, colours as attributes) is drawn on top,
// and the PNG is offered as a download or, where the browser can, through the share sheet.

import { decodePhoto } from "./photo.js";
import { download } from "../download.js";

const EXPORT_MAX_SIDE = 4096;
const SVG_NS = "http://www.w3.org/2000/svg";

/**
 * The SVG markup as a decoded image; `done()` frees its URL.
 * @param {string} markup
 * @returns {Promise<{img: HTMLImageElement, done: () => void}>}
 */
function svgImage(markup) {
  const url = URL.createObjectURL(new Blob([markup], { type: "image/svg+xml" }));
  const img = new Image();
  img.src = url;
  return img.decode().then(
    () => ({ img, done: () => URL.revokeObjectURL(url) }),
    (error) => {
      URL.revokeObjectURL(url);
      throw error;
    },
  );
}

/**
 * A PNG Blob of the photo with ``layers`` (SVG elements in photo pixels) drawn over it.
 * @param {File} file the photo as chosen
 * @param {number} width its oriented natural size
 * @param {number} height
 * @param {Iterable<Element>} layers
 * @returns {Promise<Blob>}
 */
export async function annotatedPng(file, width, height, layers) {
  const scale = Math.min(1, EXPORT_MAX_SIDE / Math.max(width, height));
  const w = Math.round(width * scale);
  const h = Math.round(height * scale);
  const canvas = document.createElement("canvas");
  canvas.width = w;
  canvas.height = h;
  const context = canvas.getContext("2d");
  if (!context) throw new Error("This browser cannot draw the picture.");
  const { bitmap } = await decodePhoto(file, EXPORT_MAX_SIDE);
  try {
    context.drawImage(bitmap, 0, 0, w, h);
  } finally {
    if (bitmap instanceof ImageBitmap) bitmap.close();
  }
  const svg = document.createElementNS(SVG_NS, "svg");
  svg.setAttribute("xmlns", SVG_NS);
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  svg.setAttribute("width", String(w));
  svg.setAttribute("height", String(h));
  for (const layer of layers) svg.append(layer.cloneNode(true));
  const { img, done } = await svgImage(new XMLSerializer().serializeToString(svg));
  try {
    context.drawImage(img, 0, 0, w, h);
  } finally {
    done();
  }
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error("PNG encoding failed"))),
      "image/png",
    ),
  );
}

/**
 * Offer the PNG: the share sheet where files can be shared, else a download.
 * @param {Blob} blob
 * @param {string} name the file's name
 * @param {{share?: boolean}} [options]
 * @returns {Promise<"shared" | "downloaded">}
 */
export async function savePng(blob, name, { share = false } = {}) {
  const file = new File([blob], name, { type: "image/png" });
  if (share && navigator.canShare?.({ files: [file] })) {
    await navigator.share({ files: [file], title: "Hip thrust angle check" });
    return "shared";
  }
  download(blob, name);
  return "downloaded";
}

export function canShareFiles() {
  try {
    const probe = new File([new Uint8Array(1)], "probe.png", { type: "image/png" });
    return Boolean(navigator.canShare?.({ files: [probe] }));
  } catch {
    return false;
  }
}
