"""Rebuild models/first_names.txt and models/last_names.txt from Faker's person providers.

    pip install faker && python scripts/build_name_gazetteer.py

Faker (MIT licence) carries first and last names for many locales; French comes first, with the
languages French freelancers' clients and colleagues most often have. The lists are data in the
package: nothing is fetched at run time, and Faker is not a runtime dependency.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from pathlib import Path

import faker
import faker.providers.person as person_providers

# Country locales, not the bare "en" one: its US baby-name list holds towns and words (Dijon).
LOCALES = (
    "fr_FR", "fr_BE", "fr_CA", "fr_CH", "fr_QC", "en_GB", "en_IE", "es_ES", "it_IT", "de_DE",
    "pt_PT", "pt_BR", "nl_NL", "pl_PL", "ro_RO", "ar_AA", "tr_TR",
)
NAME = re.compile(r"[A-ZÀ-Þ][a-zß-ÿ'’]+(?:-[A-ZÀ-Þ][a-zß-ÿ'’]+)?")
MODELS = Path(__file__).resolve().parent.parent / "models"


def _names(provider: type, attributes: tuple[str, ...]) -> set[str]:
    found: set[str] = set()
    for attribute in attributes:
        value = vars(provider).get(attribute)
        if isinstance(value, (tuple, list, dict)):
            found.update(name for name in value if isinstance(name, str) and NAME.fullmatch(name))
    return found


def main() -> None:
    firsts: set[str] = set()
    lasts: set[str] = set()
    for module in pkgutil.iter_modules(person_providers.__path__):
        if module.name not in LOCALES:
            continue
        provider = importlib.import_module(f"faker.providers.person.{module.name}").Provider
        firsts |= _names(provider, ("first_names", "first_names_male", "first_names_female"))
        lasts |= _names(provider, ("last_names",))
    header = f"# From Faker {faker.VERSION} person providers ({', '.join(LOCALES)}), MIT licence.\n"
    (MODELS / "first_names.txt").write_text(header + "\n".join(sorted(firsts)) + "\n", encoding="utf-8")
    (MODELS / "last_names.txt").write_text(header + "\n".join(sorted(lasts)) + "\n", encoding="utf-8")
    print(f"{len(firsts)} first names, {len(lasts)} last names")


if __name__ == "__main__":
    main()
