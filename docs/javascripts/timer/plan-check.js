// The timer's calls into Python (hipthrust.web_timer): the setup once, and the plan after each
// edit. Edits are checked after a short pause in typing, and only the newest answer counts, so a
// slow answer to an old edit never overwrites a newer one.

import { callPython } from "../python/client.js";

/** @typedef {import("./types.js").PlanReply} PlanReply */
/** @typedef {import("./types.js").TimerSetup} TimerSetup */

const CHECK_DELAY_MS = 120;

/** @returns {Promise<TimerSetup>} the presets, the limits and the figure's frames */
export async function timerSetup() {
  return /** @type {TimerSetup} */ (await callPython("timer_setup"));
}

export class PlanCheck {
  /**
   * @param {() => Record<string, string>} read the form's fields now
   * @param {(reply: PlanReply, fields: Record<string, string>) => void} onReply newest answer only
   */
  constructor(read, onReply) {
    this.read = read;
    this.onReply = onReply;
    this.serial = 0;
    this.timer = 0;
    this.stopped = false;
  }

  /** Check after the typing pauses. */
  schedule() {
    clearTimeout(this.timer);
    this.timer = setTimeout(
      () => this.now().catch((error) => console.error(error)),
      CHECK_DELAY_MS,
    );
  }

  async now() {
    const serial = ++this.serial;
    const fields = this.read();
    const reply = /** @type {PlanReply} */ (await callPython("timer_plan", { fields }));
    if (this.stopped || serial !== this.serial) return; // a newer edit is on its way
    this.onReply(reply, fields);
  }

  stop() {
    this.stopped = true;
    clearTimeout(this.timer);
  }
}
