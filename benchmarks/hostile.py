"""Hostile input: time per MB of every recognizer and of restore on adversarial text, 10 KB to 10 MB.

    python benchmarks/hostile.py                # 10 KB, 100 KB, 1 MB (a few minutes)
    python benchmarks/hostile.py --full         # and 10 MB
    python benchmarks/hostile.py --sizes 10000 100000 --only secret url

Each recognizer (its regexes and its checks, as Presidio runs it) and the restore parser run on
inputs built to make a backtracking regex explode: long digit runs, repeated separators, near-miss
identifiers, e-mails and URLs that never end, half-written placeholders. A linear matcher keeps its
time per MB flat as the input grows; the table prints it for each size, and the growth between the
smallest and largest size (1.0 = flat, 10 = one order of magnitude slower per MB; cases
that take under 50 ms at the largest size count as flat, timing noise being larger). A case that
takes longer than --budget seconds at one size is not run at the next.

`HOSTILE_INPUTS` is also what tests/hardening/test_hostile_input.py feeds every recognizer in CI.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable

# fmt: off
#: name -> a unit repeated to the wanted size. Each aims at a way regexes backtrack.
HOSTILE_INPUTS: dict[str, str] = {
    "digit run":             "7",
    "digits and spaces":     "1 ",
    "digit pairs":           "06 ",
    "dotted digits":         "1.",
    "dashed digits":         "1-",
    "no-break groups":       "123\u00a0",
    "near-miss SIRET":       "732 829 320 0007 ",
    "near-miss IBAN":        "FR76 3000 6000 0112 3456 7890 18X ",
    "IBAN prefix only":      "FR76",
    "near-miss phone":       "+33 6 12 34 56 7 ",
    "near-miss card":        "4970 1012 3456 78 ",
    "near-miss NIR":         "1 85 05 78 006 08 ",
    "dates":                 "12/12/12/",
    "e-mail, no domain":     "a.",
    "e-mail, at signs":      "a@",
    "e-mail, long host":     "x@a-",
    "URL, no end":           "http://a.",
    "URL, slashes":          "/",
    "IP-like":               "1.1.",
    "capitalised words":     "Jean ",
    "all caps":              "DUPONT ",
    "title and names":       "M. Jean ",
    "legal forms":           "Dupont SARL ",
    "address-like":          "12 rue de la ",
    "secret label":          "password=",
    "key assignment":        "api_key = 'a",
    "token prefix":          "sk-",
    "long token":            "Ab3",
    "quotes and colons":     "\":'",
    "placeholder openers":   "[PERSON_",
    "escaped brackets":      "\\[",
    "placeholders":          "[PERSON_1]",
    "spaces":                " ",
    "newlines":              "\n",
    "emoji":                 "😀\u200d",
    "zero-width":            "a\u200b",
}
# fmt: on

Runner = Callable[[str], object]
NOISE_FLOOR = 0.05  # seconds


def hostile(unit: str, size: int) -> str:
    """`unit` repeated to exactly `size` characters."""
    return (unit * (size // len(unit) + 1))[:size]


def recognizer_runners() -> dict[str, Runner]:
    """Each default recognizer as Presidio runs it: its regexes, then its checks on each match.

    No NLP artifacts are given (every recognizer accepts None): tokenizing the input is spaCy's
    cost, measured by the speed benchmark, not a property of our regexes.
    """
    from guard.recognizers import default_recognizers

    runners: dict[str, Runner] = {}
    for recognizer in default_recognizers():
        def run(text: str, recognizer=recognizer) -> object:  # type: ignore[no-untyped-def]
            return recognizer.analyze(text, recognizer.supported_entities, None)

        runners[type(recognizer).__name__] = run
    return runners


def restore_runners() -> dict[str, Runner]:
    """The tolerant placeholder parser, whole restore, and streaming restore in 4 KB chunks."""
    from guard.placeholders import find_placeholders
    from guard.restore import StreamingRestorer, restore_text

    def lookup(*key: object) -> str | None:
        return "Jean Dupont" if key[:2] == ("PERSON", 1) else None

    def stream(text: str) -> str:
        restorer = StreamingRestorer(lookup)
        return "".join(restorer.feed(text[i : i + 4096]) for i in range(0, len(text), 4096)) + restorer.flush()

    return {
        "find_placeholders": find_placeholders,
        "restore_text": lambda text: restore_text(text, lookup),
        "StreamingRestorer": stream,
    }


def seconds(run: Runner, text: str, repeat: int) -> float:
    """The best of `repeat` timings: on a shared machine the minimum is the least noisy."""
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        run(text)
        timings.append(time.perf_counter() - start)
    return min(timings)


def measure(runners: dict[str, Runner], sizes: list[int], budget: float) -> list[dict[str, object]]:
    """Seconds per MB for every (runner, input, size); a case over `budget` seconds stops growing."""
    rows: list[dict[str, object]] = []
    for name, run in runners.items():
        for label, unit in HOSTILE_INPUTS.items():
            per_mb: dict[int, float] = {}
            for size in sizes:
                taken = seconds(run, hostile(unit, size), repeat=3 if size <= 100_000 else 1)
                per_mb[size] = taken / (size / 1_000_000)
                if taken > budget:
                    break
            largest = max(per_mb)
            # Below NOISE_FLOOR seconds a timing on a shared machine says nothing: call it flat.
            measurable = len(per_mb) > 1 and per_mb[largest] * largest / 1_000_000 >= NOISE_FLOOR
            growth = per_mb[largest] / per_mb[min(per_mb)] if measurable else 1.0
            rows.append({"runner": name, "input": label, "s_per_mb": per_mb, "growth": growth})
            print(f"{name:24} {label:22} " + " ".join(f"{v:8.3f}" for v in per_mb.values()) + f"   x{growth:5.1f}",
                  file=sys.stderr, flush=True)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--full", action="store_true", help="add 10 MB to the sizes")
    parser.add_argument("--only", nargs="+", default=[], help="runner names containing one of these words")
    parser.add_argument("--budget", type=float, default=20.0, help="seconds after which a case stops growing")
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args()
    sizes = sorted(set(args.sizes + ([10_000_000] if args.full else [])))
    runners = {**recognizer_runners(), **restore_runners()}
    if args.only:
        runners = {n: r for n, r in runners.items() if any(w.lower() in n.lower() for w in args.only)}
    print(f"{'runner':24} {'input':22} " + " ".join(f"{s // 1000:>6}KB" for s in sizes) + "   growth (s/MB)",
          file=sys.stderr)
    rows = measure(runners, sizes, args.budget)
    worst = sorted(rows, key=lambda r: -float(r["growth"]))[:10]  # type: ignore[arg-type]
    print("\nLargest growth of time per MB, smallest to largest size:")
    for row in worst:
        print(f"  {row['runner']:24} {row['input']:22} x{row['growth']:.1f}")
    median = statistics.median(float(r["growth"]) for r in rows)  # type: ignore[arg-type]
    print(f"Median growth over {len(rows)} cases: x{median:.2f}")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as handle:
            json.dump(rows, handle, indent=1, default=str)


if __name__ == "__main__":
    main()
