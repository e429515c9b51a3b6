"""The presidio-anonymizer operator that writes vault placeholders in place of values.

Kept apart from `pipeline` so that importing `guard` does not import Presidio.
"""

from __future__ import annotations

from typing import Any

from presidio_anonymizer.operators import Operator, OperatorType


class VaultOperator(Operator):
    """Replaces each value with the placeholder the vault assigned to it for this session."""

    NAME = "vault"

    def operate(self, text: str, params: dict[str, Any] | None = None) -> str:
        """The placeholder assigned to `text`."""
        return str((params or {})["placeholders"][text])

    def validate(self, params: dict[str, Any] | None = None) -> None:
        """Refuse a configuration without a placeholder table."""
        if not isinstance((params or {}).get("placeholders"), dict):
            raise ValueError("The vault operator needs a 'placeholders' table.")

    def operator_name(self) -> str:
        """Name under which the anonymizer engine knows this operator."""
        return self.NAME

    def operator_type(self) -> OperatorType:
        """An anonymizing operator."""
        return OperatorType.Anonymize
