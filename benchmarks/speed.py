"""Speed of clientguard against vanilla Presidio (French, same spaCy model), in one run.

    python benchmarks/speed.py [--runs 50]

Measures, for each engine: cold start of a fresh process redacting a 1 KB French text (import,
model load, first result), per-call latency of a redaction once loaded (p50/p95 at 1 KB and
3 KB), throughput in characters per second, and the process's peak memory. Prints a table and
the ratios clientguard / Presidio; `--json FILE` also writes the figures.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from importlib import resources
from pathlib import Path

SAMPLE = resources.files("guard").joinpath("samples", "email_client.txt").read_text(encoding="utf-8")


def text_of(size: int) -> str:
    """A French client e-mail repeated and cut to `size` characters."""
    return (SAMPLE * (size // len(SAMPLE) + 1))[:size]


# Each engine is measured in its own fresh process so that cold start and memory are its own.
WORKER = r'''
import json, resource, statistics, sys, time
start = time.perf_counter()
engine, runs, sizes = sys.argv[1], int(sys.argv[2]), json.loads(sys.argv[3])
texts = {int(k): v for k, v in sizes.items()}
if engine == "clientguard":
    from guard import Guard, Vault
    guard = Guard(vault=Vault.in_memory())
    session = guard.new_session()
    def redact(text):
        return guard.redact(text, session_id=session).text
else:
    import logging
    logging.disable(logging.CRITICAL)
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider
    from presidio_anonymizer import AnonymizerEngine
    nlp = NlpEngineProvider(nlp_configuration={"nlp_engine_name": "spacy",
        "models": [{"lang_code": "fr", "model_name": "fr_core_news_md"}]}).create_engine()
    analyzer = AnalyzerEngine(nlp_engine=nlp, supported_languages=["fr"])
    anonymizer = AnonymizerEngine()
    def redact(text):
        return anonymizer.anonymize(text, analyzer.analyze(text, language="fr")).text
redact(texts[1024])
cold = time.perf_counter() - start
result = {"cold_start_s": cold}
for size, text in texts.items():
    times = []
    for _ in range(runs):
        t = time.perf_counter(); redact(text); times.append(time.perf_counter() - t)
    times.sort()
    result[f"p50_ms_{size}"] = 1000 * statistics.median(times)
    result[f"p95_ms_{size}"] = 1000 * times[int(0.95 * (len(times) - 1))]
    result[f"chars_per_s_{size}"] = size / statistics.median(times)
result["peak_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps(result))
'''


def measure(engine: str, runs: int) -> dict[str, float]:
    sizes = {size: text_of(size) for size in (1024, 3072)}
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "CLIENTGUARD_HOME": home}
        out = subprocess.run(
            [sys.executable, "-c", WORKER, engine, str(runs), json.dumps(sizes)],
            capture_output=True, text=True, env=env, check=True,
        ).stdout
    return json.loads(out.strip().splitlines()[-1])


def cli_cold_start(repeats: int = 3) -> float:
    """Median wall time of `guard redact` on 1 KB in a fresh process (what a CLI user waits)."""
    guard = str(Path(sys.executable).with_name("guard"))
    times = []
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "CLIENTGUARD_HOME": home}
        for _ in range(repeats):
            t = time.perf_counter()
            subprocess.run([guard, "redact"], input=text_of(1024).encode(), capture_output=True, env=env, check=True)
            times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    figures = {name: measure(name, args.runs) for name in ("clientguard", "presidio")}
    figures["clientguard"]["cli_cold_start_s"] = cli_cold_start()
    ours, theirs = figures["clientguard"], figures["presidio"]
    print(f"# speed, {date.today()}, {platform.machine()}, {os.cpu_count()} cores, runs={args.runs}")
    print(f"{'metric':<20}{'clientguard':>14}{'presidio':>14}{'ratio':>10}")
    for key in theirs:
        ratio = ours[key] / theirs[key] if theirs[key] else float("nan")
        print(f"{key:<20}{ours[key]:>14.2f}{theirs[key]:>14.2f}{ratio:>10.2f}")
    print(f"{'cli_cold_start_s':<20}{ours['cli_cold_start_s']:>14.2f}")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
