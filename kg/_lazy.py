"""The one place paperkg defers imports: attributes of package ``__init__`` files and CLI subcommands.

Every other module imports at module level. ``import kg``, ``import kg.graph``
and ``paperkg --help`` stay cheap because the package files name their public
attributes here instead of importing the modules that define them.
"""
from __future__ import annotations

import importlib
import sys
from typing import Callable

__all__ = ["resolve", "lazy_attributes"]


def resolve(spec: str):
    """The object named by ``"module:attribute"`` (the module imported now).

    >>> resolve("kg.errors:InputError").__name__
    'InputError'
    """
    module, _, attr = spec.partition(":")
    return getattr(importlib.import_module(module), attr)


def lazy_attributes(package: str, table: dict[str, str]) -> tuple[Callable[[str], object], Callable[[], list]]:
    """``(__getattr__, __dir__)`` for a package whose attribute NAME is ``table[NAME]`` (``"module:attribute"``).

    The first access imports the module and keeps the value in the package's namespace.
    """

    def __getattr__(name: str):
        try:
            spec = table[name]
        except KeyError:
            raise AttributeError(f"module {package!r} has no attribute {name!r}") from None
        value = resolve(spec)
        setattr(sys.modules[package], name, value)
        return value

    def __dir__() -> list:
        return sorted(set(vars(sys.modules[package])) | set(table))

    return __getattr__, __dir__
