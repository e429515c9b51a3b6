"""`/docs` and `/redoc` render in a real browser with no network beyond this server.

The API runs under uvicorn on 127.0.0.1 (in a thread, model-free Guard); Debian's Chromium loads the
pages while every request to another host is refused and recorded, so a page that still needs a CDN
fails here. Chromium comes from `make system-deps`; Playwright only drives it.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from playwright.sync_api import Route, expect, sync_playwright

from guard.api import ApiSettings, create_app

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="module")
def base_url(regex_guard: Any) -> Iterator[str]:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(create_app(regex_guard, settings=ApiSettings()), log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    server.should_exit = True
    thread.join(timeout=10)
    sock.close()


@pytest.mark.parametrize(
    ("page", "rendered", "decorations"),
    [
        ("/docs", ".swagger-ui .opblock", set()),
        # ReDoc's "API docs by Redocly" footer links its logo from redocly's site: an image, nothing else.
        ("/redoc", ".redoc-wrap", {"https://cdn.redoc.ly/redoc/logo-mini.svg"}),
    ],
)
def test_the_api_docs_render_offline_in_a_browser(base_url: str, page: str, rendered: str, decorations: set[str]) -> None:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make system-deps` (apt-get install chromium).")
    elsewhere: list[tuple[str, str]] = []

    def only_this_server(route: Route) -> None:
        if route.request.url.startswith(base_url):
            route.continue_()
        else:
            elsewhere.append((route.request.url, route.request.resource_type))
            route.abort()

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            context = browser.new_context()
            context.route("**/*", only_this_server)
            tab = context.new_page()
            tab.goto(base_url + page)
            expect(tab.locator(rendered).first).to_be_visible(timeout=30_000)
            expect(tab.get_by_text("/v1/chat/completions").first).to_be_attached(timeout=30_000)
        finally:
            browser.close()
    assert {url for url, kind in elsewhere if kind == "image"} <= decorations
    assert [url for url, kind in elsewhere if kind != "image"] == []  # no script, style or font from a CDN
