"""Accuracy of clientguard against vanilla Presidio (French, same spaCy model), in one run.

    python benchmarks/accuracy.py [--corpus benchmarks/accuracy/corpus.jsonl] [--json out.json]
                                  [--peer-cases ../shared/peer-cases/cases.jsonl] [--errors 3]

On the labelled corpus (see benchmarks/accuracy/README.md), for each engine and each entity type:
gold count, precision, recall and F1 (a finding matches a gold span of the same type that it
overlaps; findings on neutral regions — public bodies, big companies, countries — count neither
way), an exact-boundary variant overall, the leak rate (gold values whose exact text is still in
the redacted text), the share of gold spans left partly in clear, findings per document of the
negative set, and findings on hard negatives (wrong checksums, order numbers, prices, dates…).
When the peer cases exist (../shared/peer-cases/cases.jsonl relative to the repository), both
engines are also scored on them. Prints a table with the two engines side by side, their ratios,
and clientguard's most frequent errors; `--json FILE` writes every figure and error.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import platform
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO / "benchmarks" / "accuracy" / "corpus.jsonl"
DEFAULT_PEER = REPO.parent / "shared" / "peer-cases" / "cases.jsonl"

# fmt: off
TYPES = ["PERSON", "ORGANIZATION", "LOCATION", "ADDRESS", "EMAIL_ADDRESS", "PHONE_NUMBER", "IBAN_CODE", "BIC",
         "CREDIT_CARD", "IP_ADDRESS", "URL", "DATE_OF_BIRTH", "SECRET", "FR_NIR", "FR_SIREN", "FR_SIRET", "FR_TVA",
         "FR_RIB", "FR_TAX_ID", "FR_PASSPORT", "FR_CNI", "FR_LICENSE_PLATE"]
IDENTIFIERS = {"EMAIL_ADDRESS", "IBAN_CODE", "CREDIT_CARD", "IP_ADDRESS", "URL", "FR_NIR", "FR_SIREN", "FR_SIRET",
               "FR_TVA", "FR_RIB", "FR_TAX_ID", "FR_PASSPORT", "FR_CNI", "FR_LICENSE_PLATE"}
# (minimum recall, minimum precision); None where the issue states no target.
TARGETS = {t: (0.99, 0.97) for t in IDENTIFIERS}
TARGETS |= {"PHONE_NUMBER": (0.97, None), "SECRET": (0.97, None), "BIC": (0.97, None), "PERSON": (0.93, 0.88),
            "ORGANIZATION": (0.90, 0.88), "ADDRESS": (0.90, None), "LOCATION": (None, 0.88)}
CHECKSUM_LOOKALIKES = {"bad_siret", "bad_siren", "bad_iban", "bad_card", "bad_nir", "bad_tva", "bad_rib"}
LABEL_WORDS = {"siret", "siren", "iban", "bic", "rib", "visa", "objet", "cordialement", "bonjour", "tva", "tél", "tel",
               "mobile", "merci", "nom", "prénom", "adresse", "facture", "devis", "client", "date", "montant", "ticket"}
# fmt: on


@dataclass(frozen=True)
class Finding:
    type: str
    start: int
    end: int


# ============================================================ engines
class Engine:
    """One detector: findings (our type names where the engine has the type) and redacted text."""

    name: str

    def analyze(self, text: str) -> list[Finding]:
        raise NotImplementedError

    def redact(self, text: str, findings: list[Finding]) -> str:
        raise NotImplementedError


class ClientGuardEngine(Engine):
    name = "clientguard"

    def __init__(self) -> None:
        # A throw-away home: no user config, key or vault of the person running the benchmark.
        self._home = tempfile.TemporaryDirectory()
        os.environ["CLIENTGUARD_HOME"] = self._home.name
        from guard import Guard, Vault

        self.guard = Guard(vault=Vault.in_memory())

    def analyze(self, text: str) -> list[Finding]:
        return [Finding(e.type, e.start, e.end) for e in self.guard.analyze(text)]

    def redact(self, text: str, findings: list[Finding]) -> str:
        return self.guard.redact(text).text


class PresidioEngine(Engine):
    """Vanilla Presidio: default registry for French over fr_core_news_md, anonymizer `replace`."""

    name = "presidio"

    def __init__(self) -> None:
        import tldextract

        # Presidio's e-mail recognizer would try to download the public suffix list: use the
        # snapshot shipped with tldextract instead (same answers, no network).
        tldextract.extract = tldextract.TLDExtract(suffix_list_urls=())
        logging.getLogger("presidio-analyzer").setLevel(logging.ERROR)
        from presidio_analyzer import AnalyzerEngine
        from presidio_analyzer.nlp_engine import NlpEngineProvider
        from presidio_anonymizer import AnonymizerEngine

        nlp = NlpEngineProvider(nlp_configuration={
            "nlp_engine_name": "spacy", "models": [{"lang_code": "fr", "model_name": "fr_core_news_md"}]}).create_engine()
        self.analyzer = AnalyzerEngine(nlp_engine=nlp, supported_languages=["fr"])
        self.anonymizer = AnonymizerEngine()
        self._last: tuple[str, list] | None = None

    def analyze(self, text: str) -> list[Finding]:
        results = self.analyzer.analyze(text=text, language="fr")
        self._last = (text, results)
        # Presidio's names equal ours where it has the type (PERSON, IBAN_CODE…); others pass through.
        return [Finding(r.entity_type, r.start, r.end) for r in results]

    def redact(self, text: str, findings: list[Finding]) -> str:
        results = self._last[1] if self._last and self._last[0] == text else self.analyzer.analyze(text=text, language="fr")
        return self.anonymizer.anonymize(text=text, analyzer_results=results).text


# ============================================================ scoring
def overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def context(text: str, start: int, end: int, width: int = 35) -> str:
    left = text[max(0, start - width) : start]
    right = text[end : end + width]
    snippet = f"{left}[[{text[start:end]}]]{right}"
    return re.sub(r"\s*\n\s*", " ⏎ ", snippet).strip()


class Scorer:
    """Accumulates one engine's results over the corpus."""

    def __init__(self) -> None:
        self.tp_gold: Counter = Counter()  # gold spans found (same type, overlap)
        self.gold: Counter = Counter()
        self.tp_pred: Counter = Counter()  # findings matching a gold span
        self.fp: Counter = Counter()  # findings matching nothing (outside neutral regions)
        self.strict_tp = 0
        self.strict_pred = 0
        self.any_type = 0
        self.leaked: Counter = Counter()
        self.exposed: Counter = Counter()
        self.neutral_ignored = 0
        self.out_of_scope: Counter = Counter()
        self.neg_docs = 0
        self.neg_findings = 0
        self.neg_findings_all = 0
        self.neg_docs_flagged = 0
        self.neg_types: Counter = Counter()
        self.hard_total: Counter = Counter()
        self.hard_flagged: Counter = Counter()
        self.by_kind: dict[str, Counter] = defaultdict(Counter)
        self.misses: list[dict] = []
        self.leaks: list[dict] = []  # gold values still in clear, for error analysis (--json)
        self.false_positives: list[dict] = []
        self.seconds = 0.0
        self.chars = 0

    def add(self, doc: dict, findings: list[Finding], redacted: str) -> None:
        text, gold = doc["text"], doc["spans"]
        neutral = doc.get("neutral", [])
        in_scope = [f for f in findings if f.type in TYPES]
        self.out_of_scope.update(f.type for f in findings if f.type not in TYPES)
        # ---- recall side
        for g in gold:
            t = g["type"]
            self.gold[t] += 1
            self.by_kind[doc["kind"]]["gold"] += 1
            same = [f for f in in_scope if f.type == t and overlaps(f.start, f.end, g["start"], g["end"])]
            if same:
                self.tp_gold[t] += 1
                self.by_kind[doc["kind"]]["found"] += 1
            if any(f.type == t and f.start == g["start"] and f.end == g["end"] for f in in_scope):
                self.strict_tp += 1
            anyf = [f for f in findings if overlaps(f.start, f.end, g["start"], g["end"])]
            if anyf:
                self.any_type += 1
            value = text[g["start"] : g["end"]]
            if value in redacted:
                self.leaked[t] += 1
                self.by_kind[doc["kind"]]["leaked"] += 1
                self.leaks.append({"doc": doc["id"], "type": t, "variant": g.get("variant", ""),
                                   "context": context(text, g["start"], g["end"])})
            covered = set()
            for f in findings:
                covered.update(range(max(f.start, g["start"]), min(f.end, g["end"])))
            if any(text[i].isalnum() and i not in covered for i in range(g["start"], g["end"])):
                self.exposed[t] += 1
            if not same:
                others = sorted({f.type for f in anyf})
                self.misses.append({"doc": doc["id"], "type": t, "variant": g.get("variant", ""),
                                    "found_as": others, "context": context(text, g["start"], g["end"])})
        # ---- precision side
        for f in in_scope:
            matched = any(g["type"] == f.type and overlaps(f.start, f.end, g["start"], g["end"]) for g in gold)
            if matched:
                self.tp_pred[f.type] += 1
            elif any(overlaps(f.start, f.end, n["start"], n["end"]) for n in neutral):
                self.neutral_ignored += 1
                continue
            else:
                self.fp[f.type] += 1
                self.false_positives.append({"doc": doc["id"], "type": f.type, "reason": self._fp_reason(doc, f),
                                             "context": context(text, f.start, f.end)})
            self.strict_pred += 1
        # ---- negative set and hard negatives
        if doc.get("negative"):
            self.neg_docs += 1
            scored = [f for f in in_scope if not any(overlaps(f.start, f.end, n["start"], n["end"]) for n in neutral)]
            self.neg_findings += len(scored)
            self.neg_findings_all += len(findings)
            self.neg_docs_flagged += bool(scored)
            self.neg_types.update(f.type for f in scored)
        for h in doc.get("hard_negatives", []):
            self.hard_total[h["kind"]] += 1
            if any(overlaps(f.start, f.end, h["start"], h["end"]) for f in findings):
                self.hard_flagged[h["kind"]] += 1

    @staticmethod
    def _fp_reason(doc: dict, f: Finding) -> str:
        for g in doc["spans"]:
            if overlaps(f.start, f.end, g["start"], g["end"]):
                return f"type confusion (gold {g['type']})"
        for h in doc.get("hard_negatives", []):
            if overlaps(f.start, f.end, h["start"], h["end"]):
                return f"hard negative {h['kind']}"
        word = doc["text"][f.start : f.end].strip(" .,:;!?()«»\"'").casefold()
        if word in LABEL_WORDS:
            return "label word"
        return "spurious"

    # ---- summaries
    def per_type(self, t: str) -> dict:
        gold, tp_g, tp_p, fp = self.gold[t], self.tp_gold[t], self.tp_pred[t], self.fp[t]
        p = tp_p / (tp_p + fp) if tp_p + fp else None
        r = tp_g / gold if gold else None
        f1 = 2 * p * r / (p + r) if p is not None and r is not None and p + r else (0.0 if gold else None)
        return {"gold": gold, "found": tp_g, "findings": tp_p + fp, "false_positives": fp, "precision": p, "recall": r,
                "f1": f1, "leaked": self.leaked[t], "leak_rate": self.leaked[t] / gold if gold else None,
                "exposed": self.exposed[t]}

    def summary(self) -> dict:
        gold = sum(self.gold.values())
        tp_g, tp_p, fp = sum(self.tp_gold.values()), sum(self.tp_pred.values()), sum(self.fp.values())
        p = tp_p / (tp_p + fp) if tp_p + fp else 0.0
        r = tp_g / gold if gold else 0.0
        sp = self.strict_tp / self.strict_pred if self.strict_pred else 0.0
        sr = self.strict_tp / gold if gold else 0.0
        lookalike_total = sum(self.hard_total[k] for k in CHECKSUM_LOOKALIKES)
        lookalike_flagged = sum(self.hard_flagged[k] for k in CHECKSUM_LOOKALIKES)
        return {
            "per_type": {t: self.per_type(t) for t in TYPES if self.gold[t] or self.fp[t]},
            "micro": {"precision": p, "recall": r, "f1": f1(p, r)},
            "strict": {"precision": sp, "recall": sr, "f1": f1(sp, sr)},
            "any_type_recall": self.any_type / gold if gold else 0.0,
            "leak_rate": sum(self.leaked.values()) / gold if gold else 0.0,
            "exposed_rate": sum(self.exposed.values()) / gold if gold else 0.0,
            "negative": {"documents": self.neg_docs, "findings": self.neg_findings,
                         "findings_per_doc": self.neg_findings / self.neg_docs if self.neg_docs else 0.0,
                         "documents_with_findings": self.neg_docs_flagged,
                         "findings_all_types": self.neg_findings_all, "by_type": dict(self.neg_types)},
            "hard_negatives": {k: {"total": self.hard_total[k], "flagged": self.hard_flagged[k]} for k in sorted(self.hard_total)},
            "checksum_lookalikes": {"total": lookalike_total, "flagged": lookalike_flagged},
            "neutral_findings_ignored": self.neutral_ignored,
            "out_of_scope_findings": dict(self.out_of_scope),
            "by_kind": {k: {"gold": c["gold"], "recall": c["found"] / c["gold"] if c["gold"] else None,
                            "leak_rate": c["leaked"] / c["gold"] if c["gold"] else None} for k, c in sorted(self.by_kind.items())},
            "seconds": self.seconds,
            "chars_per_second": self.chars / self.seconds if self.seconds else None,
        }


