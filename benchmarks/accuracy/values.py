"""Value generators for the accuracy corpus: valid identifiers in every writing, and look-alikes.

Every labelled identifier is generated valid (python-stdnum checksums, phonenumbers validity) and
checked again before it is returned; every hard negative is checked to be invalid. Each function
takes the document's `random.Random` so the corpus is reproducible.
"""

from __future__ import annotations

import base64
import ipaddress
import json
import random
import string
import unicodedata
from dataclasses import dataclass, field
from datetime import date, timedelta

import phonenumbers
from stdnum import bic as std_bic
from stdnum import iban as std_iban
from stdnum import luhn
from stdnum.fr import nif as std_nif
from stdnum.fr import nir as std_nir
from stdnum.fr import siren as std_siren
from stdnum.fr import siret as std_siret
from stdnum.fr import tva as std_tva

import pools as P

DIGITS = string.digits
NBSP, NNBSP = "\u00a0", "\u202f"
MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
          "novembre", "décembre"]
EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December"]


def digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(DIGITS) for _ in range(n))


def slug(text: str, sep: str = "") -> str:
    """ASCII lower-case form of a name for e-mail addresses and URLs."""
    ascii_ = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    out = "".join(c if c.isalnum() else " " for c in ascii_.lower())
    return sep.join(out.split())


def group(s: str, sizes: list[int], sep: str = " ") -> str:
    parts, i = [], 0
    for n in sizes:
        parts.append(s[i : i + n])
        i += n
    if i < len(s):
        parts.append(s[i:])
    return sep.join(p for p in parts if p)


# ---------------------------------------------------------------- French company numbers
def siren(rng: random.Random) -> str:
    while True:
        body = str(rng.randint(1, 9)) + digits(rng, 7)
        number = body + luhn.calc_check_digit(body)
        if std_siren.is_valid(number) and not number.startswith("356000000"):
            return number


def siret(rng: random.Random, siren_: str | None = None) -> str:
    siren_ = siren_ or siren(rng)
    while True:
        base = siren_ + f"{rng.choice([1, 1, 1, 2, 3, 4, 5, 7, 8, 10, 11, 12, 15, 21, 27, 33, 58, 104]):04d}"
        number = base + luhn.calc_check_digit(base)
        if std_siret.is_valid(number):
            return number


def tva(siren_: str) -> str:
    number = "FR%02d%s" % ((12 + 3 * (int(siren_) % 97)) % 97, siren_)
    assert std_tva.is_valid(number)
    return number


def fmt_siren(rng: random.Random, n: str) -> tuple[str, str]:
    style = rng.choice(["spaced", "spaced", "compact", "dots", "nbsp"])
    return {"spaced": group(n, [3, 3, 3]), "compact": n, "dots": group(n, [3, 3, 3], "."),
            "nbsp": group(n, [3, 3, 3], NBSP)}[style], style


def fmt_siret(rng: random.Random, n: str) -> tuple[str, str]:
    style = rng.choice(["spaced", "spaced", "compact", "compact", "spaced_nic", "dashes", "nbsp"])
    return {"spaced": group(n, [3, 3, 3, 5]), "compact": n, "spaced_nic": group(n, [3, 3, 3, 3, 2]),
            "dashes": group(n, [3, 3, 3, 5], "-"), "nbsp": group(n, [3, 3, 3, 5], NBSP)}[style], style


def fmt_tva(rng: random.Random, n: str) -> tuple[str, str]:
    style = rng.choice(["compact", "compact", "split", "spaced", "key_space"])
    return {"compact": n, "split": f"FR {n[2:4]} {n[4:]}", "spaced": f"FR{n[2:4]} {group(n[4:], [3, 3, 3])}",
            "key_space": f"FR {n[2:4]} {group(n[4:], [3, 3, 3])}"}[style], style


# ---------------------------------------------------------------- people's numbers
def nir(rng: random.Random, sex: int, born: date) -> str:
    while True:
        dept = rng.choice([f"{rng.randint(1, 95):02d}", f"{rng.randint(1, 95):02d}", "2A", "2B", "75", "69", "13"])
        if dept == "20":
            continue
        first13 = f"{sex}{born.year % 100:02d}{born.month:02d}{dept}{rng.randint(1, 899):03d}{rng.randint(1, 999):03d}"
        number = first13 + std_nir.calc_check_digits(first13)
        if std_nir.is_valid(number):
            return number


