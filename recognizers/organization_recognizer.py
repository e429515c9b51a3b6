"""ORGANIZATION from how company names are written: legal forms, trade words, "la société X".

spaCy's French model finds few organisations (its ORG F-score is 0.76) and files many of the
rest under MISC, which the pipeline drops. A run of capitalised words ending with a legal form
(SAS, SARL, Ltd…) or a trade word (Conseil, Solutions, Architectes…), or starting with one
(Atelier, Cabinet, Société…), is a company name.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex
from presidio_analyzer import (
    AnalysisExplanation,
    Pattern,
    PatternRecognizer,
    RecognizerResult,
)
from presidio_analyzer.nlp_engine import NlpArtifacts
from presidio_analyzer.pattern_recognizer import REGEX_TIMEOUT_SECONDS

from guard.lexicons import (
    is_common_word,
    is_first_name,
    is_known_name,
    is_word_form,
    lexicon,
    title_case,
)

from .windowed_pattern_recognizer import Matcher, WindowedPatternRecognizer, folded, matches_at

ENTITY = "ORGANIZATION"

_UPPER = "A-ZÀ-ÖØ-Ý"
_LOWER = "a-zß-öø-ÿ"
# Capitalised only because a sentence starts: never the first word of a company name.
_NOT_A_NAME = r"(?!(?:Le|La|Les|L|Un|Une|Des|Du|De|Notre|Votre|Nos|Vos|Mon|Ma|Mes|Son|Sa|Ses|Ce|Cette|Ces|The|A|An|Our|Your|My|This|Pour|Avec|Chez|Dans|Sur|Par|En|Au|Aux|Et|Ou|Je|Nous|Vous|Il|Elle|On)(?![\w'’-]))"
_WORD = rf"{_NOT_A_NAME}(?:[{_UPPER}][{_LOWER}'’&]+(?:-[{_UPPER}][{_LOWER}'’]+)?|[{_UPPER}][{_UPPER}0-9&]+|[{_UPPER}])"
_LINK = r"(?:[ \t]+(?:&|et|and|de|du|des|de la|of|the|d'|l')?[ \t]*)"
# fmt: off
_LEGAL_FORMS = r"(?:SAS|SASU|SARL|EURL|SA|SCI|SNC|SCOP|SCP|SELARL|SELAS|GIE|Ltd|LTD|LLC|LLP|Inc\.?|INC|GmbH|AG|BV|NV|SRL|SpA|PLC|S\.A\.S\.?|S\.A\.R\.L\.?|S\.A\.)"
# Words that end a company name: "Kerlys Informatique", "Horizon Courtage", "Archipel RH".
_TAIL_WORDS = [
    "Conseil", "Conseils", "Consulting", "Consultants", "Solutions", "Services", "Distribution", "Architectes",
    "Architecture", "Associés", "Partners", "Studio", "Labs", "Lab", "Digital", "Technologies", "Technology",
    "Industries", "Industrie", "Group", "Groupe", "Systems", "Software", "Robotics", "Logistique", "Transports",
    "Immobilier", "Finance", "Capital", "Ventures", "Media", "Médias", "Communication", "Design", "Production",
    "Productions", "Formation", "Ingénierie", "Avocats", "Notaires", "Expertise", "Holding", "International",
    "Informatique", "Courtage", "Assurances", "Audit", "RH", "Paysage", "Paysages", "Énergie", "Énergies",
    "Energie", "Energy", "Nautisme", "Cosmétiques", "Sport", "Sports", "Bâtiment", "Construction", "Rénovation",
    "Environnement", "Habitat", "Patrimoine", "Traiteur", "Voyages", "Événements", "Automobiles", "Analytics",
    "Networks", "Télécom", "Menuiserie", "Plomberie", "Électricité", "Frères", "Bureau d'études",
]
# Words that start one: "Menuiserie Lambert", "Hôtel Beau Rivage", "Domaine des Trois Chênes".
_HEAD_WORDS = [
    "Société", "Cabinet", "Agence", "Atelier", "Ateliers", "Groupe", "Studio", "Maison", "Compagnie",
    "Laboratoires", "Entreprise", "Association", "Fondation", "Mutuelle", "Établissements", "Ets", "Librairie",
    "Imprimerie", "Garage", "Pharmacie", "Clinique", "Université", "University", "École", "Ecole", "Institut",
    "Institute", "Boulangerie", "Boulangeries", "Pâtisserie", "Boucherie", "Charcuterie", "Épicerie",
    "Fromagerie", "Biscuiterie", "Chocolaterie", "Confiserie", "Brasserie", "Restaurant", "Bistrot", "Café",
    "Cafés", "Hôtel", "Auberge", "Domaine", "Château", "Cave", "Caves", "Vignobles", "Ferme", "Écurie",
    "Écuries", "Coopérative", "Comptoir", "Menuiserie", "Ébénisterie", "Plomberie", "Serrurerie", "Carrosserie",
    "Scierie", "Quincaillerie", "Papeterie", "Parfumerie", "Bijouterie", "Optique", "Pressing", "Crèche",
    "Camping", "Transports", "Taxis", "Ambulances", "Vergers", "Jardins", "Fabrique",
]
# fmt: on


def _any_of(words: list[str]) -> str:
    """The words as written and in capitals ("Hôtel", "HÔTEL"), longest first."""
    forms = {form for word in words for form in (word, word.upper())}
    return "(?:" + "|".join(regex.escape(w) for w in sorted(forms, key=len, reverse=True)) + ")"


_TRADE_TAILS = _any_of(_TAIL_WORDS)
# A trade word may follow its article: "Les Ateliers de Camille", "Le Comptoir des Épices".
_TRADE_HEADS = rf"(?:(?:Les?|La|L['’]|LES?|LA)[ \t]*)?{_any_of(_HEAD_WORDS)}"
# fmt: on


class OrganizationRecognizer(WindowedPatternRecognizer):
    """Company names marked by a legal form, a trade word, or an introducing phrase."""

    PATTERNS = [
        Pattern("name + legal form", rf"(?<![\w-]){_WORD}(?:{_LINK}{_WORD}){{0,4}}[ \t]+{_LEGAL_FORMS}(?![\w-])", 0.8),
        Pattern("legal form + name", rf"(?<![\w-]){_LEGAL_FORMS}(?:{_LINK}{_WORD}){{1,5}}(?![\w-])", 0.8),
        Pattern("opposing party", rf"(?<=(?<!\w)c/[ \t]{{0,2}})(?:{_WORD}{_LINK}?){{1,5}}(?![\w-])", 0.6),
        # Above the name recognizer's 0.85: "Menuiserie Lambert" is a company named after a person.
        Pattern("trade head + name", rf"(?<![\w-]){_TRADE_HEADS}(?:{_LINK}{_WORD}){{1,4}}(?![\w-])", 0.86),
        Pattern("name + trade tail", rf"(?<![\w-])(?:{_WORD}{_LINK}){{1,3}}{_TRADE_TAILS}(?![\w-])", 0.86),
    ]
    CONTEXT = ["société", "entreprise", "client", "cliente", "sociale", "company", "chez", "groupe", "sarl", "sas"]

    def __init__(self, *, supported_language: str = "fr") -> None:
        super().__init__(
            supported_entity=ENTITY, patterns=self.PATTERNS, context=self.CONTEXT,
            supported_language=supported_language, global_regex_flags=regex.MULTILINE,
        )

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None,
        regex_flags: int | None = None,
    ) -> list[RecognizerResult]:
        """Pattern matches, plus names that a phrase, a signature or a letter head marks as a company."""
        if regex_flags and regex_flags != self.global_regex_flags:  # other flags: `matcher` no longer holds
            results = PatternRecognizer.analyze(self, text, entities, nlp_artifacts, regex_flags)
        else:
            results = super().analyze(text, entities, nlp_artifacts, regex_flags)
        found: list[tuple[int, int, float, str]] = []
        for match in _SIGNATURE.finditer(text):
            company = match.group("company")
            if _looks_like_a_person(match.group("person")) and not _names_a_role(company) and not _is_a_phrase(company):
                found.append((*match.span("company"), 0.65, "company line of a signature"))
        for match in matches_at(_LETTER_HEAD, text, _letter_head_lines(text)):
            if not _starts_like_a_person(match.group("name")) and not _is_a_phrase(match.group("name")):
                found.append((*match.span("name"), _WEAK, "line above an address"))
        for match in _in_lines(_PERSON_FROM, text, _lines_with(text, _PERSON_FROM_NEEDS)):
            if is_first_name(match.group("first")) and not _starts_like_a_person(match.group("name")):
                found.append((*match.span("name"), _WEAK, "a person's company"))
        for pattern, score, why, matches in (
            (_INTRODUCED, 0.7, "introduced as a company", _in_lines(_INTRODUCED, text, _introduced_lines(text))),
            (_FIELD, _WEAK, "company field", _FIELD.finditer(text)),
            (_DESCRIBED, 0.7, "described as a company", _in_lines(_DESCRIBED, text, _described_lines(text))),
        ):
            for match in matches:
                name = match.group("name")
                if not _starts_like_a_person(name) and not (pattern is _INTRODUCED and _is_a_place(name)):
                    found.append((*match.span("name"), score, why))  # "le site de Lyon" is a place
        for match in _in_lines(_AFFILIATION, text, _lines_with(text, _AFFILIATION_NEEDS)):
            person, name = match.group("person"), match.group("name")
            first, last = (person.split()[0], person.split()[-1]) if person else ("", "")
            is_person = person is None or _looks_like_a_person(person) or is_known_name(last) or not is_word_form(first)
            if is_person and not _starts_like_a_person(name) and not _is_a_place(name) and not _names_a_role(name) and (
                name.upper() not in lexicon("acronyms.txt")
            ):
                found.append((*match.span("name"), 0.6, "a person's or a client's company"))
        for match in _in_lines(_ROLE_COMPANY_TOWN, text, _role_company_town_lines(text)):
            town = match.group("town")
            if _names_a_role(match.group("role")) and (_is_a_place(town) or _is_a_place(title_case(town))) and not (
                _starts_like_a_person(match.group("name")) or _is_a_place(match.group("name"))
            ):
                found.append((*match.span("name"), 0.7, "employer in a role, company, town line"))
        for match in _in_lines(_LOWER_CASE, text, _lines_with(text, _LOWER_CASE_NEEDS)):
            if _is_lower_case_company(match.group("name")):
                found.append((*match.span("name"), 0.6, "company name in lower case"))
        for start, end, score, why in found:
            explanation = AnalysisExplanation(type(self).__name__, score, textual_explanation=why)
            results.append(RecognizerResult(ENTITY, start, end, score, explanation))
        return results

    def matcher(self, text: str) -> Matcher:
        """Each pattern run only on the lines that hold a word its matches need (a legal form, a
        trade word, "c/"): the same matches as a run over the whole text, faster."""
        lines = _pattern_lines(text)

        def matches(pattern: Pattern, compiled: regex.Pattern[str]) -> Iterator[regex.Match[str]]:
            for start, end in lines.get(pattern.name, [(0, len(text))]):
                yield from compiled.finditer(text, start, end, timeout=REGEX_TIMEOUT_SECONDS)

        return matches


def _is_a_place(name: str) -> bool:
    """"le site de Lyon", "(Nantes)": a town, the location recognizer's business."""
    return name in lexicon("fr_towns.txt") or name in lexicon("fr_regions.txt")


