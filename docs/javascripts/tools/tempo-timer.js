// Tempo timer page. Python (hipthrust.web_timer) checks the plan and lays out every segment and
// cue; a Run (timer/run.js) reads the audio clock and moves pixels. This file only wires the parts:
//   timer/session.js    the state and its transitions (setup, checked plan, run)
//   timer/plan-check.js the calls into Python
//   timer/plan-form.js  the plan form ⇄ values;  timer/remember.js  the device's memory and links
//   timer/display.js    the run display (state → DOM);  timer/limits.js  what is off on this device
//   timer/controls.js   DOM events → the actions below, and the buttons' state
// New controls go in timer/controls.js; new pieces of display listen to the session.

import { find } from "../dom.js";
import { mountPythonStatus } from "../python/status.js";
import { releasePreparedAudio } from "../timer/audio.js";
import { TimerControls } from "../timer/controls.js";
import { RunDisplay } from "../timer/display.js";
import { Voice } from "../timer/extras.js";
import { deviceLimits, showLimits } from "../timer/limits.js";
import { PlanCheck, timerSetup } from "../timer/plan-check.js";
import { PLAN_FIELDS, PlanForm } from "../timer/plan-form.js";
import { CUES_KEY, PLAN_KEY, fieldsFromUrl, load, save } from "../timer/remember.js";
import { TimerSession } from "../timer/session.js";
import { copyPlanLink } from "../timer/share-link.js";
import { HandsFree } from "../timer/hands-free.js";
import { FilmSet } from "../timer/film-set.js";
import { attachWeakerLeg } from "../timer/weaker-leg.js";

/** @typedef {import("../timer/controls.js").TimerActions} TimerActions */
/** @typedef {import("../timer/types.js").PlanReply} PlanReply */

/**
 * The parts of one mounted timer.
 * @typedef {object} Timer
 * @property {HTMLElement} root
 * @property {TimerSession} session
 * @property {PlanForm} form
 * @property {RunDisplay} display
 * @property {TimerControls} controls
 * @property {PlanCheck} check
 * @property {Voice} idleVoice
 * @property {() => void} refresh the controls, the form's lock and the limits from the state
 * @property {() => void} showLimits what is off on this device, now
 */

/**
 * @param {HTMLElement} root
 * @returns {() => void} unmount
 */
export function mount(root) {
  const detachStatus = mountPythonStatus(root);
  const timer = assemble(root);
  const { session, form, display, controls, check, idleVoice } = timer;
  session.listen(timer.refresh);
  const act = actions(timer);
  const detachControls = controls.listen(act);
  // Issue 20: the lock screen, the full-screen display and the log prompt follow the session.
  const handsFree = new HandsFree(root, {
    run: () => session.run,
    workout: () => session.workout,
    setup: () => session.setup,
    preset: () => form.preset.value || null,
    togglePause: act.togglePause,
    skip: act.skip,
  });
  session.listen((change) => handsFree.changed(change));
  // Issue 19: "Film this set" records while the set runs and hands the video to the review.
  const filmSet = new FilmSet(root, {
    plan: () => session.workout?.plan ?? null,
    step: () => form.preset.value || null,
  });
  session.listen((change) => filmSet.changed(change));

  // Remembered cue options, then the plan: link first, then this device, then the defaults.
  form.writeCues(load(CUES_KEY));
  form.writeFields(fieldsFromUrl(PLAN_FIELDS) ?? load(PLAN_KEY));
  const detachWeakerLeg = attachWeakerLeg(root, fieldsFromUrl(PLAN_FIELDS) !== null);
  timer.refresh();

  timerSetup()
    .then((setup) => {
      if (!session.alive) return;
      display.setFigure(setup.figure);
      form.addPresets(setup.presets);
      session.setupLoaded(setup);
      return check.now();
    })
    .catch((error) => console.error("Tempo timer could not start:", error));

  return () => {
    check.stop();
    session.end();
    handsFree.destroy();
    filmSet.destroy();
    detachWeakerLeg();
    releasePreparedAudio();
    idleVoice.detach();
    detachControls();
    display.destroy();
    detachStatus();
  };
}

/**
 * Find the parts in the page and make the state.
 * @param {HTMLElement} root
 * @returns {Timer}
 */
function assemble(root) {
  const form = new PlanForm(find(root, "[data-timer-form]", HTMLFormElement), root);
  const display = new RunDisplay(root);
  const controls = new TimerControls(root);
  const limits = find(root, '[data-testid="timer-limits"]', HTMLElement);
  /** @type {Timer} */
  const timer = {
    root,
    form,
    display,
    controls,
    idleVoice: new Voice(() => timer.showLimits()),
    session: new TimerSession((state, elapsed, run, workout) => {
      const changed = display.show(state, elapsed, run.paused, workout);
      // The audio can drop out or come back at any moment (a call, another app).
      if (!state.done) timer.showLimits();
      return changed;
    }),
    check: new PlanCheck(
      () => form.readFields(),
      (reply, fields) => planChecked(timer, reply, fields),
    ),
    refresh: () => {
      controls.render(timer.session);
      form.lock(timer.session.active || !timer.session.setup);
      timer.showLimits();
    },
    showLimits: () => {
      const { run } = timer.session;
      /** @type {string[]} */
      const lines = run && !run.finished ? run.limitations() : [];
      if (!run) lines.push(...deviceLimits(form.cueOptions(), timer.idleVoice.available));
      showLimits(limits, lines);
    },
  };
  return timer;
}

/**
 * Python's answer to the newest edit: its messages, or the checked plan (remembered, and shown
 * as READY unless a set runs).
 * @param {Timer} timer
 * @param {PlanReply} reply
 * @param {Record<string, string>} fields
 */
function planChecked({ session, form, display }, reply, fields) {
  if (!reply.ok) {
    form.showErrors(reply.errors);
    form.showSummary("");
  } else {
    form.showErrors({});
    form.showSummary(reply.summary);
    save(PLAN_KEY, reply.plan);
    if (!session.run) display.showIdle(reply);
  }
  form.matchPreset(fields, session.setup?.presets ?? []);
  session.planChecked(reply);
}

/**
 * What each control does.
 * @param {Timer} timer
 * @returns {TimerActions}
 */
function actions({ session, form, display, check, showLimits: limitsNow }) {
  const start = () => {
    if (!session.canStart) return;
    display.restart();
    // Synchronously inside the tap: creating the audio clock and priming speech here is what
    // iOS Safari needs to let them play at all.
    session.start(form.cueOptions());
    display.bringIntoView();
  };
  const togglePause = () => {
    session.togglePause().catch((error) => console.error(error));
  };
  return {
    start,
    togglePause,
    startOrPause: () => (session.active ? togglePause() : start()),
    skip: () => session.skip(),
    stop: () => {
      session.stop();
      display.showIdle(session.workout);
    },
    share: () => {
      if (session.workout) copyPlanLink(session.workout.plan, form.shareStatus).catch(() => {});
    },
    cuesChanged: () => {
      save(CUES_KEY, form.cueOptions());
      session.run?.setOptions(form.cueOptions());
      limitsNow();
    },
    planEdited: (preset) => {
      const chosen = session.setup?.presets.find((candidate) => candidate.key === preset);
      if (chosen) form.writeFields(chosen.fields);
      session.planEdited();
      check.schedule();
    },
    visible: () => session.run?.onVisible(),
  };
}