def fmt_nir(rng: random.Random, n: str) -> tuple[str, str]:
    style = rng.choice(["spaced", "spaced", "compact", "key_apart", "dots"])
    spaced = group(n, [1, 2, 2, 2, 3, 3, 2])
    return {"spaced": spaced, "compact": n, "key_apart": f"{n[:13]} {n[13:]}",
            "dots": group(n, [1, 2, 2, 2, 3, 3, 2], ".")}[style], style


def nif(rng: random.Random) -> str:
    while True:
        first10 = str(rng.randint(0, 3)) + digits(rng, 9)
        number = first10 + std_nif.calc_check_digits(first10)
        if std_nif.is_valid(number):
            return number


def fmt_nif(rng: random.Random, n: str) -> tuple[str, str]:
    style = rng.choice(["compact", "spaced"])
    return (n if style == "compact" else group(n, [2, 2, 3, 3, 3])), style


def passport(rng: random.Random) -> str:
    return digits(rng, 2) + "".join(rng.choice(string.ascii_uppercase) for _ in range(2)) + digits(rng, 5)


def cni(rng: random.Random) -> tuple[str, str]:
    if rng.random() < 0.5:  # the 12-digit card (before 2021): YYMM + département/service + serial
        return f"{rng.randint(5, 20):02d}{rng.randint(1, 12):02d}{rng.choice(['751', '692', '133', '331', '440', '063', '921', '590'])}{digits(rng, 5)}", "old12"
    alphabet = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
    while True:
        value = "".join(rng.choice(alphabet) for _ in range(9))
        if sum(c.isdigit() for c in value) >= 2 and sum(c.isalpha() for c in value) >= 3:
            return value, "new9"


def plate(rng: random.Random) -> tuple[str, str]:
    letters = "ABCDEFGHJKLMNPQRSTVWXYZ"
    if rng.random() < 0.75:
        while True:
            a = "".join(rng.choice(letters) for _ in range(2))
            if a not in ("SS", "WW"):
                break
        while True:  # SS is never issued; WW only on the left, for temporary plates
            b = "".join(rng.choice(letters) for _ in range(2))
            if b != "SS":
                break
        num = f"{rng.randint(1, 999):03d}"
        style = rng.choice(["dashes", "dashes", "dashes", "spaces", "compact"])
        return {"dashes": f"{a}-{num}-{b}", "spaces": f"{a} {num} {b}", "compact": f"{a}{num}{b}"}[style], "siv_" + style
    dept = rng.choice(["56", "75", "13", "69", "2A", "33", "974", "29"])
    ln = rng.choice([2, 3])
    num = str(rng.randint(10, 9999 if ln == 2 else 999))
    return f"{num} {''.join(rng.choice(letters) for _ in range(ln))} {dept}", "fni"


def birth_date(rng: random.Random) -> date:
    return date(1950, 1, 1) + timedelta(days=rng.randint(0, 365 * 55))


def fmt_date(rng: random.Random, d: date, english: bool = False) -> tuple[str, str]:
    if english:
        style = rng.choice(["iso", "slash_dmy", "long_en"])
    else:
        style = rng.choice(["slash", "slash", "slash", "long", "long", "dots", "iso", "dash"])
    day = "1er" if d.day == 1 and style == "long" else str(d.day)
    return {"slash": f"{d.day:02d}/{d.month:02d}/{d.year}", "long": f"{day} {MONTHS[d.month - 1]} {d.year}",
            "dots": f"{d.day:02d}.{d.month:02d}.{d.year}", "iso": d.isoformat(), "dash": f"{d.day:02d}-{d.month:02d}-{d.year}",
            "slash_dmy": f"{d.day:02d}/{d.month:02d}/{d.year}",
            "long_en": f"{EN_MONTHS[d.month - 1]} {d.day}, {d.year}"}[style], style


# ---------------------------------------------------------------- bank and cards
def rib_key(bank: str, branch: str, account: str) -> str:
    return "%02d" % (97 - (89 * int(bank) + 15 * int(branch) + 3 * int(account)) % 97)


