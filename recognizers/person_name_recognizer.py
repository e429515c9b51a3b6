"""PERSON from the way French and English texts write names, to back up spaCy's NER.

The French model misses names exactly where freelancers' texts have them: after a greeting
("Bonjour Thomas,"), after a title ("M. DUPONT", "Maître Olivier Masson"), in signatures and
chat logs, and it labels many of them MISC. A first name from the gazetteer in `models/`
followed by a capitalised or all-caps word is a name; a title or a greeting followed by one is too.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

import regex
from presidio_analyzer import AnalysisExplanation, EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from guard.lexicons import (
    is_common_word,
    is_english_word,
    is_first_name,
    is_label,
    is_last_name,
    is_lower_case_first_name,
    is_plain_word,
    lexicon,
    stop_words,
    title_case,
)

ENTITY = "PERSON"

_UPPER = "A-ZÀ-ÖØ-Ý"
_LOWER = "a-zß-öø-ÿ"
# A capitalised word (Jean, Jean-Marc, O'Neil) or an all-caps surname (DUPONT, LE GALL's GALL).
_CAPITALISED = rf"[{_UPPER}][{_LOWER}'’]+(?:-[{_UPPER}][{_LOWER}'’]+)?"
_ALL_CAPS = rf"[{_UPPER}]{{2,}}(?:-[{_UPPER}]{{2,}})?"
_NAME_WORD = rf"(?:{_CAPITALISED}|{_ALL_CAPS})"
_PARTICLE = r"(?i:de la|de|du|des|d'|d’|le|la|van|von|da|di|del|ben|el)"
_NAME_SEQUENCE = rf"{_NAME_WORD}(?:[ \t]+(?:{_PARTICLE}[ \t]*)?{_NAME_WORD}){{0,2}}"
_TITLE = r"(?:M\.|MM\.|Mme|Mmes|Mlle|Me|Maître|Dr\.?|Docteur|Pr\.?|Professeur|Monsieur|Madame|Mademoiselle|Mr\.?|Mrs\.?|Ms\.?)"
_GREETING = r"(?:Bonjour|Bonsoir|Salut|Coucou|Hello|Hi|Hey|Dear|Cher|Chère|Chers|Chères)"

_AFTER_TITLE = regex.compile(rf"(?<![\w.]){_TITLE}[ \t]+(?P<name>{_NAME_SEQUENCE})")
_AFTER_GREETING = regex.compile(rf"(?<!\w){_GREETING}[ \t]+(?P<name>{_NAME_SEQUENCE})(?=[ \t]*(?:[,!.\n]|$))")
# Chat logs: "mthomas  19:01" (Slack), "16:02 - Élodie:" (WhatsApp), "@ines.legoff" (mentions).
_CHAT_AUTHOR = regex.compile(
    r"(?m)^(?P<name>[\w][\w.'’-]{1,30})[ \t]{2,}\d{1,2}:\d{2}[ \t]*$"
    r"|^\d{1,2}:\d{2}[ \t]*-[ \t]*(?P<name2>[^\W\d][\w .'’-]{1,40}?)[ \t]*:"
)
_LOWER_GREETING = regex.compile(rf"(?<!\w)(?i:{_GREETING}|merci|bravo)[ \t]+(?:à[ \t]+)?(?P<name>[{_LOWER}]{{3,}}(?:-[{_LOWER}]{{3,}})?)(?=[ \t]*[,!.:\n])")
# Code comments sign work with a login: "TODO(julien)", "FIXME(mthomas)".
_CODE_OWNER = regex.compile(r"\b(?:TODO|FIXME|XXX|HACK|NOTE)\((?P<name>[^\W\d][\w.-]{1,30})\)")
# Form fields: "Nom : LE MEUR", "Surname: Smith".
_NAME_FIELD = regex.compile(
    rf"(?im)^[ \t]*(?:nom(?: de naissance| d'usage| de famille)?|prénoms?(?:\(s\))?|surname|last name|first name|family name|full name)"
    rf"[ \t]*:[ \t]*(?P<name>(?-i:{_NAME_SEQUENCE}))"
)
# Case headers name a party before the other one: "Affaire : BOYER / SCI VELORIA",
# "Dossier : RENARD Léger c/ NUAGE BLEU". A legal form there is the organisation recognizer's.
_CASE_PARTY = regex.compile(
    rf"(?im)^[ \t]*(?:affaire|dossier|litige|réf(?:\.|érence)?(?: dossier)?)[ \t]*:[ \t]*"
    rf"(?P<name>(?-i:{_NAME_SEQUENCE}))(?=[ \t]+(?:c/|/|contre|vs\.?|v\.)[ \t])"
)
_LEGAL_FORM = regex.compile(r"(?:SAS|SASU|SARL|EURL|SA|SCI|SNC|SCOP|SCP|SELARL|SELAS|GIE)\b")
# Table rows: "| POIRIER | Clément | 1 00 11…": a surname in capitals beside a first name.
_TABLE_PAIR = regex.compile(
    rf"(?<=\|[ \t]*)(?P<last>{_ALL_CAPS}(?:[ \t]+{_ALL_CAPS})?)[ \t]*\|[ \t]*(?P<first>{_CAPITALISED})(?=[ \t]*\|)"
)
# "avec arthur saint-martin", "par laure ouedraogo": a lower-case first name and last name.
_LOWER_PAIR = regex.compile(
    rf"(?<![\w'’@.-])(?P<first>[{_LOWER}]{{3,}}(?:-[{_LOWER}]{{3,}})?)[ \t]+(?P<last>[{_LOWER}]{{3,}}(?:-[{_LOWER}]{{2,}})*)(?![\w'’@-])"
)
# "(?r)" marks the patterns that end at "$" and run over the few words before a candidate:
# searched backwards from that end, they fail at once instead of from every start (up to 6x faster).
_DETERMINER_BEFORE = regex.compile(
    r"(?r)(?i:(?<![\w'’])(?:un|une|le|la|les|des|du|ce|cet|cette|ces|mon|ma|mes|ton|ta|tes|son|sa|ses|notre|nos|votre|vos|leur"
    r"|leurs|chaque|quelques|plusieurs|l['’]))[ \t]*$"
)
# A first name alone between quotes names a product or a model ("Lampe « Rose »").
_QUOTE_BEFORE = regex.compile(r"[«“\"][ \t\u00a0\u202f]*$")
_QUOTED = regex.compile(r"[ \t\u00a0\u202f]*[»”\"]")
# "Marie 06 12 34 56 78", "Paul 3e étage": digits after a name that are no item number.
_PERSON_NUMBER = regex.compile(r"[ \t]+\d{2}[ \t.]\d{2}|[ \t]+\d+(?:e|er|ème)\b")
_MENTION = regex.compile(r"(?<![\w@])@(?P<name>[^\W\d][\w.-]{1,30}[\w])")
# Lookarounds aside, these two match their `word` group only: the code reads `match[0]`, as
# looking a group up by name costs more than the rest of the loop.
_LOWER_WORD = regex.compile(rf"(?<![\w'’@.-])(?P<word>[{_LOWER}]{{3,}}(?:-[{_LOWER}]{{3,}})?)(?![\w'’@-])")
_WORDS = regex.compile(rf"(?<![\w'’-])(?P<word>{_NAME_WORD})(?![\w'’-])")
_SURNAME_AFTER = regex.compile(rf"[ \t]+(?:{_PARTICLE}[ \t]*)?(?P<surname>{_NAME_WORD})(?![\w'’-])")

# Places in a sentence that only a person fills, for names typed in lower case, where the
# capital letter gives no evidence: "la fille de rose", "bravo à claire", "rappeler ibrahima",
# and at the head of a chat message, "gaëlle dit que…", "awa : c'est bon". Names that are also
# words ("rose", "claire") and names missing from the gazetteer ("ibrahima") need such a place;
# a common noun there would take an article ("la fille de la voisine", "bravo à l'équipe").
# fmt: off
_PERSON_BEFORE = regex.compile(
    r"(?r)(?i:(?<![\w'’])(?:"
    r"(?:salut|coucou|bonjour|bonsoir|merci|bravo|félicitations)(?:[ \t]+à)?"
    r"|(?:fille|fils|femme|mari|frère|s[oœ]ur|mère|père|cousine?|oncle|tante|collègue|numéro|num|tél|tel|téléphone"
    r"|portable|mail|adresse|bureau|manager|cheffe?|remplaçante?|part|anniversaire|dossier|compte|n°|sécu|vitale|badge"
    r"|salaire|bulletin|fiche|arrêt|congés?|rib|iban|nir|passeport|mutuelle)[ \t]+(?:de|d['’]?)"
    r"|(?:rappeler|rappelle|rappelles|appeler|appelle|contacter|contacte|prévenir|préviens|relancer|relance|remercier"
    r"|remercie|joindre|voir avec|vois avec|vu avec|demande à|demander à|demandé à|dis à|dire à|dit à|écris à|écrire à"
    r"|transmets à|transmettre à|envoie à|envoyer à|envoyé à|passe à|passé à|cc)"
    r"))[ \t]+$"
)
# Weaker: a preposition any noun may follow, or an English greeting ("hello world"), so only for
# first names from the gazetteer.
_NAME_BEFORE = regex.compile(r"(?r)(?i:(?<![\w'’])(?:à|avec|pour|chez|hello|hey|hi|thanks))[ \t]+$")
# The head of a chat message: the start of a line, or after "16:02 - Élodie:", "[14:43] Marie :".
_MESSAGE_HEAD = regex.compile(r"(?r)(?:^|\n|[:\]][ \t]*)[ \t]*$")
# A colon after a first name only: "host:", "todo:" in code and notes are keys, not authors.
# French typography puts a space before the colon ("awa : c'est bon"), code does not.
_COLON_AFTER = regex.compile(r"[ \t]*:(?![\d/])")
_LINE_END = regex.compile(r"[ \t]*[,.!]?[ \t]*(?:\n|$)")
_SENTENCE_AFTER = regex.compile(r"[ \t]*[^\W\d][^\s]*[ \t]+[^\W\d]")
_VOWEL = regex.compile(r"[aeiouyàâäéèêëîïôöùûüÿœæ]")
_ACTION_AFTER = regex.compile(
    r"[ \t]+(?:dit|disait|a|avait|m['’]a|t['’]a|nous a|est|était|sera|confirme|valide|demande|propose|pense"
    r"|veut|voudrait|arrive|revient|rappelle|passe|envoie|signe|cherche|trouve|part|says|said|is|has|will)(?![\w'’])"
)
# fmt: on


# fmt: off
# "Lot 1 :", "Phase 2", "Mar 12": a word numbering an item or a day, not a name.
_ITEM_NUMBER_AFTER = regex.compile(r"[ \t]+\d{1,3}(?![\d.,/:-]?\d)")
# "Fauteuil « Louise", "« Jeton expiré »": a product or a message in quotes, not a person.
_QUOTE_INSIDE = regex.compile(r"[«»“”\"]")
# Product attributes: a capitalised word after them, or listed after them, is a colour, a
# material or a model ("coloris Olive", "finition Pierre", "Teintes : Sable, Marine et Prune").
_ATTRIBUTE = (
    r"(?:coloris|couleurs?|teintes?|finitions?|palettes?|peintures?|carrelages?|tissus?|motifs?|parfums?|saveurs?"
    r"|modèles?|gammes?|collections?|nuances?|vernis|laques?|enduits?|matières?|essences?|colou?rs?|finish(?:es)?|shades?)"
)
_ATTRIBUTE_WORD = regex.compile(rf"(?i:{_ATTRIBUTE})")
_ATTRIBUTE_BEFORE = regex.compile(
    rf"(?r)(?i:(?<![\w'’]){_ATTRIBUTE})(?:[ \t]+[^\W\d][\w'’-]*)?(?:[ \t]*:[ \t]*(?:[^\n:;.!?]*?(?:,|[ \t]et|[ \t]ou|[ \t]and|/)[ \t]*)?|[ \t]+)$"
)
# Days and months in English and French: "Date:   Tue Mar 12 14:03:11 2024".
_CALENDAR = frozenset(
    "mon tue wed thu fri sat sun monday tuesday wednesday thursday friday saturday sunday jan feb mar apr jun "
    "jul aug sep sept oct nov dec january february march june july august september october november december "
    "lundi mardi mercredi jeudi vendredi samedi dimanche janvier février mars avril juin juillet août septembre "
    "octobre novembre décembre".split()
)
_ASSIGNMENT = regex.compile(r"[ \t]*=(?!=)")
_LINE_START = regex.compile(r"(?:^|\n)[ \t]*$")
_NON_SPACE = regex.compile(r"\S+")
# fmt: on


def laid_out_as_no_name(text: str, start: int, end: int) -> bool:
    """Whether the layout around `text[start:end]` says it is no name, whatever the word: in
    quotes ("Lampe « Rose »"), numbering an item ("Lot 1 :"), a date ("Tue Mar 12"), a variable
    assigned in code ("conn = connect(…)")."""
    span = text[start:end]
    words = span.split()
    if _QUOTE_INSIDE.search(span):
        return True
    if _QUOTE_BEFORE.search(text, max(0, start - 3), start) and (_QUOTED.match(text, end) or (bool(words) and is_common_word(words[0]))):
        return True  # "Lampe « Rose »", "« Jeton expiré »"
    if words and all(w.casefold() in _CALENDAR or w.isdigit() for w in words):
        return True
    one_word_and_qualifiers = bool(words) and all(not w[0].isupper() for w in words[1:])
    if one_word_and_qualifiers and (
        _ATTRIBUTE_WORD.fullmatch(words[0]) or _ATTRIBUTE_BEFORE.search(text, max(0, start - 80), start)
    ):
        return True  # "coloris Olive", "finition Pierre", "Coloris disponibles : Sable, Rose poudré"
    if len(words) == 1 and is_common_word(span) and _ITEM_NUMBER_AFTER.match(text, end) and not _PERSON_NUMBER.match(text, end):
        return True
    return span.islower() and _ASSIGNMENT.match(text[end : end + 4]) is not None


def lower_case_name_evidence(text: str, start: int, end: int) -> bool:
    """Whether the lower-case word at `text[start:end]` is a person by where it stands: a first
    name, or a word no dictionary has, in a place only a person fills (see `_PERSON_BEFORE`)."""
    word = text[start:end]
    known = _lower_word_standing(word)
    if known is None:
        return False
    before = text[max(0, start - 40) : start]
    if _PERSON_BEFORE.search(before):
        return True
    if _NAME_BEFORE.search(before):
        return known and not is_english_word(word)
    if _MESSAGE_HEAD.search(before) is None:
        return False
    if known and _LINE_END.match(text, end) and not is_plain_word(word) and _LINE_START.search(before):
        return True  # "jérôme" alone on its line: a signature; "rose" alone may be a heading
    if _ACTION_AFTER.match(text, end):
        return True
    # "awa : c'est bon" is a message; "login : jdupont" a field and its value.
    colon = _COLON_AFTER.match(text, end)
    return colon is not None and (known or (colon.group().startswith(" ") and _SENTENCE_AFTER.match(text, colon.end()) is not None))


@lru_cache(maxsize=8192)
def _lower_word_standing(word: str) -> bool | None:
    """None if `word` alone rules out a lower-case name, else whether it is a gazetteer first name:
    the half of `lower_case_name_evidence` that needs no context, cached as texts repeat words."""
    if len(word) < 3 or not word.islower() or is_label(word):
        return None
    known = all(part in lexicon("first_names.txt") for part in title_case(word).split("-"))
    if not known and (
        word in stop_words() or is_english_word(word) or not _VOWEL.search(word)
        or any(is_common_word(part) for part in (word, *word.split("-")))
    ):
        return None  # "que", "rdv", "world", "demain": function words, abbreviations and words
    return known


class PersonNameRecognizer(EntityRecognizer):
    """Finds names after titles and greetings, first name + surname pairs from the gazetteer,
    chat authors and mentions, and lower-case first names that are no French word ("bruno")."""

    def __init__(
        self, *, supported_language: str = "fr", score: float = 0.85, single_name_score: float = 0.6,
        lower_case_score: float = 0.45,
    ) -> None:
        self.score = score
        self.single_name_score = single_name_score
        self.lower_case_score = lower_case_score
        super().__init__(supported_entities=[ENTITY], supported_language=supported_language, name="PersonNameRecognizer")

    def load(self) -> None:
        """Nothing to load: the gazetteer is read lazily, once per process."""

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        """Every name span found by title, greeting or gazetteer."""
        spans: dict[tuple[int, int], float] = {}
        for pattern in (_AFTER_TITLE, _AFTER_GREETING):
            for match in pattern.finditer(text):
                span = _without_labels(text, *match.span("name"))
                if span:
                    spans[span] = self.score
        for start, end, score in self._gazetteer_names(text):
            spans.setdefault((start, end), score)
        for match in _finditer(_CHAT_AUTHOR, text, ":"):
            group = "name" if match.group("name") else "name2"
            spans.setdefault(match.span(group), self.score)
        for match in _LOWER_GREETING.finditer(text):
            if is_first_name(title_case(match.group("name"))):
                spans.setdefault(match.span("name"), self.score)
        for pattern, required in ((_MENTION, "@"), (_CODE_OWNER, "(")):
            for match in _finditer(pattern, text, required):
                spans.setdefault(match.span("name"), self.score)
        for match in _finditer(_NAME_FIELD, text, ":"):
            spans[match.span("name")] = self.score
        for match in _finditer(_CASE_PARTY, text, ":"):
            if not _LEGAL_FORM.match(match.group("name")) and not is_label(match.group("name").split()[0]):
                spans[match.span("name")] = self.score
        for match in _finditer(_TABLE_PAIR, text, "|"):
            if is_first_name(match.group("first")) and not is_label(match.group("last")):
                spans[match.span("last")] = spans[match.span("first")] = self.score
        # A lower-case pair starts where a lower-case word does, with that word as its first name:
        # tried only at the words that are first names, rather than scanning for overlapping pairs.
        lower_words = list(_LOWER_WORD.finditer(text))
        for word_match in lower_words:
            first = word_match[0]
            if not is_first_name(title_case(first)):
                continue
            pair = _LOWER_PAIR.match(text, word_match.start())
            if pair is None:
                continue
            if _DETERMINER_BEFORE.search(text, max(0, pair.start() - 12), pair.start()):
                continue  # "une rose blanche": a determiner opens a noun phrase, not a name
            last = pair.group("last")
            if is_last_name(last) or (not is_english_word(first) and not is_plain_word(last)):
                spans.setdefault(pair.span(), self.score)
        for match in lower_words:
            word = match[0]
            if _lower_word_standing(word) is None and not is_lower_case_first_name(word):
                continue  # most words: no name whatever their place (the two tests below, cached)
            if lower_case_name_evidence(text, *match.span()):
                spans.setdefault(match.span(), self.single_name_score)
            elif is_lower_case_first_name(word) and not laid_out_as_no_name(text, *match.span()):
                spans.setdefault(match.span(), self.lower_case_score)
        return [
            RecognizerResult(ENTITY, start, end, score, AnalysisExplanation(type(self).__name__, score))
            for (start, end), score in spans.items()
        ]

    def _gazetteer_names(self, text: str) -> list[tuple[int, int, float]]:
        found = []
        for match in _WORDS.finditer(text):
            word = match[0]
            if is_first_name(word):
                following = _SURNAME_AFTER.match(text, match.end())
                if following and not is_label(following.group("surname")):
                    found.append((match.start(), following.end(), self.score))
                elif not laid_out_as_no_name(text, *match.span()):
                    found.append((match.start(), match.end(), self.single_name_score))
            elif word.isupper() and len(word) > 1 and not is_label(word):
                following = _SURNAME_AFTER.match(text, match.end())
                if following and is_first_name(following.group("surname")):  # DUPONT Jean
                    found.append((match.start(), following.end(), self.score))
        return found


def _finditer(pattern: regex.Pattern[str], text: str, required: str) -> Iterator[regex.Match[str]]:
    """`pattern.finditer(text)`, skipped when `text` lacks a character that every match of the
    pattern holds (a chat time's colon, a table's bar): a short text then costs no scan."""
    return pattern.finditer(text) if required in text else iter(())


def _without_labels(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Drop label words ("Madame", "Objet") at the start of a span; None if nothing is left."""
    words = [m.span() for m in _NON_SPACE.finditer(text[start:end])]
    while words and is_label(text[start + words[0][0] : start + words[0][1]]):
        words.pop(0)
    return (start + words[0][0], end) if words else None
