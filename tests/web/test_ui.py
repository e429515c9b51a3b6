"""`guard ui`: the real command in its own process, with BROWSER set to a script that records the URL.

No real browser window opens; the last test opens the page in the tests' headless Chromium and
stops the server under it, as happens when the computer sleeps or the user closes the terminal.
"""

from __future__ import annotations

import http.server
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Browser, expect

GUARD = str(Path(sys.executable).with_name("guard"))


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def run_guard_ui(home: Path, port: int, timeout: float = 240) -> tuple[subprocess.CompletedProcess[str], list[str]]:
    """`guard ui --port PORT` with its own CLIENTGUARD_HOME; returns the result and the URLs "opened"."""
    opened = home / "opened.txt"
    recorder = home / "record-url"
    recorder.write_text(f'#!/bin/sh\nprintf "%s\\n" "$1" >> "{opened}"\n', encoding="utf-8")
    recorder.chmod(0o755)
    env = {name: value for name, value in os.environ.items() if not name.startswith("CLIENTGUARD_")}
    env |= {"CLIENTGUARD_HOME": str(home), "BROWSER": f"{recorder} %s", "PYTHONUNBUFFERED": "1"}
    result = subprocess.run(
        [GUARD, "ui", "--port", str(port)], env=env, cwd=home, capture_output=True, text=True, timeout=timeout
    )
    urls = opened.read_text(encoding="utf-8").splitlines() if opened.exists() else []
    return result, urls


@pytest.fixture
def running_server(quiet_server: Callable[..., str]) -> int:
    """A clientguard server already answering on 127.0.0.1 (in-process, no model); its port."""
    return int(quiet_server().rsplit(":", 1)[1])


def test_guard_ui_opens_the_page_of_a_server_already_running(tmp_path: Path, running_server: int) -> None:
    result, urls = run_guard_ui(tmp_path, running_server, timeout=60)
    assert result.returncode == 0, result.stderr
    assert urls == [f"http://127.0.0.1:{running_server}/"]
    assert result.stdout.strip() == urls[0]
    assert "Started" not in result.stderr  # no second server
    assert not (tmp_path / "ui-server.log").exists()


def test_guard_ui_refuses_a_port_taken_by_another_program(tmp_path: Path) -> None:
    other = http.server.ThreadingHTTPServer(("127.0.0.1", 0), http.server.SimpleHTTPRequestHandler)
    threading.Thread(target=other.serve_forever, daemon=True).start()
    try:
        result, urls = run_guard_ui(tmp_path, other.server_address[1], timeout=60)
    finally:
        other.shutdown()
        other.server_close()
    assert result.returncode == 2
    assert "used by another program" in result.stderr and "--port" in result.stderr
    assert "Traceback" not in result.stderr
    assert urls == []


def test_guard_ui_refuses_an_impossible_port(tmp_path: Path) -> None:
    result, urls = run_guard_ui(tmp_path, 70000, timeout=60)
    assert result.returncode == 2 and "between 1 and 65535" in result.stderr and urls == []


@pytest.mark.model
def test_guard_ui_starts_the_server_and_the_page_says_when_it_stops(tmp_path: Path, browser: Browser) -> None:
    port = free_port()
    result, urls = run_guard_ui(tmp_path, port)
    assert result.returncode == 0, result.stderr
    started = re.search(r"pid (\d+)", result.stderr)
    assert started, result.stderr
    pid = int(started.group(1))
    try:
        url = f"http://127.0.0.1:{port}/"
        assert urls == [url]
        assert httpx.get(url).status_code == 200  # the server outlived the command
        again, urls = run_guard_ui(tmp_path, port, timeout=60)  # a second `guard ui` reuses it
        assert again.returncode == 0 and "Started" not in again.stderr and urls == [url, url]

        context = browser.new_context(base_url=url)
        page = context.new_page()
        page.goto("/")
        page.wait_for_selector("body[data-ready=true]")
        page.fill("#input", "Bonjour, je suis Jean Dupont.")
        page.click("#redact")
        expect(page.locator("#redacted")).to_contain_text("[PERSON_1]")
        os.kill(pid, signal.SIGTERM)
        _wait_until_gone(pid)
        page.fill("#input", "Et Marie Curie aussi.")
        page.click("#redact")
        expect(page.locator("#alert")).to_contain_text("Le serveur clientguard ne répond pas")
        expect(page.locator("#alert")).to_contain_text("guard ui")
        context.close()
    finally:
        if _alive(pid):
            os.kill(pid, signal.SIGKILL)


def _alive(pid: int) -> bool:
    """True while the process runs (a zombie waiting for its new parent to reap it counts as gone)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state != "Z"


def _wait_until_gone(pid: int, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while _alive(pid) and time.monotonic() < deadline:
        time.sleep(0.1)


def test_guard_ui_says_so_when_no_browser_can_be_opened(tmp_path: Path, running_server: int) -> None:
    # The only "browser" fails, and no other can be found: no display, no browser on the PATH.
    env = {name: value for name, value in os.environ.items()
           if not name.startswith("CLIENTGUARD_") and name not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env |= {"CLIENTGUARD_HOME": str(tmp_path), "BROWSER": "/bin/false", "PATH": str(Path(GUARD).parent)}
    result = subprocess.run(
        [GUARD, "ui", "--port", str(running_server)], env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0
    assert "open this address in yours" in result.stderr
    assert result.stdout.strip() == f"http://127.0.0.1:{running_server}/"