def rib(rng: random.Random) -> tuple[str, str, str, str]:
    bank = rng.choice(P.FR_BANK_CODES)
    branch = digits(rng, 5)
    account = digits(rng, 11)
    return bank, branch, account, rib_key(bank, branch, account)


def iban_fr(rng: random.Random, parts: tuple[str, str, str, str] | None = None) -> str:
    bban = "".join(parts or rib(rng))
    number = "FR" + std_iban.calc_check_digits("FR00" + bban) + bban
    assert std_iban.is_valid(number)
    return number


def iban_foreign(rng: random.Random) -> str:
    country, length = rng.choice([("DE", 18), ("BE", 12), ("ES", 20), ("IT", 23), ("LU", 16), ("NL", 14), ("CH", 17)])
    for _ in range(100000):
        if country == "IT":
            bban = rng.choice(string.ascii_uppercase) + digits(rng, 10) + digits(rng, 12)
        elif country == "NL":
            bban = rng.choice(["ABNA", "INGB", "RABO"]) + digits(rng, 10)
        elif country == "LU":
            bban = digits(rng, 3) + digits(rng, 13)
        else:
            bban = digits(rng, length)
        number = country + std_iban.calc_check_digits(country + "00" + bban) + bban
        if std_iban.is_valid(number):
            return number
    raise RuntimeError(country)


def fmt_iban(rng: random.Random, n: str) -> tuple[str, str]:
    style = rng.choice(["grouped", "grouped", "grouped", "compact", "compact", "nbsp", "dashes"])
    return {"grouped": group(n, [4] * 8), "compact": n, "nbsp": group(n, [4] * 8, NBSP),
            "dashes": group(n, [4] * 8, "-")}[style], style


def fmt_rib(rng: random.Random, parts: tuple[str, str, str, str]) -> tuple[str, str]:
    style = rng.choice(["spaced", "spaced", "compact", "dashes"])
    sep = {"spaced": " ", "compact": "", "dashes": "-"}[style]
    return sep.join(parts), style


def card(rng: random.Random) -> tuple[str, str]:
    brand = rng.choice(["visa", "visa", "mastercard", "mastercard", "amex", "mc2"])
    prefix, length = {"visa": ("4" + digits(rng, 1), 16), "mastercard": (str(rng.randint(51, 55)), 16),
                      "amex": (rng.choice(["34", "37"]), 15), "mc2": (str(rng.randint(2221, 2720)), 16)}[brand]
    body = prefix + digits(rng, length - len(prefix) - 1)
    number = body + luhn.calc_check_digit(body)
    assert luhn.is_valid(number)
    return number, brand


def fmt_card(rng: random.Random, n: str) -> tuple[str, str]:
    sizes = [4, 6, 5] if len(n) == 15 else [4, 4, 4, 4]
    style = rng.choice(["spaced", "spaced", "spaced", "compact", "dashes"])
    return {"spaced": group(n, sizes), "compact": n, "dashes": group(n, sizes, "-")}[style], style


# ---------------------------------------------------------------- phones
def _fr_nsn(rng: random.Random, kind: str) -> tuple[str, str]:
    """A national significant number (no leading 0) and its country code."""
    if kind == "mobile":
        return rng.choice(["6", "6", "7"]) + digits(rng, 8), "33"
    if kind == "fixe":
        return rng.choice("123459") + digits(rng, 8), "33"
    cc, prefix = rng.choice([("262", "692"), ("262", "693"), ("590", "690"), ("596", "696"), ("594", "694"), ("262", "262")])
    return prefix + digits(rng, 6), cc


