"""What 10,000 client terms cost: analysing a 3 KB French text with none, 100 and 10,000 terms.

    python benchmarks/terms.py [--runs 30] [--json FILE]

The terms live in one Aho-Corasick automaton (guard/terms.py), so the target is at most +10 % of
the time of an analysis without terms. Also reports the one-off cost of building the automaton.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from importlib import resources

SAMPLE = resources.files("guard").joinpath("samples", "email_client.txt").read_text(encoding="utf-8")
SYLLABLES = ["ka", "lo", "mi", "ra", "zen", "tor", "vex", "qui", "bel", "dro", "sul", "nya", "fer", "gho"]


def made_up_terms(count: int, seed: int = 7) -> list[str]:
    """Client-like names ("Projet Kalomi", "Ravex Industries") that do not occur in the sample."""
    rng = random.Random(seed)
    shapes = ["Projet {}", "{} Industries", "{} Conseil", "{}", "Opération {}"]
    terms: set[str] = set()
    while len(terms) < count:
        word = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()
        terms.add(rng.choice(shapes).format(word))
    return sorted(terms)


def text_with_terms(size: int, terms: list[str]) -> str:
    """The sample e-mail cut to `size`, with a few terms sprinkled in, as a real brief would have."""
    body = (SAMPLE * (size // len(SAMPLE) + 1))[: size - 120]
    return body + "\nPour mémoire : " + ", ".join(terms[:: max(1, len(terms) // 5)][:5]) + "."


def timed(function, runs: int) -> list[float]:  # type: ignore[no-untyped-def]
    """Wall time of `runs` calls, in milliseconds."""
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args()

    from guard import Guard, Vault
    from guard.terms import as_terms, matcher_for

    all_terms = made_up_terms(10_000)
    text = text_with_terms(3072, all_terms)
    results: dict[str, dict[str, float]] = {}
    guards = {}
    for count in (0, 100, 10_000):
        terms = all_terms[:count]
        start = time.perf_counter()
        matcher_for(as_terms(terms))
        build_ms = (time.perf_counter() - start) * 1000
        guards[count] = guard = Guard(vault=Vault.in_memory(), terms=terms)
        guard.analyze(text)  # warm up: model loaded, automaton cached
        results[str(count)] = {"build_ms": round(build_ms, 1),
                               "terms_found": sum(e.type == "CLIENT_TERM" for e in guard.analyze(text))}
    # Interleaved, so that a machine getting busier or quieter affects every setting alike.
    samples: dict[int, list[float]] = {count: [] for count in guards}
    for _ in range(args.runs):
        for count, guard in guards.items():
            samples[count] += timed(lambda: guard.analyze(text), 1)
    for count, values in samples.items():
        results[str(count)] |= {"p50_ms": round(statistics.median(values), 2), "mean_ms": round(statistics.fmean(values), 2)}
    base = results["0"]["p50_ms"]
    print(f"3 KB text, {args.runs} runs each (p50 of Guard.analyze)")
    print(f"{'terms':>7} {'build ms':>9} {'p50 ms':>8} {'vs none':>8} {'found':>6}")
    for count, row in results.items():
        print(f"{count:>7} {row['build_ms']:>9} {row['p50_ms']:>8} {row['p50_ms'] / base:>8.3f} {row['terms_found']:>6}")
    overhead = results["10000"]["p50_ms"] / base - 1
    print(f"10,000 terms add {overhead:+.1%} (target: at most +10 %)")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as out:
            json.dump({"results": results, "overhead_10000": overhead}, out, indent=2)
    sys.exit(0)


if __name__ == "__main__":
    main()
