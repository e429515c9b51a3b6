"""Client terms, profiles, allow-list, policy and linked mentions, through the public API."""

from __future__ import annotations

import pytest

from guard import BlockedError, Guard, SessionError, Settings, Vault
from guard.terms import Term

pytestmark = pytest.mark.model


def test_a_term_in_five_inflected_forms_is_found_five_times_under_one_placeholder():
    guard = Guard(vault=Vault.in_memory(), terms=["Acme"])
    text = "Acme, d'Acme, ACME, les Acmes et l'offre d'Acme's partners."
    red = guard.redact(text)
    assert red.text.count("[CLIENT_TERM_1]") == 5
    assert "acme" not in red.text.lower()
    assert [e.type for e in red.entities] == ["CLIENT_TERM"] * 5


def test_all_aliases_of_a_term_share_one_placeholder_across_turns():
    guard = Guard(vault=Vault.in_memory(), terms=[Term("Projet Phénix", ("Phenix", "PHX-2"))])
    red = guard.redact("Le Projet Phénix avance.")
    more = guard.redact("Phenix et PHX-2 aussi ; le projet\nphénix.", session_id=red.session_id)
    assert red.text == "Le [CLIENT_TERM_1] avance."
    assert more.text == "[CLIENT_TERM_1] et [CLIENT_TERM_1] aussi ; le [CLIENT_TERM_1]."


def test_a_term_can_carry_another_type_and_beats_the_models_guess():
    guard = Guard(vault=Vault.in_memory(), terms=[Term("Orion", type="ORGANIZATION")])
    red = guard.redact("Orion a validé le devis.")
    assert red.text == "[ORGANIZATION_1] a validé le devis."


def test_terms_of_one_call_apply_to_that_call_only():
    guard = Guard(vault=Vault.in_memory())
    assert "Zorglub" not in guard.redact("Le code Zorglub.", terms=["Zorglub"]).text
    assert "Zorglub" in guard.redact("Le code Zorglub.").text


def test_two_profiles_have_their_own_terms_and_never_restore_each_others_values(isolated_home):
    (isolated_home / "config.toml").write_text(
        '[clients.acme]\nterms = ["Orion"]\n[clients.globex]\nterms = ["Vega"]\n', encoding="utf-8"
    )
    vault = Vault.in_memory()
    acme, globex = Guard(client="acme", vault=vault), Guard(client="globex", vault=vault)
    text = "Orion et Vega, pour jean.dupont@acme.fr"
    red_acme, red_globex = acme.redact(text), globex.redact(text)
    assert [e.text for e in red_acme.entities if e.type == "CLIENT_TERM"] == ["Orion"]
    assert [e.text for e in red_globex.entities if e.type == "CLIENT_TERM"] == ["Vega"]
    assert acme.restore("[CLIENT_TERM_1]", red_acme.session_id) == "Orion"
    for thief, session in ((globex, red_acme.session_id), (acme, red_globex.session_id), (Guard(vault=vault), red_acme.session_id)):
        with pytest.raises(SessionError):
            thief.restore("[CLIENT_TERM_1] [EMAIL_ADDRESS_1]", session)


def test_allow_listed_values_stay_and_the_rest_is_still_redacted(isolated_home):
    (isolated_home / "config.toml").write_text(
        'allow = ["Claire Martin"]\n[clients.acme]\nallow = ["claire@martin-conseil.fr"]\n', encoding="utf-8"
    )
    text = "Claire Martin (claire@martin-conseil.fr) écrit à Jean Dupont (jean.dupont@acme.fr)."
    plain = Guard(vault=Vault.in_memory()).redact(text).text
    acme = Guard(client="acme", vault=Vault.in_memory()).redact(text).text
    assert plain.startswith("Claire Martin ([EMAIL_ADDRESS_1])") and "Jean Dupont" not in plain
    assert acme.startswith("Claire Martin (claire@martin-conseil.fr)") and "jean.dupont" not in acme


def test_masked_types_become_stars_and_leave_nothing_in_the_vault():
    vault = Vault.in_memory()
    guard = Guard(vault=vault, policy={"CREDIT_CARD": "mask"})
    red = guard.redact("Carte 4111 1111 1111 1111, mail jean.dupont@acme.fr")
    assert red.text == "Carte ****, mail [EMAIL_ADDRESS_1]"
    assert [e.placeholder for e in red.entities] == ["****", "[EMAIL_ADDRESS_1]"]
    assert list(vault.table(red.session_id).values()) == ["jean.dupont@acme.fr"]


