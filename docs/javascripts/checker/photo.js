// Opening the user's photo on the device: nothing is uploaded. Decodes with EXIF orientation
// applied, keeps the photo's natural (oriented) size for the landmarks, and makes a smaller copy
// for display so a 48 MP photo shows quickly. Failures become sentences the page can show.

export const DISPLAY_MAX_SIDE = 2048;

/**
 * A decoded photo: its oriented natural size and a copy at most maxSide pixels long (a canvas
 * where the browser cannot resize bitmaps).
 * @typedef {{width: number, height: number, bitmap: ImageBitmap | HTMLCanvasElement}} DecodedPhoto
 */
/**
 * A photo open in the checker: natural size (the landmarks' pixels) and the display copy.
 * @typedef {{width: number, height: number, display: ImageBitmap | HTMLCanvasElement}} OpenedPhoto
 */

export class PhotoError extends Error {}

const HEIC_BRANDS = ["heic", "heix", "heim", "heis", "hevc", "hevx", "mif1", "msf1"];

/**
 * What the file's first bytes say it is: "jpeg", "png", "gif", "webp", "bmp", "heic", "avif" or null.
 * @param {Blob} file
 * @returns {Promise<string | null>}
 */
export async function sniff(file) {
  const bytes = new Uint8Array(await file.slice(0, 32).arrayBuffer());
  /** @type {(from: number, to: number) => string} */
  const ascii = (from, to) => String.fromCharCode(...bytes.slice(from, to));
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "jpeg";
  if (ascii(0, 8) === "\x89PNG\r\n\x1a\n") return "png";
  if (ascii(0, 4) === "GIF8") return "gif";
  if (ascii(0, 4) === "RIFF" && ascii(8, 12) === "WEBP") return "webp";
  if (ascii(0, 2) === "BM") return "bmp";
  if (ascii(4, 8) === "ftyp") {
    const brand = ascii(8, 12);
    if (brand === "avif" || brand === "avis") return "avif";
    if (HEIC_BRANDS.includes(brand)) return "heic";
  }
  return null;
}

const HEIC_HELP =
  "This browser cannot open HEIC photos (the iPhone's default format). Open the photo in Safari, " +
  "or get a JPEG: on the iPhone choose Settings › Camera › Formats › Most Compatible, or share the " +
  "photo to Files or by mail with the size set to Actual Size/JPEG, then choose that copy.";

/** @param {File} file */
function looksLikeHeicName(file) {
  return /\.(heic|heif)$/i.test(file.name || "") || /image\/hei[cf]/i.test(file.type || "");
}

/**
 * The size that fits in maxSide (never larger than the original), and the scale to it.
 * @param {number} width
 * @param {number} height
 * @param {number} maxSide
 */
export function fit(width, height, maxSide) {
  const scale = Math.min(1, maxSide / Math.max(width, height));
  return {
    resizeWidth: Math.max(1, Math.round(width * scale)),
    resizeHeight: Math.max(1, Math.round(height * scale)),
    scale,
  };
}

/**
 * @param {ImageBitmap | HTMLImageElement} source
 * @param {number} width its natural size
 * @param {number} height
 * @param {number} maxSide
 * @returns {Promise<ImageBitmap | HTMLCanvasElement>}
 */
async function shrink(source, width, height, maxSide) {
  const { resizeWidth, resizeHeight, scale } = fit(width, height, maxSide);
  if (scale === 1 && source instanceof ImageBitmap) return source;
  try {
    return await createImageBitmap(source, { resizeWidth, resizeHeight, resizeQuality: "medium" });
  } catch {
    // Browsers without resize options: draw it smaller on a canvas.
    const canvas = document.createElement("canvas");
    canvas.width = resizeWidth;
    canvas.height = resizeHeight;
    canvas.getContext("2d")?.drawImage(source, 0, 0, resizeWidth, resizeHeight);
    return canvas;
  }
}

// The <img> path: for browsers whose createImageBitmap lacks options or runs out of memory on a
// very large photo (the <img> decoder can downsample while drawing). <img> applies EXIF
// orientation (CSS image-orientation: from-image), and its natural size is the oriented size.
/**
 * @param {File} file
 * @param {number} maxSide
 * @returns {Promise<DecodedPhoto>}
 */
async function decodeWithImg(file, maxSide) {
  const url = URL.createObjectURL(file);
  try {
    const img = new Image();
    img.decoding = "async";
    img.src = url;
    await img.decode();
    const width = img.naturalWidth;
    const height = img.naturalHeight;
    return { width, height, bitmap: await shrink(img, width, height, maxSide) };
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** @param {File | null | undefined} file */
async function checkFile(file) {
  if (!file) throw new PhotoError("No file was chosen.");
  if (file.size === 0)
    throw new PhotoError("This file is empty (0 bytes). Choose the photo again.");
  const kind = await sniff(file);
  if (!kind) {
    if (looksLikeHeicName(file)) throw new PhotoError(HEIC_HELP);
    throw new PhotoError(
      `“${file.name || "This file"}” is not a photo: it contains no image data. Choose a JPEG, PNG or WebP picture.`,
    );
  }
  return kind;
}

/**
 * Decode ``file`` with its EXIF orientation applied: {width, height} are the photo's oriented
 * natural size (the landmarks' coordinates), ``bitmap`` a copy at most ``maxSide`` pixels long.
 * Throws PhotoError with a sentence for the user.
 * @param {File} file
 * @param {number} maxSide
 * @returns {Promise<DecodedPhoto>}
 */
export async function decodePhoto(file, maxSide) {
  const kind = await checkFile(file);
  try {
    const full = await createImageBitmap(file, { imageOrientation: "from-image" });
    const { width, height } = full;
    const bitmap = await shrink(full, width, height, maxSide);
    if (bitmap !== full) full.close();
    return { width, height, bitmap };
  } catch {
    try {
      return await decodeWithImg(file, maxSide);
    } catch {
      if (kind === "heic") throw new PhotoError(HEIC_HELP);
      if (kind === "avif") {
        throw new PhotoError(
          "This browser cannot open AVIF photos. Save the photo as a JPEG and choose that.",
        );
      }
      throw new PhotoError(
        "The photo could not be opened: the file seems damaged or incomplete. Try another copy of it.",
      );
    }
  }
}

/**
 * Open a photo for the checker: {width, height} in oriented natural pixels and a display copy.
 * @param {File} file
 * @returns {Promise<OpenedPhoto>}
 */
export async function openPhoto(file) {
  const { width, height, bitmap } = await decodePhoto(file, DISPLAY_MAX_SIDE);
  return { width, height, display: bitmap };
}
