"""Fixtures for the web page's tests: a real `guard serve` (one per session) and Debian's Chromium.

The server runs in its own process on 127.0.0.1 with its own CLIENTGUARD_HOME and two client
profiles in its config; Chromium is driven headless through Playwright (the Python package, never
`playwright install`: the browser is the system's). Each test gets a fresh browser context, so
nothing the page remembers (language, conversation) leaks from one test to the next.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
import uvicorn
from playwright.sync_api import Browser, Page, sync_playwright

from guard import Entity, Guard, Settings, Vault
from guard.api import ApiSettings, create_app
from guard.config import ClientProfile

CHROMIUM = "/usr/bin/chromium"
# Without the background-networking flags Chromium keeps trying to reach the internet.
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run",
]
WIDE = {"width": 1366, "height": 900}
NARROW = {"width": 400, "height": 900}  # a browser window kept beside the AI tool

# The server's profiles: the page shows its chooser because they exist; globex's policy refuses secrets.
SERVER_CONFIG = """\
[clients.acme]
terms = ["Projet Phénix"]

[clients.globex]
policy = { SECRET = "block" }
"""


@dataclass
class Server:
    """A clientguard server running in its own process."""

    url: str
    process: subprocess.Popen[bytes]
    logs: list[Path]

    def log_text(self) -> str:
        return "".join(path.read_text(encoding="utf-8", errors="replace") for path in self.logs if path.exists())


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def start_server(home: Path, port: int) -> Server:
    """`serve()` on 127.0.0.1:`port`, as `guard serve` runs it, with `home` as CLIENTGUARD_HOME."""
    env = {name: value for name, value in os.environ.items() if not name.startswith("CLIENTGUARD_")}
    env |= {"CLIENTGUARD_HOME": str(home), "PYTHONUNBUFFERED": "1"}
    logs = [home / "stdout.log", home / "stderr.log"]
    code = f"from guard.api.server import serve; serve(host='127.0.0.1', port={port})"
    with logs[0].open("wb") as out, logs[1].open("wb") as err:
        process = subprocess.Popen([sys.executable, "-c", code], env=env, stdout=out, stderr=err, cwd=home)
    return Server(f"http://127.0.0.1:{port}", process, logs)


def wait_until_healthy(server: Server, timeout: float = 180) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            pytest.fail(f"the server exited with {server.process.returncode}:\n{server.log_text()}")
        try:
            if httpx.get(f"{server.url}/healthz", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    pytest.fail(f"the server did not answer /healthz within {timeout:.0f} s:\n{server.log_text()}")


def stop_server(process: subprocess.Popen[bytes]) -> None:
    """Stop one server by its own pid (SIGTERM, then SIGKILL if it hangs)."""
    if process.poll() is not None:
        return
    os.kill(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.kill(process.pid, signal.SIGKILL)
        process.wait()


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """One real clientguard server with the French model, for every browser test."""
    home = tmp_path_factory.mktemp("web-server-home")
    (home / "config.toml").write_text(SERVER_CONFIG, encoding="utf-8")
    running = start_server(home, free_port())
    try:
        wait_until_healthy(running)
        yield running
    finally:
        stop_server(running.process)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """Debian's Chromium, headless, launched once per test module (about a second).

    Not once per session: while Playwright's synchronous API is started, its event loop counts as
    running in this thread, and any later test calling asyncio.run or anyio.run would fail.
    """
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make system-deps` (apt-get install chromium).")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="session")
def screenshots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where the tests save what the page looked like (the path is printed with -s or on failure)."""
    folder = tmp_path_factory.mktemp("screenshots")
    print(f"\nscreenshots: {folder}")
    return folder


@pytest.fixture
def open_page(browser: Browser, server: Server) -> Iterator[Callable[[dict[str, int]], Page]]:
    """Open the page in a fresh browser context (its own storage, clipboard allowed), loaded and ready."""
    opened: list[Page] = []

    def opener(viewport: dict[str, int] = WIDE) -> Page:
        context = browser.new_context(
            base_url=server.url, viewport=viewport, locale="fr-FR", permissions=["clipboard-read", "clipboard-write"]
        )
        page = context.new_page()
        opened.append(page)
        page.goto("/")
        page.wait_for_selector("body[data-ready=true]")
        return page

    yield opener
    for page in opened:
        page.context.close()


@pytest.fixture
def page(open_page: Callable[[dict[str, int]], Page]) -> Page:
    """The page in a wide window."""
    return open_page(WIDE)


@pytest.fixture
def narrow_page(open_page: Callable[[dict[str, int]], Page]) -> Page:
    """The page in a narrow window, as kept beside the AI tool."""
    return open_page(NARROW)


class QuietGuard(Guard):
    """A Guard that finds nothing: for tests of what surrounds detection, with no model to load."""

    def analyze(self, text: str, **_: object) -> list[Entity]:
        return []


@pytest.fixture
def quiet_server(tmp_path: Path) -> Iterator[Callable[..., str]]:
    """Start a real uvicorn on 127.0.0.1 serving the app over a QuietGuard (in this process); its URL."""
    running: list[tuple[uvicorn.Server, threading.Thread]] = []

    def start(api_key: str | None = None, clients: tuple[str, ...] = ()) -> str:
        profiles = {name: ClientProfile() for name in clients}
        settings = Settings(vault_path=tmp_path / "vault.db", key_path=tmp_path / "vault.key", clients=profiles)
        app = create_app(QuietGuard(settings=settings, vault=Vault.in_memory()), settings=ApiSettings(api_key=api_key))
        port = free_port()
        server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        running.append((server, thread))
        deadline = time.monotonic() + 30
        while not server.started and time.monotonic() < deadline:
            time.sleep(0.05)
        assert server.started, "the in-process server did not start"
        return f"http://127.0.0.1:{port}"

    yield start
    for server, thread in running:
        server.should_exit = True
        thread.join(timeout=10)
