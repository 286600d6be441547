// The checker's controls: DOM events → state transitions, then the page is drawn again and the
// points measured. The photo input and drop zone, the step/view/leg/option choices, the buttons
// (data-action: detect, confirm, undo, restart, save, share, accept-step), the camera button, Ctrl/Cmd+Z,
// and the gestures on the photo (tap to place, drag or arrow keys to move: checker/landmarks.js).
// A new button is one more entry in BUTTONS; a new choice, one more branch in `choiceChanged`.

import { find } from "../dom.js";
import { cameraMessage } from "./camera.js";
import { detectFor } from "./detect.js";
import { annotatedPng, savePng } from "./export.js";
import { errorText } from "./measure.js";
import { listenForPhotos } from "./photo-input.js";
import { showStep } from "./step-choice.js";

/** @typedef {import("./types.js").Checker} Checker */
/** @typedef {import("./types.js").Leg} Leg */
/** @typedef {import("./types.js").Mode} Mode */
/** @typedef {import("./types.js").OptionName} OptionName */
/** @typedef {import("./types.js").XY} XY */

/**
 * Take an undo step before a change (a tap, a drag, a confirmation).
 * @param {Checker} checker
 */
export function remember({ state, view }) {
  state.points.remember();
  view.undoable();
}

/**
 * The gestures on the photo, for checker/landmarks.js.
 * @param {() => Checker} checker the mounted checker (read when a gesture happens)
 */
export function pointGestures(checker) {
  return {
    onCommitStart: () => remember(checker()),
    /** @param {string} name */
    onMove: (name) => {
      const { state, view, measurer } = checker();
      const positions = /** @type {Record<string, XY | undefined>} */ (view.layer.positions());
      const [x, y] = positions[name] ?? [];
      if (x === undefined || y === undefined) return;
      if (state.points.moved(state.pointMode(name), name, x, y)) {
        view.renderPoints(state);
        void measurer.schedule();
      }
    },
    /**
     * A tap places the point asked for.
     * @param {number} x
     * @param {number} y
     */
    onPlace: (x, y) => {
      const current = checker();
      const { state, view, measurer } = current;
      const name = state.nextName();
      if (!name || !state.photo) return;
      remember(current);
      state.points.place(state.pointMode(name), name, x, y);
      view.renderPoints(state);
      void measurer.schedule();
    },
  };
}

/** @type {Record<string, (checker: Checker, button: HTMLElement) => void>} */
const BUTTONS = {
  detect: ({ state, autoDetect }) => {
    if (state.photo) void autoDetect.detect(state.photo);
  },
  confirm: (checker, button) => {
    const { state, view } = checker;
    remember(checker);
    state.points.confirm(state.mode, button.dataset.point ?? "");
    view.renderPoints(state);
    view.svg.focus({ preventScroll: true });
  },
  undo: (checker) => undo(checker),
  restart: ({ state, view, measurer }) => {
    state.startAgain();
    view.undoable();
    view.clearResults();
    view.renderPoints(state);
    void measurer.schedule();
  },
  save: (checker) => saveOrShare(checker, false),
  share: (checker) => saveOrShare(checker, true),
  // Python's suggested step, taken only when the user taps its button (issue 18).
  "accept-step": (checker, button) => {
    const box = button.closest("[data-step]");
    if (box instanceof HTMLElement && box.dataset.step) chooseStep(checker, box.dataset.step);
  },
};

/**
 * The step in the photo changed (the list, or an accepted suggestion): measure it as that step.
 * @param {Checker} checker
 * @param {string} key
 */
function chooseStep(checker, key) {
  const { state, view, measurer } = checker;
  if (!showStep(view.stepSelect, key)) return;
  const stanceChanged = state.staggered(key) !== state.staggered(state.step);
  state.setStep(key);
  view.renderSuggestion(null, key);
  if (!state.setup || !state.photo) return;
  // Into or out of a B-stance the working leg is told another way (its flat back foot): the
  // detector's points are placed again for the step; points the user placed stay.
  if (stanceChanged && state.mode === "side" && state.detected?.photoId === state.photo.id) {
    detectFor(checker, "side", true).catch(() => {
      // The points stay as they were; the step is still measured (a failure shows there).
      view.renderPoints(state);
      void measurer.schedule();
    });
    return;
  }
  view.renderPoints(state);
  void measurer.schedule();
}

