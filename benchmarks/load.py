"""Load and faults on loopback: many clients redacting and restoring at once, then a server killed mid-load.

    python benchmarks/load.py                      # 50 clients for 60 s, then the kill test
    python benchmarks/load.py --clients 20 --seconds 20

Starts `guard serve` on 127.0.0.1 (a free port, a temporary CLIENTGUARD_HOME), warms it up, then runs
the clients: each one keeps its own conversation (session), sends French messages holding values only
it uses (names, e-mails, phones), and checks that restoring each redacted message gives back exactly
what it sent — a value from another session would break that. The server's resident memory is
sampled every second. Then a second phase kills the server with SIGKILL while clients are writing,
restarts it on the same vault, and restores every message whose redaction had been answered: a
committed mapping must survive. tests/hardening/test_load.py runs the same code, bounded, in CI.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import httpx

# fmt: off
FIRST = ["Jean", "Hélène", "François", "Chloé", "Jérôme", "Émilie", "Benoît", "Amélie", "Mathieu", "Sophie", "Nicolas"]
LAST = ["Dupont", "Lefèvre", "Moreau", "Girard", "Fontaine", "Rousseau", "Chevalier", "Mercier", "Marchand", "Perrin"]
TEMPLATES = [
    "Bonjour {title} {name},\nmerci pour votre retour. Vous pouvez me joindre au {phone} ou à {email}.\n",
    "Compte rendu : {title} {name} ({email}) confirme la livraison. Rappeler au {phone} avant vendredi.",
    "Objet : dossier {n}\n{title} {name} demande un devis ; écrire à {email}, tél {phone}. Cordialement.",
]
# fmt: on


@dataclass
class Message:
    session_id: str
    original: str
    redacted: str


@dataclass
class Tally:
    """What the clients saw, shared by all of them (guarded by a lock)."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    requests: int = 0
    errors: list[str] = field(default_factory=list)
    mixed: int = 0
    latencies: list[float] = field(default_factory=list)
    committed: list[Message] = field(default_factory=list)

    def record(self, seconds: float) -> None:
        with self.lock:
            self.requests += 1
            self.latencies.append(seconds)


def message(client: int, k: int, rng: random.Random) -> str:
    """A French message whose e-mail and phone belong to this client alone."""
    phone = f"06 {client % 90 + 10:02d} {k % 90 + 10:02d} {rng.randint(10, 99)} {rng.randint(10, 99)}"
    return rng.choice(TEMPLATES).format(
        title=rng.choice(["M.", "Mme"]), name=f"{rng.choice(FIRST)} {rng.choice(LAST)}",
        email=f"client{client}.msg{k}@exemple-{client}.fr", phone=phone, n=k,
    )


def run_client(url: str, client: int, stop: threading.Event, tally: Tally, sessions: int = 2) -> None:
    """One client: a few conversations of its own; every round trip checked exactly."""
    rng = random.Random(client)
    history: list[Message] = []
    session_ids: list[str | None] = [None] * sessions
    with httpx.Client(base_url=url, timeout=60) as http:
        k = 0
        while not stop.is_set():
            k += 1
            slot = k % sessions
            try:
                if history and rng.random() < 0.3:  # restore an earlier message of this client
                    old = rng.choice(history)
                    _check(http, tally, old)
                    continue
                text = message(client, k, rng)
                start = time.perf_counter()
                red = http.post("/v1/redact", json={"text": text, "session_id": session_ids[slot]})
                tally.record(time.perf_counter() - start)
                if red.status_code != 200:
                    raise RuntimeError(f"redact answered {red.status_code}")
                body = red.json()
                session_ids[slot] = body["session_id"]
                sent = Message(body["session_id"], text, body["text"])
                with tally.lock:
                    tally.committed.append(sent)
                history.append(sent)
                _check(http, tally, sent)
            except (httpx.HTTPError, RuntimeError) as exc:
                if not stop.is_set():
                    with tally.lock:
                        tally.errors.append(f"client {client}: {type(exc).__name__}: {exc}")
                return


def _check(http: httpx.Client, tally: Tally, sent: Message) -> None:
    start = time.perf_counter()
    got = http.post("/v1/restore", json={"text": sent.redacted, "session_id": sent.session_id})
    tally.record(time.perf_counter() - start)
    if got.status_code != 200:
        raise RuntimeError(f"restore answered {got.status_code}")
    if got.json()["text"] != sent.original:
        with tally.lock:
            tally.mixed += 1


