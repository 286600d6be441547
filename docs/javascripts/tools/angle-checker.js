// Angle checker page. For now: Python's boot panel, so the page is ready for the checker.

import { mountPythonStatus } from "../python/status.js";

export function mount(root) {
  return mountPythonStatus(root);
}