def _names_a_role(line: str) -> bool:
    """"Responsable marketing", "Head of Operations": a job title, not a company."""
    return any(word.casefold() in lexicon("job_titles.txt") for word in line.split())


def _looks_like_a_person(line: str) -> bool:
    """"Théo Meyer", "R. Laurent", "Sylvie LEBON": a first name or an initial, then a surname."""
    words = line.replace(".", ". ").split()
    return len(words) >= 2 and (is_first_name(words[0]) or regex.fullmatch(r"[A-Z]\.", words[0]) is not None)


def _starts_like_a_person(name: str) -> bool:
    """"Paul Durand", "DUPONT Jean", "Mme Morel": a title or a first name opens the name."""
    words = name.replace(".", ". ").split()
    if not words or regex.fullmatch(_TITLE, words[0]):
        return bool(words)
    if is_first_name(words[0]) or is_first_name(words[0].capitalize()):
        return True
    if len(words) >= 2 and is_known_name(words[-1]):
        return True  # "Constant Fabre": a surname closes the name
    # "DE LA CROIX Samuel": a surname in capitals next to a first name.
    return any(w.isupper() and len(w) > 1 for w in words) and any(is_first_name(w) for w in words)


def _is_a_phrase(line: str) -> bool:
    """"Gestion de projet digital", "Service des ressources humaines": capitalised only because
    the line starts, every other word in lower case, so a heading or a department, not a name."""
    words = regex.findall(r"[^\W\d_][\w'’-]*", line)
    return len(words) >= 2 and all(not w[0].isupper() for w in words[1:])


