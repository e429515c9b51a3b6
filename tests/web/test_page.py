"""The web page in a real browser: Debian's Chromium, driven by Playwright, against a real `guard serve`.

Text reaches the page the way users bring it: through the clipboard and Ctrl+V. Copies are read
back from the browser's clipboard. Screenshots (wide and narrow) land in the `screenshots` folder.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import httpx
import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.model

NARROW_WIDTH = 400  # the narrow_page fixture's window

VALUES = {
    "PERSON": "Jean Dupont",
    "EMAIL_ADDRESS": "jean.dupont@acme.fr",
    "PHONE_NUMBER": "06 12 34 56 78",
    "FR_SIRET": "732 829 320 00074",
    "LOCATION": "Lyon",
}
# The emoji first: the API counts offsets in code points, JavaScript in UTF-16 units; the originals
# shown on hover are right only if the page converts.
SAMPLE = (
    "🙂 Bonjour, je suis Jean Dupont (jean.dupont@acme.fr), 06 12 34 56 78, SIRET 732 829 320 00074. "
    "Rendez-vous à Lyon pour l'opération Tournesol."
)
ANSWER = "Bonjour [person_1], j'écris à \\[EMAIL\\_ADDRESS\\_1\\] et à [PERSON_9]."
RESTORED = "Bonjour Jean Dupont, j'écris à jean.dupont@acme.fr et à [PERSON_9]."


def paste(page: Page, selector: str, text: str) -> None:
    """Put `text` on the clipboard and paste it over the content of `selector` (Ctrl+A, Ctrl+V)."""
    page.evaluate("text => navigator.clipboard.writeText(text)", text)
    page.focus(selector)
    page.keyboard.press("Control+A")
    page.keyboard.press("Control+V")


def clipboard(page: Page) -> str:
    text: str = page.evaluate("navigator.clipboard.readText()")
    return text


def protect(page: Page, text: str = SAMPLE) -> str:
    """Paste `text` in step 1 and wait for the protected version; return it."""
    paste(page, "#input", text)
    expect(page.locator("#redacted mark.ph").first).to_be_visible()
    return page.inner_text("#redacted")


def session_id(page: Page) -> str:
    value: str = page.evaluate("JSON.parse(localStorage.getItem('clientguard.conversation')).session")
    return value


def test_pasting_protects_the_text_and_copy_gives_exactly_the_safe_version(
    page: Page, server: Any, screenshots: Path
) -> None:
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    redacted = protect(page)
    assert [value for value in VALUES.values() if value in redacted] == []
    assert "[PERSON_1]" in redacted and "[FR_SIRET_1]" in redacted and "Tournesol" in redacted

    # Each placeholder is highlighted with its type; the original shows on hover.
    marks = page.eval_on_selector_all(
        "#redacted mark.ph", "marks => marks.map(m => [m.dataset.type, m.textContent, m.title, m.className])"
    )
    by_type = {kind: (text, title, classes) for kind, text, title, classes in marks}
    for kind, value in VALUES.items():
        assert by_type[kind][1] == value, kind
        assert by_type[kind][0].startswith(f"[{kind}_")
    colours = {
        kind: page.eval_on_selector(f"#redacted mark[data-type={kind}]", "m => getComputedStyle(m).backgroundColor")
        for kind in ("PERSON", "EMAIL_ADDRESS", "FR_SIRET", "LOCATION")
    }
    assert len(set(colours.values())) == 4, colours

    page.click("#copy-redacted")
    expect(page.locator("#copy-redacted")).to_have_text("Copié !")
    assert clipboard(page) == redacted
    page.screenshot(path=screenshots / "wide-protected.png", full_page=True)
    assert {re.match(r"https?://[^/]+", url).group() for url in requests} == {server.url}  # type: ignore[union-attr]


def test_the_side_list_counts_findings_by_type_and_shows_originals_on_hover(page: Page, screenshots: Path) -> None:
    protect(page, "Jean Dupont écrit à Marie Curie ; Jean Dupont rappelle demain depuis Lyon.")
    groups = page.eval_on_selector_all(
        "#findings .finding-group",
        "groups => groups.map(g => [g.querySelector('.finding-type span:not(.swatch):not(.count)').textContent, "
        "g.querySelector('.count').textContent])",
    )
    assert ["Personne", "2"] in groups and ["Lieu", "1"] in groups
    first = page.locator('#findings button.finding[data-placeholder="[PERSON_1]"]')
    expect(first).to_contain_text("×2")  # Jean Dupont, twice, one placeholder
    tip = page.locator('#findings button[data-placeholder="[PERSON_1]"] + .original')
    expect(tip).to_be_hidden()
    first.hover()
    expect(tip).to_be_visible()
    expect(tip).to_have_text("Jean Dupont")
    expect(first).to_have_attribute("aria-label", "[PERSON_1] : Jean Dupont. Laisser en clair")
    page.screenshot(path=screenshots / "wide-hover.png")


def test_pasting_the_answer_restores_it_and_shows_unknown_placeholders(page: Page, screenshots: Path) -> None:
    protect(page)
    paste(page, "#answer", ANSWER)
    expect(page.locator("#restored")).to_have_text(RESTORED)
    expect(page.locator("#restored mark.unknown")).to_have_text("[PERSON_9]")
    expect(page.locator("#unknown")).to_be_visible()
    expect(page.locator("#unknown")).to_contain_text("[PERSON_9]")
    page.click("#copy-restored")
    expect(page.locator("#copy-restored")).to_have_text("Copié !")
    assert clipboard(page) == RESTORED
    page.screenshot(path=screenshots / "wide-restored.png", full_page=True)


def test_the_conversation_continues_across_texts_and_page_reloads(page: Page) -> None:
    protect(page)
    first_session = session_id(page)
    expect(page.locator("#session")).to_have_text(f"{first_session[:8]}…")
    page.fill("#input", "Relance : Jean Dupont attend la réponse de Sophie Martin.")
    page.click("#redact")
    expect(page.locator("#redacted")).to_contain_text("[PERSON_2]")
    expect(page.locator("#redacted")).to_contain_text("[PERSON_1] attend")  # same person, same placeholder
    page.reload()
    page.wait_for_selector("body[data-ready=true]")
    assert session_id(page) == first_session
    paste(page, "#answer", "Merci [PERSON_2] et [PERSON_1].")
    expect(page.locator("#restored")).to_have_text("Merci Sophie Martin et Jean Dupont.")


def test_new_conversation_starts_afresh(page: Page) -> None:
    protect(page)
    first_session = session_id(page)
    page.click("#new-session")
    expect(page.locator("#session")).to_have_text("aucune pour l'instant")
    expect(page.locator("#redacted")).to_have_text("Le texte protégé apparaîtra ici.")
    expect(page.locator("#input")).to_have_value("")
    protect(page, "Rendez-vous avec Sophie Martin.")
    assert session_id(page) != first_session
    expect(page.locator("#redacted")).to_contain_text("[PERSON_1]")  # numbering starts again


def test_purge_erases_the_conversation_on_the_server_and_the_page(page: Page, server: Any) -> None:
    protect(page)
    purged = session_id(page)
    page.once("dialog", lambda dialog: dialog.accept())
    page.click("#purge-session")
    expect(page.locator("#session")).to_have_text("aucune pour l'instant")
    expect(page.locator("#status")).to_have_text("Les données de cette conversation ont été effacées.")
    expect(page.locator("#purge-session")).to_be_disabled()
    assert "Jean Dupont" not in page.inner_text("body")  # nothing of it left on the page either
    back = httpx.post(f"{server.url}/v1/restore", json={"text": "[PERSON_1]", "session_id": purged})
    assert back.status_code == 404


def test_purge_asks_first_and_keeps_everything_when_refused(page: Page, server: Any) -> None:
    protect(page)
    kept = session_id(page)
    page.once("dialog", lambda dialog: dialog.dismiss())
    page.click("#purge-session")
    expect(page.locator("#session")).to_have_text(f"{kept[:8]}…")
    back = httpx.post(f"{server.url}/v1/restore", json={"text": "[PERSON_1]", "session_id": kept})
    assert back.json()["text"] == "Jean Dupont"


def test_an_expired_session_is_explained_and_a_new_one_starts(page: Page, server: Any) -> None:
    protect(page)
    httpx.delete(f"{server.url}/v1/sessions/{session_id(page)}")  # expired, or purged from the CLI
    paste(page, "#answer", ANSWER)
    expect(page.locator("#alert")).to_contain_text("Cette conversation n'existe plus")
    expect(page.locator("#session")).to_have_text("aucune pour l'instant")
    protect(page, "Rendez-vous avec Sophie Martin.")
    expect(page.locator("#alert")).to_be_hidden()


def test_a_text_over_the_size_limit_gets_a_friendly_message(page: Page) -> None:
    page.fill("#input", "Jean Dupont. " + "a" * 1_100_000)  # over the server's 1 MB body limit
    page.click("#redact")
    expect(page.locator("#alert")).to_have_text(
        "Ce texte est trop long pour être traité en une fois. Découpez-le en plusieurs parties."
    )
    expect(page.locator("#copy-redacted")).to_be_disabled()


def test_blocked_content_is_refused_with_the_types_that_caused_it(page: Page, screenshots: Path) -> None:
    page.select_option("#client", "globex")  # its policy blocks SECRET
    key = "sk-proj-" + "Zq3xT8kLm2Vb7Nc4Hd9Rf1Gs6Jw0Ya5E"
    paste(page, "#input", f"Voici la clé d'API de Jean Dupont : {key}")
    expect(page.locator("#alert")).to_have_text(
        "Ce texte n'a pas été protégé, car votre politique interdit d'envoyer certaines de ses données : "
        "Secret (clé, mot de passe). Retirez-les, puis réessayez."
    )
    expect(page.locator("#copy-redacted")).to_be_disabled()
    assert key not in page.inner_text("#alert")
    page.screenshot(path=screenshots / "wide-blocked.png")
    paste(page, "#input", "Voici le dossier de Jean Dupont.")  # without the secret: protected
    expect(page.locator("#redacted")).to_contain_text("[PERSON_1]")
    expect(page.locator("#alert")).to_be_hidden()


def test_restoring_before_protecting_says_what_to_do(page: Page) -> None:
    paste(page, "#answer", ANSWER)
    expect(page.locator("#alert")).to_contain_text("Protégez d'abord un texte")


def test_pasted_markup_is_shown_as_text_never_run(page: Page) -> None:
    attack = '<img src=x onerror="window.pwned = 1"> Jean Dupont <script>window.pwned = 2</script>'
    redacted = protect(page, attack)
    assert redacted.startswith("<img src=x onerror=")
    paste(page, "#answer", attack.replace("Jean Dupont", "[PERSON_1]"))
    expect(page.locator("#restored")).to_have_text(attack)
    assert page.evaluate("window.pwned") is None
    assert page.locator("#redacted img, #restored img, #redacted script").count() == 0


def test_the_profile_chooser_lists_profiles_and_a_profile_uses_its_own_terms(page: Page) -> None:
    options = page.eval_on_selector_all("#client option", "options => options.map(o => o.value)")
    assert options == ["", "acme", "globex"]
    protect(page, "Le Projet Phénix avance, dit Jean Dupont.")
    default_session = session_id(page)
    assert "[CLIENT_TERM_1]" not in page.inner_text("#redacted")
    page.select_option("#client", "acme")
    expect(page.locator("#session")).to_have_text("aucune pour l'instant")  # a profile has its own sessions
    paste(page, "#input", "Le Projet Phénix avance, dit Jean Dupont.")
    expect(page.locator("#redacted")).to_contain_text("Le [CLIENT_TERM_1] avance")
    assert session_id(page) != default_session
    paste(page, "#answer", "Point sur [CLIENT_TERM_1].")
    expect(page.locator("#restored")).to_have_text("Point sur Projet Phénix.")
    page.reload()
    page.wait_for_selector("body[data-ready=true]")
    expect(page.locator("#client")).to_have_value("acme")  # remembered with its conversation


def test_english_is_one_click_away_and_remembered(narrow_page: Page, screenshots: Path) -> None:
    page = narrow_page
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    page.click("#language")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("#protect-title")).to_contain_text("Text to protect")
    expect(page.locator("#restore-title")).to_contain_text("The AI's answer")
    expect(page.locator("#purge-session")).to_have_text("Erase this conversation's data")
    expect(page.locator("#copy-redacted")).to_have_attribute("aria-label", "Copy the protected text")
    expect(page.locator("#language")).to_have_text("Français")
    paste(page, "#answer", ANSWER)
    expect(page.locator("#alert")).to_contain_text("Protect a text first")
    page.reload()
    page.wait_for_selector("body[data-ready=true]")
    expect(page.locator("#input-hint")).to_have_text("Ctrl+Enter to protect. Select a passage to hide it too.")
    redacted = protect(page)
    assert "[PERSON_1]" in redacted
    expect(page.locator("#findings")).to_contain_text("Person")
    page.screenshot(path=screenshots / "narrow-english.png", full_page=True)
    page.click("#language")
    expect(page.locator("#findings")).to_contain_text("Personne")  # the list follows the switch
    expect(page.locator("#protect-title")).to_contain_text("Texte à protéger")


def test_the_whole_flow_works_with_the_keyboard_only(page: Page) -> None:
    def tab_to(selector: str, limit: int = 30) -> None:
        target = page.locator(selector)
        for _ in range(limit):
            page.keyboard.press("Tab")
            if target.evaluate("element => element === document.activeElement"):
                return
        pytest.fail(f"Tab never reached {selector}")

    tab_to("#input")
    page.keyboard.insert_text(SAMPLE)
    page.keyboard.press("Control+Enter")
    expect(page.locator("#redacted mark.ph").first).to_be_visible()
    tab_to("#copy-redacted")
    page.keyboard.press("Enter")
    expect(page.locator("#copy-redacted")).to_have_text("Copié !")
    redacted = clipboard(page)
    assert "[PERSON_1]" in redacted and "Jean Dupont" not in redacted
    tab_to('#findings button.finding[data-placeholder="[PERSON_1]"]')
    expect(page.locator('#findings button[data-placeholder="[PERSON_1]"] + .original')).to_be_visible()
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid"  # a visible focus ring
    tab_to('#findings button.finding[data-placeholder="[LOCATION_1]"]')
    page.keyboard.press("Enter")  # un-redact
    expect(page.locator("#redacted")).to_contain_text("Rendez-vous à Lyon")
    tab_to('#allowed button.chip[data-value="Lyon"]')
    page.keyboard.press("Enter")  # hide it again
    expect(page.locator("#redacted")).to_contain_text("Rendez-vous à [LOCATION_1]")
    tab_to("#input", limit=40)
    page.keyboard.press("Control+End")
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("Control+Shift+ArrowLeft")  # selects "Tournesol"
    tab_to("#redact-selection")
    page.keyboard.press("Enter")
    expect(page.locator("#redacted")).to_contain_text("l'opération [CLIENT_TERM_1].")
    tab_to("#answer")
    page.keyboard.insert_text(ANSWER)
    page.keyboard.press("Control+Enter")
    expect(page.locator("#restored")).to_have_text(RESTORED)
    tab_to("#copy-restored")
    page.keyboard.press("Space")
    expect(page.locator("#copy-restored")).to_have_text("Copié !")
    assert clipboard(page) == RESTORED


def test_every_control_has_a_name_and_every_field_a_label(page: Page) -> None:
    protect(page)
    unnamed = page.evaluate(
        """() => [...document.querySelectorAll('button, select, textarea, input, [role=region]')]
            .filter(e => e.offsetParent !== null || e.closest('dialog'))
            .filter(e => {
              const label = e.getAttribute('aria-label') || (e.labels && [...e.labels].map(l => l.textContent).join(''))
                || (e.getAttribute('aria-labelledby') && document.getElementById(e.getAttribute('aria-labelledby')).textContent)
                || e.textContent;
              return !label || !label.trim();
            }).map(e => e.outerHTML.slice(0, 80))"""
    )
    assert unnamed == []


def test_text_and_placeholders_meet_wcag_aa_contrast(page: Page) -> None:
    protect(page)
    pairs = page.evaluate(
        """() => [...document.querySelectorAll('#redacted mark, button, h2, .hint, .field-label, .count, .tagline')]
            .filter(e => e.offsetParent !== null)
            .map(e => {
              let back = e, colour = 'rgba(0, 0, 0, 0)';
              while (back && (colour === 'rgba(0, 0, 0, 0)' || colour === 'transparent')) {
                colour = getComputedStyle(back).backgroundColor; back = back.parentElement;
              }
              return [e.tagName + '#' + e.id + '.' + e.className, getComputedStyle(e).color, colour];
            })"""
    )
    assert len(pairs) > 15
    low = [(name, fore, back, round(contrast(fore, back), 2)) for name, fore, back in pairs if contrast(fore, back) < 4.5]
    assert low == []


def test_a_narrow_window_beside_the_ai_tool_needs_no_sideways_scrolling(narrow_page: Page, screenshots: Path) -> None:
    page = narrow_page
    protect(page)
    paste(page, "#answer", ANSWER)
    expect(page.locator("#restored")).to_have_text(RESTORED)
    page.locator("#findings button.finding").last.hover()  # the rightmost: its tip must stay on screen
    tip = page.locator("#findings .original").last.bounding_box()
    assert tip is not None and 0 <= tip["x"] and tip["x"] + tip["width"] <= NARROW_WIDTH
    page.locator('#findings button.finding[data-placeholder="[PERSON_1]"]').hover()
    page.screenshot(path=screenshots / "narrow.png", full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= NARROW_WIDTH
    outside = page.evaluate(
        """width => [...document.querySelectorAll('button, textarea, select, .output, .alert, h2')]
            .filter(e => e.offsetParent !== null)
            .filter(e => { const box = e.getBoundingClientRect(); return box.left < 0 || box.right > width; })
            .map(e => e.id || e.className)""",
        NARROW_WIDTH,
    )
    assert outside == []
    # Step 1's findings go under the protected text rather than beside it.
    output = page.locator("#redacted").bounding_box()
    findings = page.locator(".findings").bounding_box()
    assert output is not None and findings is not None and findings["y"] > output["y"] + output["height"]


def test_clicking_a_finding_leaves_it_in_clear_and_the_choice_can_be_undone(page: Page, screenshots: Path) -> None:
    protect(page)
    page.click('#findings button.finding[data-placeholder="[LOCATION_1]"]')
    expect(page.locator("#redacted")).to_contain_text("Rendez-vous à Lyon")
    expect(page.locator("#redacted")).to_contain_text("[PERSON_1]")  # only that one left in clear
    chip = page.locator('#allowed button.chip[data-value="Lyon"]')
    expect(chip).to_be_visible()
    page.screenshot(path=screenshots / "wide-unredacted.png", full_page=True)
    chip.click()
    expect(page.locator("#redacted")).to_contain_text("Rendez-vous à [LOCATION_1]")
    expect(page.locator("#allowed button.chip")).to_have_count(0)


def test_selecting_text_hides_it_too(page: Page) -> None:
    protect(page)
    page.evaluate(
        """() => { const input = document.getElementById('input'); const at = input.value.indexOf('Tournesol');
                   input.focus(); input.setSelectionRange(at, at + 'Tournesol'.length); }"""
    )
    expect(page.locator("#redact-selection")).to_be_enabled()
    page.click("#redact-selection")
    expect(page.locator("#redacted")).to_contain_text("l'opération [CLIENT_TERM_1]")
    assert "Tournesol" not in page.inner_text("#redacted")
    expect(page.locator('#terms button.chip[data-value="Tournesol"]')).to_be_visible()
    # A selection in the protected text works too, and maps placeholders back to their originals.
    page.evaluate(
        """() => { const output = document.getElementById('redacted'); const walker = document.createTreeWalker(output, NodeFilter.SHOW_TEXT);
                   let node; while ((node = walker.nextNode())) { const at = node.data.indexOf('Bonjour');
                     if (at >= 0) { const range = document.createRange(); range.setStart(node, at); range.setEnd(node, at + 7);
                       output.focus(); const selection = getSelection(); selection.removeAllRanges(); selection.addRange(range); return; } } }"""
    )
    expect(page.locator("#redact-selection")).to_be_enabled()
    page.click("#redact-selection")
    expect(page.locator("#redacted")).to_contain_text("[CLIENT_TERM_2], je suis [PERSON_1]")
    # The choices belong to that input: a new text pasted over it starts with none.
    paste(page, "#input", "Point sur l'opération Tournesol avec Jean Dupont.")
    expect(page.locator("#redacted")).to_contain_text("l'opération Tournesol avec [PERSON_1]")
    expect(page.locator("#terms button.chip")).to_have_count(0)


def contrast(foreground: str, background: str) -> float:
    """WCAG contrast ratio of two CSS rgb() colours."""

    def luminance(colour: str) -> float:
        red, green, blue = (int(part) / 255 for part in re.findall(r"\d+", colour)[:3])
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in (red, green, blue)]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    lighter, darker = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)
