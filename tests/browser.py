"""A small driver for headless Chromium over the Chrome DevTools Protocol (CDP), for the report tests.

Starts /usr/bin/chromium offline-style, opens local files in its first tab and records what a
reader's browser would complain about: console errors, uncaught exceptions, failed requests, and
any request leaving the page (a self-contained report makes none).
"""
from __future__ import annotations

import base64
import itertools
import json
import subprocess
import time
import urllib.request
from pathlib import Path

from websockets.sync.client import connect

CHROMIUM = Path("/usr/bin/chromium")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--disable-quic", "--hide-scrollbars"]
WIDTH = 1280
# Requests a self-contained page may make: itself, and inline data.
LOCAL_SCHEMES = ("data:", "blob:", "about:")


class CdpError(RuntimeError):
    pass


class Page:
    """The browser's tab, with what it logged since the last open()."""

    def __init__(self, ws_url: str):
        self._ws = connect(ws_url, max_size=None, open_timeout=20, proxy=None)  # loopback, never a proxy
        self._ids = itertools.count(1)
        self._requests: dict[str, str] = {}
        self.console_errors: list[str] = []
        self.failed_requests: list[str] = []
        self.external_requests: list[str] = []
        self._url = ""
        for domain in ("Page", "Runtime", "Log", "Network", "DOM", "CSS"):
            self.call(f"{domain}.enable")

    def close(self) -> None:
        self._ws.close()

    def _on_event(self, message: dict) -> None:
        method, params = message["method"], message.get("params", {})
        if method == "Runtime.consoleAPICalled" and params["type"] in ("error", "assert"):
            self.console_errors.append(" ".join(str(a.get("value", a.get("description", ""))) for a in params["args"]))
        elif method == "Runtime.exceptionThrown":
            details = params["exceptionDetails"]
            self.console_errors.append(details.get("exception", {}).get("description") or details.get("text", ""))
        elif method == "Log.entryAdded" and params["entry"]["level"] == "error":
            self.console_errors.append(params["entry"]["text"])
        elif method == "Network.requestWillBeSent":
            url = params["request"]["url"]
            self._requests[params["requestId"]] = url
            if url != self._url and not url.startswith(LOCAL_SCHEMES):
                self.external_requests.append(url)
        elif method == "Network.loadingFailed":
            self.failed_requests.append(f"{self._requests.get(params['requestId'], '?')}: {params['errorText']}")

    def _receive(self, timeout: float) -> dict:
        message = json.loads(self._ws.recv(timeout=timeout))
        if "method" in message:
            self._on_event(message)
        return message

    def call(self, method: str, timeout: float = 30, **params) -> dict:
        request_id = next(self._ids)
        self._ws.send(json.dumps({"id": request_id, "method": method, "params": params}))
        deadline = time.monotonic() + timeout
        while True:
            message = self._receive(max(0.1, deadline - time.monotonic()))
            if message.get("id") == request_id:
                if "error" in message:
                    raise CdpError(f"{method}: {message['error']}")
                return message["result"]

    def _wait_for(self, event: str, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while self._receive(max(0.1, deadline - time.monotonic())).get("method") != event:
            pass

    def open(self, path: Path, height: int = 1600, timeout: float = 60) -> "Page":
        """Load a local file and wait until it and its fonts are loaded; resets the logs."""
        self.console_errors, self.failed_requests, self.external_requests = [], [], []
        self._url = path.resolve().as_uri()
        self.call("Emulation.setDeviceMetricsOverride", width=WIDTH, height=height, deviceScaleFactor=1, mobile=False)
        self.call("Page.navigate", url=self._url)
        self._wait_for("Page.loadEventFired", timeout)
        self.evaluate("document.fonts.ready.then(() => true)")
        return self

    def evaluate(self, expression: str):
        """The value of a JavaScript expression (promises awaited); a thrown error raises CdpError."""
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise CdpError(result["exceptionDetails"].get("exception", {}).get("description", "evaluation failed"))
        return result["result"].get("value")

    def type_text(self, selector: str, text: str) -> None:
        """Focus an input and commit text the way an IME does (fires input events; works for Hangul)."""
        self.evaluate(f"document.querySelector({json.dumps(selector)}).focus()")
        self.call("Input.insertText", text=text)

    def fonts_for(self, selector: str) -> dict[str, int]:
        """Platform font family -> glyphs Chromium actually drew for the first element matching selector."""
        root = self.call("DOM.getDocument", depth=0)["root"]["nodeId"]
        node = self.call("DOM.querySelector", nodeId=root, selector=selector)["nodeId"]
        if not node:
            raise CdpError(f"no element matches {selector}")
        fonts = self.call("CSS.getPlatformFontsForNode", nodeId=node)["fonts"]
        return {f["familyName"]: f["glyphCount"] for f in fonts}

    def screenshot(self, path: Path, max_height: int = 8000) -> Path:
        """A PNG of the whole page (up to max_height CSS pixels), WIDTH pixels wide."""
        height = min(max_height, int(self.evaluate("document.documentElement.scrollHeight")))
        shot = self.call("Page.captureScreenshot", format="png", captureBeyondViewport=True,
                         clip={"x": 0, "y": 0, "width": WIDTH, "height": height, "scale": 1})
        path.write_bytes(base64.b64decode(shot["data"]))
        return path


class Chromium:
    """Context manager: a headless Chromium with its own profile folder; yields its first tab as a Page."""

    def __init__(self, profile_dir: Path, binary: Path = CHROMIUM):
        self.profile_dir, self.binary = profile_dir, binary
        self._process: subprocess.Popen | None = None
        self._page: Page | None = None

    def __enter__(self) -> Page:
        self.profile_dir.mkdir(parents=True, exist_ok=True)
        port_file = self.profile_dir / "DevToolsActivePort"
        port_file.unlink(missing_ok=True)
        self._process = subprocess.Popen(
            [str(self.binary), *FLAGS, f"--user-data-dir={self.profile_dir}", "--remote-debugging-port=0",
             f"--window-size={WIDTH},1600", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 30
        while not (port_file.is_file() and port_file.read_text().strip()):
            if time.monotonic() > deadline or self._process.poll() is not None:
                self.__exit__(None, None, None)
                raise CdpError("chromium did not start its DevTools endpoint")
            time.sleep(0.05)
        port = port_file.read_text().split()[0]
        loopback = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # never via an HTTP proxy
        with loopback.open(f"http://127.0.0.1:{port}/json/list", timeout=10) as response:
            targets = json.load(response)
        tab = next(t for t in targets if t["type"] == "page")
        self._page = Page(tab["webSocketDebuggerUrl"])
        return self._page

    def __exit__(self, *exc) -> None:
        if self._page is not None:
            self._page.close()
        if self._process is not None:
            self._process.terminate()
            try:
                self._process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
