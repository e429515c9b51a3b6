"""What the server sends for the page: the files, the headers that keep it offline, the profile list.

Through TestClient over a Guard that never detects (these routes do not), so no model is loaded.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from guard import Entity, Guard, Settings, Vault
from guard.api import ApiSettings, create_app
from guard.api.server import loggable_path
from guard.api.web import STATIC_FILES
from guard.config import ClientProfile

LOCAL = "http://127.0.0.1:8765"  # without a key the API serves only requests addressed to loopback
STATIC = resources.files("guard.api").joinpath("static")


class QuietGuard(Guard):
    """A Guard that finds nothing, so the app starts without loading the French model."""

    def analyze(self, text: str, **_: object) -> list[Entity]:
        return []


def guard_with(home: Path, clients: dict[str, ClientProfile]) -> QuietGuard:
    settings = Settings(vault_path=home / "vault.db", key_path=home / "vault.key", clients=clients)
    return QuietGuard(settings=settings, vault=Vault.in_memory())


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    guard = guard_with(tmp_path, {"globex": ClientProfile(), "acme": ClientProfile(), "Zeta SA": ClientProfile()})
    with TestClient(create_app(guard, settings=ApiSettings()), base_url=LOCAL) as test_client:
        yield test_client


def test_the_page_is_served_at_the_root_with_its_files(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "Texte à protéger" in page.text and '<html lang="fr">' in page.text
    assets = re.findall(r'(?:src|href)="(/static/[^"?]+)\?v=([^"]+)"', page.text)
    assert {path for path, _ in assets} == {"/static/app.js", "/static/style.css"}
    assert {version for _, version in assets} == {client.get("/healthz").json()["version"]}
    assert {"app.js", "server.js", "i18n.js", "i18n.json", "style.css"} <= set(STATIC_FILES)
    types = {".js": "text/javascript", ".css": "text/css", ".json": "application/json"}
    for name in STATIC_FILES:
        response = client.get(f"/static/{name}")
        assert response.status_code == 200, name
        assert response.headers["content-type"].startswith(types[Path(name).suffix]), name
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["cache-control"] == "no-cache"  # revalidated: an upgrade is never stale


def test_the_scripts_import_only_each_other() -> None:
    for name in STATIC_FILES:
        if name.endswith(".js"):
            text = STATIC.joinpath(name).read_text(encoding="utf-8")
            for imported in re.findall(r'from "([^"]+)"', text):
                assert imported.startswith("./") and imported[2:] in STATIC_FILES, (name, imported)


def test_the_page_may_load_nothing_from_elsewhere(client: TestClient) -> None:
    policy = client.get("/").headers["content-security-policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives["default-src"] == "'none'"
    assert directives["script-src"] == directives["style-src"] == directives["connect-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'"
    for name in ("index.html", *STATIC_FILES):
        text = STATIC.joinpath(name).read_text(encoding="utf-8")
        assert re.findall(r"(?:https?:)?//[a-z0-9.-]+\.[a-z]{2,}", text) == [], name  # no CDN, font or script URL
        assert "@import" not in text and "url(" not in text, name


def test_unknown_static_files_are_404_in_the_api_error_shape(client: TestClient) -> None:
    for path in ("/static/missing.js", "/static/../web.py", "/static/%2e%2e/web.py"):
        response = client.get(path)
        assert response.status_code == 404, path
        assert set(response.json()["error"]) == {"code", "message"}


def test_profiles_lists_the_configured_client_profiles_sorted(client: TestClient) -> None:
    assert client.get("/v1/profiles").json() == {"profiles": ["Zeta SA", "acme", "globex"]}


def test_profiles_is_empty_without_client_profiles(tmp_path: Path) -> None:
    with TestClient(create_app(guard_with(tmp_path, {}), settings=ApiSettings()), base_url=LOCAL) as bare:
        assert bare.get("/v1/profiles").json() == {"profiles": []}


def test_profiles_needs_the_key_when_the_server_has_one(tmp_path: Path) -> None:
    guard = guard_with(tmp_path, {"acme": ClientProfile()})
    with TestClient(create_app(guard, settings=ApiSettings(api_key="k" * 24))) as keyed:
        refused = keyed.get("/v1/profiles")
        assert refused.status_code == 401 and "acme" not in refused.text
        allowed = keyed.get("/v1/profiles", headers={"Authorization": "Bearer " + "k" * 24})
        assert allowed.json() == {"profiles": ["acme"]}
        assert keyed.get("/").status_code == 200  # the page itself holds nothing; it asks for the key


def test_profiles_refuses_a_foreign_host_name_without_a_key(client: TestClient) -> None:
    # DNS rebinding: a web page on evil.example resolving to 127.0.0.1 must not list the profiles.
    response = client.get("/v1/profiles", headers={"Host": "evil.example:8765"})
    assert response.status_code == 401 and "acme" not in response.text


def test_the_access_log_names_the_page_files_and_nothing_else_under_static() -> None:
    for name in STATIC_FILES:
        assert loggable_path(f"/static/{name}?v=0.1.0") == f"/static/{name}"
    assert loggable_path("/v1/profiles") == "/v1/profiles"
    assert loggable_path("/static/jean.dupont@acme.fr") == "(other path)"


def test_both_languages_have_every_text_the_page_uses() -> None:
    texts = json.loads(STATIC.joinpath("i18n.json").read_text(encoding="utf-8"))
    assert set(texts) == {"fr", "en"}
    assert set(texts["fr"]) == set(texts["en"]) and set(texts["fr"]["types"]) == set(texts["en"]["types"])
    html = STATIC.joinpath("index.html").read_text(encoding="utf-8")
    script = "".join(STATIC.joinpath(name).read_text(encoding="utf-8") for name in STATIC_FILES if name.endswith(".js"))
    used = set(re.findall(r'data-i18n(?:-aria-label)?="(\w+)"', html))
    used |= set(re.findall(r'\bt\("(\w+)"', script)) | set(re.findall(r'emptyNote\("(\w+)"', script))
    used |= {f"error_{kind}" for kind in re.findall(r'new PageError\("(\w+)"', script)}
    used |= {f"error_{kind}" for kind in re.findall(r'return "(\w+)";', script)}
    assert used - set(texts["fr"]) == set()
    assert len(used) > 40
    from guard.entities import ENTITY_TYPES

    assert set(ENTITY_TYPES) <= set(texts["fr"]["types"])  # every type has a name in the side list


def test_the_installed_package_ships_the_page() -> None:
    for name in ("index.html", *STATIC_FILES):
        assert STATIC.joinpath(name).is_file(), name
