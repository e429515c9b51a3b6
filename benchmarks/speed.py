"""Speed of clientguard against vanilla Presidio (French, same spaCy model), in one run.

    python benchmarks/speed.py [--runs 50] [--flat-sizes 10000,1000000] [--no-rest | --rest-seconds 15]

Measures, for each engine: cold start of a fresh process redacting a 1 KB French text (import,
model load, first result), per-call latency of a redaction once loaded (p50/p95 at 1 KB and
3 KB), throughput in characters per second (one text at a time, and 64 texts of 1 KB analysed
as a batch), and the process's peak memory. A third process, spaCy's NER alone on the same
model (no Presidio, no recognizers: the floor the issue measures against), gives the fraction
of that floor clientguard's whole redaction reaches. All stay loaded and are measured in
alternating rounds of a few runs, so that the host's drift hits all alike. For clientguard alone: the wall time of `guard
--help` and of `guard redact` on 1 KB from a fresh process, without and with the resident
service (`guard daemon`), and the peak memory of analysing texts of growing size in fresh
processes (it should stay flat). Then the REST run of `benchmarks/rest.py` (requests/s, p50/p99
at concurrency 1 and 8; `--no-rest` skips it). Prints tables and the ratios clientguard /
Presidio; `--json FILE` also writes the figures.
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


# Each engine runs in its own fresh process, so that cold start and memory are its own. Once
# loaded it waits for orders on stdin; the driver alternates short rounds between the two, so a
# machine that slows down for a minute slows both alike and the ratios stay true.
WORKER = r"""
import json, resource, statistics, sys, time
start = time.perf_counter()
engine, sizes = sys.argv[1], json.loads(sys.argv[2])
texts = {int(k): v for k, v in sizes.items()}
if engine == "clientguard":
    from guard import Guard, Vault
    from guard.detection import detect_many
    guard = Guard(vault=Vault.in_memory())
    session = guard.new_session()
    def redact(text):
        return guard.redact(text, session_id=session).text
    def analyze_batch(batch):
        return detect_many(batch, guard.settings)
elif engine == "ner-floor":
    import spacy
    nlp = spacy.load("fr_core_news_md", exclude=["tok2vec", "morphologizer", "parser", "attribute_ruler", "lemmatizer"])
    def redact(text):
        return nlp(text).ents
    def analyze_batch(batch):
        return [doc.ents for doc in nlp.pipe(batch, batch_size=16)]
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
    from presidio_analyzer import BatchAnalyzerEngine
    batch_analyzer = BatchAnalyzerEngine(analyzer_engine=analyzer)
    def analyze_batch(batch):
        return list(batch_analyzer.analyze_iterator(batch, language="fr", batch_size=16))
