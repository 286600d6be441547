// Photo-angle checker. The photo is opened on the device (checker/photo.js) and shown in a canvas
// under an SVG whose viewBox is the photo's natural size; points live in photo pixels.
// Honest by construction: a new photo has no points and no numbers. Points come from the user's
// taps (checker/landmarks.js) or from the on-device pose detector (checker/auto-detect.js), each
// with its provenance (checker/points.js); Python (hipthrust.web_checker) decides which metrics
// the placed points allow, the verdicts, the view warning and the overlay. This file wires the
// parts together and shows Python's answers. Nothing is sent anywhere.

import { callPython } from "../python/client.js";
import { mountPythonStatus } from "../python/status.js";
import { AutoDetect } from "../checker/auto-detect.js";
import { SelfTimer, cameraMessage, frameToFile } from "../checker/camera.js";
import { annotatedPng, canShareFiles, savePng } from "../checker/export.js";
import { LandmarkLayer } from "../checker/landmarks.js";
import { PhotoError, openPhoto } from "../checker/photo.js";
import { listenForPhotos } from "../checker/photo-input.js";
import { PointSet, testId } from "../checker/points.js";
import { checkItem, metricItem, signed, waitingItem } from "../checker/results.js";

const SVG_NS = "http://www.w3.org/2000/svg";
const FLOOR = ["floor_a", "floor_b"];

