// Where a photo comes in: the file picker (which on a phone also offers the camera) and, on a
// computer, a photo dropped onto the tool. Calls onFile(file) and returns a function that
// detaches the listeners. The camera self-timer hands its frame to the same onFile.

import { messageOf } from "../errors.js";

/**
 * @param {object} parts
 * @param {HTMLInputElement} parts.input the file picker
 * @param {HTMLElement} parts.dropZone
 * @param {(file: File) => Promise<void> | void} parts.onFile
 * @param {(text: string) => void} parts.onError a sentence for the user
 * @returns {() => void} detaches the listeners
 */
export function listenForPhotos({ input, dropZone, onFile, onError }) {
  /** @type {(() => void)[]} */
  const cleanups = [];
  /**
   * @template {keyof HTMLElementEventMap} K
   * @param {HTMLElement} target
   * @param {K} type
   * @param {(event: HTMLElementEventMap[K]) => void} handler
   */
  const on = (target, type, handler) => {
    target.addEventListener(type, handler);
    cleanups.push(() => target.removeEventListener(type, handler));
  };
  /** @param {File} file */
  const open = (file) => {
    Promise.resolve()
      .then(() => onFile(file))
      .catch((error) => onError(`The photo could not be opened: ${messageOf(error)}`));
  };
  on(input, "change", () => {
    const file = input.files?.[0];
    input.value = ""; // choosing the same file again still fires "change"
    if (file) open(file);
  });
  on(dropZone, "dragover", (event) => {
    if (!event.dataTransfer?.types?.includes("Files")) return;
    event.preventDefault();
    dropZone.classList.add("is-dropping");
  });
  on(dropZone, "dragleave", () => dropZone.classList.remove("is-dropping"));
  on(dropZone, "drop", (event) => {
    if (!event.dataTransfer?.files?.length) return;
    event.preventDefault();
    dropZone.classList.remove("is-dropping");
    open(event.dataTransfer.files[0]);
  });
  return () => {
    for (const cleanup of cleanups) cleanup();
  };
}