def f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def run_corpus(engine: Engine, docs: list[dict]) -> Scorer:
    scorer = Scorer()
    start = time.perf_counter()
    for doc in docs:
        findings = engine.analyze(doc["text"])
        redacted = engine.redact(doc["text"], findings)
        scorer.add(doc, findings, redacted)
        scorer.chars += len(doc["text"])
    scorer.seconds = time.perf_counter() - start
    return scorer


# ============================================================ peer cases
def run_peer(engine: Engine, cases: list[dict]) -> dict:
    """Pass rates on other projects' test cases: expected spans found, must-not-detect respected."""
    groups: dict[str, Counter] = defaultdict(Counter)
    failures = []
    for case in cases:
        findings = [f for f in engine.analyze(case["text"]) if f.type in TYPES]
        if case["must_not_detect"]:
            bad = [f for f in findings if f.type == case.get("negative_type")]
            lenient = strict = not bad
        else:
            expected = case["expected"]
            types = {e["type"] for e in expected}
            lenient = all(any(f.type == e["type"] and overlaps(f.start, f.end, e["start"], e["end"]) for f in findings)
                          for e in expected)
            strict = all(any(f.type == e["type"] and (f.start, f.end) == (e["start"], e["end"]) for f in findings)
                         for e in expected)
            extra = [f for f in findings if f.type in types
                     and not any(overlaps(f.start, f.end, e["start"], e["end"]) for e in expected)]
            lenient, strict = lenient and not extra, strict and not extra
        group = "contested" if case.get("contested") else ("fr_priority" if case["fr_priority"] else "other")
        kind = "must_not_detect" if case["must_not_detect"] else "expected"
        ptype = case.get("negative_type") if case["must_not_detect"] else (case["expected"] or [{"type": "?"}])[0]["type"]
        for key in (group, f"{group}/{kind}", f"{group}/type/{ptype}"):
            groups[key]["total"] += 1
            groups[key]["lenient"] += lenient
            groups[key]["strict"] += strict
        if not lenient and group == "fr_priority":
            failures.append({"id": case["id"], "kind": kind, "type": ptype, "text": case["text"][:120],
                             "found": [(f.type, case["text"][f.start:f.end]) for f in findings]})
    return {"groups": {k: dict(v) for k, v in sorted(groups.items())}, "failures": failures}