export function mount(root) {
  const detachStatus = mountPythonStatus(root);
  // The markup is in the page (docs/tools/angle-checker.md), so its space is laid out before
  // this module loads; a copy restores it on unmount, so a new mount starts from a clean page.
  const ui = root.querySelector(".checker");
  if (!ui) throw new Error("The angle checker's markup is missing from the page");
  const pristine = ui.cloneNode(true);
  const $ = (selector) => ui.querySelector(selector);
  const el = {
    input: $('[data-testid="photo-input"]'),
    error: $('[data-testid="checker-error"]'),
    work: $(".checker-work"),
    stage: $(".checker-stage"),
    canvas: $(".checker-photo"),
    svg: $(".checker-svg"),
    prompt: $('[data-testid="checker-place-prompt"]'),
    viewWarning: $('[data-testid="checker-view-warning"]'),
    checks: $('[data-testid="checker-checks"]'),
    metrics: $(".checker-metrics"),
    waiting: $(".checker-waiting-list"),
    message: $(".checker-message"),
    facing: $(".checker-facing"),
    live: $(".checker-live"),
    undo: $('[data-action="undo"]'),
    restart: $('[data-action="restart"]'),
    share: $('[data-action="share"]'),
  };
  const overlay = document.createElementNS(SVG_NS, "g");
  overlay.setAttribute("class", "checker-overlay-layer");
  el.svg.append(overlay);
  el.share.hidden = !canShareFiles();

  const state = {
    alive: true,
    mode: "side",
    leg: "right",
    options: { foot: false, freeLeg: false, floor: false },
    photo: null, // {id, file, width, height, display}
    photoId: 0,
    setup: null, // checker_setup: order, optional, prompts, labels
    detected: null, // {photoId, keypoints} from the pose detector
    busy: false,
    pending: false,
    lastResult: null,
  };
  const points = new PointSet();

  const layer = new LandmarkLayer(el.svg, el.stage, {
    onCommitStart: () => remember(),
    onMove: (name) => {
      const [x, y] = layer.positions()[name] ?? [];
      if (x === undefined) return;
      if (points.moved(pointMode(name), name, x, y)) {
        renderPoints();
        scheduleMeasure();
      }
    },
    onPlace: (x, y) => placeNext(x, y),
  });

  const autoDetect = new AutoDetect(
    {
      button: $('[data-testid="auto-detect"]'),
      status: $('[data-testid="checker-auto-status"]'),
      progress: $(".checker-auto-progress"),
      setting: $('[data-testid="auto-detect-setting"]'),
    },
    {
      onKeypoints: (keypoints, photoId, { automatic }) =>
        applyKeypoints(keypoints, photoId, automatic),
    },
  );

  const camera = new SelfTimer($('[data-testid="camera-panel"]'), {
    onFrames: (frames) => pickFrame(frames),
    onError: (text) => showError(text),
  });

  const cleanups = [];
  const on = (target, type, handler) => {
    target.addEventListener(type, handler);
    cleanups.push(() => target.removeEventListener(type, handler));
  };

  function showError(text) {
    el.error.textContent = text ?? "";
    el.error.hidden = !text;
  }

  // ------------------------------------------------------------------ points and prompts

  /** Floor points are shared by the side view; every other name belongs to the current mode. */
  function pointMode(name) {
    return FLOOR.includes(name) ? "side" : state.mode;
  }

  /** The points of the current view, in the order they are asked for. */
  function activeNames() {
    const setup = state.setup;
    if (!setup) return [];
    const names = [...setup.order[state.mode]];
    if (state.mode === "side") {
      for (const option of ["foot", "freeLeg", "floor"]) {
        if (state.options[option]) names.push(...setup.optional[option]);
      }
    }
    return names;
  }

  function nextName() {
    return activeNames().find((name) => !points.has(pointMode(name), name)) ?? null;
  }

  function label(name) {
    return state.setup?.labels[name] ?? name;
  }

  function remember() {
    points.remember();
    el.undo.disabled = false;
  }

  function placeNext(x, y) {
    const name = nextName();
    if (!name || !state.photo) return;
    remember();
    points.place(pointMode(name), name, x, y);
    renderPoints();
    scheduleMeasure();
  }

  function renderPoints() {
    const list = [];
    for (const name of activeNames()) {
      const point = points.of(pointMode(name))[name];
      if (!point) continue;
      const floor = FLOOR.includes(name);
      const kind = floor
        ? "floor"
        : state.setup.order[state.mode].includes(name)
          ? "body"
          : "extra";
      list.push({
        name,
        label: label(name),
        short: floor ? "Floor" : undefined,
        kind,
        ...point,
        testid: testId(floor ? "side" : state.mode, name),
      });
    }
    layer.set(list);
    const next = nextName();
    layer.setPlacing(next ? { name: next, label: label(next) } : null);
    el.prompt.hidden = !next;
    if (next) {
      el.prompt.dataset.point = next;
      const names = activeNames();
      el.prompt.textContent = `${state.setup.prompts[next]} (point ${names.indexOf(next) + 1} of ${names.length}; Enter places it in the middle for the arrow keys).`;
    } else {
      delete el.prompt.dataset.point;
    }
    const checks = points.checks(state.mode).filter(({ name }) => activeNames().includes(name));
    el.checks.replaceChildren(
      ...checks.map(({ name, reason }) => checkItem({ name, label: label(name), reason })),
    );
    el.checks.hidden = checks.length === 0;
    el.undo.disabled = !points.canUndo;
    el.restart.disabled = Object.keys(points.of(state.mode)).length === 0;
  }

  // ------------------------------------------------------------------ measuring

  function renderOverlay(markup) {
    if (!markup) {
      overlay.replaceChildren();
      return;
    }
    const doc = new DOMParser().parseFromString(
      `<svg xmlns="${SVG_NS}">${markup}</svg>`,
      "image/svg+xml",
    );
    const group = doc.documentElement.firstElementChild;
    overlay.replaceChildren(group ? document.importNode(group, true) : "");
  }

  function clearResults() {
    state.lastResult = null;
    el.metrics.replaceChildren();
    el.waiting.replaceChildren();
    el.facing.textContent = "";
    el.message.hidden = true;
    el.viewWarning.hidden = true;
    el.viewWarning.textContent = "";
    renderOverlay("");
  }

  function renderResult(result) {
    state.lastResult = result;
    if (!result.ok) {
      clearResults();
      state.lastResult = result;
      el.message.textContent = result.message;
      el.message.hidden = false;
      return;
    }
    el.message.hidden = true;
    el.metrics.replaceChildren(...result.metrics.map(metricItem));
    el.waiting.replaceChildren(...result.waiting.map(waitingItem));
    const view = result.view;
    el.viewWarning.hidden = !view || view.usable || !view.message;
    el.viewWarning.textContent = view && !view.usable ? (view.message ?? "") : "";
    if (view) el.viewWarning.dataset.code = view.code;
    if (state.mode === "side") {
      el.facing.textContent = result.facing
        ? `Feet towards the ${result.facing} of the photo (from the points).${result.knee_angle == null ? "" : ` Knee bent ${result.knee_angle}°.`}`
        : "";
    } else {
      el.facing.textContent = `Working leg: ${state.leg}.`;
    }
    renderOverlay(result.overlay);
  }

  function announce() {
    const result = state.lastResult;
    if (!result) return;
    el.live.textContent = result.ok
      ? result.metrics.map((m) => `${m.label} ${signed(m.value)}, ${m.verdict}`).join(". ")
      : result.message;
  }

  async function measureOnce() {
    const { width, height, id } = state.photo;
    const started = performance.now();
    const detected = state.detected?.photoId === id ? state.detected.keypoints : null;
    let result;
    if (state.mode === "side") {
      const names = activeNames().filter((name) => !FLOOR.includes(name));
      const floor =
        state.options.floor && FLOOR.every((n) => points.has("side", n))
          ? FLOOR.map((n) => [points.of("side")[n].x, points.of("side")[n].y])
          : null;
      result = await callPython("checker_side", {
        landmarks: points.coordinates("side", names),
        width,
        height,
        floor,
        detected,
      });
    } else {
      result = await callPython("checker_front", {
        landmarks: points.coordinates("front", activeNames()),
        width,
        height,
        leg: state.leg,
      });
    }
    if (!state.alive || state.photo?.id !== id) return;
    renderResult(result);
    performance.measure("checker-update", { start: started, end: performance.now() });
  }

  // One call in flight at a time; changes during a call collapse into one follow-up call, so
  // dragging never queues up stale work.
  async function scheduleMeasure() {
    if (!state.photo || !state.setup) return;
    if (state.busy) {
      state.pending = true;
      return;
    }
    state.busy = true;
    try {
      do {
        state.pending = false;
        await measureOnce();
      } while (state.pending && state.alive);
    } catch (error) {
      el.message.textContent = `The measurement failed: ${error?.message ?? error}`;
      el.message.hidden = false;
    } finally {
      state.busy = false;
    }
    clearTimeout(state.announceTimer);
    state.announceTimer = setTimeout(announce, 600);
  }

  // ------------------------------------------------------------------ the pose detector

  /** The detector's keypoints -> points of the current view (Python chooses side, leg, checks). */
  async function applyKeypoints(keypoints, photoId, automatic) {
    if (!state.alive || state.photo?.id !== photoId) return null;
    state.detected = { photoId, keypoints };
    const outcome = await detectFor(state.mode, automatic);
    return outcome;
  }

  async function detectFor(mode, automatic) {
    const { id, width, height } = state.photo;
    const result = await callPython("checker_detect", {
      keypoints: state.detected.keypoints,
      width,
      height,
      mode,
    });
    if (!state.alive || state.photo?.id !== id || state.mode !== mode) return null;
    if (!result.ok) return { found: false, message: result.message };
    if (!result.found) {
      await scheduleMeasure(); // the view judgement ("no person") still shows
      return { found: false, message: result.message };
    }
    remember();
    points.detected(mode, result.points, result.checks ?? {}, { keepUser: automatic });
    if (mode === "front" && result.working_leg) {
      state.leg = result.working_leg;
      const radio = ui.querySelector(`input[name="checker-leg"][value="${state.leg}"]`);
      if (radio) radio.checked = true;
    }
    if (mode === "side" && result.points.free_knee && !state.options.freeLeg) {
      // The detector saw a raised free leg: show its check too (the user can untick it).
      state.options.freeLeg = true;
      ui.querySelector('[data-option="freeLeg"]').checked = true;
    }
    renderPoints();
    await scheduleMeasure();
    const checks = Object.keys(result.checks ?? {}).map(label);
    return {
      found: true,
      message: `Points placed by the detector${result.near_side ? ` (${result.near_side} side, nearer the camera)` : ""}. Check ${checks.length ? checks.join(", ") : "them"}: drag a point to move it, or tap “Looks right”.`,
    };
  }

  // ------------------------------------------------------------------ photos in

  async function choose(file) {
    if (!file) return;
    // A new photo: every point, number and detector state of the last one goes at once.
    state.photoId += 1;
    const id = state.photoId;
    performance.clearMarks("checker-photo-chosen");
    performance.mark("checker-photo-chosen");
    showError(null);
    points.clear();
    state.detected = null;
    autoDetect.reset();
    clearResults();
    layer.set([]);
    layer.setPlacing(null);
    el.prompt.hidden = true;
    el.checks.hidden = true;
    root.dataset.photo = "loading";
    let photo;
    try {
      photo = await openPhoto(file);
    } catch (error) {
      if (id !== state.photoId) return;
      root.dataset.photo = "none";
      el.work.hidden = true;
      state.photo?.display.close?.();
      state.photo = null;
      showError(
        error instanceof PhotoError
          ? error.message
          : "The photo could not be opened in this browser.",
      );
      return;
    }
    if (!state.alive || id !== state.photoId) {
      photo.display.close?.();
      return;
    }
    state.photo?.display.close?.();
    state.photo = { id, file, ...photo };
    const { width, height, display } = photo;
    el.canvas.width = display.width;
    el.canvas.height = display.height;
    el.canvas.getContext("2d").drawImage(display, 0, 0);
    el.svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
    el.stage.style.aspectRatio = `${width} / ${height}`;
    el.stage.style.setProperty("--checker-ratio", String(width / height));
    el.stage.dataset.width = String(width);
    el.stage.dataset.height = String(height);
    el.work.hidden = false;
    el.stage.scrollIntoView({ block: "nearest" });
    layer.setSource(display, width);
    let setup;
    try {
      setup = state.setup ?? (await callPython("checker_setup", { width, height }));
    } catch {
      // Python failed to start: its panel above says why and offers Retry; the photo stays.
      showError(
        "The photo is open, but the measuring tool did not start. Use Retry above, then choose the photo again.",
      );
      root.dataset.photo = "error";
      return;
    }
    if (!state.alive || id !== state.photoId) return;
    if (!setup.ok) {
      showError(setup.message);
      root.dataset.photo = "error";
      return;
    }
    state.setup = setup;
    renderPoints();
    await scheduleMeasure();
    await new Promise((resolve) => requestAnimationFrame(resolve));
    performance.measure("checker-photo-ready", "checker-photo-chosen");
    root.dataset.photo = "ready";
    autoDetect.maybeRunByItself(state.photo);
  }

  /** The self-timer's burst: keep the frame with the highest hips, or let the user pick. */
  async function pickFrame(frames) {
    const use = async (index) => {
      const file = await frameToFile(frames[index]);
      for (const frame of frames) frame.close?.();
      camera.close();
      await choose(file);
    };
    let detector = null;
    try {
      detector = await import("../checker/detector.js"); // already loaded by auto-detect.js
      if (!autoDetect.loaded && !(await detector.isDetectorCached())) detector = null;
      if (detector && !autoDetect.loaded) {
        camera.say("Loading the pose model…");
        await detector.loadDetector();
        autoDetect.loaded = true;
      }
    } catch {
      detector = null;
    }
    if (!detector) {
      camera.showThumbnails(frames, (index) =>
        use(index).catch((error) => showError(String(error?.message ?? error))),
      );
      return;
    }
    const keypoints = [];
    for (const [index, frame] of frames.entries()) {
      camera.say(`Finding the frame with the highest hips (${index + 1} of ${frames.length})…`);
      try {
        keypoints.push(
          (await detector.detectPose(frame, { width: frame.width, height: frame.height }))
            .keypoints,
        );
      } catch {
        keypoints.push([]);
      }
      if (!camera.isOpen) return; // closed meanwhile
    }
    const { width, height } = frames[0];
    const best = await callPython("checker_best_frame", { frames: keypoints, width, height });
    camera.panel.dataset.hipY = JSON.stringify(best.hip_y ?? []);
    camera.panel.dataset.best = String(best.index ?? "");
    if (!best.ok || best.index == null) {
      camera.showThumbnails(frames, (index) =>
        use(index).catch((error) => showError(String(error?.message ?? error))),
      );
      camera.say("No frame showed a person clearly: tap the frame where your hips are highest.");
      return;
    }
    await use(best.index);
  }

  // ------------------------------------------------------------------ events

  cleanups.push(
    listenForPhotos({ input: el.input, dropZone: root, onFile: choose, onError: showError }),
  );
  // The page's markup keeps them disabled until now: a photo chosen earlier would go unheard.
  el.input.disabled = false;
  $('[data-testid="camera-open"]').disabled = false;

  on(ui, "change", (event) => {
    const target = event.target;
    if (target.name === "checker-mode") {
      state.mode = target.value;
      for (const fieldset of ui.querySelectorAll(".checker-options"))
        fieldset.hidden = fieldset.dataset.mode !== state.mode;
      // Detected keypoints serve both views: the other view gets its points from them too.
      if (
        state.photo &&
        state.detected?.photoId === state.photo.id &&
        Object.keys(points.of(state.mode)).length === 0
      ) {
        detectFor(state.mode, true).catch(() => {});
      }
    } else if (target.name === "checker-leg") {
      state.leg = target.value;
    } else if (target.dataset.option) {
      state.options[target.dataset.option] = target.checked;
    } else {
      return;
    }
    if (!state.setup || !state.photo) return;
    if (target.name === "checker-mode") clearResults();
    renderPoints();
    scheduleMeasure();
  });

  on(ui, "click", (event) => {
    const button = event.target.closest?.("[data-action]");
    const action = button?.dataset.action;
    if (!action || !state.photo) return;
    if (action === "detect") {
      autoDetect.detect(state.photo);
    } else if (action === "confirm") {
      remember();
      points.confirm(state.mode, button.dataset.point);
      renderPoints();
      el.svg.focus({ preventScroll: true });
    } else if (action === "undo") {
      undo();
    } else if (action === "restart") {
      remember();
      points.startAgain(state.mode);
      if (state.mode === "side") for (const name of FLOOR) delete points.of("side")[name];
      clearResults();
      renderPoints();
      scheduleMeasure();
    } else if (action === "save" || action === "share") {
      save(action === "share").catch((error) => {
        if (error?.name !== "AbortError")
          showError(`Could not save the picture: ${error?.message ?? error}`);
      });
    }
  });

  on($('[data-testid="camera-open"]'), "click", () => {
    showError(null);
    camera.open().catch((error) => {
      camera.close();
      showError(cameraMessage(error));
    });
  });

  on(ui, "keydown", (event) => {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "z" && points.canUndo) {
      event.preventDefault();
      undo();
    }
  });

  function undo() {
    if (!points.undo()) return;
    renderPoints();
    scheduleMeasure();
  }

  async function save(share) {
    const { file, width, height } = state.photo;
    const blob = await annotatedPng(file, width, height, [overlay]);
    const base = (file.name || "photo").replace(/\.[^.]+$/, "");
    await savePng(blob, `${base}-angles.png`, { share });
  }

  root.dataset.photo = "none";
  return () => {
    state.alive = false;
    clearTimeout(state.announceTimer);
    for (const cleanup of cleanups) cleanup();
    layer.destroy();
    autoDetect.destroy();
    camera.destroy();
    state.photo?.display.close?.();
    ui.replaceWith(pristine);
    detachStatus();
  };
}
