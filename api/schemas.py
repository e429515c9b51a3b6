"""Request and response bodies of the REST API, as pydantic models (they make the OpenAPI document).

Text fields are left out of `repr`, so a model that ends up in a log never carries client data.
Unknown fields are refused: a typo such as "sessionid" must not silently start a new session.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

# The vault's session ids are `secrets.token_urlsafe(24)`: 32 URL-safe characters.
SESSION_ID_PATTERN = r"^[A-Za-z0-9_-]{1,128}$"
SESSION_ID_EXAMPLE = "q8mJ0c1bWk3X9vZ2rT5yH7nP4sL6dF0a"

_TEXT_EXAMPLE = "Bonjour, je suis Jean Dupont (jean.dupont@acme.fr), SIRET 732 829 320 00074."
_REDACTED_EXAMPLE = "Bonjour, je suis [PERSON_1] ([EMAIL_ADDRESS_1]), SIRET [FR_SIRET_1]."

_Client = Field(
    default=None,
    min_length=1,
    max_length=200,
    repr=False,
    description="Client profile: its sessions and values are kept apart from every other profile's. "
    "Omitted: the server's default profile.",
    examples=["acme"],
)


class _Body(BaseModel):
    model_config = ConfigDict(extra="forbid")


_Terms: Any = Field(
    default=[],
    max_length=10_000,
    repr=False,
    description="Extra confidential terms for this call (client names, code names), redacted as CLIENT_TERM "
    "like the configured ones: whole words, any case or accents.",
    examples=[["Projet Phénix"]],
)
_Allow: Any = Field(
    default=[],
    max_length=10_000,
    repr=False,
    description="Values never redacted in this call (e.g. a finding the user un-redacted), on top of the "
    "configured allow-list.",
    examples=[["Claire Martin"]],
)
Term = Annotated[str, StringConstraints(min_length=1, max_length=500)]


class AnalyzeRequest(_Body):
    """Text to scan for client data."""

    text: str = Field(repr=False, description="The text to scan (UTF-8).", examples=[_TEXT_EXAMPLE])
    client: str | None = _Client
    terms: list[Term] = _Terms
    allow: list[Term] = _Allow


class Finding(BaseModel):
    """One piece of client data found in the text: its type and where it is (never its value)."""

    type: str = Field(description="Entity type, e.g. PERSON, EMAIL_ADDRESS, FR_SIRET.", examples=["PERSON"])
    start: int = Field(description="Offset of the first character, in Unicode code points.", examples=[17])
    end: int = Field(description="Offset just past the last character.", examples=[28])
    score: float = Field(description="Confidence between 0 and 1.", examples=[0.85])


class AnalyzeResponse(BaseModel):
    """What `analyze` found."""

    entities: list[Finding] = Field(description="Findings in text order, disjoint.")


class RedactRequest(_Body):
    """Text to redact, optionally within an existing session (conversation)."""

    text: str = Field(repr=False, description="The text to redact (UTF-8).", examples=[_TEXT_EXAMPLE])
    session_id: str | None = Field(
        default=None,
        pattern=SESSION_ID_PATTERN,
        description="Continue this session so equal values keep their placeholders. Omitted: a new session.",
        examples=[SESSION_ID_EXAMPLE],
    )
    client: str | None = _Client
    terms: list[Term] = _Terms
    allow: list[Term] = _Allow
    style: Literal["tags", "surrogate"] | None = Field(
        default=None,
        description="`tags` shows `[PERSON_1]`; `surrogate` shows realistic fake values (restored the same way). "
        "Omitted: the server's `placeholder_style` setting.",
    )


class Replacement(BaseModel):
    """One value that was replaced: where it was in the original text and what stands for it."""

    type: str = Field(description="Entity type.", examples=["PERSON"])
    start: int = Field(description="Offset in the original text of the first character replaced.", examples=[17])
    end: int = Field(description="Offset in the original text just past the value.", examples=[28])
    placeholder: str = Field(
        description="What now stands for the value: a placeholder, a surrogate, or `****` when masked.",
        examples=["[PERSON_1]"],
    )


class RedactResponse(BaseModel):
    """The redacted text and the session that can restore it."""

    text: str = Field(repr=False, description="The text with every finding replaced.", examples=[_REDACTED_EXAMPLE])
    session_id: str = Field(
        description="Pass it to /v1/restore (and to later /v1/redact calls of the same conversation).",
        examples=[SESSION_ID_EXAMPLE],
    )
    entities: list[Replacement] = Field(description="What was replaced, in text order.")


class RestoreRequest(_Body):
    """An AI answer holding placeholders, and the session that issued them."""

    text: str = Field(
        repr=False,
        description="The answer to restore; placeholders are recognised even when the AI altered them "
        "(`PERSON_1`, `[person_1]`, `\\[PERSON\\_1\\]`, `<PERSON_1>`…).",
        examples=["Merci [PERSON_1], je reviens vers vous."],
    )
    session_id: str = Field(
        pattern=SESSION_ID_PATTERN, description="The session returned by /v1/redact.", examples=[SESSION_ID_EXAMPLE]
    )
    client: str | None = _Client


class RestoreResponse(BaseModel):
    """The restored text, and the placeholders the session did not know."""

    text: str = Field(repr=False, description="The answer with the original values back.",
                      examples=["Merci Jean Dupont, je reviens vers vous."])
    unknown_placeholders: list[str] = Field(
        description="Placeholder-like tokens this session never issued: left as written, never guessed.",
        examples=[["[PERSON_7]"]],
    )


class Health(BaseModel):
    """The server is up and its analyzer is loaded."""

    status: Literal["ok"] = Field(description="Always \"ok\" when the server answers.")
    version: str = Field(description="The clientguard version serving.", examples=["0.1.0"])


class Position(BaseModel):
    """Where a value of a type is, in the text sent (never the value)."""

    type: str = Field(examples=["SECRET"])
    start: int
    end: int


class ErrorDetail(BaseModel):
    """What went wrong; the message never contains a value sent in the request."""

    code: Literal[
        "malformed", "unauthorized", "not_found", "method_not_allowed", "session_not_found", "too_large",
        "invalid", "blocked", "vault_error", "config_error", "model_not_installed", "internal",
    ] = Field(description="Stable, machine-readable error code.", examples=["session_not_found"])
    message: str = Field(description="What happened and what to do, for humans.")
    types: list[str] | None = Field(default=None, description="`blocked` only: the entity types the policy blocks.")
    findings: list[Position] | None = Field(
        default=None, description="`blocked` only: type and offsets of each blocking finding (never the value)."
    )


class ErrorResponse(BaseModel):
    """Every error the API returns has this shape."""

    error: ErrorDetail
