// Tempo timer page: the plan form, the run display and the controls. Python (hipthrust.web_timer)
// checks the plan and lays out every segment and cue; this file only reads the form, shows
// Python's messages, and hands the laid-out workout to a Run (timer/run.js), which reads the
// audio clock and moves pixels. The plan is remembered on the device and can travel in a link.

import { mountPythonStatus } from "../python/status.js";
import { callPython } from "../python/client.js";
import { prepareAudio, releasePreparedAudio } from "../timer/audio.js";
import { Run } from "../timer/run.js";
import { Voice, canVibrate } from "../timer/extras.js";
import { HandsFree } from "../timer/hands-free.js";
import { attachWeakerLeg } from "../timer/weaker-leg.js";

const PLAN_FIELDS = [
  "tempo",
  "reps",
  "sets",
  "legs",
  "first",
  "rest_legs",
  "rest_sets",
  "lead_in",
  "variant",
];
const PLAN_KEY = "hipthrust.timer.plan";
const CUES_KEY = "hipthrust.timer.cues";
const CHECK_DELAY_MS = 120;

function load(key) {
  try {
    return JSON.parse(localStorage.getItem(key) ?? "null");
  } catch {
    return null;
  }
}

function save(key, value) {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    /* private mode: nothing is remembered */
  }
}

function fieldsFromUrl() {
  const query = new URLSearchParams(location.search);
  const fields = {};
  for (const name of PLAN_FIELDS) if (query.has(name)) fields[name] = query.get(name);
  return Object.keys(fields).length ? fields : null;
}

