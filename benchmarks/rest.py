"""REST speed of clientguard's /v1/redact against a FastAPI app wrapping vanilla Presidio, in one run.

    python benchmarks/rest.py [--seconds 15] [--concurrency 1 8]

Each server is a real uvicorn process on 127.0.0.1 (one worker): `guard serve`'s app for
clientguard; for Presidio, the FastAPI app below, with AnalyzerEngine over fr_core_news_md (through
NlpEngineProvider, as in speed.py) and AnonymizerEngine. Both receive the same 1 KB French e-mail as
`{"text": ...}` JSON; clientguard opens a session per request, as a new conversation would. For
each server and concurrency, clients send requests back to back for `--seconds` after a warm-up,
and the run prints requests/s and p50/p99 latency; `--json FILE` also writes the figures. Both
servers run at once and are measured in alternating short rounds, so that a machine whose load
changes during the run (a shared one) weighs on both alike.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

import httpx
from pydantic import BaseModel

SAMPLE = resources.files("guard").joinpath("samples", "email_client.txt").read_text(encoding="utf-8")
TEXT = (SAMPLE * (1024 // len(SAMPLE) + 1))[:1024]

# How each server is started (a fresh process each), given its port.
SERVERS = {
    "clientguard": ["-c", "from guard.api.server import serve; serve(host='127.0.0.1', port={port})"],
    "presidio": [str(Path(__file__).resolve()), "--serve-presidio", "{port}"],
}


class RedactBody(BaseModel):
    """The body both servers take: `{"text": ...}`."""

    text: str


def presidio_app() -> Any:
    """A FastAPI app over vanilla Presidio (French, same model as clientguard): POST /v1/redact."""
    import logging

    from fastapi import FastAPI
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider
    from presidio_anonymizer import AnonymizerEngine

    logging.disable(logging.CRITICAL)
    nlp = NlpEngineProvider(nlp_configuration={
        "nlp_engine_name": "spacy", "models": [{"lang_code": "fr", "model_name": "fr_core_news_md"}],
    }).create_engine()
    analyzer = AnalyzerEngine(nlp_engine=nlp, supported_languages=["fr"])
    anonymizer = AnonymizerEngine()
    analyzer.analyze("warm up", language="fr")

    app = FastAPI()

    @app.get("/healthz")
    def health() -> dict[str, str]:
        return {"status": "ok"}

    @app.post("/v1/redact")
    def redact(body: RedactBody) -> dict[str, str]:
        return {"text": anonymizer.anonymize(body.text, analyzer.analyze(body.text, language="fr")).text}

    return app


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@contextmanager
def running(name: str, home: Path) -> Iterator[str]:
    """The server `name` in its own process, until the block ends; yields its base URL."""
    port = free_port()
    argv = [arg.format(port=port) for arg in SERVERS[name]]
    env = {k: v for k, v in os.environ.items() if not k.startswith("CLIENTGUARD_")} | {"CLIENTGUARD_HOME": str(home)}
    process = subprocess.Popen([sys.executable, *argv], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 180
        while True:
            if process.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"{name} server did not start")
            try:
                if httpx.get(f"{url}/healthz", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.2)
        yield url
    finally:
        os.kill(process.pid, signal.SIGTERM)
        process.wait(timeout=30)


def load(url: str, concurrency: int, seconds: float) -> tuple[list[float], float, int]:
    """Latencies, wall time and failures of `concurrency` clients sending back to back for `seconds`."""
    latencies: list[float] = []
    lock = threading.Lock()
    failures = 0
    ready = threading.Barrier(concurrency + 1)

    def client() -> None:
        nonlocal failures
        with httpx.Client(base_url=url, timeout=60) as http:
            http.post("/v1/redact", json={"text": TEXT})  # warm-up (connection, first request), not counted
            ready.wait()
            while time.monotonic() < stop:
                started = time.perf_counter()
                ok = http.post("/v1/redact", json={"text": TEXT}).status_code == 200
                elapsed = time.perf_counter() - started
                with lock:
                    latencies.append(elapsed)
                    failures += not ok

    threads = [threading.Thread(target=client) for _ in range(concurrency)]
    for thread in threads:
        thread.start()
    started = time.monotonic()  # the clients are warm: they start at the barrier, right after this
    stop = started + seconds
    ready.wait()
    for thread in threads:
        thread.join()
    return latencies, time.monotonic() - started, failures


def summary(latencies: list[float], wall: float, failures: int) -> dict[str, float]:
    """Requests/s and p50/p99 latency in milliseconds."""
    latencies = sorted(latencies)
    return {
        "requests": len(latencies),
        "failures": failures,
        "rps": len(latencies) / wall,
        "p50_ms": 1000 * statistics.median(latencies),
        "p99_ms": 1000 * latencies[min(len(latencies) - 1, int(0.99 * len(latencies)))],
    }


def measure(urls: dict[str, str], concurrency: int, seconds: float, rounds: int) -> dict[str, dict[str, float]]:
    """Each server in turn, in short alternating rounds, so both see the same background load."""
    runs: dict[str, tuple[list[float], float, int]] = {name: ([], 0.0, 0) for name in urls}
    for _ in range(rounds):
        for name, url in urls.items():
            latencies, wall, failures = load(url, concurrency, seconds / rounds)
            total = runs[name]
            runs[name] = (total[0] + latencies, total[1] + wall, total[2] + failures)
    return {name: summary(*run) for name, run in runs.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=15.0)
    parser.add_argument("--concurrency", type=int, nargs="+", default=[1, 8])
    parser.add_argument("--rounds", type=int, default=3, help="alternating rounds per concurrency")
    parser.add_argument("--json", type=Path)
    parser.add_argument("--serve-presidio", type=int, metavar="PORT", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve_presidio:
        import uvicorn

        uvicorn.run(presidio_app(), host="127.0.0.1", port=args.serve_presidio, log_level="warning")
        return
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))  # stopped: still stop the servers (finally)
    figures: dict[str, dict[str, dict[str, float]]] = {name: {} for name in SERVERS}
    with tempfile.TemporaryDirectory() as home, running("clientguard", Path(home)) as ours, \
            running("presidio", Path(home)) as theirs:
        for c in args.concurrency:
            for name, result in measure({"clientguard": ours, "presidio": theirs}, c, args.seconds, args.rounds).items():
                figures[name][str(c)] = result
    print(f"# REST /v1/redact, 1 KB French, {date.today()}, {platform.machine()}, {os.cpu_count()} cores, "
          f"{args.seconds:g} s per point in {args.rounds} alternating rounds, one uvicorn worker each")
    print(f"{'concurrency':<12}{'metric':<8}{'clientguard':>13}{'presidio':>11}{'ratio':>8}")
    for c in map(str, args.concurrency):
        ours, theirs = figures["clientguard"][c], figures["presidio"][c]
        for key in ("rps", "p50_ms", "p99_ms"):
            print(f"{c:<12}{key:<8}{ours[key]:>13.1f}{theirs[key]:>11.1f}{ours[key] / theirs[key]:>8.2f}")
        if ours["failures"] or theirs["failures"]:  # a figure over failed requests means nothing
            raise SystemExit(f"failed requests: clientguard {ours['failures']:g}, presidio {theirs['failures']:g}")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
