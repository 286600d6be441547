"""Accessibility while a tool is loading: axe-core finds nothing on the Python status panel, in the
light and the dark palette, at two moments of the boot held on purpose (the runtime downloading;
the tools' wheel loading, when the earlier stages show as done)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.support import inject_axe

pytestmark = pytest.mark.browser

# Holding this request keeps the panel at that stage (the worker waits for it).
MOMENTS = {
    "downloading": "**/pyodide/python_stdlib.zip",
    "loading the tools": "**/pyodide/*.whl",
}
RUN_AXE = """
async () => {
  const result = await axe.run(document.querySelector('[data-tool]'), {
    runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
  });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target + ' ' + n.failureSummary).join(" | ")}`);
}
"""


@pytest.mark.parametrize("tool", ["tempo-timer", "angle-checker"])
@pytest.mark.parametrize("moment", sorted(MOMENTS))
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_loading_panel_passes_axe(
    browser: Any, site_url: str, tool: str, moment: str, scheme: str
) -> None:
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, color_scheme=scheme, service_workers="block"
    )
    held: list[Any] = []
    context.route(MOMENTS[moment], lambda route: held.append(route))
    page = context.new_page()
    try:
        page.goto(f"{site_url}tools/{tool}/")
        for _ in range(300):
            if held:
                break
            page.wait_for_timeout(100)
        assert held, "the boot never asked for the held file"
        if moment == "loading the tools":
            # The worker asks for the wheel early, beside the runtime (worker.js): the panel
            # reaches this stage once Python has started, the wheel still held.
            done = page.locator(".py-status li[data-done]")
            done.nth(1).wait_for(state="attached", timeout=60_000)
            assert done.count() == 2
        # The worker starts from <head> and may ask for the held file before the tool has
        # mounted (app.js): wait for the mounted panel, not a guessed time (a fixed 300 ms
        # failed on a busy machine with data-python still unset).
        page.wait_for_selector("[data-tool][data-python='loading'] .py-status", timeout=60_000)
        page.evaluate("() => new Promise((done) => requestAnimationFrame(() => done(null)))")
        assert page.evaluate("document.querySelector('[data-tool]').dataset.python") == "loading"
        inject_axe(page)
        assert page.evaluate(RUN_AXE) == []
        for route in held:
            route.continue_()
        page.wait_for_selector("[data-tool][data-python='ready']", timeout=60_000)
    finally:
        context.close()