def _is_lower_case_company(name: str) -> bool:
    """"kerlys informatique", "groupe soléane", "ostréa": a trade word, or one word no dictionary has."""
    words = name.split()
    if regex.search(rf"(?<![\w'’])(?i:{_TRADE_TAILS})$", name) or regex.match(rf"(?i:{_TRADE_HEADS})(?![\w'’])", name):
        return len(words) >= 2
    return len(words) == 1 and not is_common_word(words[0]) and not is_first_name(words[0].capitalize())


_TITLE = r"(?:M\.|MM\.|Mme|Mmes|Mlle|Me|Maître|Dr\.?|Docteur|Pr\.?|Monsieur|Madame|Mr\.?|Mrs\.?|Ms\.?|MME|M|MR|MADAME|MONSIEUR|chez|CHEZ|Chez)"
_NAME = rf"{_WORD}(?:{_LINK}{_WORD}){{0,4}}"

# A signature: a person's name, then on the same line after a dash or on the next line, a short
# capitalised line with no digits, colon or sentence in it: the company.
_PERSON_LINE = rf"[{_UPPER}][\w.'’ -]{{1,40}}?"
_ARTICLE = rf"(?:(?:Les?|La|L['’]|LES?|LA)[ \t]*(?=[{_UPPER}]))?"
_COMPANY = rf"(?P<company>{_ARTICLE}{_NOT_A_NAME}[{_UPPER}][^\n\d:;,!?()@]{{1,50}}?)"
_SIGNATURE = regex.compile(
    rf"(?m)^(?P<person>{_PERSON_LINE})(?:[ \t]+[–—|-][ \t]+|[ \t]*\n)(?:[^\n–—|]{{1,40}}?[ \t]+[–—|][ \t]+)?"
    rf"{_COMPANY}[ \t]*(?=$|[ \t]+[–—|][ \t]+)"
)

