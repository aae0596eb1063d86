"""The Malay texts of the letters, read once from ``resources/letters/*.toml``.

``common.toml`` holds what every letter shares (labels, sign-off, default slogans); each kind has
its own file named by the kind's CLI name (``psh-offer.toml`` ...). The files are parsed once
per process: a batch of 500 letters must not re-read them 500 times.
"""

from __future__ import annotations

import sys
from functools import cache
from typing import Any

from desktop.paths import resource
from desktop.rules.letters import LETTER_KIND_UNKNOWN

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

KINDS = ("psh-offer", "psh-extension", "psh-termination", "acting-instruction",
         "ora-declaration", "psh-application")


def kind_name(kind: object) -> str:
    """"psh-offer" for ``LetterKind.PSH_OFFER`` or the string itself; refuses unknown kinds."""
    name = getattr(kind, "value", kind)
    if not isinstance(name, str) or name not in KINDS:
        raise LETTER_KIND_UNKNOWN.refuse("kind", value=name, kinds=", ".join(KINDS))
    return name


@cache
def _load(name: str) -> dict[str, Any]:
    with resource(f"letters/{name}.toml").open("rb") as fh:
        return tomllib.load(fh)


def common() -> dict[str, Any]:
    """The texts every letter shares."""
    return _load("common")


def kind_texts(kind: object) -> dict[str, Any]:
    """The texts of one kind of letter."""
    return _load(kind_name(kind))
