"""Terms, allow-list, policy and surrogates through the REST API (TestClient, no model needed)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from guard import Guard, Vault
from guard.api import ApiSettings, create_app

PLANTED = "zorglub7f3a@example.org"
LOCAL = "http://127.0.0.1:8765"


@pytest.fixture(scope="module")
def strict(regex_guard: Guard) -> Iterator[TestClient]:
    """An API whose policy blocks e-mail addresses (the conftest's model-free Guard)."""
    guard = type(regex_guard)(settings=regex_guard.settings, vault=Vault.in_memory(), policy={"EMAIL_ADDRESS": "block"})
    with TestClient(create_app(guard, settings=ApiSettings()), base_url=LOCAL) as test_client:
        yield test_client


def test_terms_of_a_request_are_redacted_in_every_form_under_one_placeholder(client: TestClient) -> None:
    body = {"text": "Le Projet Phénix, dit projet\nphenix, chez l'Acme.", "terms": ["Projet Phénix", "Acme"]}
    red = client.post("/v1/redact", json=body).json()
    assert red["text"] == "Le [CLIENT_TERM_1], dit [CLIENT_TERM_1], chez l'[CLIENT_TERM_2]."
    back = client.post("/v1/restore", json={"text": red["text"], "session_id": red["session_id"]}).json()
    assert back["text"] == "Le Projet Phénix, dit Projet Phénix, chez l'Acme."


def test_an_allowed_value_stays_in_clear_and_analyze_agrees(client: TestClient) -> None:
    text = f"moi@martin-conseil.fr écrit à {PLANTED}"
    red = client.post("/v1/redact", json={"text": text, "allow": ["moi@martin-conseil.fr"]}).json()
    assert red["text"] == "moi@martin-conseil.fr écrit à [EMAIL_ADDRESS_1]"
    found = client.post("/v1/analyze", json={"text": text, "allow": ["moi@martin-conseil.fr"]}).json()
    assert [e["start"] for e in found["entities"]] == [text.index(PLANTED)]


def test_a_blocked_type_is_a_422_naming_types_and_offsets_never_the_value(strict: TestClient) -> None:
    response = strict.post("/v1/redact", json={"text": f"Écrire à {PLANTED}"})
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "blocked" and error["types"] == ["EMAIL_ADDRESS"]
    assert error["findings"] == [{"type": "EMAIL_ADDRESS", "start": 9, "end": 9 + len(PLANTED)}]
    assert "zorglub" not in response.text


def test_surrogate_style_shows_a_fake_address_and_restores_the_real_one(client: TestClient) -> None:
    red = client.post("/v1/redact", json={"text": f"Écrire à {PLANTED}", "style": "surrogate"}).json()
    fake = red["entities"][0]["placeholder"]
    assert "zorglub" not in red["text"] and fake.endswith(".example") and red["text"] == f"Écrire à {fake}"
    back = client.post("/v1/restore", json={"text": f"J'écris à {fake.upper()}.", "session_id": red["session_id"]})
    assert back.json()["text"] == f"J'écris à {PLANTED}."


@pytest.mark.parametrize("body", [{"text": "x", "terms": "Acme"}, {"text": "x", "terms": [""]}, {"text": "x", "style": "fancy"}])
def test_bad_terms_or_style_are_422(client: TestClient, body: dict[str, object]) -> None:
    response = client.post("/v1/redact", json=body)
    assert response.status_code == 422 and response.json()["error"]["code"] == "invalid"