def test_a_blocked_type_refuses_the_text_names_where_and_stores_nothing():
    vault = Vault.in_memory()
    guard = Guard(vault=vault, policy={"SECRET": "block"})
    key = "sk-proj-" + "Ab3dE5gH7jK9mN1pQ3sT5vX7zB9dF1hJ3"
    with pytest.raises(BlockedError) as caught:
        guard.redact(f"Bonjour,\nla clé est {key} merci")
    assert caught.value.types == ("SECRET",) and caught.value.findings[0][0] == "SECRET"
    assert "line 2, column 12" in str(caught.value) and key not in str(caught.value)
    assert vault.sessions() == []


def test_an_allowed_type_is_left_in_clear():
    guard = Guard(vault=Vault.in_memory(), policy={"EMAIL_ADDRESS": "allow"})
    assert guard.redact("Écrire à jean.dupont@acme.fr").text == "Écrire à jean.dupont@acme.fr"


def test_linked_mentions_are_one_entity_for_the_ai_and_restore_exactly_as_written():
    guard = Guard(vault=Vault.in_memory())
    text = (
        "Bonjour M. Dupont,\nJean Dupont a signé. DUPONT Jean confirme, J. Dupont aussi.\n"
        "Acme Industries SAS paiera ; Acme a validé.\n"
    )
    red = guard.redact(text)
    assert "Dupont" not in red.text and "DUPONT" not in red.text and "Acme" not in red.text
    people = {e.placeholder for e in red.entities if e.type == "PERSON"}
    assert {p.split(".")[0].rstrip("]") for p in people} == {"[PERSON_1"}  # one person for the AI
    assert "[PERSON_1]" in people and len(people) == 4
    assert guard.restore(red.text, red.session_id) == text
    # A mention the AI writes itself restores to the fullest known form.
    assert guard.restore("Merci [PERSON_1].", red.session_id) == "Merci Jean Dupont."
    later = guard.redact("Merci à M. Dupont.", session_id=red.session_id)
    assert later.text == "Merci à M. " + next(e.placeholder for e in red.entities if e.text == "Dupont") + "."


def test_a_surrogate_round_trip_restores_exactly_and_the_ai_sees_no_real_value():
    guard = Guard(vault=Vault.in_memory(), placeholder_style="surrogate")
    text = (
        "Bonjour M. Dupont,\nJean Dupont (jean.dupont@acme.fr, 06 12 34 56 78) signe pour Acme Industries SAS, "
        "SIRET 732 829 320 00074.\n"
    )
    red = guard.redact(text)
    for value in ("Dupont", "jean.dupont@acme.fr", "06 12 34 56 78", "Acme", "732 829 320 00074"):
        assert value not in red.text
    assert "[" not in red.text  # fake values, not tags
    assert guard.restore(red.text, red.session_id) == text
    restorer = guard.restorer(red.session_id)
    assert "".join(restorer.feed(ch) for ch in red.text) + restorer.flush() == text
    # The AI repeats the fakes in its own case and spacing: still restored.
    phone = next(e.placeholder for e in red.entities if e.type == "PHONE_NUMBER")
    person = next(e.placeholder for e in red.entities if e.type == "PERSON" and e.text == "Jean Dupont")
    answer = f"{person.upper()} joignable au {phone.replace(' ', '.')}."
    assert guard.restore(answer, red.session_id) == "Jean Dupont joignable au 06 12 34 56 78."
    # The same value keeps its fake in the session.
    assert guard.redact("Rappeler Jean Dupont.", session_id=red.session_id).text == f"Rappeler {person}."


def test_a_profile_that_asks_for_stable_placeholders_keeps_them_across_conversations(isolated_home):
    (isolated_home / "config.toml").write_text(
        '[clients.acme]\nterms = ["Orion", "Vega"]\nstable_placeholders = true\n', encoding="utf-8"
    )
    vault = Vault.open(isolated_home / "vault.db", bytes(32))
    acme, other = Guard(client="acme", vault=vault), Guard(client="globex", vault=vault)
    first = acme.redact("Vega puis Orion.")
    second = acme.redact("Orion seulement.")  # a new conversation of the same client
    assert (first.text, second.text) == ("[CLIENT_TERM_1] puis [CLIENT_TERM_2].", "[CLIENT_TERM_2] seulement.")
    assert first.session_id == second.session_id
    assert other.redact("Orion").session_id != first.session_id  # other profiles: one session per conversation
    assert other.redact("Orion").session_id != other.redact("Orion").session_id
    vault.purge(first.session_id)  # purging starts the numbering afresh
    assert acme.redact("Orion seulement.").text == "[CLIENT_TERM_1] seulement."
