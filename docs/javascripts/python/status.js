// The loading panel shown on tool pages while Python starts: named stages, download progress,
// and on failure a clear message with a Retry button. The tool root gets
// data-python="loading|ready|error" so styles and tests can follow the state.

import { onStatus, python, retry } from "./client.js";

/** @import { PythonStatus } from "./protocol.js" */

const STAGES = [
  ["download", "Downloading the Python runtime"],
  ["start", "Starting Python"],
  ["tools", "Loading the tools"],
];

/** @param {number} bytes */
function formatMegabytes(bytes) {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

/** @param {string} current the stage under way */
function stageList(current) {
  const reached = STAGES.findIndex(([id]) => id === current);
  return STAGES.map(([id, label], index) => {
    const item = document.createElement("li");
    item.dataset.stage = id;
    item.textContent = label;
    if (index < reached || current === "ready") item.dataset.done = "";
    if (index === reached) item.setAttribute("aria-current", "step");
    return item;
  });
}

/**
 * Render the panel into `root` and start Python; returns a function that detaches it.
 * @param {HTMLElement} root the tool's root element
 */
export function mountPythonStatus(root) {
  const panel = document.createElement("div");
  panel.className = "py-status";
  panel.dataset.testid = "python-status";
  panel.setAttribute("role", "status");
  panel.setAttribute("aria-live", "polite");
  root.prepend(panel);

  /** @param {PythonStatus} status */
  const render = (status) => {
    root.dataset.python =
      status.stage === "ready" ? "ready" : status.stage === "error" ? "error" : "loading";
    panel.replaceChildren();
    if (status.stage === "ready") {
      const line = document.createElement("p");
      line.className = "py-status__ready";
      line.dataset.testid = "python-ready";
      line.textContent = `Ready: tools ${status.info.package}, Python ${status.info.python}, running on this device.`;
      panel.append(line);
      return;
    }
    if (status.stage === "error") {
      const message = document.createElement("p");
      message.className = "py-status__error";
      message.dataset.testid = "python-error";
      message.textContent = status.message;
      const detail = document.createElement("small");
      detail.textContent = status.detail ?? "";
      const button = document.createElement("button");
      button.type = "button";
      button.className = "md-button md-button--primary";
      button.dataset.testid = "python-retry";
      button.textContent = "Retry";
      button.addEventListener("click", () => retry().catch(() => {}));
      panel.append(message, detail, button);
      return;
    }
    const title = document.createElement("p");
    title.textContent = "Getting the tool ready…";
    const list = document.createElement("ol");
    list.className = "py-status__stages";
    list.append(...stageList(status.stage === "idle" ? "download" : status.stage));
    panel.append(title, list);
    if (status.stage === "download" && status.loaded) {
      const bar = document.createElement("progress");
      bar.max = status.total || 1;
      bar.value = status.total ? status.loaded : 0;
      if (!status.total) bar.removeAttribute("value");
      bar.setAttribute("aria-label", "Download progress");
      const amount = document.createElement("span");
      amount.textContent = status.total
        ? `${formatMegabytes(status.loaded)} of ${formatMegabytes(status.total)}`
        : formatMegabytes(status.loaded);
      panel.append(bar, amount);
    }
  };

  const stopListening = onStatus(render);
  python().catch(() => {}); // failures are shown by the panel
  return () => {
    stopListening();
    panel.remove();
  };
}
