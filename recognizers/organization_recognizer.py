"""ORGANIZATION from how company names are written: legal forms, trade words, "la société X".

spaCy's French model finds few organisations (its ORG F-score is 0.76) and files many of the
rest under MISC, which the pipeline drops. A run of capitalised words ending with a legal form
(SAS, SARL, Ltd…) or a trade word (Conseil, Solutions, Architectes…), or starting with one
(Atelier, Cabinet, Société…), is a company name.
"""

from __future__ import annotations

import regex
from presidio_analyzer import AnalysisExplanation, Pattern, PatternRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from guard.lexicons import is_first_name, lexicon

ENTITY = "ORGANIZATION"

_UPPER = "A-ZÀ-ÖØ-Ý"
_LOWER = "a-zß-öø-ÿ"
# Capitalised only because a sentence starts: never the first word of a company name.
_NOT_A_NAME = r"(?!(?:Le|La|Les|L|Un|Une|Des|Du|De|Notre|Votre|Nos|Vos|Mon|Ma|Mes|Son|Sa|Ses|Ce|Cette|Ces|The|A|An|Our|Your|My|This|Pour|Avec|Chez|Dans|Sur|Par|En|Au|Aux|Et|Ou|Je|Nous|Vous|Il|Elle|On)(?![\w'’-]))"
_WORD = rf"{_NOT_A_NAME}(?:[{_UPPER}][{_LOWER}'’&]+(?:-[{_UPPER}][{_LOWER}'’]+)?|[{_UPPER}][{_UPPER}0-9&]+|[{_UPPER}])"
_LINK = r"(?:[ \t]+(?:&|et|and|de|du|des|de la|of|the|d'|l')?[ \t]*)"
# fmt: off
_LEGAL_FORMS = r"(?:SAS|SASU|SARL|EURL|SA|SCI|SNC|SCOP|SCP|SELARL|SELAS|GIE|Ltd|LTD|LLC|Inc\.?|INC|GmbH|AG|BV|NV|SRL|SpA|PLC|S\.A\.S\.?|S\.A\.R\.L\.?|S\.A\.)"
_TRADE_TAILS = (
    r"(?:Conseil|Consulting|Solutions|Services|Distribution|Architectes|Associés|Partners|Studio|Labs|"
    r"Lab|Digital|Technologies|Technology|Industries|Industrie|Group|Groupe|Systems|Software|Robotics|"
    r"Logistique|Transports|Immobilier|Finance|Capital|Ventures|Media|Médias|Communication|Design|"
    r"Production|Productions|Formation|Ingénierie|Avocats|Notaires|Expertise|Holding|International)"
)
_TRADE_HEADS = (
    r"(?:Société|Cabinet|Agence|Atelier|Ateliers|Groupe|Studio|Maison|Compagnie|Laboratoires|"
    r"Entreprise|Association|Fondation|Mutuelle|Établissements|Ets|Boulangerie|Boulangeries|Librairie|"
    r"Imprimerie|Garage|Pharmacie|Clinique|Université|University|École|Ecole|Institut|Institute)"
)
# fmt: on


class OrganizationRecognizer(PatternRecognizer):
    """Company names marked by a legal form, a trade word, or an introducing phrase."""

    PATTERNS = [
        Pattern("name + legal form", rf"(?<![\w-]){_WORD}(?:{_LINK}{_WORD}){{0,4}}[ \t]+{_LEGAL_FORMS}(?![\w-])", 0.8),
        Pattern("legal form + name", rf"(?<![\w-]){_LEGAL_FORMS}(?:{_LINK}{_WORD}){{1,5}}(?![\w-])", 0.8),
        Pattern("opposing party", rf"(?<=(?<!\w)c/[ \t]{{0,2}})(?:{_WORD}{_LINK}?){{1,5}}(?![\w-])", 0.6),
        Pattern("trade head + name", rf"(?<![\w-]){_TRADE_HEADS}(?:{_LINK}{_WORD}){{1,4}}(?![\w-])", 0.7),
        Pattern("name + trade tail", rf"(?<![\w-])(?:{_WORD}{_LINK}){{1,3}}{_TRADE_TAILS}(?![\w-])", 0.7),
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
        """Pattern matches, plus the company line of e-mail signatures."""
        results: list[RecognizerResult] = super().analyze(text, entities, nlp_artifacts, regex_flags)
        for match in _SIGNATURE.finditer(text):
            if _looks_like_a_person(match.group("person")) and not _names_a_role(match.group("company")):
                start, end = match.span("company")
                explanation = AnalysisExplanation(type(self).__name__, 0.65, textual_explanation="company line of a signature")
                results.append(RecognizerResult(ENTITY, start, end, 0.65, explanation))
        return results


def _names_a_role(line: str) -> bool:
    """"Responsable marketing", "Head of Operations": a job title, not a company."""
    return any(word.casefold() in lexicon("job_titles.txt") for word in line.split())


def _looks_like_a_person(line: str) -> bool:
    """"Théo Meyer", "R. Laurent", "Sylvie LEBON": a first name or an initial, then a surname."""
    words = line.replace(".", ". ").split()
    return len(words) >= 2 and (is_first_name(words[0]) or regex.fullmatch(r"[A-Z]\.", words[0]) is not None)


# A signature: a person's name, then on the same line after a dash or on the next line, a short
# capitalised line with no digits, colon or sentence in it: the company.
_PERSON_LINE = rf"[{_UPPER}][\w.'’ -]{{1,40}}?"
_COMPANY = rf"(?P<company>{_NOT_A_NAME}[{_UPPER}][^\n\d:;,!?()@]{{1,50}}?)"
_SIGNATURE = regex.compile(
    rf"(?m)^(?P<person>{_PERSON_LINE})(?:[ \t]+[–—|-][ \t]+|[ \t]*\n)(?:[^\n–—|]{{1,40}}?[ \t]+[–—|][ \t]+)?"
    rf"{_COMPANY}[ \t]*(?=$|[ \t]+[–—|][ \t]+)"
)
