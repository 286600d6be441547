// A photo comes in (file picker, drop, or the self-timer's frame): the last photo's points,
// numbers and detector state go at once; the new one is decoded on the device (checker/photo.js),
// shown, and Python's setup says which points to ask for. Then the detector may run by itself.
// The tool's data-photo follows: loading → ready (or none / error). A newer photo wins: every
// await checks that this photo is still the one being opened.

import { PhotoError, openPhoto } from "./photo.js";
import { checkerSetup } from "./python-calls.js";
import { closeDisplay } from "./state.js";

/** @typedef {import("./types.js").Checker} Checker */
/** @typedef {import("./types.js").Photo} Photo */

/**
 * @param {Checker} checker
 * @param {File | null | undefined} file
 */
export async function choosePhoto(checker, file) {
  if (!file) return;
  const { root, state, view, autoDetect } = checker;
  const id = state.newPhoto();
  performance.clearMarks("checker-photo-chosen");
  performance.mark("checker-photo-chosen");
  view.showError(null);
  autoDetect.reset();
  view.clearResults();
  view.clearPoints();
  root.dataset.photo = "loading";
  let photo;
  try {
    photo = await openPhoto(file);
  } catch (error) {
    if (id !== state.photoId) return;
    root.dataset.photo = "none";
    view.work.hidden = true;
    state.photoFailed();
    view.showError(
      error instanceof PhotoError
        ? error.message
        : "The photo could not be opened in this browser.",
    );
    return;
  }
  if (!state.alive || id !== state.photoId) {
    closeDisplay(photo.display);
    return;
  }
  const opened = { id, file, ...photo };
  state.photoOpened(opened);
  view.showPhoto(opened);
  await measureFirst(checker, opened);
}

/**
 * The photo is shown: get the setup (once), ask for the first point and measure.
 * @param {Checker} checker
 * @param {Photo} photo
 */
async function measureFirst({ root, state, view, measurer, autoDetect }, { id, width, height }) {
  let setup;
  try {
    setup = state.setup ?? (await checkerSetup(width, height));
  } catch {
    // Python failed to start: its panel above says why and offers Retry; the photo stays.
    view.showError(
      "The photo is open, but the measuring tool did not start. Use Retry above, then choose the photo again.",
    );
    root.dataset.photo = "error";
    return;
  }
  if (!state.alive || id !== state.photoId) return;
  if (!setup.ok) {
    view.showError(setup.message);
    root.dataset.photo = "error";
    return;
  }
  state.setupLoaded(setup);
  view.renderPoints(state);
  await measurer.schedule();
  await new Promise((resolve) => requestAnimationFrame(resolve));
  performance.measure("checker-photo-ready", "checker-photo-chosen");
  root.dataset.photo = "ready";
  if (state.photo) autoDetect.maybeRunByItself(state.photo);
}
