"""One small driver for the journey on three engines (issue 10): Chromium through Playwright,
WebKitGTK through Selenium (WebKitWebDriver + MiniBrowser under Xvfb), Firefox ESR through
puppeteer-core over WebDriver BiDi (``firefox_bridge.mjs``; no geckodriver is packaged in the
registries this project uses).

Every engine gets the same calls: ``goto``, ``reload``, ``eval`` (a JavaScript expression; a
promise is awaited, the value comes back as JSON), ``click``, ``tap``/``drag`` (CSS pixels from an
element's top-left corner), ``upload``, ``errors``. The page is a phone: 390x844. MiniBrowser's
window cannot be narrower than 447 px, so WebKit shows the page in a 390x844 iframe
(``/__engines/frame.html``, served by ``EngineServer``). No engine but Chromium reports console
errors the same way, so the server adds ``/__engines/record.js`` to every HTML page: it records
``console.error``, ``error`` and ``unhandledrejection`` in ``window.__engineErrors``.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from tests.support import _QuietHandler, serve

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
WIDTH, HEIGHT = 390, 844
MINIBROWSER = (
    "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser",
    "/usr/libexec/webkit2gtk-4.1/MiniBrowser",
    "/usr/lib/x86_64-linux-gnu/webkitgtk-6.0/MiniBrowser",
)
ENGINES = ("chromium", "webkit", "firefox")

RECORD_JS = b"""(() => {
  const errors = [];
  window.__engineErrors = errors;
  const original = console.error;
  console.error = (...args) => { errors.push(args.map(String).join(" ")); original.apply(console, args); };
  addEventListener("error", (event) => {
    const target = event.target;
    // A navigation hint the browser declined (Firefox prefetches rel=next) is not a fault.
    const rel = target?.tagName === "LINK" ? (target.getAttribute("rel") || "").split(" ") : [];
    if (rel.some((word) => ["next", "prev", "prefetch"].includes(word))) return;
    const what = target instanceof Element ? `${target.tagName} ${target.outerHTML.slice(0, 160)}` : "";
    errors.push(`error: ${event.message || what || event.type}`);
  }, true);
  addEventListener("unhandledrejection", (event) => errors.push(`unhandled rejection: ${event.reason}`));
})();
"""

FRAME_HTML = f"""<!doctype html><meta charset="utf-8"><title>390x844</title>
<style>html,body{{margin:0}}iframe{{border:0;width:{WIDTH}px;height:{HEIGHT}px;display:block}}</style>
<iframe id="phone" src="about:blank"></iframe>
<script>document.getElementById("phone").src = decodeURIComponent(location.hash.slice(1)) || "/";</script>
""".encode()


class _EngineHandler(_QuietHandler):
    """The built site as it is, plus the error recorder in every page and the WebKit frame."""

    def do_GET(self) -> None:
        path = self.path.split("?", 1)[0].split("#", 1)[0]
        if path == "/__engines/record.js":
            return self._send(RECORD_JS, "text/javascript")
        if path == "/__engines/frame.html":
            return self._send(FRAME_HTML, "text/html")
        local = Path(self.translate_path(path))
        if local.is_dir():
            local = local / "index.html"
        if local.suffix == ".html" and local.is_file():
            html = local.read_bytes()
            tag = b'<script src="/__engines/record.js"></script>'
            return self._send(html.replace(b"<head>", b"<head>" + tag, 1), "text/html")
        return super().do_GET()

    def _send(self, body: bytes, mime: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", f"{mime}; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-cache")
        self.end_headers()
        self.wfile.write(body)


@contextmanager
def engine_server(directory: Path) -> Iterator[str]:
    """Serve the built site for the engines on a free loopback port; yields its base URL."""
    with serve(directory, _EngineHandler) as url:
        yield url


# ------------------------------------------------------------------------------------ drivers


class Engine:
    """The calls a journey test makes; each engine implements the primitives."""

    name = ""

    def goto(self, url: str) -> None:
        raise NotImplementedError

    def reload(self) -> None:
        raise NotImplementedError

    def eval(self, expression: str) -> Any:
        raise NotImplementedError

    def click(self, selector: str) -> None:
        raise NotImplementedError

    def pointer(self, selector: str, steps: list[tuple[str, float, float]]) -> None:
        """``steps`` of (down | move | up | click, x, y): CSS px from the element's top-left."""
        raise NotImplementedError

    def upload(self, selector: str, path: Path) -> None:
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    # ------------------------------------------------------------------ built on the above

    def tap(self, selector: str, x: float, y: float) -> None:
        self.pointer(selector, [("click", x, y)])

    def drag(self, selector: str, start: tuple[float, float], end: tuple[float, float]) -> None:
        self.pointer(selector, [("down", *start), ("move", *end), ("up", *end)])

    def errors(self) -> list[str]:
        return list(self.eval("window.__engineErrors || ['the error recorder is missing']"))

    def wait(self, expression: str, timeout: float = 30.0, interval: float = 0.1) -> Any:
        """Poll ``expression`` until it is truthy; returns its value."""
        deadline = time.monotonic() + timeout
        # An element is not JSON: it counts as true.
        probe = f"((v) => (v instanceof Node ? true : v))(await ({expression}))"
        while True:
            value = self.eval(probe)
            if value:
                return value
            if time.monotonic() > deadline:
                raise TimeoutError(f"{self.name}: never true within {timeout} s: {expression}")
            time.sleep(interval)

    def text(self, selector: str) -> str:
        return str(self.eval(f"document.querySelector({json.dumps(selector)})?.textContent ?? ''"))