/** @param {Checker} checker */
function undo({ state, view, measurer }) {
  if (!state.points.undo()) return;
  view.renderPoints(state);
  void measurer.schedule();
}

/**
 * The photo with Python's overlay drawn in, as a PNG to save or share.
 * @param {Checker} checker
 * @param {boolean} share
 */
function saveOrShare({ state, view }, share) {
  const photo = state.photo;
  if (!photo) return;
  const save = async () => {
    const { file, width, height } = photo;
    const blob = await annotatedPng(file, width, height, [view.overlay]);
    const base = (file.name || "photo").replace(/\.[^.]+$/, "");
    await savePng(blob, `${base}-angles.png`, { share });
  };
  save().catch((error) => {
    if (error?.name !== "AbortError")
      view.showError(`Could not save the picture: ${errorText(error)}`);
  });
}

/**
 * The view, the working leg or an optional point changed.
 * @param {Checker} checker
 * @param {HTMLInputElement} target
 */
function choiceChanged(checker, target) {
  const { state, view, measurer } = checker;
  if (target.name === "checker-mode") {
    state.setMode(/** @type {Mode} */ (target.value));
    view.showModeOptions(state.mode);
    // Detected keypoints serve both views: the other view gets its points from them too.
    if (state.canDetectView()) detectFor(checker, state.mode, true).catch(() => {});
  } else if (target.name === "checker-leg") {
    state.setLeg(/** @type {Leg} */ (target.value));
  } else if (target.dataset.option) {
    state.setOption(/** @type {OptionName} */ (target.dataset.option), target.checked);
  } else {
    return;
  }
  if (!state.setup || !state.photo) return;
  if (target.name === "checker-mode") {
    state.clearResult();
    view.clearResults();
  }
  view.renderPoints(state);
  void measurer.schedule();
}

/**
 * Listen to every control of the checker.
 * @param {Checker} checker
 * @param {HTMLElement} ui the checker's markup
 * @returns {() => void} detaches them all
 */
export function listenToControls(checker, ui) {
  const { root, state, view, camera } = checker;
  /** @type {(() => void)[]} */
  const cleanups = [];
  /**
   * @template {Event} E
   * @param {EventTarget} target
   * @param {string} type
   * @param {(event: E) => void} handler
   */
  const on = (target, type, handler) => {
    const listener = /** @type {EventListener} */ (handler);
    target.addEventListener(type, listener);
    cleanups.push(() => target.removeEventListener(type, listener));
  };
  const input = find(ui, '[data-testid="photo-input"]', HTMLInputElement);
  const cameraButton = find(ui, '[data-testid="camera-open"]', HTMLButtonElement);
  const onError = (/** @type {string} */ text) => view.showError(text);
  cleanups.push(listenForPhotos({ input, dropZone: root, onFile: checker.choose, onError }));
  // The page's markup keeps them disabled until now: a photo chosen earlier would go unheard.
  input.disabled = false;
  cameraButton.disabled = false;

  on(ui, "change", (event) => {
    if (event.target instanceof HTMLInputElement) choiceChanged(checker, event.target);
    if (event.target === view.stepSelect) chooseStep(checker, view.stepSelect.value);
  });
  on(ui, "click", (event) => {
    const target = event.target;
    const button = target instanceof Element ? target.closest("[data-action]") : null;
    if (!(button instanceof HTMLElement) || !state.photo) return;
    const action = button.dataset.action ?? "";
    if (Object.hasOwn(BUTTONS, action)) BUTTONS[action](checker, button);
  });
  on(cameraButton, "click", () => {
    view.showError(null);
    camera.open().catch((/** @type {unknown} */ error) => {
      camera.close();
      view.showError(cameraMessage(error));
    });
  });
  on(ui, "keydown", (/** @type {KeyboardEvent} */ event) => {
    const undoKey = (event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "z";
    if (undoKey && state.points.canUndo) {
      event.preventDefault();
      undo(checker);
    }
  });
  return () => {
    for (const cleanup of cleanups) cleanup();
  };
}
