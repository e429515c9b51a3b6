"""Presidio recognizers for French and generic personal and confidential data."""

from __future__ import annotations

from presidio_analyzer import EntityRecognizer

from .credit_card_recognizer import CreditCardRecognizer
from .email_recognizer import EmailRecognizer
from .fr_nir_recognizer import FrNirRecognizer
from .fr_siren_recognizer import FrSirenRecognizer
from .fr_siret_recognizer import FrSiretRecognizer
from .iban_recognizer import IbanRecognizer
from .phone_recognizer import PhoneRecognizer
from .secret_recognizer import SecretRecognizer

__all__ = [
    "CreditCardRecognizer",
    "EmailRecognizer",
    "FrNirRecognizer",
    "FrSirenRecognizer",
    "FrSiretRecognizer",
    "IbanRecognizer",
    "PhoneRecognizer",
    "SecretRecognizer",
    "default_recognizers",
]


def default_recognizers(language: str = "fr") -> list[EntityRecognizer]:
    """One instance of each pattern recognizer for `language`; the pipeline adds spaCy NER."""
    return [
        CreditCardRecognizer(supported_language=language),
        EmailRecognizer(supported_language=language),
        FrNirRecognizer(supported_language=language),
        FrSirenRecognizer(supported_language=language),
        FrSiretRecognizer(supported_language=language),
        IbanRecognizer(supported_language=language),
        PhoneRecognizer(supported_language=language),
        SecretRecognizer(supported_language=language),
    ]