class ChromiumEngine(Engine):
    name = "chromium"

    def __init__(self, browser: Any, init_script: str | None = None) -> None:
        # The session's Playwright Chromium (tests/conftest.py): one Playwright per process.
        self._context = browser.new_context(viewport={"width": WIDTH, "height": HEIGHT})
        if init_script:
            self._context.add_init_script(init_script)
        self.page = self._context.new_page()

    def goto(self, url: str) -> None:
        self.page.goto(url)

    def reload(self) -> None:
        self.page.reload()

    def eval(self, expression: str) -> Any:
        return self.page.evaluate(f"async () => ({expression})")

    def click(self, selector: str) -> None:
        self.page.click(selector)

    def pointer(self, selector: str, steps: list[tuple[str, float, float]]) -> None:
        box = self.page.locator(selector).bounding_box()
        mouse = self.page.mouse
        for kind, x, y in steps:
            at = (box["x"] + x, box["y"] + y)
            if kind == "click":
                mouse.click(*at)
            elif kind == "down":
                mouse.move(*at)
                mouse.down()
            elif kind == "move":
                mouse.move(*at, steps=8)
            else:
                mouse.up()

    def upload(self, selector: str, path: Path) -> None:
        self.page.set_input_files(selector, str(path))

    def close(self) -> None:
        self._context.close()


class FirefoxEngine(Engine):
    name = "firefox"

    def __init__(self, env: dict[str, str] | None = None) -> None:
        node = shutil.which("node") or "node"
        self._process = subprocess.Popen(
            [node, str(HERE / "firefox_bridge.mjs")],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env={**os.environ, **(env or {})},
        )
        self._next = 0
        self.version = self._reply(0)

    def _reply(self, wanted: int) -> Any:
        assert self._process.stdout is not None
        line = self._process.stdout.readline()
        if not line:
            raise RuntimeError("firefox_bridge.mjs ended (is firefox-esr installed?)")
        reply = json.loads(line)
        assert reply["id"] == wanted, reply
        if not reply["ok"]:
            raise RuntimeError(f"firefox: {reply['error']}")
        return reply["value"]

    def _call(self, op: str, *args: Any) -> Any:
        assert self._process.stdin is not None
        self._next += 1
        self._process.stdin.write(json.dumps({"id": self._next, "op": op, "args": args}) + "\n")
        self._process.stdin.flush()
        return self._reply(self._next)

    def goto(self, url: str) -> None:
        self._call("goto", url)

    def reload(self) -> None:
        self._call("reload")

    def eval(self, expression: str) -> Any:
        return self._call("eval", f"(async () => ({expression}))()")

    def click(self, selector: str) -> None:
        self._call("click", selector)

    def pointer(self, selector: str, steps: list[tuple[str, float, float]]) -> None:
        left, top = self.eval(
            f"(() => {{ const r = document.querySelector({json.dumps(selector)})"
            ".getBoundingClientRect(); return [r.left, r.top]; })()"
        )
        for kind, x, y in steps:
            self._call("mouse", kind, left + x, top + y)

    def upload(self, selector: str, path: Path) -> None:
        self._call("upload", selector, str(path))

    def close(self) -> None:
        try:
            self._call("close")
        finally:
            self._process.wait(timeout=30)


