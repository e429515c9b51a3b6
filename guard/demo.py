"""An AI-style answer to a redacted text, for `guard demo`: written the way models mangle tags."""

from __future__ import annotations

from guard.pipeline import Redaction


def ai_style_answer(red: Redaction) -> str:
    """A reply that cites the redaction's placeholders in the forms AI models really produce."""
    first: dict[str, str] = {}
    for entity in red.entities:
        first.setdefault(entity.type, entity.placeholder or "")
    person = first.get("PERSON", "Madame, Monsieur")
    lines = [f"Bonjour {person.lower()},", "", "Voici une proposition de réponse :", ""]
    if "ORGANIZATION" in first:
        lines.append(f"- Le projet pour **{first['ORGANIZATION']}** est bien noté.")
    if "EMAIL_ADDRESS" in first:
        escaped = first["EMAIL_ADDRESS"].replace("[", "\\[").replace("]", "\\]").replace("_", "\\_")
        lines.append(f"- Je contacterai {escaped} dès demain.")
    if "PHONE_NUMBER" in first:
        lines.append(f"- En cas d'urgence : < {first['PHONE_NUMBER'][1:-1]} >.")
    if "FR_SIRET" in first:
        lines.append(f"- La facture portera le SIRET {first['FR_SIRET'][1:-1]}.")
    lines += ["", "Bien à vous,", "[PERSON_99] (un nom que l'IA a inventé : il reste tel quel)"]
    return "\n".join(lines) + "\n"
