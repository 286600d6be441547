// Log page (issue 20): the sets saved at the timer's DONE, what to do next time for each leg,
// left against right, the trend, and copies in and out. The entries live on this phone
// (log/store.js, IndexedDB); Python (hipthrust.web_log) checks them and says everything shown:
// sessions and their summaries, the advice with the rule's words, the balance, the chart (SVG),
// the export files and whether an import is a log at all. This file moves pixels and files.

import { mountPythonStatus } from "../python/status.js";
import { callPython } from "../python/client.js";
import { allEntries, deleteAll, deleteEntry, mergeEntries } from "../log/store.js";
import { element, renderAdvice, renderSessions } from "../log/view.js";
import { download as saveFile } from "../download.js";

/** @typedef {import("../log/store.js").LogEntry} LogEntry */
/** @typedef {import("../log/replies.js").LogFailure} LogFailure */
/** @import { CallName, Replies } from "../python/protocol.js" */
/**
 * The calls this page makes that answer `{ok: false, message}` when Python refuses.
 * @typedef {Extract<CallName, "log_sessions" | "log_advice" | "log_trend_svg" | "log_export" | "log_csv">} RefusableCall
 */

const SITE_ROOT = new URL("../../", import.meta.url);

/** @returns {string} the phone's date, YYYY-MM-DD */
function today() {
  const now = new Date();
  const pad = (/** @type {number} */ n) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * Offer `text` as a file download.
 * @param {string} text
 * @param {string} filename
 * @param {string} type
 */
function download(text, filename, type) {
  saveFile(new Blob([text], { type }), filename);
}

/**
 * Call Python; a refusal (`ok: false`) becomes an error with its message.
 * @template {RefusableCall} K
 * @param {K} name
 * @param {Record<string, unknown>} [args]
 * @returns {Promise<Exclude<Replies[K], LogFailure>>}
 */
async function python(name, args = {}) {
  /** @type {Replies[RefusableCall]} */
  const result = await callPython(name, args);
  if (result && result.ok === false) throw new Error(result.message);
  // Past the check, `result` is one of the accepted replies; TypeScript cannot tie that back to
  // the generic `K` by narrowing, so this says which one.
  return /** @type {Exclude<Replies[K], LogFailure>} */ (result);
}

/** @param {number} bytes @returns {string} "8.4 MB" */
const megabytes = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;

/** @param {unknown} error */
const words = (error) => (error instanceof Error ? error.message : String(error));

class LogPage {
  /** @param {HTMLElement} root the page's `[data-tool="training-log"]` */
  constructor(root) {
    this.root = root;
    const $ = (/** @type {string} */ selector) =>
      /** @type {HTMLElement} */ (root.querySelector(selector));
    this.$ = $;
    this.message = $('[data-testid="log-message"]');
    this.exportButtons = /** @type {HTMLButtonElement[]} */ ([
      ...root.querySelectorAll('[data-testid="log-export"]'),
    ]);
    this.importInput = /** @type {HTMLInputElement} */ ($('[data-testid="log-import"]'));
    this.deleteAllButton = /** @type {HTMLButtonElement} */ ($('[data-testid="log-delete-all"]'));
    /** @type {LogEntry[]} */
    this.entries = [];
    this.alive = true;
    this.storeWorks = true;
  }

  /**
   * @param {string} text
   * @param {"info" | "error"} [kind]
   */
  say(text, kind = "info") {
    this.message.textContent = text;
    this.message.dataset.kind = kind;
  }

  async refresh() {
    try {
      this.entries = await allEntries();
    } catch (error) {
      this.storeWorks = false;
      this.entries = [];
      this.say(`${words(error)} Nothing can be saved or shown here.`, "error");
    }
    const entries = this.entries;
    const [sessions, advice, trend] = await Promise.all([
      python("log_sessions", { entries }),
      python("log_advice", { entries }),
      python("log_trend_svg", { entries }),
    ]);
    if (!this.alive) return;
    const $ = this.$;
    renderSessions($("[data-log-sessions]"), sessions.sessions, entries);
    const places = {
      list: $("[data-log-advice]"),
      balance: $("[data-log-balance]"),
      plan: $("[data-log-next-plan]"),
    };
    renderAdvice(places, advice, SITE_ROOT);
    const chart = $("[data-log-trend]");
    if (trend.svg) chart.innerHTML = trend.svg;
    else chart.replaceChildren(element("p", { class: "log-empty" }, [trend.message]));
    const empty = entries.length === 0;
    for (const button of this.exportButtons) button.disabled = empty;
    this.deleteAllButton.disabled = empty || !this.storeWorks;
    this.importInput.disabled = !this.storeWorks;
    this.root.dataset.state = "ready";
    this.root.dataset.entries = String(entries.length);
  }

  /** @param {HTMLElement} button */
  async exportLog(button) {
    const args = { entries: this.entries, today: today() };
    if (button.dataset.format === "csv") {
      const result = await python("log_csv", args);
      download(result.csv, result.filename, "text/csv");
    } else {
      const result = await python("log_export", args);
      download(result.json, result.filename, "application/json");
    }
  }

  async importLog() {
    const file = this.importInput.files?.[0];
    this.importInput.value = "";
    if (!file) return;
    // A file over Python's limit is refused unread: a video picked by mistake would otherwise be
    // read whole into memory just to be turned down.
    const { max_file_bytes: limit } = await callPython("log_setup");
    if (file.size > limit) {
      const size = `${megabytes(file.size)}; a training log is at most ${megabytes(limit)}`;
      this.say(`Not loaded: the file is too big (${size}). Your log is unchanged.`, "error");
      return;
    }
    const text = await file.text().catch(() => null);
    const checked = await callPython("log_validate", { text });
    if (!checked.ok) {
      this.say(`Not loaded: ${checked.message} Your log is unchanged.`, "error");
      return;
    }
    await mergeEntries(checked.entries);
    this.say(`Loaded ${checked.count} sets from ${file.name}.`);
    await this.refresh();
  }

  async removeAll() {
    if (!window.confirm("Delete every set in the log on this phone? This cannot be undone."))
      return;
    await deleteAll();
    this.say("The log is empty.");
    await this.refresh();
  }

  /** @param {string} id */
  async removeOne(id) {
    const entry = this.entries.find((candidate) => candidate.id === id);
    if (!entry) return;
    const what = `set ${entry.set}, ${entry.leg} leg, on ${String(entry.date).slice(0, 10)}`;
    if (!window.confirm(`Delete ${what}?`)) return;
    await deleteEntry(id);
    this.say(`Deleted ${what}.`);
    await this.refresh();
  }

  /**
   * Run an action; any failure is said in the page (the log stays as it is).
   * @param {() => Promise<void>} action
   */
  guarded(action) {
    action().catch((error) => this.say(words(error), "error"));
  }

  /** @param {MouseEvent} event */
  onClick(event) {
    const button = /** @type {HTMLElement | null} */ (
      /** @type {Element} */ (event.target).closest("button")
    );
    if (!button || !this.root.contains(button)) return;
    const testid = button.dataset.testid;
    if (testid === "log-export") this.guarded(() => this.exportLog(button));
    else if (testid === "log-delete-all") this.guarded(() => this.removeAll());
    else if (testid === "log-delete") this.guarded(() => this.removeOne(button.dataset.id ?? ""));
  }
}

/**
 * @param {HTMLElement} root the page's `[data-tool="training-log"]`
 * @returns {() => void} unmount
 */
export function mount(root) {
  const detachStatus = mountPythonStatus(root);
  const page = new LogPage(root);
  const onClick = (/** @type {MouseEvent} */ event) => page.onClick(event);
  const onImport = () => page.guarded(() => page.importLog());
  root.addEventListener("click", onClick);
  page.importInput.addEventListener("change", onImport);
  page.refresh().catch((error) => {
    page.say(`The log could not be shown: ${words(error)}`, "error");
    console.error(error);
  });
  return () => {
    page.alive = false;
    root.removeEventListener("click", onClick);
    page.importInput.removeEventListener("change", onImport);
    detachStatus();
  };
}
