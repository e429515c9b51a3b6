"""Guard end to end with the real French model: redact, restore, sessions, tokens, errors."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from guard import Guard, InputError, SessionError, Vault

pytestmark = pytest.mark.model

EMAIL = (
    "Bonjour,\n\nJean Dupont (jean.dupont@acme.fr, 06 12 34 56 78) vous transmet la facture.\n"
    "SIRET 732 829 320 00074 — IBAN FR76 3000 6000 0112 3456 7890 189.\n\nCordialement,\nMarie Lefèvre\n"
)
EMAIL_VALUES = [
    "Jean Dupont", "jean.dupont@acme.fr", "06 12 34 56 78", "732 829 320 00074",
    "FR76 3000 6000 0112 3456 7890 189", "Marie Lefèvre",
]


def test_redacted_email_holds_no_value_and_restores_exactly(guard_memory):
    red = guard_memory.redact(EMAIL)
    assert [v for v in EMAIL_VALUES if v in red.text] == []
    assert guard_memory.restore(red.text, red.session_id) == EMAIL


def test_identifiers_get_their_specific_types(guard_memory):
    types = {e.text: e.type for e in guard_memory.analyze(EMAIL)}
    assert types["jean.dupont@acme.fr"] == "EMAIL_ADDRESS"
    assert types["06 12 34 56 78"] == "PHONE_NUMBER"
    assert types["732 829 320 00074"] == "FR_SIRET"
    assert types["FR76 3000 6000 0112 3456 7890 189"] == "IBAN_CODE"


def test_label_words_are_not_redacted(guard_memory):
    red = guard_memory.redact(EMAIL)
    assert "SIRET [FR_SIRET_1]" in red.text
    assert "IBAN [IBAN_CODE_1]" in red.text


def test_same_value_gets_same_placeholder_within_a_session(guard_memory):
    first = guard_memory.redact("Appelez Jean Dupont au 06 12 34 56 78.")
    second = guard_memory.redact("Jean Dupont a changé : +33 6 12 34 56 78.", session_id=first.session_id)
    assert first.text == "Appelez [PERSON_1] au [PHONE_NUMBER_1]."
    assert second.text == "[PERSON_1] a changé : [PHONE_NUMBER_1]."


def test_numbering_counts_per_type_from_one(guard_memory):
    red = guard_memory.redact("Contacts : anne@exemple.fr, paul@exemple.fr et anne@exemple.fr.")
    assert red.text == "Contacts : [EMAIL_ADDRESS_1], [EMAIL_ADDRESS_2] et [EMAIL_ADDRESS_1]."


def test_ai_mangled_placeholders_are_restored(guard_memory):
    red = guard_memory.redact("Écrivez à jean.dupont@acme.fr.")
    answer = "OK: [email_address_1], \\[EMAIL\\_ADDRESS\\_1\\], <EMAIL_ADDRESS_1>, [ EMAIL_ADDRESS_1 ]."
    restored = guard_memory.restore(answer, red.session_id)
    assert restored == "OK: " + ", ".join(["jean.dupont@acme.fr"] * 4) + "."


def test_unknown_placeholder_is_left_as_is_and_reported(guard_memory):
    red = guard_memory.redact("Écrivez à jean.dupont@acme.fr.")
    result = guard_memory.restore_with_report("[EMAIL_ADDRESS_1] et [PERSON_7]", red.session_id)
    assert result.text == "jean.dupont@acme.fr et [PERSON_7]"
    assert result.unknown_placeholders == ("[PERSON_7]",)


def test_users_own_placeholder_token_is_never_restored_to_a_value(guard_memory):
    red = guard_memory.redact("Le modèle dit [PERSON_1] ; contact : jean.dupont@acme.fr")
    assert "[PERSON_1]" in red.text
    follow = guard_memory.redact("Jean Dupont signe.", session_id=red.session_id)
    assert "[PERSON_1]" not in follow.text  # number 1 stays the user's
    assert guard_memory.restore("[PERSON_1]", red.session_id) == "[PERSON_1]"


def test_users_token_that_collides_with_a_value_round_trips(guard_memory):
    red = guard_memory.redact("Jean Dupont signe.")
    assert red.text == "[PERSON_1] signe."
    again = guard_memory.redact("Gabarit : remplacez [PERSON_1] par le nom.", session_id=red.session_id)
    assert "[PERSON_1]" not in again.text
    assert guard_memory.restore(again.text, red.session_id) == "Gabarit : remplacez [PERSON_1] par le nom."


def test_a_session_never_restores_another_sessions_values(guard_memory):
    a = guard_memory.redact("Jean Dupont, jean.dupont@acme.fr")
    b = guard_memory.redact("Marie Curie, marie.curie@radium.fr")
    crossed = guard_memory.restore(b.text, a.session_id)
    assert "marie.curie@radium.fr" not in crossed and "Marie Curie" not in crossed
    assert crossed == guard_memory.restore(a.text, a.session_id)  # same placeholders, A's values


def test_a_client_profile_cannot_restore_another_profiles_session():
    vault = Vault.in_memory()
    acme = Guard(client="acme", vault=vault)
    red = acme.redact("jean.dupont@acme.fr")
    with pytest.raises(SessionError) as error:
        Guard(client="beta", vault=vault).restore(red.text, red.session_id)
    assert "jean.dupont" not in str(error.value)
    with pytest.raises(SessionError):
        Guard(vault=vault).restore(red.text, red.session_id)


def test_streaming_restore_equals_whole_restore(guard_memory):
    red = guard_memory.redact(EMAIL)
    answer = red.text.replace("[PERSON_1]", "\\[PERSON\\_1\\]") * 3
    whole = guard_memory.restore(answer, red.session_id)
    for size in (1, 2, 3, 7, 50):
        restorer = guard_memory.restorer(red.session_id)
        chunks = [answer[i : i + size] for i in range(0, len(answer), size)]
        assert "".join(restorer.feed(c) for c in chunks) + restorer.flush() == whole


def test_session_context_manager_purges_on_exit(guard_memory):
    with guard_memory.session() as conversation:
        red = conversation.redact("jean.dupont@acme.fr")
        assert conversation.restore(red.text) == "jean.dupont@acme.fr"
    with pytest.raises(SessionError):
        guard_memory.restore(red.text, conversation.id)


def test_wrong_session_id_is_a_clear_error(guard_memory):
    with pytest.raises(SessionError, match="guard session new"):
        guard_memory.restore("[PERSON_1]", "not-a-session")


@pytest.mark.parametrize(
    ("bad", "message"),
    [(b"bytes", "Expected text"), ("\udcff caf\u00e9", "not valid Unicode"), ("x" * 1_000_001, "limit")],
)
def test_bad_input_is_a_clear_error(guard_memory, bad, message):
    with pytest.raises(InputError, match=message):
        guard_memory.redact(bad)


def test_empty_text_redacts_to_itself(guard_memory):
    red = guard_memory.redact("")
    assert (red.text, red.entities) == ("", ())


def test_vault_file_holds_no_value_in_clear(guard_file, tmp_path):
    red = guard_file.redact(EMAIL)
    guard_file.restore(red.text, red.session_id)
    files = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert any(p.name == "vault.db" for p in files)
    for path in files:
        data = path.read_bytes()
        for value in EMAIL_VALUES:
            assert value.encode() not in data, (path.name, "holds a value in clear")


# Realistic parts (each always written the same way) and placeholder-like tokens.
PARTS = st.sampled_from([
    "Jean Dupont", "jean.dupont@acme.fr", "06 12 34 56 78", "732 829 320 00074", "Bonjour",
    "FR76 3000 6000 0112 3456 7890 189", "[PERSON_1]", "PERSON_2", "<EMAIL_ADDRESS_1>",
    "\\[IBAN\\_CODE\\_1\\]", "{FR_SIRET_1}", "[person_3]", "[ PHONE_NUMBER_1 ]", "[[PERSON_1]]",
    "la facture", "\n", "  ", "é", "— ", "**", "`", "🙂", "<", ">", "[", "]", "{", "}", "\\", "(",
])
# A value inside delimiters of the user's own: restore must not swallow them with ours.
WRAPPED = st.builds(
    lambda opener, value, closer: f"{opener}{value}{closer}",
    st.sampled_from(["<", "[", "{", "\\[", "\\", "( ", "[ ", "[[", "**"]),
    st.sampled_from(["jean.dupont@acme.fr", "06 12 34 56 78", "FR76 3000 6000 0112 3456 7890 189"]),
    st.sampled_from([">", "]", "}", "\\]", ")", " ]", "]]", "**", "_1"]),
)
FREE_TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.one_of(PARTS, WRAPPED, FREE_TEXT), max_size=12))
def test_any_text_round_trips(guard_memory, parts):
    text = "".join(parts)
    red = guard_memory.redact(text)
    assert guard_memory.restore(red.text, red.session_id) == text


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(PARTS, min_size=1, max_size=8), st.sampled_from([" ", "\n", ", ", " ; "]))
def test_restore_never_yields_another_sessions_value(guard_memory, parts, separator):
    other = guard_memory.redact("Secret : marie.curie@radium.fr, 07 98 76 54 32.")
    mine = guard_memory.redact(separator.join(parts))
    crossed = guard_memory.restore(other.text + mine.text, mine.session_id)
    assert "marie.curie@radium.fr" not in crossed and "07 98 76 54 32" not in crossed


def test_a_per_type_threshold_keeps_low_scored_findings_in_clear():
    from guard import Settings

    strict = Guard(vault=Vault.in_memory(), settings=Settings.load(thresholds={"EMAIL_ADDRESS": 1.0}))
    text = "Écrivez à jean.dupont@acme.fr, SIRET 732 829 320 00074."
    assert "EMAIL_ADDRESS" not in [e.type for e in strict.analyze(text)]  # e-mails score 0.9 < 1.0
    assert "EMAIL_ADDRESS" in [e.type for e in Guard(vault=Vault.in_memory()).analyze(text)]


@pytest.mark.model
def test_analyze_many_finds_in_each_text_what_analyze_finds_in_it(guard_memory):
    texts = [
        "Bonjour, je suis Jean Dupont, tél 06 12 34 56 78.",
        "",
        "Projet Orion pour ACME : IBAN FR76 3000 6000 0112 3456 7890 189, rendez-vous à Lyon.",
        "   \n",
        "Rien de confidentiel ici, juste une question sur Python.",
    ]
    options = {"terms": ["Orion"], "allow": ["Lyon"]}
    many = guard_memory.analyze_many(texts, **options)
    assert many == [guard_memory.analyze(text, **options) for text in texts]
    assert [len(found) > 0 for found in many] == [True, False, True, False, False]
    assert any(e.type == "CLIENT_TERM" for e in many[2]) and not any(e.text == "Lyon" for e in many[2])