# fmt: off
# A letter head or an invoice header: the company's name alone on its line, then its address on
# the same line after a dash or a dot, or on the next line ("Siège : 12 rue…", "171bis boulevard…").
_STREET = (
    r"(?i:rue|avenue|av\.|bd|boulevard|allée|chemin|impasse|place|pl\.|quai|cours|route|rte|square|passage|"
    r"faubourg|esplanade|voie|sentier|rond-point|chaussée|promenade|parvis|cité|villa|lotissement)"
)
_ADDRESS_START = (
    rf"(?:Siège(?:[ \t]+social)?[ \t]*:[ \t]*)?(?:\d{{1,4}}(?:[-/]\d{{1,4}})?(?:[ \t]?(?i:bis|ter|quater)|[a-dA-D])?,?[ \t]+{_STREET}"
    r"|(?:Appt|Bât\.?|BP|CS|ZI|ZA|ZAC)[ \t]+\w)"
)
_LETTER_HEAD = regex.compile(
    rf"(?m)^(?P<name>{_ARTICLE}{_NAME})[ \t]*(?:[ \t][–—·|-][ \t]+|\n[ \t]*)(?={_ADDRESS_START})"
)
# "la société Vert Tilleul", "pour le compte de X", "chez X", "Raison sociale : X".
_INTRODUCER = (
    r"(?:(?i:la[ \t]+société|l['’]entreprise|le[ \t]+cabinet|l['’]agence|le[ \t]+groupe|l['’]association)"
    r"|pour[ \t]+le[ \t]+compte[ \t]+de|(?<!\w)(?:chez|Chez)|subsidiary|(?i:our|the)[ \t]+client"
    r"|(?i:dans[ \t]+les[ \t]+locaux[ \t]+de|(?:le[ \t]+)?site[ \t]+(?:web[ \t]+|internet[ \t]+)?(?:de|d['’]))"
    r"|(?i:notre|le)[ \t]+client|(?:Raison sociale|Dénomination(?: sociale)?|Société|Entreprise|Company)[ \t]*:)"
)
_INTRODUCED = regex.compile(rf"(?<={_INTRODUCER}[ \t]{{0,3}})(?P<name>{_ARTICLE}{_NAME})(?![\w'’-])")
# Fields that hold a company or a person ("Client : X", "Facturé à : X"): weak evidence, below
# spaCy's guess, so a name the model reads as a person stays a person.
_FIELD = regex.compile(
    r"(?m)(?<=^[ \t]*(?:[-•*][ \t]*)?(?:Client|Cliente|Client final|Facturé à|Facturée à|Employeur|Créancier|Fournisseur"
    rf"|Prestataire|Donneur d['’]ordre|Entre|Customer|Employer|Supplier|Bénéficiaire)[ \t]*:[ \t]*\n?[ \t]{{0,3}})"
    rf"(?P<name>{_ARTICLE}{_NAME})(?![\w'’-])"
)
_WEAK = 0.5
# A name that the next words describe as a company: "X, ayant son siège", "X (SIREN …)".
_DESCRIBED = regex.compile(
    rf"(?<![\w'’-])(?P<name>{_ARTICLE}{_NAME})(?=[ \t]*(?:,[ \t]*(?:ayant son siège|dont le siège|immatriculée?|société|au capital)"
    r"|[ \t]+parmi[ \t]+(?:nos|ses|leurs|vos)[ \t]+clients"
    r"|\((?:SIREN|SIRET|RCS|siren|siret|n° SIRE)))"
)
# A company in brackets after a person or a client: "Paul Dumont (Vert Tilleul)", "le client (Veloria)".
_AFFILIATION = regex.compile(
    rf"(?:(?P<person>[{_UPPER}][{_LOWER}]+(?:-[{_UPPER}][{_LOWER}]+)?[ \t]+[{_UPPER}][\w'’-]+)|(?i:client|cliente|customer))"
    rf"[ \t]*\((?P<name>{_ARTICLE}{_NAME})\)"
)
# A CV or a bio line: "Chargé de communication, Wattéo, Clermont-Ferrand": role, company, town.
_ROLE_COMPANY_TOWN = regex.compile(
    rf"(?m)(?:^|:)[ \t]*(?P<role>[^\n,:;]{{3,60}}),[ \t]+(?P<name>{_ARTICLE}{_NAME}),[ \t]+(?P<town>[^\n,;()]{{2,40}}?)[ \t]*$"
)
# English e-mails name people with their company: "Michael Wright from Veloria".
_PERSON_FROM = regex.compile(
    rf"(?<![\w'’-])(?P<first>[{_UPPER}][{_LOWER}]+)[ \t]+[{_UPPER}][{_LOWER}'’-]+[ \t]+from[ \t]+(?P<name>{_NAME})(?![\w'’-])"
)
# Chats write companies in lower case: "devant chez kerlys informatique", "le compte groupe soléane".
_LOWER_CASE = regex.compile(
    rf"(?<=(?<!\w)(?:chez|le compte|devis (?:à|pour))[ \t]+)(?P<name>[{_LOWER}][{_LOWER}'’-]+(?:[ \t]+(?:(?:de|du|des|d['’])[ \t]*)?[{_LOWER}][{_LOWER}'’-]+){{0,3}})(?=[ \t]*(?:[?!.,;:)]|$))",
    regex.MULTILINE,
)
# fmt: on