def run_load(url: str, clients: int, seconds: float, rss: Callable[[], int] | None = None) -> tuple[Tally, list[int]]:
    """`clients` threads for `seconds`; returns the tally and the server's RSS sampled each second."""
    tally, stop, samples = Tally(), threading.Event(), list[int]()
    threads = [threading.Thread(target=run_client, args=(url, c, stop, tally), daemon=True) for c in range(clients)]
    for thread in threads:
        thread.start()
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if rss is not None:
            samples.append(rss())
        time.sleep(1)
    stop.set()
    for thread in threads:
        thread.join(timeout=120)
    return tally, samples


def unrestorable(url: str, committed: list[Message]) -> list[Message]:
    """The committed messages that no longer restore exactly (after a restart: none, is the promise)."""
    lost = []
    with httpx.Client(base_url=url, timeout=60) as http:
        for sent in committed:
            got = http.post("/v1/restore", json={"text": sent.redacted, "session_id": sent.session_id})
            if got.status_code != 200 or got.json()["text"] != sent.original:
                lost.append(sent)
    return lost


def kill_mid_load(
    start: Callable[[], None], kill: Callable[[], None], url: str, clients: int, seconds: float
) -> tuple[int, int, int]:
    """Load for `seconds`, SIGKILL the server while clients write, restart it, restore every committed message.

    Returns (messages committed before the kill, messages lost, errors seen before the kill).
    """
    tally, stop = Tally(), threading.Event()
    threads = [threading.Thread(target=run_client, args=(url, c, stop, tally), daemon=True) for c in range(clients)]
    for thread in threads:
        thread.start()
    time.sleep(seconds)
    with tally.lock:
        errors_before = len(tally.errors)
    kill()
    stop.set()
    for thread in threads:
        thread.join(timeout=120)
    start()
    return len(tally.committed), len(unrestorable(url, tally.committed)), errors_before


# -- the stand-alone benchmark ----------------------------------------------------------------------------


class _Server:
    def __init__(self, home: Path) -> None:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.home, self.process = home, None
        self.url = f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        env = {k: v for k, v in os.environ.items() if not k.startswith("CLIENTGUARD_")} | {"CLIENTGUARD_HOME": str(self.home)}
        guard = Path(sys.executable).with_name("guard")
        log = (self.home / "server.log").open("ab")
        self.process = subprocess.Popen([str(guard), "serve", "--port", str(self.port)], env=env, stdout=log, stderr=log)
        for _ in range(720):
            try:
                if httpx.get(f"{self.url}/healthz", timeout=2).status_code == 200:
                    return
            except httpx.TransportError:
                time.sleep(0.25)
        raise RuntimeError("the server did not start")

    def kill(self, sig: int = signal.SIGKILL) -> None:
        os.kill(self.process.pid, sig)
        self.process.wait()

    def rss(self) -> int:
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
        return 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--kill-after", type=float, default=10, help="seconds of load before the SIGKILL")
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as home:
        server = _Server(Path(home))
        server.start()
        run_load(server.url, 2, 3)  # warm-up
        tally, samples = run_load(server.url, args.clients, args.seconds, server.rss)
        latencies = sorted(tally.latencies)
        mib = [s / 2**20 for s in samples]
        third = max(1, len(mib) // 3)
        figures = {
            "clients": args.clients, "seconds": args.seconds, "requests": tally.requests,
            "requests_per_s": round(tally.requests / args.seconds, 1), "errors": len(tally.errors),
            "mixed_sessions": tally.mixed, "messages": len(tally.committed),
            "p50_ms": round(1000 * statistics.median(latencies), 1) if latencies else None,
            "p95_ms": round(1000 * latencies[int(0.95 * (len(latencies) - 1))], 1) if latencies else None,
            "rss_first_third_mib": round(statistics.median(mib[:third]), 1) if mib else None,
            "rss_last_third_mib": round(statistics.median(mib[-third:]), 1) if mib else None,
            "rss_max_mib": round(max(mib), 1) if mib else None,
        }
        committed, lost, errors_before = kill_mid_load(server.start, server.kill, server.url, args.clients, args.kill_after)
        figures |= {"kill_committed": committed, "kill_lost": lost, "kill_errors_before": errors_before}
        server.kill(signal.SIGTERM)
    for name, value in figures.items():
        print(f"{name:22} {value}")
    if tally.errors:
        print("first errors:", *tally.errors[:5], sep="\n  ")
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
