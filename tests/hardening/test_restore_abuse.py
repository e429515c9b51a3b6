"""Restore cannot be abused: nothing but a session's own placeholders ever brings back a value.

An attacker controls the text (a prompt-injected AI answer, a pasted document) and may know other
sessions' placeholders — they are public, the AI saw them. Whatever the text holds, restore in one
session never yields a value of another session or another client profile; placeholders a
session does not know are reported and left as written.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from guard import Guard, Settings, Vault
from guard.errors import SessionError

pytestmark = pytest.mark.model

SECRET_A = "Bonjour M. Jean Dupont, votre SIRET 732 829 320 00074, tél 06 12 34 56 78, jean.dupont@acme.fr."
VALUES_A = ["Jean Dupont", "732 829 320 00074", "06 12 34 56 78", "jean.dupont@acme.fr"]
TEXT_B = "Bonjour Mme Hélène Martin, écrivez à helene.martin@exemple.org."
VALUES_B = ["Hélène Martin", "helene.martin@exemple.org"]


@pytest.fixture(scope="module")
def shared_vault() -> Vault:
    return Vault.in_memory()


@pytest.fixture(scope="module")
def two_sessions(real_guard: Guard, shared_vault: Vault) -> tuple[Guard, str, str, list[str]]:
    """Sessions A and B in one vault; A's placeholders are what the attacker knows."""
    guard = Guard(settings=Settings(), vault=shared_vault)
    red_a = guard.redact(SECRET_A)
    red_b = guard.redact(TEXT_B)
    assert [v for v in VALUES_A if v in red_a.text] == []
    placeholders_a = sorted({e.placeholder for e in red_a.entities if e.placeholder})
    return guard, red_a.session_id, red_b.session_id, placeholders_a


def surfaces(placeholder: str) -> list[str]:
    """Every way restore is tolerant to, plus look-alikes it must not be fooled by."""
    core = placeholder.strip("[]")
    kind, number = core.rsplit("_", 1)
    return [
        placeholder, core, f"[{core.lower()}]", "\\[" + core.replace("_", "\\_") + "\\]", f"<{core}>", f"{{{core}}}",
        f"[ {core} ]", f"[{kind}_0{number}]", f"[{kind}_{number}.1]", f"[{kind}_{number}.2]",
        f"[{kind}_{chr(0xFF10 + int(number))}]", f"[{kind}\u200b_{number}]", f"[{kind.replace('E', 'Е')}_{number}]",
        f"[{kind}_{number}{number}]", f"[{kind}_-{number}]", f"[{kind}_{number}]" * 3, f"[[{core}]]",
    ]


def test_another_sessions_placeholders_in_every_form_never_restore_its_values(two_sessions) -> None:
    guard, _, session_b, placeholders_a = two_sessions
    answer = " ".join(s for p in placeholders_a for s in surfaces(p))
    restored = guard.restore_with_report(answer, session_b)
    assert [v for v in VALUES_A if v in restored.text] == []


def test_a_session_placeholder_the_session_lacks_is_reported_and_left_as_written(two_sessions) -> None:
    guard, _, session_b, _ = two_sessions
    answer = "Voir [FR_SIRET_1] et [PHONE_NUMBER_1], puis [PERSON_7]."  # B has no SIRET, no phone, no 7th person
    restored = guard.restore_with_report(answer, session_b)
    assert restored.text == answer
    assert set(restored.unknown_placeholders) == {"[FR_SIRET_1]", "[PHONE_NUMBER_1]", "[PERSON_7]"}


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.data())
def test_any_mix_of_known_and_foreign_tokens_restores_only_the_sessions_own_values(two_sessions, data) -> None:
    guard, _, session_b, placeholders_a = two_sessions
    pieces = data.draw(
        st.lists(
            st.one_of(
                st.sampled_from(placeholders_a).flatmap(lambda p: st.sampled_from(surfaces(p))),
                st.sampled_from(["[PERSON_1]", "[EMAIL_ADDRESS_1]", "<person_1>", "PERSON_1"]),
                st.text(alphabet=st.sampled_from("[]<>{}\\_ .PERSON_1234émail"), max_size=12),
            ),
            max_size=12,
        )
    )
    answer = "".join(pieces)
    restored = guard.restore_with_report(answer, session_b)
    assert [v for v in VALUES_A if v in restored.text] == []
    streamed = guard.restorer(session_b)
    cut = data.draw(st.integers(0, len(answer)))
    assert streamed.feed(answer[:cut]) + streamed.feed(answer[cut:]) + streamed.flush() == restored.text


def test_another_client_profile_cannot_open_the_session_at_all(two_sessions) -> None:
    guard, session_a, _, placeholders_a = two_sessions
    intruder = Guard(client="concurrent", settings=Settings(), vault=guard.vault)
    with pytest.raises(SessionError) as caught:
        intruder.restore(" ".join(placeholders_a), session_a)
    with pytest.raises(SessionError):
        intruder.restorer(session_a)
    with pytest.raises(SessionError):
        intruder.redact("M. Paul Durand", session_id=session_a)
    assert [v for v in VALUES_A if v in str(caught.value)] == [] and session_a not in str(caught.value)


@pytest.mark.parametrize(
    "session_id",
    ["", "x", "' OR '1'='1", "%", "*", "../vault.db", "\x00", "a" * 10_000],
)
def test_a_forged_session_id_is_a_clear_error_never_a_match(two_sessions, session_id: str) -> None:
    guard, _, _, placeholders_a = two_sessions
    with pytest.raises(SessionError):
        guard.restore(" ".join(placeholders_a), session_id)


def test_a_prefix_of_a_real_session_id_opens_nothing(two_sessions) -> None:
    guard, session_a, _, placeholders_a = two_sessions
    for forged in (session_a[:-1], session_a + "x", session_a.upper(), f" {session_a}"):
        with pytest.raises(SessionError):
            guard.restore(" ".join(placeholders_a), forged)


def test_a_users_placeholder_like_token_written_after_the_value_comes_back_as_written(real_guard: Guard) -> None:
    session = real_guard.new_session()
    first = real_guard.redact("Bonjour M. Jean Dupont.", session_id=session)
    assert "[PERSON_1]" in first.text
    # The user now quotes a placeholder: it names nothing of theirs, so restore must give the quote back.
    question = "Que veut dire [PERSON_1] dans ta réponse, et <PERSON_1> ?"
    second = real_guard.redact(question, session_id=session)
    assert real_guard.restore(second.text, session) == question
    assert real_guard.restore(first.text + " " + second.text, session) == "Bonjour M. Jean Dupont. " + question


def test_an_invented_placeholder_is_reported_never_filled_even_when_the_type_exists(real_guard: Guard) -> None:
    red = real_guard.redact("Contact : M. Jean Dupont, jean.dupont@acme.fr.")
    answer = "J'ai écrit à [PERSON_2], [EMAIL_ADDRESS_2] et [PERSON_1] ; [FR_NIR_1] aussi."
    result = real_guard.restore_with_report(answer, red.session_id)
    assert result.text == "J'ai écrit à [PERSON_2], [EMAIL_ADDRESS_2] et Jean Dupont ; [FR_NIR_1] aussi."
    assert set(result.unknown_placeholders) == {"[PERSON_2]", "[EMAIL_ADDRESS_2]", "[FR_NIR_1]"}


def test_a_purged_session_restores_nothing(real_guard: Guard) -> None:
    red = real_guard.redact("Bonjour M. Jean Dupont.")
    real_guard.vault.purge(red.session_id)
    with pytest.raises(SessionError):
        real_guard.restore(red.text, red.session_id)
