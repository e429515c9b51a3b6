"""Write the labelled French accuracy corpus, deterministically.

    python benchmarks/accuracy/generate.py [--out benchmarks/accuracy/corpus.jsonl] [--seed 20251123]

Documents are assembled from the hand-written templates in templates.py; every slot is filled
from the pools (pools.py) and generators (values.py), and each gold span is recorded from the
exact offset at which its value is inserted, never by searching the text afterwards. One JSON
object a line: {"id", "kind", "text", "spans": [{"type", "start", "end", "variant"}], "negative",
"neutral": [...], "hard_negatives": [{"kind", "start", "end"}]}. `variant` says how the value
is written (for error analysis); `neutral` marks public bodies, big companies and countries
(neither required nor penalised, see README.md); `hard_negatives` marks look-alikes that must
not be found.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import pools as P  # noqa: E402
import templates as T  # noqa: E402
import values as V  # noqa: E402

SEED = 20251123
SLOT = re.compile(r"\{([a-z_][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)?)\}")

# Documents per kind (positive); the negative set comes on top.
QUOTAS = {
    "client_email": 60, "english_email": 22, "invoice": 24, "quote": 14, "contract": 20, "cv": 18,
    "meeting_notes": 20, "chat": 26, "support_ticket": 22, "hr_letter": 18, "code_snippet": 26,
    "letter": 16, "form": 16, "admin_request": 72,
}
# Kinds that also receive identifier sentences and look-alikes (probability of one more sentence).
INJECT = {"client_email": 0.6, "support_ticket": 0.5, "form": 0.5, "hr_letter": 0.4, "letter": 0.3,
          "meeting_notes": 0.3, "chat": 0.3, "invoice": 0.4, "english_email": 0.5}
NEGATIVE_DOCS = 56


@dataclass
class Seg:
    text: str
    label: str | None = None  # an entity type: a gold span
    variant: str = ""
    tag: str | None = None  # "neutral:TYPE" or "hard:KIND"


class Doc:
    """A document being written: text so far, gold spans, neutral regions and hard negatives."""

    def __init__(self, rng: random.Random, english: bool = False) -> None:
        self.rng = rng
        self.english = english
        self.parts: list[str] = []
        self.pos = 0
        self.spans: list[dict] = []
        self.neutral: list[dict] = []
        self.hard: list[dict] = []
        self.people: dict[str, tuple[V.Person, str]] = {}
        self.orgs: dict[str, V.Company] = {}
        self.templates_used: list[str] = []

    # ------------------------------------------------------------ writing
    def lit(self, text: str) -> None:
        self.parts.append(text)
        self.pos += len(text)

    def seg(self, seg: Seg) -> None:
        start = self.pos
        self.lit(seg.text)
        if seg.label:
            self.spans.append({"type": seg.label, "start": start, "end": self.pos, "variant": seg.variant})
        elif seg.tag and seg.tag.startswith("neutral:"):
            self.neutral.append({"type": seg.tag[8:], "start": start, "end": self.pos})
        elif seg.tag and seg.tag.startswith("hard:"):
            self.hard.append({"kind": seg.tag[5:], "start": start, "end": self.pos})

    def fill(self, template: str) -> None:
        """Write `template`, filling each slot and recording where each value lands."""
        self.templates_used.append(template)
        last = 0
        for m in SLOT.finditer(template):
            self.lit(template[last : m.start()])
            for seg in self.resolve(m.group(1)):
                self.seg(seg)
            last = m.end()
        self.lit(template[last:])

    @property
    def text(self) -> str:
        return "".join(self.parts)

    # ------------------------------------------------------------ slots
    def resolve(self, name: str) -> list[Seg]:
        head, _, attr = name.partition(".")
        if re.fullmatch(r"[pe]\d", head):
            return self.person_attr(head, attr)
        if re.fullmatch(r"o\d", head):
            return self.org_attr(head, attr)
        if head == "x":
            return [Seg(V.hard_negative(self.rng, attr), tag="hard:" + attr)]
        if head == "n":
            return [self.neutral_value(attr)]
        return self.standalone(name)

    def person(self, key: str) -> tuple[V.Person, str]:
        if key not in self.people:
            p, variant = V.person(self.rng, english=key.startswith("e"))
            if self.rng.random() < 0.6:  # a work address at one of the document's companies
                org_key = "o9" if key in ("p9", "e9") else self.rng.choice(["o1", "o2"])
                p.org_domain = self.org(org_key).domain
            self.people[key] = (p, variant)
        return self.people[key]

    def org(self, key: str) -> V.Company:
        if key not in self.orgs:
            self.orgs[key] = V.company(self.rng, english=self.english)
        return self.orgs[key]

    def person_attr(self, key: str, attr: str) -> list[Seg]:
        rng, (p, variant) = self.rng, self.person(key)
        PER = "PERSON"
        woman = p.sex == 2
        gendered = {
            "civ": ("Mme" if woman else "M."), "Civ": ("Madame" if woman else "Monsieur"), "e": ("e" if woman else ""),
            "e2": ("e" if woman else ""), "ne": ("née" if woman else "né"), "ne2": ("ne" if woman else ""),
            "il": ("elle" if woman else "il"), "Il": ("Elle" if woman else "Il"), "la": ("la" if woman else "le"),
            "cher": ("Chère" if woman else "Cher"), "euse": ("se" if woman else "r"), "rice": ("rice" if woman else "eur"),
        }
        if attr in gendered:
            return [Seg(gendered[attr])]
        names = {
            "full": (p.full, variant), "first": (p.first, "first"), "last": (p.last, "last_" + variant),
            "LAST": (p.last.upper(), "caps_last"), "LASTfirst": (f"{p.last.upper()} {p.first}", "caps_last_first"),
            "FirstLAST": (f"{p.first} {p.last.upper()}", "first_caps_last"), "FULLCAPS": (p.full.upper(), "all_caps"),
            "lower": (p.full.lower(), "lower"), "firstl": (p.first.lower(), "lower_first"),
            "init": (f"{p.first[0]}. {p.last}", "initial"),
        }
        if attr in names:
            text, v = names[attr]
            if key.startswith("e"):
                v = "english_" + v
            return [Seg(text, PER, v)]
        f, l = V.slug(p.first), V.slug(p.last)
        if attr == "handle":
            return [Seg(rng.choice([f"{f}.{l}", f, f"{f[0]}{l}"]), PER, "handle")]
        if attr == "slug":  # a login derived from the name: neutral, neither required nor penalised
            return [Seg(p.cache.setdefault("slug", f"{f[0]}{l}"), tag="neutral:PERSON")]
        if attr in ("email", "email_perso"):
            domain = p.org_domain if (attr == "email" and p.org_domain) else rng.choice(P.EMAIL_DOMAINS)
            value = p.cache.setdefault(attr, _email(rng, f, l, domain))
            return [Seg(value, "EMAIL_ADDRESS", "pro" if p.org_domain and attr == "email" else "perso")]
        if attr in ("phone", "fixe"):
            value, style = p.cache.setdefault(attr, V.phone(rng, "dom" if rng.random() < 0.08 else ("mobile" if attr == "phone" else "fixe")))
            return [Seg(value, "PHONE_NUMBER", style)]
        if attr in ("dob", "dob_en"):
            text, style = V.fmt_date(rng, p.born, english=attr == "dob_en")
            return [Seg(text, "DATE_OF_BIRTH", style)]
        if attr == "nir":
            text, style = V.fmt_nir(rng, p.cache.setdefault("nir", V.nir(rng, p.sex, p.born)))
            return [Seg(text, "FR_NIR", style)]
        if attr == "nif":
            text, style = V.fmt_nif(rng, p.cache.setdefault("nif", V.nif(rng)))
            return [Seg(text, "FR_TAX_ID", style)]
        if attr == "passport":
            return [Seg(p.cache.setdefault("passport", V.passport(rng)), "FR_PASSPORT", "passport")]
        if attr == "cni":
            value, style = p.cache.setdefault("cni", V.cni(rng))
            return [Seg(value, "FR_CNI", style)]
        if attr == "plate":
            value, style = p.cache.setdefault("plate", V.plate(rng))
            return [Seg(value, "FR_LICENSE_PLATE", style)]
        if attr in ("iban", "rib", "bic"):
            return self.bank_attr(p.cache, attr)
        if attr == "card":
            number, brand = p.cache.setdefault("card", V.card(rng))
            text, style = V.fmt_card(rng, number)
            return [Seg(text, "CREDIT_CARD", f"{brand}_{style}")]
        if attr.startswith("addr"):
            return [self.address_seg(p.cache.setdefault("addr", V.address(rng)), attr)]
        if attr == "linkedin":
            value = rng.choice([f"https://www.linkedin.com/in/{f}-{l}-{V.rand(rng, 6, '0123456789abcdef')}",
                                f"linkedin.com/in/{f}{l}", f"https://fr.linkedin.com/in/{f}-{l}"])
            return [Seg(value, "URL", "linkedin")]
        if attr == "github":
            return [Seg(rng.choice([f"https://github.com/{f}{l}", f"github.com/{f[0]}{l}"]), "URL", "github")]
        raise KeyError(f"person attribute {attr!r}")

    def org_attr(self, key: str, attr: str) -> list[Seg]:
        rng, o = self.rng, self.org(key)
        ORG = "ORGANIZATION"
        if attr == "name":
            return [Seg(o.name, ORG, "name")]
        if attr == "NAME":
            return [Seg(o.name.upper(), ORG, "caps")]
        if attr == "lower":
            return [Seg(o.base.lower(), ORG, "lower")]
        if attr in ("siren", "siret", "tva"):
            siren = o.cache.setdefault("siren", V.siren(rng))
            if attr == "siren":
                text, style = V.fmt_siren(rng, siren)
                return [Seg(text, "FR_SIREN", style)]
            if attr == "siret":
                text, style = V.fmt_siret(rng, o.cache.setdefault("siret", V.siret(rng, siren)))
                return [Seg(text, "FR_SIRET", style)]
            text, style = V.fmt_tva(rng, V.tva(siren))
            return [Seg(text, "FR_TVA", style)]
        if attr == "rcs":
            return [Seg(o.cache.setdefault("rcs", rng.choice(P.CITIES)[1]), "LOCATION", "rcs_city")]
        if attr == "email":
            return [Seg(o.cache.setdefault("email", rng.choice(["contact", "compta", "factures", "bonjour", "admin", "rh"]) + "@" + o.domain), "EMAIL_ADDRESS", "generic")]
        if attr == "url":
            value = o.cache.setdefault("url", rng.choice([f"https://www.{o.domain}", f"www.{o.domain}", f"https://{o.domain}/contact", f"http://{o.domain}"]))
            return [Seg(value, "URL", "company")]
        if attr == "domain":
            return [Seg(o.domain, "URL", "bare_domain")]
        if attr == "ftp":
            return [Seg("ftp." + o.domain, "URL", "bare_domain")]
        if attr.startswith("addr"):
            return [self.address_seg(o.cache.setdefault("addr", V.address(rng, business=True)), attr)]
        if attr == "phone":
            value, style = o.cache.setdefault("phone", V.phone(rng, "fixe"))
            return [Seg(value, "PHONE_NUMBER", style)]
        if attr in ("iban", "rib", "bic"):
            return self.bank_attr(o.cache, attr)
        if attr == "city":
            return [Seg(rng.choice(P.CITIES)[1], "LOCATION", "city")]
        raise KeyError(f"org attribute {attr!r}")

    def bank_attr(self, cache: dict, attr: str) -> list[Seg]:
        rng = self.rng
        parts = cache.setdefault("rib", V.rib(rng))
        if attr == "iban":
            number = cache.setdefault("iban", V.iban_fr(rng, parts) if rng.random() < 0.85 else V.iban_foreign(rng))
            text, style = V.fmt_iban(rng, number)
            return [Seg(text, "IBAN_CODE", ("fr_" if number.startswith("FR") else "foreign_") + style)]
        if attr == "rib":
            text, style = V.fmt_rib(rng, parts)
            return [Seg(text, "FR_RIB", style)]
        return [Seg(cache.setdefault("bic", rng.choice(P.BICS)), "BIC", "bic")]

    def address_seg(self, addr: V.Address, attr: str) -> Seg:
        rng = self.rng
        if attr == "addr_ml":
            style = rng.choice(["ml", "ml", "ml_caps"])
        else:
            style = rng.choice(["oneline", "oneline", "oneline", "oneline_nocomma", "phrase", "street_city"])
        return Seg(addr.render(rng, style), "ADDRESS", style + ("_cedex" if addr.cedex else "") + ("_bp" if addr.bp else "")
                   + ("_lieudit" if addr.lieu_dit else "") + ("_compl" if addr.complement and style in ("ml", "ml_caps", "oneline") else ""))

    def neutral_value(self, attr: str) -> Seg:
        if attr in P.NEUTRAL_LITERALS:
            value, kind = P.NEUTRAL_LITERALS[attr]
            return Seg(value, tag="neutral:" + kind)
        pool, kind = {"pub": (P.PUBLIC_BODIES, "ORGANIZATION"), "big": (P.BIG_COMPANIES, "ORGANIZATION"),
                      "host": (P.HOSTS, "ORGANIZATION"), "country": (P.COUNTRIES, "LOCATION")}[attr.lower()]
        value = self.rng.choice(pool)
        if attr[0].isupper():
            value = value[0].upper() + value[1:]
        return Seg(value, tag="neutral:" + kind)

    def standalone(self, name: str) -> list[Seg]:
        rng = self.rng
        simple = {
            "city": lambda: (rng.choice(P.CITIES)[1], "LOCATION", "city"),
            "city_lower": lambda: (rng.choice(P.CITIES)[1].lower(), "LOCATION", "city_lower"),
            "region": lambda: (rng.choice(P.REGIONS), "LOCATION", "region"),
            "uk_addr": lambda: (rng.choice(P.UK_ADDRESSES), "ADDRESS", "uk"),
            "phone": lambda: (*V.phone(rng, "mobile"), ),
            "phone_foreign": lambda: V.phone_foreign(rng),
            "ip": lambda: V.ipv4(rng),
            "ipv6": lambda: V.ipv6(rng),
            "card": lambda: V.fmt_card(rng, V.card(rng)[0]),
            "bic": lambda: (rng.choice(P.BICS), "bic"),
            "siren": lambda: V.fmt_siren(rng, V.siren(rng)),
            "siret": lambda: V.fmt_siret(rng, V.siret(rng)),
            "nif": lambda: V.fmt_nif(rng, V.nif(rng)),
            "passport": lambda: (V.passport(rng), "passport"),
            "cni": lambda: V.cni(rng),
            "plate": lambda: V.plate(rng),
            "pwd": lambda: V.password(rng),
            "pwd_chat": lambda: V.password(rng),
            "dburl": lambda: V.db_url(rng),
            "url": lambda: self.url(),
            "url_token": lambda: self.url_token(),
            "url_meet": lambda: self.url_meet(),
        }
        types = {"phone": "PHONE_NUMBER", "phone_foreign": "PHONE_NUMBER", "ip": "IP_ADDRESS", "ipv6": "IP_ADDRESS",
                 "card": "CREDIT_CARD", "bic": "BIC", "siren": "FR_SIREN", "siret": "FR_SIRET", "nif": "FR_TAX_ID",
                 "passport": "FR_PASSPORT", "cni": "FR_CNI", "plate": "FR_LICENSE_PLATE", "pwd": "SECRET",
                 "pwd_chat": "SECRET", "dburl": "SECRET", "url": "URL", "url_token": "URL", "url_meet": "URL"}
        secrets = {"secret": None, "sk_openai": "openai", "sk_anthropic": "anthropic", "aws_id": "aws_id",
                   "aws_secret": "aws_secret", "ghp": "github", "glpat": "gitlab", "slack": "slack", "stripe": "stripe",
                   "google": "google", "jwt": "jwt", "pem": "pem", "hexsecret": "hex", "sendgrid": "sendgrid", "hf": "hf",
                   "whsec": "stripe_whsec"}
        if name == "project":
            return [Seg(rng.choice(P.PROJECT_NAMES))]
        if name in secrets:
            value, kind = V.secret(rng, secrets[name], name=self.person("p1")[0].full)
            return [Seg(value, "SECRET", kind)]
        if name in ("iban", "rib"):
            return self.bank_attr({}, name)
        if name == "addr":
            return [self.address_seg(V.address(rng, business=rng.random() < 0.3), "addr")]
        if name == "addr_ml":
            return [self.address_seg(V.address(rng, business=rng.random() < 0.3), "addr_ml")]
        if name in ("fixe", "mobile"):
            value, style = V.phone(rng, name)
            return [Seg(value, "PHONE_NUMBER", style)]
        if name in simple:
            out = simple[name]()
            if len(out) == 3:
                return [Seg(out[0], out[1], out[2])]
            return [Seg(out[0], types[name], out[1])]
        raise KeyError(f"slot {name!r}")

    def url(self) -> tuple[str, str]:
        rng, dom = self.rng, self.org(self.rng.choice(["o1", "o2"])).domain
        return rng.choice([f"https://www.{dom}/espace-client/commandes/{V.digits(rng, 6)}", f"https://{dom}/fr/contact",
                           f"https://intranet.{dom}/rh/dossiers?id={V.digits(rng, 5)}", f"www.{dom}/devis"]), "company_path"

    def url_token(self) -> tuple[str, str]:
        rng = self.rng
        dom = self.org(rng.choice(["o1", "o2"])).domain
        tok = V.rand(rng, 32, V.B62)
        return rng.choice([
            (f"https://drive.google.com/file/d/{V.rand(rng, 33, V.B62 + '-_')}/view?usp=sharing", "drive"),
            (f"https://www.dropbox.com/scl/fi/{V.rand(rng, 21).lower()}/devis.pdf?rlkey={V.rand(rng, 25).lower()}&dl=0", "dropbox"),
            (f"https://app.{dom}/reset-password?token={tok}", "reset_token"),
            (f"https://we.tl/t-{V.rand(rng, 10)}", "wetransfer"),
            (f"https://{V.slug(dom.split('.')[0])}.sharepoint.com/:f:/s/Projets/{V.rand(rng, 40, V.B62 + '-_')}", "sharepoint"),
            (f"https://hooks.slack.com/services/T{V.rand(rng, 8).upper()}/B{V.rand(rng, 10).upper()}/{V.rand(rng, 24)}", "slack_webhook"),
            (f"https://{dom}/invite?code={tok[:12]}&email={V.slug(self.person('p1')[0].first)}%40{dom}", "invite"),
            (f"https://docs.google.com/document/d/{V.rand(rng, 44, V.B62 + '-_')}/edit", "gdoc"),
        ])

    def url_meet(self) -> tuple[str, str]:
        rng = self.rng
        low = "abcdefghijklmnopqrstuvwxyz"
        return rng.choice([
            (f"https://meet.google.com/{V.rand(rng, 3, low)}-{V.rand(rng, 4, low)}-{V.rand(rng, 3, low)}", "meet"),
            (f"https://us02web.zoom.us/j/{V.digits(rng, 11)}?pwd={V.rand(rng, 32)}", "zoom"),
            (f"https://teams.microsoft.com/l/meetup-join/19%3ameeting_{V.rand(rng, 48)}%40thread.v2/0", "teams"),
        ])


def _email(rng: random.Random, f: str, l: str, domain: str) -> str:
    local = rng.choice([f"{f}.{l}", f"{f}.{l}", f"{f[0]}{l}", f"{f[0]}.{l}", f"{l}.{f}", f"{f}{l}", f"{f}_{l}",
                        f"{f}-{l}", f"{f}.{l}{rng.randint(1, 99)}", f"{f}{rng.randint(70, 99)}"])
    value = f"{local}@{domain}"
    if rng.random() < 0.08:
        value = ".".join(x.capitalize() for x in local.split(".")) + "@" + domain.capitalize()
    return value


# ============================================================ document builders
def pick(rng: random.Random, pool: list[str], k: int) -> list[str]:
    return rng.sample(pool, min(k, len(pool)))


def build(kind: str, rng: random.Random) -> Doc:
    doc = Doc(rng, english=kind == "english_email")
    if kind == "client_email":
        if rng.random() < 0.6:
            doc.fill(rng.choice(T.EMAIL_SUBJECTS))
            doc.lit("\n\n")
        doc.fill(rng.choice(T.GREETINGS_FR))
        doc.lit("\n\n")
        for i, body in enumerate(pick(rng, T.EMAIL_BODIES_FR, rng.randint(2, 4))):
            if i:
                doc.lit(rng.choice(["\n\n", "\n\n", " "]))
            doc.fill(body)
        doc.lit("\n\n")
        doc.fill(rng.choice(T.CLOSINGS_FR))
        doc.lit("\n")
        doc.fill(rng.choice(T.SIGNATURES_FR))
    elif kind == "english_email":
        doc.fill(rng.choice(T.EN_GREETINGS))
        doc.lit("\n\n")
        doc.fill("\n\n".join(pick(rng, T.EN_BODIES, rng.randint(2, 3))))
        doc.lit("\n\n")
        doc.fill(rng.choice(T.EN_CLOSINGS) + "\n" + rng.choice(T.EN_SIGNATURES))
    elif kind == "invoice":
        doc.fill(rng.choice(T.INVOICES))
    elif kind == "quote":
        if rng.random() < 0.4:
            doc.fill(rng.choice(T.GREETINGS_FR) + "\n\nVeuillez trouver ci-dessous notre proposition.\n\n")
        doc.fill(rng.choice(T.QUOTES))
    elif kind == "contract":
        which = rng.randrange(len(T.CONTRACT_HEADERS))
        doc.fill(T.CONTRACT_HEADERS[which])
        doc.lit("\n\n")
        fitting = [c.split("|", 1)[1] for c in T.CONTRACT_CLAUSES if "PCNB"[which] in c.split("|", 1)[0]]
        doc.fill("\n\n".join(sorted(pick(rng, fitting, rng.randint(3, 6)), key=lambda c: int(c.split()[1]))))
        doc.lit("\n\n")
        doc.fill(rng.choice(T.CONTRACT_FOOTERS))
    elif kind == "cv":
        doc.fill(rng.choice(T.CV_HEADERS))
        doc.lit("\n\n")
        doc.fill("\n\n".join(pick(rng, T.CV_SECTIONS, rng.randint(3, 5))))
    elif kind == "meeting_notes":
        doc.fill(rng.choice(T.MEETING_HEADERS))
        doc.lit("\n\n")
        doc.fill("\n".join(pick(rng, T.MEETING_ITEMS, rng.randint(4, 7))))
    elif kind == "chat":
        style = rng.choice(["teams", "slack", "whatsapp"])
        for i, line in enumerate(pick(rng, T.CHAT_LINES, rng.randint(4, 8))):
            speaker = rng.choice(["p5", "p6", "p7"])
            hh = f"{rng.randint(8, 19):02d}:{rng.randint(0, 59):02d}"
            if style == "teams":
                doc.fill(f"[{hh}] {{{speaker}.full}} : ")
            elif style == "slack":
                doc.fill(f"{{{speaker}.handle}}  {hh}\n")
            else:
                doc.fill(f"{hh} - {{{speaker}.first}}: ")
            doc.fill(line)
            doc.lit("\n")
    elif kind == "support_ticket":
        doc.fill(rng.choice(T.TICKETS))
        if rng.random() < 0.4:
            doc.fill(rng.choice(T.TICKET_FOLLOWUPS))
    elif kind == "hr_letter":
        doc.fill(rng.choice(T.HR_LETTERS))
    elif kind == "code_snippet":
        if rng.random() < 0.7:
            doc.fill(rng.choice(T.CODE_INTROS))
            doc.lit("\n\n")
        fence = rng.random() < 0.5
        doc.lit("```\n" if fence else "")
        doc.fill("\n\n".join(pick(rng, T.CODE_SNIPPETS, rng.randint(1, 2))))
        doc.lit("\n```" if fence else "")
    elif kind == "letter":
        doc.fill(rng.choice(T.LETTERS))
    elif kind == "form":
        doc.fill("\n\n".join(pick(rng, T.FORMS, rng.randint(1, 2))))
    elif kind == "admin_request":
        frame = rng.choice(T.ADMIN_FRAMES)
        ids = [id_sentence(rng, T.ID_SENTENCES) for _ in range(rng.randint(2, 5))]
        bullet = rng.choice(["- ", "• ", "", "* "])
        items = "\n".join(bullet + s for s in ids)
        frame = frame.replace("{ITEMS_INLINE}", ", ".join(s[0].lower() + s[1:] for s in ids))
        frame = frame.replace("{ITEMS}", items).replace("{HARD}", rng.choice(T.HARD_SENTENCES) if rng.random() < 0.9 else "")
        doc.fill(frame)
    elif kind == "negative":
        doc.fill("\n\n".join(pick(rng, T.NEGATIVES, rng.randint(1, 3))))
        for extra in pick(rng, T.NEGATIVE_EXTRAS, rng.randint(0, 2)):
            doc.lit(rng.choice(["\n", " "]))
            doc.fill(extra)
    else:
        raise ValueError(kind)
    if kind in INJECT:
        if rng.random() < INJECT[kind]:
            doc.lit(rng.choice(["\n\n", "\nPS : ", "\n", "\n\nNB : "]) if kind != "english_email" else "\n\nPS: ")
            doc.fill(id_sentence(rng, T.ID_SENTENCES_EN if kind == "english_email" else T.ID_SENTENCES))
        if rng.random() < INJECT[kind] / 2:
            doc.lit("\n")
            doc.fill(rng.choice(T.HARD_SENTENCES))
    return doc


def id_sentence(rng: random.Random, pools: dict[str, list[str]]) -> str:
    """A sentence giving one identifier in context; French identifiers twice as likely as the rest."""
    types = sorted(pools)
    weights = [2 if t.startswith("FR_") or t in ("CREDIT_CARD", "BIC", "DATE_OF_BIRTH") else 1 for t in types]
    return rng.choice(pools[rng.choices(types, weights)[0]])


def check(doc: Doc, text: str, negative: bool) -> None:
    """Gold spans are disjoint, and an entity is never split into two spans of one type."""
    spans = sorted(doc.spans, key=lambda s: s["start"])
    for a, b in zip(spans, spans[1:]):
        assert a["end"] <= b["start"], (a, b, text[a["start"] : b["end"]])
        if a["type"] == b["type"] and a["type"] in ("PERSON", "ORGANIZATION", "LOCATION") and text[a["end"] : b["start"]] == " ":
            raise AssertionError(f"split entity: {text[a['start']:b['end']]!r}")
    for s in spans:
        assert text[s["start"] : s["end"]].strip() == text[s["start"] : s["end"]], s
    if negative:
        assert not spans, text


def generate(seed: int) -> tuple[list[dict], Counter]:
    V.check_bics()
    docs, templates = [], Counter()
    plan = [(kind, i) for kind, n in QUOTAS.items() for i in range(n)] + [("negative", i) for i in range(NEGATIVE_DOCS)]
    for kind, i in plan:
        rng = random.Random(f"{seed}/{kind}/{i}")
        doc = build(kind, rng)
        text = doc.text
        check(doc, text, kind == "negative")
        templates.update(doc.templates_used)
        docs.append({
            "id": f"{kind}-{i + 1:03d}", "kind": kind, "text": text,
            "spans": sorted(doc.spans, key=lambda s: s["start"]), "negative": kind == "negative",
            "neutral": doc.neutral, "hard_negatives": doc.hard,
        })
    return docs, templates


def template_count() -> int:
    """Distinct hand-written templates (sentences, paragraphs, whole documents) in templates.py."""
    return sum(len(v) for k, v in vars(T).items() if k.isupper() and isinstance(v, list))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=HERE / "corpus.jsonl")
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args()
    docs, _ = generate(args.seed)
    with args.out.open("w", encoding="utf-8") as fh:
        for d in docs:
            fh.write(json.dumps(d, ensure_ascii=False) + "\n")
    per_type = Counter(s["type"] for d in docs for s in d["spans"])
    kinds = Counter(d["kind"] for d in docs)
    hard = Counter(h["kind"] for d in docs for h in d["hard_negatives"])
    print(f"wrote {args.out} — {len(docs)} documents ({sum(d['negative'] for d in docs)} negative), "
          f"{sum(per_type.values())} gold spans, {template_count()} templates, "
          f"{sum(len(d['text']) for d in docs):,} characters")
    print("spans per type: " + ", ".join(f"{t} {n}" for t, n in sorted(per_type.items(), key=lambda x: -x[1])))
    print("documents per kind: " + ", ".join(f"{k} {n}" for k, n in kinds.items()))
    print("hard negatives: " + ", ".join(f"{k} {n}" for k, n in sorted(hard.items(), key=lambda x: -x[1])))


if __name__ == "__main__":
    main()
