from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from urllib.parse import parse_qsl, urlsplit

import regex
import tldextract
from presidio_analyzer import Pattern

from .windowed_pattern_recognizer import Matcher, WindowedPatternRecognizer, everywhere, find_all, matches_at

ENTITY = "URL"

# Query or fragment parameters whose value is a credential (compared in lower case).
# fmt: off
_SECRET_PARAMS = frozenset({
    "token", "access_token", "refresh_token", "id_token", "auth_token", "private_token",
    "session_token", "sessiontoken", "api_key", "apikey", "api-key", "key", "access_key",
    "secret", "client_secret", "password", "passwd", "pwd", "sig", "signature", "auth", "jwt",
    "x-amz-signature", "x-amz-credential", "x-amz-security-token", "x-goog-signature",
    "x-goog-credential",
})
_SECRET_PARAM_SUFFIXES = ("token", "_key", "-key", "secret", "password", "signature")

# Path segments after which a random-looking segment is a capability (reset links, webhooks).
_SECRET_PATH_MARKERS = frozenset({
    "token", "tokens", "reset", "reset-password", "password-reset", "reset_password", "invite",
    "invitation", "invitations", "magic", "magic-link", "verify", "verification", "confirm",
    "confirmation", "activate", "activation", "auth", "oauth", "secret", "secrets", "key", "keys",
    "apikey", "api-key", "webhook", "webhooks", "hooks", "unsubscribe",
})
# fmt: on

# A slug ("offre-speciale-2024") has long runs of lower-case letters; a token does not.
_RANDOM_SEGMENT = re.compile(r"(?=.*\d)(?=.*[A-Za-z])(?!.*[a-z]{9})[A-Za-z0-9_~.=-]{16,}")
_PLACEHOLDER = re.compile(r"[A-Z_]+|[a-z_-]+|(.)\1*|[{<$%\[].*")

# What a URL is made of after its host: anything but spaces, quotes and brackets, where
# brackets only come in pairs ("…/wiki/Paris_(ville)"), so that "(https://x.fr/a)" and
# "[lien](https://x.fr)" leave theirs outside. Sentence punctuation at the end stays outside.
_CHAR = r"[^\s<>\"'`«»“”‘’()\[\]{}|\\]"
_REST = (
    rf"(?:{_CHAR}|\({_CHAR}{{0,256}}\)|\[{_CHAR}{{0,256}}\]){{0,4096}}"
    r"(?<![.,;:!?…*])"
)
# A host name label: letters (accented ones too), digits and inner hyphens.
_LABEL = r"[^\W_](?:[\w-]{0,61}[^\W_])?"

# Top-level domains a bare host name with no path may end with ("serveur : veloria.fr"). The
# others are file extensions (".py", ".md"), attribute names (".id", ".info", ".app",
# ".store") or French and English words (".de", ".it", ".ca") far more often than websites
# once nothing else says "URL".
# fmt: off
_BARE_HOST_TLDS = frozenset({
    "com", "net", "org", "biz", "fr", "eu", "be", "ch", "lu", "mc", "uk", "ie", "nl", "pt",
    "io", "co", "ai", "tech", "paris", "bzh", "alsace", "corsica", "re", "gp", "mq", "gf", "yt",
    "pm", "nc", "pf",
})
# fmt: on
# A bare host with no path needs a registered name of a few letters: "av.de la gare" is not one.
_MIN_BARE_NAME = 3


@cache
def _suffixes() -> tldextract.TLDExtract:
    """tldextract on the public suffix list it bundles: never a download, never a cache file."""
    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