# ============================================================ report
def fmt(x: float | None, pct: bool = False) -> str:
    if x is None:
        return "—"
    return f"{100 * x:.1f}%" if pct else f"{x:.3f}"


def target_mark(t: str, row: dict) -> str:
    r_min, p_min = TARGETS.get(t, (None, None))
    if r_min is None and p_min is None:
        return ""
    ok = (r_min is None or (row["recall"] or 0) >= r_min) and (p_min is None or (row["precision"] or 0) >= p_min)
    want = " ".join(x for x in (f"R≥{r_min}" if r_min else "", f"P≥{p_min}" if p_min else "") if x)
    return f"{'ok ' if ok else 'NO '}{want}"


def print_report(results: dict, docs: list[dict], peer: dict | None, errors: int) -> None:
    names = list(results)
    n_neg = sum(d.get("negative", False) for d in docs)
    n_gold = sum(len(d["spans"]) for d in docs)
    print(f"# accuracy, {date.today()}, {platform.machine()}, {os.cpu_count()} cores")
    print(f"# corpus: {len(docs)} documents ({n_neg} negative), {n_gold} gold spans, "
          f"{sum(len(d['text']) for d in docs):,} characters")
    print("# match: same type and overlapping (strict: same type and same boundaries); "
          "leak: the gold value's exact text is still in the redacted text")
    print()
    head = f"{'type':<17}{'gold':>5} │"
    for n in names:
        head += f" {n[:11]:<11}{'P':>6}{'R':>7}{'F1':>7}{'leak':>7} │"
    print(head + " clientguard vs target")
    print("─" * len(head) + "─" * 26)
    summaries = {n: results[n]["summary"] for n in names}
    for t in TYPES:
        rows = {n: summaries[n]["per_type"].get(t) for n in names}
        gold = next((r["gold"] for r in rows.values() if r), 0)
        if not gold and not any(rows.values()):
            continue
        line = f"{t:<17}{gold:>5} │"
        for n in names:
            r = rows[n] or {"precision": None, "recall": 0.0 if gold else None, "f1": 0.0 if gold else None, "leak_rate": 1.0 if gold else None}
            line += f" {'':<11}{fmt(r['precision']):>6}{fmt(r['recall']):>7}{fmt(r['f1']):>7}{fmt(r['leak_rate'], True):>7} │"
        ours = rows.get("clientguard") or {"recall": 0.0, "precision": 0.0}
        print(line + " " + target_mark(t, ours))
    print("─" * len(head) + "─" * 26)
    for label, key in (("micro (overlap)", "micro"), ("micro (strict)", "strict")):
        line = f"{label:<17}{n_gold:>5} │"
        for n in names:
            m = summaries[n][key]
            line += f" {'':<11}{fmt(m['precision']):>6}{fmt(m['recall']):>7}{fmt(m['f1']):>7}{'':>7} │"
        print(line)
    print()
    rows = [
        ("recall, any type (redaction coverage)", lambda s: fmt(s["any_type_recall"])),
        ("leak rate (exact value still in output)", lambda s: fmt(s["leak_rate"], True)),
        ("gold spans left partly in clear", lambda s: fmt(s["exposed_rate"], True)),
        ("negative set: findings per document", lambda s: f"{s['negative']['findings_per_doc']:.2f}"),
        ("negative set: documents with findings", lambda s: f"{s['negative']['documents_with_findings']}/{s['negative']['documents']}"),
        ("negative set: findings, all types", lambda s: str(s["negative"]["findings_all_types"])),
        ("checksum look-alikes flagged", lambda s: f"{s['checksum_lookalikes']['flagged']}/{s['checksum_lookalikes']['total']}"),
        ("all hard negatives flagged", lambda s: f"{sum(v['flagged'] for v in s['hard_negatives'].values())}/{sum(v['total'] for v in s['hard_negatives'].values())}"),
        ("findings on neutral regions (ignored)", lambda s: str(s["neutral_findings_ignored"])),
    ]
    print(f"{'':<42}" + "".join(f"{n:>14}" for n in names))
    for label, get in rows:
        print(f"{label:<42}" + "".join(f"{get(summaries[n]):>14}" for n in names))
    if len(names) == 2:
        a, b = (summaries[n] for n in names)
        print(f"\nratios {names[0]} / {names[1]}: F1 {ratio(a['micro']['f1'], b['micro']['f1'])}, "
              f"recall {ratio(a['micro']['recall'], b['micro']['recall'])}, "
              f"precision {ratio(a['micro']['precision'], b['micro']['precision'])}, "
              f"leak rate {ratio(a['leak_rate'], b['leak_rate'])}, "
              f"negative-set findings {ratio(a['negative']['findings_per_doc'], b['negative']['findings_per_doc'])}")
    print("\nhard negatives flagged (any type), by kind:")
    kinds = sorted(summaries[names[0]]["hard_negatives"])
    for k in kinds:
        print(f"  {k:<12}" + "".join(f"{n:>13} {summaries[n]['hard_negatives'][k]['flagged']:>3}/{summaries[n]['hard_negatives'][k]['total']:<4}" for n in names))
    oos = {n: summaries[n]["out_of_scope_findings"] for n in names}
    if any(oos.values()):
        print("\nfindings of types outside the benchmark (redacted, not scored): "
              + "; ".join(f"{n}: " + ", ".join(f"{t} {c}" for t, c in sorted(v.items(), key=lambda x: -x[1])) for n, v in oos.items() if v))
    if peer:
        print("\npeer cases (other projects' tests; lenient = overlap, strict = exact boundaries; no extra finding of the type):")
        groups = sorted(g for g in peer[names[0]]["groups"] if "/type/" not in g)
        print(f"  {'group':<32}{'cases':>6}" + "".join(f"{n[:11]:>13}{'strict':>8}" for n in names))
        for g in groups:
            c = peer[names[0]]["groups"][g]
            line = f"  {g:<32}{c['total']:>6}"
            for n in names:
                x = peer[n]["groups"][g]
                line += f"{100 * x['lenient'] / x['total']:>12.1f}%{100 * x['strict'] / x['total']:>7.1f}%"
            print(line)
        by_type = [g for g in peer[names[0]]["groups"] if g.startswith("fr_priority/type/")]
        print("  fr_priority by type (expected type, or type that must not be found):")
        for g in sorted(by_type):
            c = peer[names[0]]["groups"][g]
            print(f"    {g.split('/')[2]:<28}{c['total']:>6}" + "".join(f"{100 * peer[n]['groups'][g]['lenient'] / c['total']:>12.1f}%" for n in names))
    if "clientguard" in results and errors:
        print_errors(results["clientguard"], peer["clientguard"] if peer else None, errors)