function formatSeconds(seconds) {
  const whole = Math.max(0, Math.ceil(seconds - 1e-9));
  if (whole < 60) return String(whole);
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, "0")}`;
}

const LEG_NAMES = { right: "Right leg", left: "Left leg", both: "Both legs" };

export function mount(root) {
  const detachStatus = mountPythonStatus(root);
  const $ = (selector) => root.querySelector(selector);
  const form = $("[data-timer-form]");
  const ui = {
    phase: $('[data-testid="phase-label"]'),
    countdown: $("[data-timer-countdown]"),
    ring: $("[data-timer-ring]"),
    instruction: $("[data-timer-instruction]"),
    breath: $("[data-timer-breath]"),
    rep: $('[data-testid="rep-counter"]'),
    set: $('[data-testid="set-counter"]'),
    leg: $('[data-testid="leg-label"]'),
    next: $("[data-timer-next]"),
    overall: $("[data-timer-overall]"),
    figure: $("[data-timer-figure]"),
    announce: $("[data-timer-announce]"),
    start: $('[data-testid="start-button"]'),
    pause: $('[data-testid="pause-button"]'),
    skip: $('[data-testid="skip-button"]'),
    stop: $('[data-testid="stop-button"]'),
    limits: $('[data-testid="timer-limits"]'),
    summary: $("[data-timer-summary]"),
    preset: $('[data-testid="preset-select"]'),
    presetSummary: $("[data-timer-preset-summary]"),
    share: $('[data-testid="share-button"]'),
    shareStatus: $("[data-timer-share-status]"),
    runPanel: $("[data-timer-run]"),
  };
  const reducedMotion = matchMedia("(prefers-reduced-motion: reduce)");
  const idleVoice = new Voice(() => showLimits());

  let setup = null; // presets and figure from Python
  let data = null; // the checked plan laid out by Python, or null while invalid/unchecked
  let run = null;
  let checkSerial = 0;
  let checkTimer = 0;
  let shownIndex = null;
  let frameShown = -1;
  let alive = true;
  // Issue 20: lock screen, full-screen display and the log prompt follow the run's changes.
  const handsFree = new HandsFree(root, {
    run: () => run,
    workout: () => data,
    setup: () => setup,
    preset: () => ui.preset.value || null,
    togglePause: () => {
      togglePause().catch((error) => console.error(error));
    },
    skip: () => skip(),
  });

  // ---------------------------------------------------------------- form ⇄ fields

  const input = (name) => form.elements.namedItem(name);
  const readFields = () => Object.fromEntries(PLAN_FIELDS.map((name) => [name, input(name).value]));
  const writeFields = (fields) => {
    for (const name of PLAN_FIELDS)
      if (fields?.[name] !== undefined) input(name).value = String(fields[name]);
  };
  const cueOptions = () => ({
    beeps: input("beeps").checked,
    voice: input("voice").checked,
    vibration: input("vibration").checked,
    volume: Number(input("volume").value),
  });

  function showErrors(errors) {
    for (const name of PLAN_FIELDS) {
      const message = errors[name] ?? "";
      const box = root.querySelector(`#timer-${name}-error`);
      const field = input(name);
      if (box) {
        box.textContent = message;
        box.hidden = !message;
      }
      if (message) field.setAttribute("aria-invalid", "true");
      else field.removeAttribute("aria-invalid");
    }
  }

  function matchPreset(fields) {
    const found = setup?.presets.find((preset) =>
      PLAN_FIELDS.every((name) => String(preset.fields[name]) === String(fields[name])),
    );
    ui.preset.value = found ? found.key : "";
    ui.presetSummary.textContent = found ? found.summary : "";
  }

  function scheduleCheck() {
    data = null;
    refreshControls();
    clearTimeout(checkTimer);
    checkTimer = setTimeout(() => check().catch((error) => console.error(error)), CHECK_DELAY_MS);
  }

  async function check() {
    const serial = ++checkSerial;
    const fields = readFields();
    const result = await callPython("timer_plan", { fields });
    if (!alive || serial !== checkSerial) return; // a newer edit is on its way
    if (!result.ok) {
      data = null;
      showErrors(result.errors);
      ui.summary.textContent = "";
    } else {
      data = result;
      showErrors({});
      ui.summary.textContent = result.summary;
      save(PLAN_KEY, result.plan);
      if (!run) showIdle();
    }
    matchPreset(fields);
    refreshControls();
  }

  function shareUrl() {
    const url = new URL(location.href);
    url.search = new URLSearchParams(data.plan).toString();
    url.hash = "";
    return url.href;
  }

  async function share() {
    if (!data) return;
    const url = shareUrl();
    history.replaceState(history.state, "", url);
    try {
      await navigator.clipboard.writeText(url);
      ui.shareStatus.textContent = "Link copied.";
    } catch {
      ui.shareStatus.textContent = "The address bar now holds the link to this plan.";
    }
  }

  // ---------------------------------------------------------------- display

  function setText(element, text) {
    if (element.textContent !== text) element.textContent = text;
  }

  function showFigure(height) {
    const frames = setup?.figure.frames;
    if (!frames) return;
    const index = Math.round(Math.min(1, Math.max(0, height)) * (frames.length - 1));
    if (index === frameShown) return;
    frameShown = index;
    ui.figure.innerHTML = frames[index];
    ui.figure.dataset.frame = String(index);
  }

  function showIdle() {
    shownIndex = null;
    root.dataset.state = "idle";
    setText(ui.phase, "READY");
    ui.phase.dataset.kind = "idle";
    setText(ui.countdown, data ? formatSeconds(data.total) : "–");
    ui.ring.style.strokeDashoffset = "100";
    const first = data?.segments.find((segment) => segment.rep > 0);
    setText(ui.rep, data ? `Rep – of ${data.plan.reps}` : ui.rep.textContent);
    setText(ui.set, data ? `Set – of ${data.plan.sets}` : ui.set.textContent);
    setText(ui.leg, first ? LEG_NAMES[first.leg] : ui.leg.textContent);
    setText(ui.instruction, data ? data.summary : "\u00a0");
    setText(ui.breath, "\u00a0");
    setText(ui.next, "\u00a0");
    ui.overall.value = 0;
    showFigure(0);
  }

  function show(state, elapsed, current) {
    if (state.done) {
      if (shownIndex !== "done") {
        shownIndex = "done";
        root.dataset.state = "done";
        setText(ui.phase, "DONE");
        ui.phase.dataset.kind = "done";
        setText(ui.countdown, "✓");
        setText(ui.instruction, "Workout done. Well worked.");
        setText(ui.breath, "\u00a0");
        setText(ui.next, "\u00a0");
        setText(ui.announce, "Workout done.");
        ui.ring.style.strokeDashoffset = "0";
        ui.overall.value = 1;
        showFigure(0);
        refreshControls();
        handsFree.changed("done");
      }
      return;
    }
    root.dataset.state = current.paused ? "paused" : "running";
    showLimits(); // the audio can drop out or come back at any moment (a call, another app)
    ui.runPanel.dataset.elapsed = elapsed.toFixed(3);
    if (!state.segment) {
      setText(ui.countdown, formatSeconds(state.remaining));
      return;
    }
    const segment = state.segment;
    if (shownIndex !== state.index) {
      shownIndex = state.index;
      setText(ui.phase, segment.word);
      ui.phase.dataset.kind = segment.kind;
      setText(
        ui.rep,
        segment.rep ? `Rep ${segment.rep} of ${segment.reps}` : `Rep – of ${segment.reps}`,
      );
      setText(ui.set, `Set ${segment.set} of ${segment.sets}`);
      setText(ui.leg, LEG_NAMES[segment.leg]);
      setText(ui.instruction, segment.instruction || "\u00a0");
      setText(ui.breath, segment.breath || "\u00a0");
      setText(ui.next, segment.next);
      const where = segment.rep ? `, rep ${segment.rep} of ${segment.reps}` : "";
      setText(ui.announce, `${segment.word}${where}. ${segment.instruction}`);
      refreshControls();
      handsFree.changed("phase");
    }
    setText(ui.countdown, formatSeconds(state.remaining));
    ui.ring.style.strokeDashoffset = String(100 * (1 - state.progress));
    ui.overall.value = Math.min(1, elapsed / data.total);
    const [from, to] = segment.motion;
    showFigure(reducedMotion.matches ? to : from + (to - from) * state.progress);
  }

  function showLimits() {
    const lines = run && !run.finished ? run.limitations() : [];
    if (!run) {
      const options = cueOptions();
      if (!globalThis.AudioContext && !globalThis.webkitAudioContext)
        lines.push("No sound: this browser has no Web Audio.");
      if (options.voice && !idleVoice.available)
        lines.push("Voice unavailable: no speech voices on this device.");
      if (options.vibration && !canVibrate) lines.push("No vibration on this device.");
      if (!("wakeLock" in navigator))
        lines.push("The screen may sleep: keeping it on is not supported here.");
    }
    const text = lines.join("\n");
    if (ui.limits.dataset.text === text) return;
    ui.limits.dataset.text = text;
    ui.limits.replaceChildren(
      ...lines.map((line) => {
        const item = document.createElement("li");
        item.textContent = line;
        return item;
      }),
    );
  }

  function refreshControls() {
    const active = run && !run.finished;
    ui.start.disabled = !data || Boolean(active);
    ui.start.textContent = run?.finished ? "Start again" : "Start";
    ui.pause.disabled = !active;
    ui.pause.textContent = run?.paused ? "Resume" : "Pause";
    ui.pause.setAttribute("aria-pressed", String(Boolean(run?.paused)));
    ui.stop.disabled = !active;
    ui.skip.disabled = !(active && !run.paused && run.state().segment?.skippable);
    ui.share.disabled = !data;
    for (const element of form.querySelectorAll("input, select")) {
      if (!["beeps", "voice", "vibration", "volume"].includes(element.name))
        element.disabled = Boolean(active) || !setup;
    }
    showLimits();
  }

  // ---------------------------------------------------------------- controls

  function start() {
    if (!data || (run && !run.finished)) return;
    run?.stop();
    // Synchronously inside the tap: creating the audio clock and priming speech here is what
    // iOS Safari needs to let them play at all.
    run = new Run(data, cueOptions(), (state, elapsed, current) => {
      if (current === run) show(state, elapsed, current);
    });
    shownIndex = null;
    run.start();
    handsFree.changed("start");
    refreshControls();
    // The display owns the screen while the set runs.
    ui.runPanel.scrollIntoView({
      block: "start",
      behavior: reducedMotion.matches ? "auto" : "smooth",
    });
  }

  function stop() {
    run?.stop();
    run = null;
    handsFree.changed("stop");
    showIdle();
    refreshControls();
  }

  async function togglePause() {
    if (!run || run.finished) return;
    const pending = run.togglePause();
    refreshControls();
    handsFree.changed("pause");
    await pending;
    refreshControls();
    handsFree.changed("pause");
  }

  function skip() {
    run?.skip();
    refreshControls();
  }

  const onKey = (event) => {
    if (event.code !== "Space" && event.key !== " ") return;
    if (event.target.closest?.("input, select, textarea, button, a, [contenteditable]")) return;
    event.preventDefault();
    if (run && !run.finished) togglePause();
    else start();
  };
  const onVisibility = () => {
    if (document.visibilityState === "visible") run?.onVisible();
  };
  const onPageHide = () => stop();
  const onFormInput = (event) => {
    const name = event.target.name;
    if (["beeps", "voice", "vibration", "volume"].includes(name)) {
      save(CUES_KEY, cueOptions());
      run?.setOptions(cueOptions());
      showLimits();
      return;
    }
    if (name === "preset") {
      const preset = setup?.presets.find((candidate) => candidate.key === event.target.value);
      if (preset) writeFields(preset.fields);
    }
    scheduleCheck();
  };

  ui.start.addEventListener("pointerdown", prepareAudio);
  ui.start.addEventListener("click", start);
  ui.pause.addEventListener("click", togglePause);
  ui.skip.addEventListener("click", skip);
  ui.stop.addEventListener("click", stop);
  ui.share.addEventListener("click", () => share().catch(() => {}));
  form.addEventListener("input", onFormInput);
  form.addEventListener("submit", (event) => event.preventDefault());
  document.addEventListener("keydown", onKey);
  document.addEventListener("visibilitychange", onVisibility);
  window.addEventListener("pagehide", onPageHide);
  const onMotionChange = () => (frameShown = -1);
  reducedMotion.addEventListener?.("change", onMotionChange);

  // Remembered cue options, then the plan: link first, then this device, then the defaults.
  const cues = load(CUES_KEY);
  if (cues) {
    for (const name of ["beeps", "voice", "vibration"])
      if (name in cues) input(name).checked = Boolean(cues[name]);
    if (typeof cues.volume === "number") input("volume").value = String(cues.volume);
  }
  writeFields(fieldsFromUrl() ?? load(PLAN_KEY));
  const detachWeakerLeg = attachWeakerLeg(root, fieldsFromUrl() !== null);
  refreshControls();

  callPython("timer_setup")
    .then((result) => {
      if (!alive) return;
      setup = result;
      ui.figure.setAttribute("viewBox", result.figure.viewBox);
      for (const preset of result.presets) {
        const option = document.createElement("option");
        option.value = preset.key;
        option.textContent = preset.name;
        ui.preset.append(option);
      }
      ui.preset.disabled = false;
      return check();
    })
    .catch((error) => console.error("Tempo timer could not start:", error));

  return () => {
    alive = false;
    clearTimeout(checkTimer);
    run?.stop();
    run = null;
    handsFree.destroy();
    detachWeakerLeg();
    releasePreparedAudio();
    idleVoice.detach();
    document.removeEventListener("keydown", onKey);
    document.removeEventListener("visibilitychange", onVisibility);
    window.removeEventListener("pagehide", onPageHide);
    reducedMotion.removeEventListener?.("change", onMotionChange);
    detachStatus();
  };
}