class UrlRecognizer(WindowedPatternRecognizer):
    """Find URLs: every web, FTP or WebSocket link, and host names with a path.

    A client's website, a LinkedIn profile or a shared-document link identifies the client or
    a person, so every URL is redacted, not only those that carry credentials. Links with a
    password, a secret parameter or a token in their path score highest. Host names without
    a scheme ("www.veloria.fr", "linkedin.com/in/amina-dubois", "serveur : veloria.fr") must
    end with a known top-level domain (tldextract's bundled list; nothing is downloaded).
    Database and broker connection strings are the secret recognizer's.
    """

    PATTERNS = [
        Pattern(
            "url",
            # Up to the first space or quote, without the sentence's final punctuation.
            # An IPv6 host comes in brackets: http://[2001:db8::1]:8080/.
            r"(?<![\w@.+-])(?:https?|ftps?|wss?)://(?:" + _CHAR + r"|\[[0-9a-f:.]{2,45}\])"
            + _REST,
            0.6,
        ),
        Pattern(
            "host name",
            # www.veloria.fr, linkedin.com/in/amina-dubois, ftp.veloria.fr:21/depot: never the
            # domain of an e-mail address, nor a piece of a path or of a longer name.
            r"(?<![\w@.+/\\%-])(?:" + _LABEL + r"\.){1,8}[^\W\d_]{2,24}(?![\w@-]|\.\w)"
            r"(?::\d{1,5}(?!\w))?(?:[/?#]" + _REST + r")?(?![(\[])",
            0.6,
        ),
    ]

    # The decision rests on the URL itself (validate_result), not on the words around it.
    CONTEXT: list[str] = []

    def __init__(
        self,
        *,
        supported_language: str = "fr",
        patterns: list[Pattern] | None = None,
        context: list[str] | None = None,
    ) -> None:
        super().__init__(
            supported_entity=ENTITY,
            supported_language=supported_language,
            patterns=patterns if patterns is not None else list(self.PATTERNS),
            context=context if context is not None else list(self.CONTEXT),
        )

    def matcher(self, text: str) -> Matcher:
        """Host names tried only where one can start: at the first label before a dot."""
        host_name = self.PATTERNS[1].regex
        return lambda pattern, compiled: (
            matches_at(compiled, text, _host_name_starts(text)) if pattern.regex == host_name else everywhere(compiled, text)
        )

    def validate_result(self, pattern_text: str) -> bool | None:
        """Refuse what is no URL; a password, a secret parameter or a path token scores highest."""
        has_scheme = "://" in pattern_text
        try:
            parts = urlsplit(pattern_text if has_scheme else "//" + pattern_text)
            host, username, password = parts.hostname, parts.username, parts.password
            port = parts.port
        except ValueError:  # a malformed port or IPv6 host
            return False
        if not host:
            return False
        if has_scheme:
            # "http://microsoft" is a word after a scheme; intranet names have a dot too.
            if "." not in host and ":" not in host and host != "localhost":
                return False
        elif not _is_public_host(
            parts.netloc.rsplit("@", 1)[-1].split(":", 1)[0],  # the host as written
            bare=not (port or parts.path or parts.query or parts.fragment),
        ):
            return False
        if password or (username and _RANDOM_SEGMENT.fullmatch(username)):
            return True
        params = parse_qsl(parts.query) + parse_qsl(parts.fragment)
        if any(_is_secret_param(name, value) for name, value in params):
            return True
        segments = [s for s in parts.path.split("/") if s]
        # Slack's incoming webhooks (hooks.slack.com/services/T…/B…/…) hold a token in the path.
        marked = 0 if host.startswith("hooks.") else None
        for i, segment in enumerate(segments):
            if marked is None and segment.lower() in _SECRET_PATH_MARKERS:
                marked = i
            elif marked is not None and _RANDOM_SEGMENT.fullmatch(segment):
                return True
        return None


# A host name's first label, read backwards from the dot after it: as long as a label can be.
_LABEL_BEFORE = regex.compile(r"(?r)[\w-]{0,64}")


def _host_name_starts(text: str) -> Iterator[int]:
    """Where a host name can start: at the start of the run of word characters and "-" before a dot.

    Its first label runs up to a dot, and the regex never starts one after a word character or "-".
    """
    for dot in find_all(text, "."):
        label = _LABEL_BEFORE.match(text, 0, dot)
        if label is not None and label.start() < dot:
            yield label.start()


def _is_public_host(host: str, *, bare: bool) -> bool:
    """Whether a host written without a scheme ends with a public suffix.

    A bare host (no www., no path) also needs a common top-level domain written in lower case
    or a two-label suffix ("co.il", "gouv.fr"), and a registered name of three characters at
    least.
    """
    name = host[4:] if host.lower().startswith("www.") else host  # "www.microsoft": no site
    parts = _suffixes()(name.lower())
    if not parts.domain or not parts.suffix:
        return False
    if name != host or not bare or "." in parts.suffix:  # www., a path, or "co.il", "gouv.fr"
        return True
    # Written in capitals, "ASP.NET" or "Socket.IO" is a product name.
    written_tld = host.rsplit(".", 1)[-1]
    return (
        written_tld.islower()
        and parts.suffix in _BARE_HOST_TLDS
        and len(parts.domain) >= _MIN_BARE_NAME
    )


def _is_secret_param(name: str, value: str) -> bool:
    """Whether a query parameter carries a credential rather than a documentation placeholder."""
    name = name.lower()
    if name not in _SECRET_PARAMS and not name.endswith(_SECRET_PARAM_SUFFIXES):
        return False
    return len(value) >= 6 and not _PLACEHOLDER.fullmatch(value)
