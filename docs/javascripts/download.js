// Saving a file the page made (a PNG, a CSV, the log's JSON) to the phone: one hidden link,
// clicked. Nothing is uploaded; the object URL lives long enough for the download to start.

/**
 * Offer `blob` as a download named `name`.
 * @param {Blob} blob
 * @param {string} name
 */
export function download(blob, name) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
