"""Presidio recognizers for French and generic personal and confidential data."""

from __future__ import annotations

from presidio_analyzer import EntityRecognizer

from .address_recognizer import AddressRecognizer
from .bic_recognizer import BicRecognizer
from .credit_card_recognizer import CreditCardRecognizer
from .date_of_birth_recognizer import DateOfBirthRecognizer
from .email_recognizer import EmailRecognizer
from .fr_cni_recognizer import FrCniRecognizer
from .fr_license_plate_recognizer import FrLicensePlateRecognizer
from .fr_nir_recognizer import FrNirRecognizer
from .fr_passport_recognizer import FrPassportRecognizer
from .fr_rib_recognizer import FrRibRecognizer
from .fr_siren_recognizer import FrSirenRecognizer
from .fr_siret_recognizer import FrSiretRecognizer
from .fr_tax_id_recognizer import FrTaxIdRecognizer
from .fr_tva_recognizer import FrTvaRecognizer
from .iban_recognizer import IbanRecognizer
from .ip_address_recognizer import IpAddressRecognizer
from .location_recognizer import LocationRecognizer
from .organization_recognizer import OrganizationRecognizer
from .person_name_recognizer import PersonNameRecognizer
from .phone_recognizer import PhoneRecognizer
from .secret_recognizer import SecretRecognizer
from .url_recognizer import UrlRecognizer

__all__ = [
    "AddressRecognizer",
    "BicRecognizer",
    "CreditCardRecognizer",
    "DateOfBirthRecognizer",
    "EmailRecognizer",
    "FrCniRecognizer",
    "FrLicensePlateRecognizer",
    "FrNirRecognizer",
    "FrPassportRecognizer",
    "FrRibRecognizer",
    "FrSirenRecognizer",
    "FrSiretRecognizer",
    "FrTaxIdRecognizer",
    "FrTvaRecognizer",
    "IbanRecognizer",
    "IpAddressRecognizer",
    "LocationRecognizer",
    "OrganizationRecognizer",
    "PersonNameRecognizer",
    "PhoneRecognizer",
    "SecretRecognizer",
    "UrlRecognizer",
    "default_recognizers",
]


def default_recognizers(language: str = "fr") -> list[EntityRecognizer]:
    """One instance of each pattern recognizer for `language`; the pipeline adds spaCy NER."""
    return [
        AddressRecognizer(supported_language=language),
        BicRecognizer(supported_language=language),
        CreditCardRecognizer(supported_language=language),
        DateOfBirthRecognizer(supported_language=language),
        EmailRecognizer(supported_language=language),
        FrCniRecognizer(supported_language=language),
        FrLicensePlateRecognizer(supported_language=language),
        FrNirRecognizer(supported_language=language),
        FrPassportRecognizer(supported_language=language),
        FrRibRecognizer(supported_language=language),
        FrSirenRecognizer(supported_language=language),
        FrSiretRecognizer(supported_language=language),
        FrTaxIdRecognizer(supported_language=language),
        FrTvaRecognizer(supported_language=language),
        IbanRecognizer(supported_language=language),
        IpAddressRecognizer(supported_language=language),
        LocationRecognizer(supported_language=language),
        OrganizationRecognizer(supported_language=language),
        PersonNameRecognizer(supported_language=language),
        PhoneRecognizer(supported_language=language),
        SecretRecognizer(supported_language=language),
        UrlRecognizer(supported_language=language),
    ]