redact(texts[1024])
print(json.dumps({"cold_start_s": time.perf_counter() - start}), flush=True)
batch = [texts[3072][i % 2048 :][:1024] for i in range(64)]
for order in sys.stdin:
    what, runs = order.split()
    times = []
    for _ in range(int(runs)):
        if what == "batch":
            t = time.perf_counter(); analyze_batch(batch); times.append(time.perf_counter() - t)
        else:
            t = time.perf_counter(); redact(texts[int(what)]); times.append(time.perf_counter() - t)
    print(json.dumps({"times": times, "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}), flush=True)
"""
#: Runs per round: each engine in turn does this many, then the other.
ROUND = 5
BATCH_CHARS = 64 * 1024


def measure(runs: int) -> dict[str, dict[str, float]]:
    """Both engines' figures, measured in alternating rounds (`ROUND` runs each)."""
    sizes = {size: text_of(size) for size in (1024, 3072)}
    engines = ("clientguard", "presidio", "ner-floor")
    times: dict[str, dict[str, list[float]]] = {e: {"1024": [], "3072": [], "batch": []} for e in engines}
    figures: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "CLIENTGUARD_HOME": home}
        workers = {}
        for engine in engines:  # one at a time: their cold starts must not overlap
            workers[engine] = subprocess.Popen(
                [sys.executable, "-c", WORKER, engine, json.dumps(sizes)],
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env,
            )
            figures[engine] = json.loads(workers[engine].stdout.readline())
        try:
            for what in ("1024", "3072", "batch"):
                rounds = max(1, runs // ROUND) if what != "batch" else max(1, runs // 10)
                for _ in range(rounds):
                    for engine in engines:
                        worker = workers[engine]
                        worker.stdin.write(f"{what} {ROUND if what != 'batch' else 1}\n")
                        worker.stdin.flush()
                        answer = json.loads(worker.stdout.readline())
                        times[engine][what] += answer["times"]
                        figures[engine]["peak_mib"] = answer["peak_mib"]
        finally:
            for worker in workers.values():
                worker.stdin.close()
                worker.wait()
    for engine in engines:
        result = figures[engine]
        for size in ("1024", "3072"):
            ordered = sorted(times[engine][size])
            result[f"p50_ms_{size}"] = 1000 * statistics.median(ordered)
            result[f"p95_ms_{size}"] = 1000 * ordered[int(0.95 * (len(ordered) - 1))]
            result[f"chars_per_s_{size}"] = int(size) / statistics.median(ordered)
        result["chars_per_s_batched"] = BATCH_CHARS / statistics.median(times[engine]["batch"])
    return figures


def _guard_command() -> str:
    return str(Path(sys.executable).with_name("guard"))


def wall_time(args: list[str], stdin: bytes = b"", repeats: int = 3, service: bool = False) -> float:
    """Median wall time of a `guard` command in a fresh process, in a throw-away home; with
    `service`, a resident service runs in that home (started and warmed up first, then stopped)."""
    times = []
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "CLIENTGUARD_HOME": home}
        if service:
            subprocess.run([_guard_command(), "daemon", "start"], env=env, check=True, capture_output=True)
            subprocess.run([_guard_command(), *args], input=stdin, capture_output=True, env=env, check=True)
        try:
            for _ in range(repeats):
                t = time.perf_counter()
                subprocess.run([_guard_command(), *args], input=stdin, capture_output=True, env=env, check=True)
                times.append(time.perf_counter() - t)
        finally:
            if service:
                subprocess.run([_guard_command(), "daemon", "stop"], env=env, capture_output=True)
    return statistics.median(times)


# The peak memory of analysing one text of a given size, in a fresh process.
FLAT_WORKER = r'''
import json, resource, sys
from guard import Guard, Vault
text = sys.stdin.read()
Guard(vault=Vault.in_memory()).analyze(text)
print(json.dumps(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024))
'''


def peak_memory_by_size(sizes: list[int]) -> dict[str, float]:
    """Peak MiB of a process analysing a French text of each size (the corpus, repeated)."""
    corpus_file = Path(__file__).parent / "accuracy" / "corpus.jsonl"
    corpus = "\n\n".join(json.loads(line)["text"] for line in corpus_file.read_text(encoding="utf-8").splitlines())
    peaks = {}
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "CLIENTGUARD_HOME": home}
        for size in sizes:
            text = (corpus * (size // len(corpus) + 1))[:size]
            out = subprocess.run([sys.executable, "-c", FLAT_WORKER], input=text, capture_output=True, text=True,
                                 env=env, check=True).stdout
            peaks[f"peak_mib_analyze_{size}"] = float(out.strip().splitlines()[-1])
    return peaks


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--flat-sizes", default="10000,1000000", help="text sizes for the memory flatness check")
    parser.add_argument("--json", type=Path)
    parser.add_argument("--rest-seconds", type=float, default=15.0, help="per point of the REST run (benchmarks/rest.py)")
    parser.add_argument("--no-rest", action="store_true", help="skip the REST run")
    args = parser.parse_args()
    figures = measure(args.runs)
    ours, theirs, floor = figures["clientguard"], figures["presidio"], figures.pop("ner-floor")
    alone = {
        "guard_help_s": wall_time(["--help"]),
        "cli_redact_1k_no_service_s": wall_time(["--no-daemon", "redact"], text_of(1024).encode()),
        "cli_redact_1k_service_s": wall_time(["redact"], text_of(1024).encode(), service=True),
        **peak_memory_by_size([int(size) for size in args.flat_sizes.split(",")]),
    }
    ours.update(alone)
    print(f"# speed, {date.today()}, {platform.machine()}, {os.cpu_count()} cores, runs={args.runs}")
    print(f"{'metric':<26}{'clientguard':>14}{'presidio':>14}{'ratio':>10}{'NER alone':>14}{'of floor':>10}")
    for key in theirs:
        ratio = ours[key] / theirs[key] if theirs[key] else float("nan")
        of_floor = f"{ours[key] / floor[key]:>10.2f}" if key.startswith("chars_per_s") else ""
        print(f"{key:<26}{ours[key]:>14.2f}{theirs[key]:>14.2f}{ratio:>10.2f}{floor[key]:>14.2f}{of_floor}")
    for key, value in alone.items():
        print(f"{key:<26}{value:>14.2f}")
    rest = {} if args.no_rest else rest_figures(args.rest_seconds)
    if args.json:
        args.json.write_text(json.dumps({**figures, "ner-floor": floor, "rest": rest}, indent=2))


def rest_figures(seconds: float) -> dict[str, object]:
    """The REST servers' figures (`benchmarks/rest.py`, real uvicorn on loopback): its table
    printed after this one, its figures returned."""
    print(flush=True)
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch) / "rest.json"
        script = Path(__file__).with_name("rest.py")
        subprocess.run([sys.executable, str(script), "--seconds", f"{seconds:g}", "--json", str(out)], check=True)
        figures: dict[str, object] = json.loads(out.read_text())
        return figures


if __name__ == "__main__":
    main()