def ratio(a: float, b: float) -> str:
    return f"{a / b:.2f}" if b else ("1.00" if not a else "∞")


def print_errors(result: dict, peer: dict | None, n: int) -> None:
    print("\nclientguard's most frequent misses (gold span not found with its type), by type and writing:")
    groups: dict[tuple, list] = defaultdict(list)
    for m in result["misses"]:
        groups[(m["type"], m["variant"])].append(m)
    for (t, v), items in sorted(groups.items(), key=lambda x: -len(x[1]))[:15]:
        found_as = Counter(x for m in items for x in m["found_as"])
        as_ = f"; found as {', '.join(f'{k} {c}' for k, c in found_as.most_common(3))}" if found_as else ""
        print(f"  {len(items):>4}  {t} / {v}{as_}")
        for m in items[:n]:
            print(f"          {m['context']}")
    print("\nclientguard's most frequent false positives, by type and reason:")
    fps: dict[tuple, list] = defaultdict(list)
    for f in result["false_positives"]:
        fps[(f["type"], f["reason"])].append(f)
    for (t, why), items in sorted(fps.items(), key=lambda x: -len(x[1]))[:12]:
        print(f"  {len(items):>4}  {t} / {why}")
        for f in items[:n]:
            print(f"          {f['context']}")
    if peer and peer["failures"]:
        print(f"\nclientguard's failed fr_priority peer cases: {len(peer['failures'])} (first {2 * n}):")
        for f in peer["failures"][: 2 * n]:
            print(f"  {f['id']:<14}{f['kind']:<16}{f['type']:<14}{f['text'][:60]!r} found={f['found'][:3]}")


