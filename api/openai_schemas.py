"""The OpenAI chat-completions wire format, as far as the proxy reads it (it makes the OpenAPI document).

Only what the proxy redacts or restores is declared; every other field (temperature, tools,
response_format, a provider's own options…) is accepted and passed to the upstream unchanged.
Text fields are left out of `repr`, so a model that ends up in a log never carries client data.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator


class _Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class ContentPart(_Open):
    """One part of a message's content: `text` parts are redacted, others (images…) passed on as they are."""

    type: str = Field(min_length=1, description="`text`, or another kind the upstream accepts (image_url…).")
    text: str | None = Field(default=None, repr=False, description="The text of a `text` part.")

    @model_validator(mode="after")
    def _text_parts_have_text(self) -> ContentPart:
        if self.type == "text" and self.text is None:
            raise ValueError("a content part of type text needs a text string")
        return self


class FunctionCall(_Open):
    """A function the model asked to call; its JSON arguments carry client data like any text."""

    name: str | None = Field(default=None, description="The function's name.")
    arguments: str | None = Field(default=None, repr=False, description="The arguments, as a JSON string.")


class ToolCall(_Open):
    """One tool call of an assistant message."""

    id: str | None = Field(default=None, description="The call's id, echoed by the tool message answering it.")
    type: str | None = Field(default=None, description="Usually `function`.")
    function: FunctionCall | None = None


class ChatMessage(_Open):
    """One message of the conversation; its content and tool-call arguments are redacted."""

    role: str = Field(min_length=1, description="system, developer, user, assistant, tool or function.",
                      examples=["user"])
    content: str | list[ContentPart] | None = Field(
        default=None, repr=False, description="A string, or a list of content parts.",
        examples=["Rédige une relance pour Jean Dupont (jean.dupont@acme.fr)."],
    )
    tool_calls: list[ToolCall] | None = Field(default=None, description="The tool calls of an assistant message.")
    function_call: FunctionCall | None = Field(default=None, description="The legacy single function call.")


class ChatCompletionRequest(_Open):
    """An OpenAI chat-completions request; any field not listed here is passed to the upstream unchanged."""

    model: str = Field(min_length=1, description="The upstream's model name.", examples=["mistral-small-latest"])
    messages: list[ChatMessage] = Field(min_length=1, description="The whole conversation so far, oldest first.")
    stream: bool | None = Field(default=None, description="Answer as server-sent events, restored on the fly.")


class ChatChoice(_Open):
    """One answer of the model, restored."""

    index: int = 0
    message: dict[str, Any] = Field(description="The assistant message, placeholders replaced by the values.")
    finish_reason: str | None = None


class ChatCompletion(_Open):
    """The upstream's answer with the original values restored (the upstream's other fields unchanged)."""

    id: str | None = None
    object: str = "chat.completion"
    model: str | None = None
    choices: list[ChatChoice]


class OpenAIErrorDetail(BaseModel):
    """What went wrong; the message never contains a value sent in the request or the upstream's message."""

    message: str = Field(description="What happened and what to do, for humans.")
    type: str = Field(description="OpenAI's error class: invalid_request_error, authentication_error, "
                      "server_error…", examples=["server_error"])
    code: str = Field(description="Stable, machine-readable error code.", examples=["upstream_timeout"])


class OpenAIError(BaseModel):
    """Errors of the OpenAI-compatible routes, in the shape OpenAI clients read."""

    error: OpenAIErrorDetail