# Speed: the patterns and most passes above put only [ \t] between words, so a match never
# crosses a line break, and each needs a word (", société", "(", "from", a legal form…). They run
# only on the lines that hold such a word, which finds the same matches as a run over the whole
# text at a fraction of the cost. A letter head is tried only on a line with a separator or
# above a line that opens with an address. The signature and the company field span two lines
# and still read the whole text.
_DESCRIBED_NEEDS = (
    "ayant son siège", "dont le siège", "immatricul", "société", "au capital", "parmi", "(SIRE", "(RCS", "(sire",
    "(n° SIRE",
)
# Every introducer holds one of these words, in any case.
_INTRODUCER_NEEDS = (
    "société", "entreprise", "cabinet", "agence", "groupe", "association", "compte", "chez", "subsidiary", "client",
    "locaux", "site", "raison sociale", "dénomination", "company",
)
_AFFILIATION_NEEDS = ("(",)
_PERSON_FROM_NEEDS = ("from",)
_LOWER_CASE_NEEDS = ("chez", "le compte", "devis ")
_SEPARATORS = tuple(f"{before}{dash}{after}" for before in " \t" for dash in "–—·|-" for after in " \t")
_ADDRESS_ON_NEXT_LINE = regex.compile(rf"\n[ \t]*{_ADDRESS_START}")


