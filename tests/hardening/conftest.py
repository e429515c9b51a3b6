"""Fixtures for the hardening tests: the real pipeline loaded once per session, and real servers."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest

from guard import Guard, Settings, Vault


@pytest.fixture(scope="session")
def real_guard() -> Guard:
    """A Guard over the real French model and an in-memory vault, shared by the session.

    Its settings are the defaults, never the developer's files; the analyzer is cached per process.
    """
    guard = Guard(settings=Settings(), vault=Vault.in_memory())
    guard.analyze("Bonjour Jean Dupont.")  # load the model now, not inside a timed property
    return guard


# -- the real CLI and a real server ----------------------------------------------------------------

GuardRun = Callable[..., "subprocess.CompletedProcess[bytes]"]


@pytest.fixture(scope="session")
def run_guard() -> GuardRun:
    """Run the installed `guard` command in a fresh process whose files all land in `home`."""

    def run(args: list[str], home: Path, stdin: bytes = b"", timeout: float = 180, **env: str) -> subprocess.CompletedProcess[bytes]:
        guard = Path(sys.executable).with_name("guard")
        return subprocess.run(
            [str(guard), *args], input=stdin, capture_output=True, env=product_env(home, **env), cwd=home, timeout=timeout, check=False
        )

    return run


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def product_env(home: Path, **extra: str) -> dict[str, str]:
    """The environment of a clientguard process whose every file (temp files too) lands in `home`."""
    env = {name: value for name, value in os.environ.items() if not name.startswith("CLIENTGUARD_")}
    (home / "tmp").mkdir(parents=True, exist_ok=True)
    return env | {"CLIENTGUARD_HOME": str(home), "TMPDIR": str(home / "tmp"), "PYTHONUNBUFFERED": "1"} | extra


@dataclass
class Server:
    """`guard serve` in its own process, logging to files in its home."""

    home: Path
    port: int
    process: subprocess.Popen[bytes] | None = None
    starts: int = 0
    logs: list[Path] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        self.starts += 1
        out, err = self.home / f"server-{self.starts}.out", self.home / f"server-{self.starts}.err"
        self.logs += [out, err]
        guard = Path(sys.executable).with_name("guard")
        with out.open("wb") as stdout, err.open("wb") as stderr:
            self.process = subprocess.Popen(
                [str(guard), "serve", "--port", str(self.port)], env=product_env(self.home), stdout=stdout,
                stderr=stderr, cwd=self.home,
            )
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the server exited with {self.process.returncode}:\n{self.log_text()}")
            try:
                if httpx.get(f"{self.url}/healthz", timeout=2).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.25)
        raise RuntimeError(f"the server did not answer within 180 s:\n{self.log_text()}")

    def stop(self, sig: int = signal.SIGTERM) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        os.kill(self.process.pid, sig)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.kill(self.process.pid, signal.SIGKILL)
            self.process.wait()

    def rss_bytes(self) -> int:
        """The server process's resident memory, from /proc."""
        assert self.process is not None
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
        raise RuntimeError("no VmRSS line")

    def log_text(self) -> str:
        return "".join(p.read_text(encoding="utf-8", errors="replace") for p in self.logs if p.exists())


@pytest.fixture(scope="module")
def server_factory(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Callable[[str], Server]]:
    """Start `guard serve` processes on free loopback ports, each with its own home; all stopped at the end."""
    started: list[Server] = []

    def make(name: str) -> Server:
        server = Server(tmp_path_factory.mktemp(name), free_port())
        started.append(server)
        server.start()
        return server

    yield make
    for server in started:
        server.stop()