class WebKitEngine(Engine):
    """MiniBrowser; every call runs inside the 390x844 iframe of ``/__engines/frame.html``."""

    name = "webkit"

    def __init__(self) -> None:
        from selenium import webdriver
        from selenium.webdriver.webkitgtk.options import Options
        from selenium.webdriver.webkitgtk.service import Service

        options = Options()
        options.binary_location = next(p for p in MINIBROWSER if Path(p).exists())
        options.add_argument("--automation")
        self.driver = webdriver.WebKitGTK(
            options=options, service=Service(executable_path="/usr/bin/WebKitWebDriver")
        )
        self.driver.set_script_timeout(120)
        # Tall enough for the whole 390x844 frame (MiniBrowser is at least 447 px wide).
        self.driver.set_window_size(480, 1000)
        self._url = ""

    def goto(self, url: str) -> None:
        from urllib.parse import quote, urlsplit

        parts = urlsplit(url)
        base = f"{parts.scheme}://{parts.netloc}/"
        self._url = url
        self.driver.switch_to.default_content()
        self.driver.get(f"{base}__engines/frame.html#{quote(url, safe='')}")
        self._enter()

    def _enter(self) -> None:
        self.driver.switch_to.default_content()
        self.driver.switch_to.frame(self.driver.find_element("id", "phone"))
        deadline = time.monotonic() + 30
        while self.driver.execute_script("return document.readyState") != "complete":
            if time.monotonic() > deadline:
                raise TimeoutError("webkit: the page did not load")
            time.sleep(0.05)

    def reload(self) -> None:
        self.driver.execute_script("location.reload()")
        time.sleep(0.3)
        self._enter()

    def eval(self, expression: str) -> Any:
        value = self.driver.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            f"(async () => ({expression}))().then(done, (e) => done({{__error: String(e)}}));"
        )
        if isinstance(value, dict) and "__error" in value:
            raise RuntimeError(f"webkit: {value['__error']}")
        return value

    def click(self, selector: str) -> None:
        self.driver.find_element("css selector", selector).click()

    def pointer(self, selector: str, steps: list[tuple[str, float, float]]) -> None:
        from selenium.webdriver.common.actions.action_builder import ActionBuilder

        # Viewport coordinates, not an element origin: WebKitWebDriver scrolls an element
        # origin into view first, which can put the point under the sticky header. The frame
        # sits at the window's top-left corner, so its viewport and the window's agree.
        left, top = self.eval(
            f"(() => {{ const r = document.querySelector({json.dumps(selector)})"
            ".getBoundingClientRect(); return [r.left, r.top]; })()"
        )
        builder = ActionBuilder(self.driver, duration=50)
        mouse = builder.pointer_action
        last = (0.0, 0.0)
        for kind, x, y in steps:
            at = (left + x, top + y)
            if kind == "click":
                mouse.move_to_location(round(at[0]), round(at[1])).click()
            elif kind == "down":
                mouse.move_to_location(round(at[0]), round(at[1])).pointer_down()
            elif kind == "move":
                # In steps, as a finger moves: one jump may not read as a drag.
                for step in range(1, 9):
                    mouse.move_to_location(
                        round(last[0] + (at[0] - last[0]) * step / 8),
                        round(last[1] + (at[1] - last[1]) * step / 8),
                    )
            else:
                mouse.pointer_up()
            last = at
        builder.perform()

    def upload(self, selector: str, path: Path) -> None:
        self.driver.find_element("css selector", selector).send_keys(str(path))

    def close(self) -> None:
        self.driver.quit()


def launch(name: str, **options: Any) -> Engine:
    if name == "chromium":
        return ChromiumEngine(**options)
    if name == "firefox":
        return FirefoxEngine(**options)
    if name == "webkit":
        return WebKitEngine(**options)
    raise ValueError(f"unknown engine {name!r}")