def _lines_with(text: str, needles: tuple[str, ...]) -> list[tuple[int, int]]:
    """The lines holding one of the needles, as (start, end past the line break), in order."""
    starts: set[int] = set()
    for needle in needles:
        at = text.find(needle)
        while at >= 0:
            starts.add(text.rfind("\n", 0, at) + 1)
            line_end = text.find("\n", at)
            at = -1 if line_end < 0 else text.find(needle, line_end)
    return [(start, _line_end(text, start)) for start in sorted(starts)]


def _line_end(text: str, start: int) -> int:
    """Where the line that starts at `start` ends, its line break included."""
    line_break = text.find("\n", start)
    return len(text) if line_break < 0 else line_break + 1


def _in_lines(pattern: regex.Pattern[str], text: str, lines: list[tuple[int, int]]) -> Iterator[regex.Match[str]]:
    """`pattern.finditer(text)` for a pattern that never crosses a line break, run on some lines only."""
    for start, end in lines:
        yield from pattern.finditer(text, start, end)


def _letter_head_lines(text: str) -> list[int]:
    """Lines that can be a letter head: an address follows on the line after a separator, or
    opens the next line."""
    starts = {start for start, _ in _lines_with(text, _SEPARATORS)}
    starts.update(text.rfind("\n", 0, match.start()) + 1 for match in _ADDRESS_ON_NEXT_LINE.finditer(text))
    return sorted(starts)


def _introduced_lines(text: str) -> list[tuple[int, int]]:
    """Lines with a word that introduces a company: "la société", "chez", "Raison sociale :"."""
    return _lines_with(folded(text), _INTRODUCER_NEEDS)  # folded keeps every character in its place


def _described_lines(text: str) -> list[tuple[int, int]]:
    """Lines with a word that describes a company: ", ayant son siège", " parmi nos clients", "(SIREN"."""
    return _lines_with(text, _DESCRIBED_NEEDS)


def _role_company_town_lines(text: str) -> list[tuple[int, int]]:
    """Lines with two commas at least: "role, company, town"."""
    return [(start, end) for start, end in _lines_with(text, (",",)) if text.count(",", start, end) >= 2]


# The patterns' needs. A legal form, a trade word at the end of a name, or one at its start
# (maybe glued to its article: "LesAteliers") opens a run of word characters that starts with a
# capital: what precedes it is a space, an apostrophe, "&" or a lower-case link word ("etConseil").
_CAPITALISED = regex.compile(r"[A-ZÀ-ÖØ-Þ]\w*")
# "S" stands for "S.A.S.", "S.A.R.L." and "S.A.", which all start with "S.A.".
_LEGAL_FORM_RUNS = {
    run: "S.A." if run == "S" else run
    for run in ("SAS", "SASU", "SARL", "EURL", "SA", "SCI", "SNC", "SCOP", "SCP", "SELARL", "SELAS", "GIE", "Ltd",
                "LTD", "LLC", "LLP", "Inc", "INC", "GmbH", "AG", "BV", "NV", "SRL", "SpA", "PLC", "S")
}
_HEAD_RUNS = frozenset(form for word in _HEAD_WORDS for form in (word, word.upper()))
_TAIL_RUNS = frozenset(regex.findall(r"\w+", form)[0] for word in _TAIL_WORDS for form in (word, word.upper()))


def _pattern_lines(text: str) -> dict[str, list[tuple[int, int]]]:
    """For each pattern, the lines where it can match (each pattern stays on one line)."""
    runs = set(_CAPITALISED.findall(text))
    legal_forms = tuple(_LEGAL_FORM_RUNS[run] for run in runs & _LEGAL_FORM_RUNS.keys())
    tails = tuple(runs & _TAIL_RUNS)
    heads = tuple(run for run in runs if run in _HEAD_RUNS or run[2:] in _HEAD_RUNS or run[3:] in _HEAD_RUNS)
    legal_form_lines = _lines_with(text, legal_forms)
    return {
        "name + legal form": legal_form_lines,
        "legal form + name": legal_form_lines,
        "opposing party": _lines_with(text, ("c/",)),
        "trade head + name": _lines_with(text, heads),
        "name + trade tail": _lines_with(text, tails),
    }
