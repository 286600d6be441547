// Photo-angle checker. The photo is opened on the device and shown in a canvas under an SVG whose
// viewBox is the photo's natural size; points live in photo pixels. Honest by construction: a new
// photo has no points and no numbers. Points come from the user's taps or from the on-device pose
// detector, each with its provenance; Python (hipthrust.web_checker) decides which metrics the
// placed points allow, the verdicts, the view warning and the overlay. Nothing is sent anywhere.
// This file only wires the parts:
//   checker/state.js         the state and its transitions (view, leg, options, photo, points)
//   checker/python-calls.js  the calls into Python;  checker/measure.js  one measurement at a time
//   checker/render.js        state → DOM;  checker/controls.js  DOM events → transitions
//   checker/choose-photo.js  a photo in;  checker/detect.js  the detector's keypoints → points
//   checker/best-frame.js    the self-timer's burst → one photo
//   checker/step-choice.js   the step in the photo (?step=);  checker/keyboard-help.js  who types
// New controls go in checker/controls.js; new pieces of the page in checker/render.js.

import { find } from "../dom.js";
import { mountPythonStatus } from "../python/status.js";
import { AutoDetect } from "../checker/auto-detect.js";
import { SelfTimer } from "../checker/camera.js";
import { choosePhoto } from "../checker/choose-photo.js";
import { listenToControls, pointGestures } from "../checker/controls.js";
import { applyKeypoints } from "../checker/detect.js";
import { canShareFiles } from "../checker/export.js";
import { Measurer } from "../checker/measure.js";
import { pickFrame } from "../checker/best-frame.js";
import { CheckerView } from "../checker/render.js";
import { CheckerState } from "../checker/state.js";
import { KeyboardHelp } from "../checker/keyboard-help.js";
import { initialStep } from "../checker/step-choice.js";

/** @typedef {import("../checker/types.js").Checker} Checker */

/**
 * @param {HTMLElement} root
 * @returns {() => void} unmount
 */
export function mount(root) {
  const detachStatus = mountPythonStatus(root);
  // The markup is in the page (docs/tools/angle-checker.md), so its space is laid out before
  // this module loads; a copy restores it on unmount, so a new mount starts from a clean page.
  const ui = root.querySelector(".checker");
  if (!(ui instanceof HTMLElement))
    throw new Error("The angle checker's markup is missing from the page");
  const pristine = ui.cloneNode(true);
  const checker = assemble(root, ui);
  const detachControls = listenToControls(checker, ui);
  root.dataset.photo = "none";
  return () => {
    checker.state.end();
    checker.measurer.stop();
    detachControls();
    checker.view.layer.destroy();
    checker.autoDetect.destroy();
    checker.camera.destroy();
    checker.keyboard.destroy();
    ui.replaceWith(pristine);
    detachStatus();
  };
}

/**
 * Make the state and the parts that act on it.
 * @param {HTMLElement} root
 * @param {HTMLElement} ui
 * @returns {Checker}
 */
function assemble(root, ui) {
  const state = new CheckerState();
  // A first key press turns keyboard help on: the prompt is written again.
  const keyboard = new KeyboardHelp(() => state.setup && view.renderPoints(state));
  const view = new CheckerView(
    ui,
    pointGestures(() => checker),
    keyboard,
  );
  state.setStep(initialStep(view.stepSelect));
  find(ui, '[data-action="share"]', HTMLElement).hidden = !canShareFiles();
  /** @type {Checker} */
  const checker = {
    root,
    state,
    view,
    measurer: new Measurer(state, view),
    keyboard,
    autoDetect: new AutoDetect(
      {
        button: find(ui, '[data-testid="auto-detect"]', HTMLButtonElement),
        status: find(ui, '[data-testid="checker-auto-status"]', HTMLElement),
        progress: find(ui, ".checker-auto-progress", HTMLProgressElement),
        setting: find(ui, '[data-testid="auto-detect-setting"]', HTMLInputElement),
      },
      {
        onKeypoints: (
          /** @type {import("../checker/types.js").Keypoints} */ keypoints,
          /** @type {number} */ photoId,
          /** @type {{ automatic: boolean }} */ { automatic },
        ) => applyKeypoints(checker, keypoints, photoId, automatic),
      },
    ),
    camera: new SelfTimer(find(ui, '[data-testid="camera-panel"]', HTMLElement), {
      onFrames: (/** @type {ImageBitmap[]} */ frames) => pickFrame(checker, frames),
      onError: (/** @type {string} */ text) => view.showError(text),
    }),
    choose: (file) => choosePhoto(checker, file),
  };
  return checker;
}
