"""The page's behaviour around detection, against a real uvicorn over a Guard that detects nothing.

No model is loaded: what is tested is the profile chooser's presence and the API-key prompt of a
server that has a key (one reached beyond loopback), and that the page then sends the key.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import Browser, expect

API_KEY = "page-test-key-7c2d9e41b8"


def test_the_page_asks_for_the_key_and_keeps_it_for_the_tab(
    browser: Browser, quiet_server: Callable[..., str], screenshots: Path
) -> None:
    url = quiet_server(api_key=API_KEY, clients=("acme",))
    context = browser.new_context(base_url=url)
    page = context.new_page()
    try:
        page.goto("/")
        dialog = page.locator("#key-dialog")
        expect(dialog).to_be_visible()
        expect(page.locator("#key")).to_be_focused()
        page.screenshot(path=screenshots / "wide-key-dialog.png")
        page.keyboard.type("wrong-key")
        page.keyboard.press("Enter")
        expect(dialog).to_be_hidden()
        expect(page.locator("#alert")).to_have_text("Ce serveur demande une clé d'API valide.")
        expect(page.locator("#profile-row")).to_be_hidden()

        page.reload()
        expect(dialog).to_be_visible()
        page.fill("#key", API_KEY)
        page.click("#key-dialog button[value=ok]")
        expect(page.locator("#profile-row")).to_be_visible()  # /v1/profiles answered: the key was sent
        expect(page.locator("#client option[value=acme]")).to_have_count(1)
        expect(page.locator("#alert")).to_be_hidden()

        page.reload()
        page.wait_for_selector("body[data-ready=true]")
        expect(page.locator("#profile-row")).to_be_visible()
        expect(dialog).to_be_hidden()  # asked once per tab
    finally:
        context.close()


def test_the_profile_chooser_stays_hidden_without_profiles(browser: Browser, quiet_server: Callable[..., str]) -> None:
    context = browser.new_context(base_url=quiet_server())
    page = context.new_page()
    try:
        page.goto("/")
        page.wait_for_selector("body[data-ready=true]")
        page.wait_for_load_state("networkidle")  # the profile list has answered
        expect(page.locator("#profile-row")).to_be_hidden()
        expect(page.locator("#alert")).to_be_hidden()
    finally:
        context.close()
