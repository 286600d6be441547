// Tempo timer page. For now: Python's boot panel and a tempo check that calls
// hipthrust.web.check_tempo, the first end-to-end path from the page into Python.

import { mountPythonStatus } from "../python/status.js";
import { callPython } from "../python/client.js";

export function mount(root) {
  const detach = mountPythonStatus(root);
  const form = root.querySelector("[data-tempo-check]");
  const input = form?.querySelector("input");
  const output = form?.querySelector("output");
  const check = async () => {
    const result = await callPython("check_tempo", { text: input.value });
    output.textContent = result.ok ? `Tempo ${result.tempo}` : result.message;
    output.dataset.ok = String(result.ok);
  };
  const onInput = () => check().catch(() => {});
  input?.addEventListener("input", onInput);
  if (input) onInput();
  return () => {
    input?.removeEventListener("input", onInput);
    detach();
  };
}