def phone(rng: random.Random, kind: str = "mobile") -> tuple[str, str]:
    """A valid French number in one of the ways people write it, and the name of that way."""
    while True:
        nsn, cc = _fr_nsn(rng, kind)
        nat = "0" + nsn
        if cc == "33":
            pairs = group(nat, [2, 2, 2, 2, 2])
            style = rng.choice(["spaces", "spaces", "spaces", "dots", "dashes", "compact", "intl", "intl", "intl_0",
                                "intl_compact", "00", "intl_dots", "nbsp", "paren_cc", "intl_0_space"])
            text = {
                "spaces": pairs, "dots": group(nat, [2] * 5, "."), "dashes": group(nat, [2] * 5, "-"), "compact": nat,
                "intl": f"+33 {nsn[0]} {group(nsn[1:], [2, 2, 2, 2])}", "intl_0": f"+33 (0){nsn[0]} {group(nsn[1:], [2, 2, 2, 2])}",
                "intl_compact": f"+33{nsn}", "00": f"0033 {nsn[0]} {group(nsn[1:], [2, 2, 2, 2])}",
                "intl_dots": f"+33 {nsn[0]}.{group(nsn[1:], [2, 2, 2, 2], '.')}", "nbsp": group(nat, [2] * 5, NBSP),
                "paren_cc": f"(+33) {nsn[0]} {group(nsn[1:], [2, 2, 2, 2])}",
                "intl_0_space": f"+33 (0) {nsn[0]} {group(nsn[1:], [2, 2, 2, 2])}",
            }[style]
        else:
            style = rng.choice(["dom_nat", "dom_intl", "dom_intl_compact", "dom_00"])
            text = {"dom_nat": f"{nat[:4]} {group(nat[4:], [2, 2, 2])}", "dom_intl": f"+{cc} {nsn[:3]} {group(nsn[3:], [2, 2, 2])}",
                    "dom_intl_compact": f"+{cc}{nsn}", "dom_00": f"00{cc} {nsn[:3]} {group(nsn[3:], [2, 2, 2])}"}[style]
        region = {"33": "FR", "262": "RE", "590": "GP", "596": "MQ", "594": "GF"}[cc]
        try:
            parsed = phonenumbers.parse(text.replace(NBSP, " "), region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(parsed) and str(parsed.national_number) == nsn:
            return text, style


def phone_foreign(rng: random.Random) -> tuple[str, str]:
    while True:
        cc, region, fmt = rng.choice([
            ("44", "GB", lambda: f"+44 20 {digits(rng, 4)} {digits(rng, 4)}"),
            ("44", "GB", lambda: f"+44 7{rng.choice('45789')}{digits(rng, 2)} {digits(rng, 6)}"),
            ("32", "BE", lambda: f"+32 2 {digits(rng, 3)} {digits(rng, 2)} {digits(rng, 2)}"),
            ("41", "CH", lambda: f"+41 22 {digits(rng, 3)} {digits(rng, 2)} {digits(rng, 2)}"),
            ("1", "US", lambda: f"+1 (415) {rng.randint(200, 999)}-{digits(rng, 4)}"),
            ("49", "DE", lambda: f"+49 30 {digits(rng, 8)}"),
        ])
        text = fmt()
        if phonenumbers.is_valid_number(phonenumbers.parse(text, region)):
            return text, "foreign_" + region


# ---------------------------------------------------------------- network
def ipv4(rng: random.Random) -> tuple[str, str]:
    kind = rng.choice(["private", "private", "public", "public", "ten"])
    if kind == "private":
        return f"192.168.{rng.randint(0, 20)}.{rng.randint(2, 254)}", "v4_private"
    if kind == "ten":
        return f"10.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(2, 254)}", "v4_private"
    while True:
        a = rng.randint(11, 223)
        if a not in (127, 169, 172, 192):
            return f"{a}.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}", "v4_public"


def ipv6(rng: random.Random) -> tuple[str, str]:
    prefix = rng.choice(["2001:0db8", "2a01:0e0a", "2a02:8428", "fe80:0000", "2001:41d0"])
    groups = prefix.split(":") + [f"{rng.randint(0, 0xffff):04x}" for _ in range(6)]
    if rng.random() < 0.5:
        groups[2] = groups[3] = "0000"
    addr = ipaddress.IPv6Address(":".join(groups))
    style = rng.choice(["compressed", "compressed", "exploded"])
    return (addr.compressed if style == "compressed" else addr.exploded), "v6_" + style


# ---------------------------------------------------------------- secrets
B62 = string.ascii_letters + string.digits


def rand(rng: random.Random, n: int, alphabet: str = B62) -> str:
    return "".join(rng.choice(alphabet) for _ in range(n))


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def secret(rng: random.Random, kind: str | None = None, name: str = "Jean Dupont") -> tuple[str, str]:
    kind = kind or rng.choice(["openai", "anthropic", "aws_id", "github", "gitlab", "slack", "stripe", "google",
                               "jwt", "github_pat", "sendgrid", "hf", "openai_old", "stripe_whsec"])
    url = B62 + "-_"
    if kind == "openai":
        value = "sk-proj-" + rand(rng, rng.randint(40, 74), url) + ("T3BlbkFJ" + rand(rng, 40, url) if rng.random() < 0.6 else "")
    elif kind == "openai_old":
        value = "sk-" + rand(rng, 20) + "T3BlbkFJ" + rand(rng, 20)
    elif kind == "anthropic":
        value = "sk-ant-api03-" + rand(rng, 93, url) + "AA"
    elif kind == "aws_id":
        value = "AKIA" + rand(rng, 16, string.ascii_uppercase + "234567")
    elif kind == "aws_secret":
        value = rand(rng, 40, B62 + "+/")
    elif kind == "github":
        value = "ghp_" + rand(rng, 36)
    elif kind == "github_pat":
        value = "github_pat_11" + rand(rng, 20, string.ascii_uppercase + DIGITS) + "_" + rand(rng, 59)
    elif kind == "gitlab":
        value = "glpat-" + rand(rng, 20, url)
    elif kind == "slack":
        value = f"xox{rng.choice('bp')}-{digits(rng, 11)}-{digits(rng, 12)}-{rand(rng, 24)}"
    elif kind == "stripe":
        value = rng.choice(["sk_live_", "rk_live_"]) + rand(rng, rng.choice([24, 99]))
    elif kind == "stripe_whsec":
        value = "whsec_" + rand(rng, 32)
    elif kind == "google":
        value = "AIza" + rand(rng, 35, url)
    elif kind == "sendgrid":
        value = "SG." + rand(rng, 22, url) + "." + rand(rng, 43, url)
    elif kind == "hf":
        value = "hf_" + rand(rng, 34)
    elif kind == "jwt":
        header = b64url(json.dumps({"alg": rng.choice(["HS256", "RS256"]), "typ": "JWT"}, separators=(",", ":")).encode())
        payload = b64url(json.dumps({"sub": digits(rng, 6), "name": name, "iat": 1700000000 + rng.randint(0, 10**7)},
                                    separators=(",", ":"), ensure_ascii=False).encode())
        value = f"{header}.{payload}.{b64url(rng.randbytes(32))}"
    elif kind == "hex":
        value = rand(rng, 64, "0123456789abcdef")
    elif kind == "pem":
        label = rng.choice(["RSA PRIVATE KEY", "PRIVATE KEY", "OPENSSH PRIVATE KEY", "EC PRIVATE KEY"])
        body = base64.b64encode(rng.randbytes(48 * rng.randint(4, 9))).decode()
        lines = [body[i : i + 64] for i in range(0, len(body), 64)]
        value = f"-----BEGIN {label}-----\n" + "\n".join(lines) + f"\n-----END {label}-----"
    else:
        raise ValueError(kind)
    return value, kind


PASSWORD_WORDS = ["Soleil", "Chaton", "Lyon", "Marseille", "Bretagne", "Azerty", "Vacances", "Printemps", "Loulou",
                  "Tigrou", "Doudou", "Papillon", "Nounours", "Capitaine", "Etoile", "Moutarde"]


def check_bics() -> None:
    """Every BIC in the pool has a valid format (stdnum.bic)."""
    bad = [b for b in P.BICS if not std_bic.is_valid(b)]
    assert not bad, bad


def password(rng: random.Random) -> tuple[str, str]:
    style = rng.choice(["word_year", "word_year", "random", "random", "leet", "phrase", "lower_digits"])
    if style == "word_year":
        value = rng.choice(PASSWORD_WORDS) + str(rng.randint(1975, 2025)) + rng.choice(["!", "?", "#", "*", "$"])
    elif style == "random":
        value = rand(rng, rng.randint(10, 18), B62 + "!#%&*+-=?@^_")
    elif style == "leet":
        value = rng.choice(["P@ssw0rd", "Tr0ub4dor", "M0t2P@sse", "S3cr3t", "Adm1n"]) + rand(rng, 3, DIGITS + "!&")
    elif style == "phrase":
        value = "-".join(rng.sample(["cheval", "batterie", "agrafe", "correct", "nuage", "tartine", "velo", "pomme"], 4))
    else:
        value = rng.choice(["bonjour", "azerty", "marseille", "loulou", "chocolat"]) + digits(rng, rng.randint(2, 4))
    return value, "password_" + style


def db_url(rng: random.Random) -> tuple[str, str]:
    user = rng.choice(["app_user", "admin", "root", "postgres", "shop", "api", "metabase", "wp_user"])
    pwd = rand(rng, rng.randint(10, 22), B62 + "_-")
    host = rng.choice(["db.internal", "10.0.3.12", "prod-db.ovh.net", "localhost", "mysql-prod", "db-eu-west-3.rds.amazonaws.com"])
    scheme, port = rng.choice([("postgresql", 5432), ("postgres", 5432), ("mysql", 3306), ("mongodb+srv", None),
                               ("redis", 6379), ("amqp", 5672)])
    host_port = host if port is None else f"{host}:{port}"
    db = rng.choice(["prod", "app", "crm", "boutique", "0", "analytics"])
    if scheme == "redis":
        return f"redis://:{pwd}@{host_port}/{db}", "db_url_redis"
    return f"{scheme}://{user}:{pwd}@{host_port}/{db}", "db_url_" + scheme.split("+")[0]


# ---------------------------------------------------------------- hard negatives (all checked invalid)
def bad_luhn(rng: random.Random, n: int, first: str = "") -> str:
    while True:
        value = first + digits(rng, n - len(first))
        if not luhn.is_valid(value) and value[0] != "0":
            return value


def bad_siret(rng: random.Random) -> str:
    while True:
        value = bad_luhn(rng, 14)
        if not luhn.is_valid(value[:9]) and not std_siret.is_valid(value):
            return value


def bad_iban(rng: random.Random) -> str:
    while True:
        good = iban_fr(rng)
        i = rng.randint(14, 24)
        bad = good[:i] + str((int(good[i]) + rng.randint(1, 9)) % 10) + good[i + 1 :]
        bban = bad[4:]
        if not std_iban.is_valid(bad) and rib_key(bban[:5], bban[5:10], bban[10:21]) != bban[21:]:
            return bad


def bad_nir(rng: random.Random) -> str:
    good = nir(rng, rng.choice([1, 2]), birth_date(rng))
    bad = good[:13] + "%02d" % ((int(good[13:]) + rng.randint(1, 50)) % 97 + 1)
    assert not std_nir.is_valid(bad)
    return bad


def bad_tva(rng: random.Random) -> str:
    while True:
        body = bad_luhn(rng, 9)
        value = "FR%02d%s" % (rng.randint(0, 99), body)
        if not std_tva.is_valid(value):
            return value


def bad_rib(rng: random.Random) -> str:
    bank, branch, account, key = rib(rng)
    return f"{bank} {branch} {account} {(int(key) + rng.randint(1, 40)) % 97 + 1:02d}"


def bad_phone_like(rng: random.Random) -> str:
    """Ten digits that are no French phone number: invoice and order numbers."""
    while True:
        value = str(rng.choice([1, 2, 2, 2, 4, 5, 8])) + digits(rng, 9)
        try:
            ok = phonenumbers.is_valid_number(phonenumbers.parse(value, "FR"))
        except phonenumbers.NumberParseException:
            ok = False
        if not ok:
            return value


def price(rng: random.Random) -> str:
    amount = rng.choice([rng.randint(10, 999), rng.randint(1000, 99999)]) + rng.choice([0, 0, rng.randint(1, 99) / 100])
    whole, cents = int(amount), round((amount - int(amount)) * 100)
    sep = rng.choice([" ", NBSP, NNBSP, ".", ""])
    w = f"{whole:,}".replace(",", sep)
    style = rng.choice(["eur", "eur", "eur_ht", "euros", "ttc"])
    money = f"{w},{cents:02d}" if cents or rng.random() < 0.5 else w
    return {"eur": f"{money} €", "eur_ht": f"{money} € HT", "euros": f"{money} euros", "ttc": f"{money} € TTC"}[style]


def plain_date(rng: random.Random) -> str:
    d = date(2023, 1, 1) + timedelta(days=rng.randint(0, 900))
    return fmt_date(rng, d)[0]


def uuid4(rng: random.Random) -> str:
    h = rand(rng, 32, "0123456789abcdef")
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{rng.choice('89ab')}{h[17:20]}-{h[20:32]}"


def hard_negative(rng: random.Random, kind: str) -> str:
    """An unlabelled look-alike: wrong checksums, order numbers, prices, dates, versions."""
    if kind == "bad_siret":
        return group(bad_siret(rng), rng.choice([[3, 3, 3, 5], [14]]))
    if kind == "bad_siren":
        return group(bad_luhn(rng, 9), rng.choice([[3, 3, 3], [9]]))
    if kind == "bad_iban":
        return group(bad_iban(rng), rng.choice([[4] * 8, [27]]))
    if kind == "bad_card":
        return group(bad_luhn(rng, 16, rng.choice(["4", "5"])), rng.choice([[4, 4, 4, 4], [16]]))
    if kind == "bad_nir":
        return group(bad_nir(rng), rng.choice([[1, 2, 2, 2, 3, 3, 2], [15]]))
    if kind == "bad_tva":
        return bad_tva(rng)
    if kind == "bad_rib":
        return bad_rib(rng)
    if kind == "invoice":
        return rng.choice([bad_phone_like(rng), f"FA-{rng.randint(2023, 2025)}-{rng.randint(1, 999):04d}",
                           f"F{rng.randint(2023, 2025)}{rng.randint(1, 12):02d}-{rng.randint(1, 99):03d}", bad_phone_like(rng)])
    if kind == "order":
        return rng.choice([f"CMD-{rng.randint(2023, 2025)}-{digits(rng, 5)}", f"PO{digits(rng, 6)}",
                           bad_phone_like(rng), f"{bad_luhn(rng, 9)}", f"BC{rng.randint(2023, 2025)}/{digits(rng, 4)}"])
    if kind == "dossier":
        return group(bad_luhn(rng, 9), [3, 3, 3])
    if kind == "price":
        return price(rng)
    if kind == "date":
        return plain_date(rng)
    if kind == "time":
        return rng.choice([f"{rng.randint(8, 18)}h{rng.choice(['', '00', '15', '30', '45'])}", f"{rng.randint(8, 18)} h {rng.choice(['00', '30'])}"])
    if kind == "ticket":
        return rng.choice([f"#{rng.randint(1000, 99999)}", f"INC{digits(rng, 7)}", f"PRJ-{rng.randint(10, 2999)}"])
    if kind == "version":
        return rng.choice([f"v{rng.randint(1, 5)}.{rng.randint(0, 20)}.{rng.randint(0, 9)}", f"{rng.randint(1, 3)}.{rng.randint(0, 12)}.{rng.randint(0, 30)}"])
    if kind == "uuid":
        return uuid4(rng)
    if kind == "sha":
        return rand(rng, rng.choice([7, 40]), "0123456789abcdef")
    if kind == "pct":
        return rng.choice(["20 %", "5,5 %", "10 %", "2,1 %", "30 %", "12,5 %"])
    if kind == "capword":
        return rng.choice(P.CAP_WORDS)
    if kind == "colour":
        return rng.choice(P.COLOUR_WORDS)
    if kind == "qty":
        return f"{rng.randint(1, 12)} x {price(rng)}"
    if kind == "ref":
        return rng.choice([f"REF-{rand(rng, 4, string.ascii_uppercase + DIGITS)}-{digits(rng, 4)}", f"ART-{digits(rng, 6)}",
                           f"{rng.choice(['CH', 'TB', 'LP'])}{digits(rng, 4)}-{rng.choice(['BL', 'NR', 'GR'])}"])
    if kind == "build":
        return f"{rng.randint(10, 22)}.0.{rng.randint(10000, 22999)}"
    raise ValueError(kind)


# ---------------------------------------------------------------- people, companies, addresses
@dataclass
class Address:
    number: str
    street: str
    complement: str | None
    postcode: str
    city: str
    cedex: str | None
    bp: str | None
    lieu_dit: str | None

    def render(self, rng: random.Random, style: str) -> str:
        street = self.lieu_dit and f"Lieu-dit {self.lieu_dit}" or f"{self.number} {self.street}"
        city = f"{self.postcode} {self.city}"
        if self.cedex:
            city = f"{self.cedex} {self.city} Cedex" + rng.choice(["", f" {self.cedex[-2:]}" if self.city in ("Paris", "Lyon", "Marseille") else ""])
        box = self.bp
        if style == "oneline":
            return ", ".join(x for x in (self.complement, street, box, city) if x)
        if style == "oneline_nocomma":
            return f"{street} {city}"
        if style in ("ml", "ml_caps"):
            lines = [x for x in (self.complement, street, box, city) if x]
            text = "\n".join(lines)
            if style == "ml_caps":  # La Poste's norm: last line in capitals, often the whole block
                text = text.upper() if rng.random() < 0.5 else "\n".join(lines[:-1] + [lines[-1].upper()])
            return text
        if style == "phrase":
            return f"{self.number}, {self.street} à {self.city} ({self.postcode})" if not self.lieu_dit else f"{street}, {city}"
        if style == "street_city":
            return f"{street} à {self.city}"
        if style == "street_only":
            return street
        raise ValueError(style)


def address(rng: random.Random, *, business: bool = False) -> Address:
    postcode, city, cedex = rng.choice(P.CITIES)
    kind, stype = rng.choice(P.STREET_TYPES)
    name = rng.choice(P.STREET_NAMES)
    if kind == "résidence":
        name = rng.choice(["Les Tilleuls", "du Parc", "Les Jardins d'Arcadie", "Le Clos Fleuri"])
    n = rng.randint(1, 180)
    num = str(n) + rng.choice(["", "", "", "", " bis", "bis", " ter", f"-{n + 2}"])
    lieu = rng.choice(P.LIEUX_DITS) if rng.random() < 0.07 else None
    comp = rng.choice(P.COMPLEMENTS) if rng.random() < 0.2 else None
    use_cedex = cedex if (business and cedex and rng.random() < 0.6) else None
    bp = (rng.choice(["BP ", "CS ", "BP "]) + str(rng.randint(10, 90000))) if use_cedex and rng.random() < 0.7 else None
    if use_cedex is None and business and rng.random() < 0.1:
        bp = "BP " + str(rng.randint(10, 999))
    return Address(num, f"{stype} {name}", comp, postcode, city, use_cedex, bp, lieu)


@dataclass
class Person:
    first: str
    last: str
    sex: int  # 1 man, 2 woman (the NIR's first digit)
    born: date
    english: bool = False
    org_domain: str | None = None
    cache: dict = field(default_factory=dict)

    @property
    def full(self) -> str:
        return f"{self.first} {self.last}"


def person(rng: random.Random, english: bool = False) -> tuple[Person, str]:
    if english:
        return Person(rng.choice(P.EN_FIRST), rng.choice(P.EN_LAST), rng.choice([1, 2]), birth_date(rng), True), "english"
    sex = rng.choice([1, 2])
    roll = rng.random()
    firsts = P.FIRST_M if sex == 1 else P.FIRST_F
    first = rng.choice(firsts)
    if roll < 0.18:
        variant, last = "wordlike", rng.choice(P.LAST_WORDLIKE)
        if rng.random() < 0.5:
            first = rng.choice(P.FIRST_WORDLIKE_M if sex == 1 else P.FIRST_WORDLIKE_F)
    elif roll < 0.26:
        variant, last = "particle", rng.choice(P.LAST_PARTICLE)
    elif roll < 0.32:
        variant, last = "hyphen", rng.choice(P.LAST_HYPHEN)
    else:
        variant, last = "plain", rng.choice(P.LAST)
    return Person(first, last, sex, birth_date(rng)), variant


@dataclass
class Company:
    name: str
    base: str
    domain: str
    cache: dict = field(default_factory=dict)


def company(rng: random.Random, english: bool = False) -> Company:
    if english and rng.random() < 0.6:
        name = rng.choice(P.COMPANY_EN)
        base = name.split(" ")[0]
    else:
        base = rng.choice(P.COMPANY_BASES)
        form = rng.choice(P.LEGAL_FORMS)
        name = rng.choice([base, base, base, f"{base} {form}", f"{form} {base}"])
    dom = slug(base.replace("&", " "), rng.choice(["", "-"])) + rng.choice([".fr", ".fr", ".com", ".io", ".eu", "-group.com", ".net"])
    return Company(name, base, dom)