# ============================================================ main
def load_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def run_worker(name: str, corpus: Path, peer_cases: Path | None) -> dict:
    """Score one engine; runs in its own process (see `main`)."""
    builders: dict[str, Callable[[], Engine]] = {"clientguard": ClientGuardEngine, "presidio": PresidioEngine}
    docs = load_jsonl(corpus)
    t = time.perf_counter()
    engine = builders[name]()
    load_s = time.perf_counter() - t
    scorer = run_corpus(engine, docs)
    result = {"summary": scorer.summary() | {"load_seconds": load_s}, "misses": scorer.misses, "leaks": scorer.leaks,
              "false_positives": scorer.false_positives, "peer": None}
    if peer_cases is not None:
        t = time.perf_counter()
        result["peer"] = run_peer(engine, load_jsonl(peer_cases))
        result["peer"]["seconds"] = time.perf_counter() - t
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--peer-cases", type=Path, default=DEFAULT_PEER,
                        help="other projects' test cases (default: ../shared/peer-cases/cases.jsonl, if present)")
    parser.add_argument("--engines", default="clientguard,presidio", help="comma-separated: clientguard, presidio")
    parser.add_argument("--errors", type=int, default=3, help="examples printed per error category (0: none)")
    parser.add_argument("--json", type=Path, help="also write every figure and error to this file")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--worker-out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if not args.corpus.exists():
        sys.exit(f"No corpus at {args.corpus}; build it with: python benchmarks/accuracy/generate.py")
    peer_path = args.peer_cases if args.peer_cases and args.peer_cases.is_file() else None
    if args.worker:
        args.worker_out.write_text(json.dumps(run_worker(args.worker, args.corpus, peer_path)), encoding="utf-8")
        return
    docs = load_jsonl(args.corpus)
    # Each engine runs in a fresh process: Presidio's registry loader looks recognizer classes up by
    # name among loaded subclasses, so clientguard's own recognizers would leak into "vanilla" Presidio.
    results, peer = {}, {} if peer_path else None
    with tempfile.TemporaryDirectory() as tmp:
        for name in (n.strip() for n in args.engines.split(",")):
            out = Path(tmp) / f"{name}.json"
            cmd = [sys.executable, __file__, "--worker", name, "--worker-out", str(out), "--corpus", str(args.corpus)]
            cmd += ["--peer-cases", str(peer_path)] if peer_path else ["--peer-cases", os.devnull + ".absent"]
            subprocess.run(cmd, check=True)
            result = json.loads(out.read_text(encoding="utf-8"))
            if peer is not None:
                peer[name] = result.pop("peer")
            results[name] = result
            s = result["summary"]
            print(f"[{name}: loaded in {s['load_seconds']:.1f}s, corpus in {s['seconds']:.1f}s"
                  + (f", peer cases in {peer[name]['seconds']:.1f}s]" if peer else "]"), file=sys.stderr)
    print_report(results, docs, peer, args.errors)
    if args.json:
        out = {"date": str(date.today()), "corpus": str(args.corpus), "documents": len(docs),
               "gold_spans": sum(len(d["spans"]) for d in docs), "engines": results, "peer_cases": peer}
        args.json.write_text(json.dumps(out, indent=2, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
