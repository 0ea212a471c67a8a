"""A ruamel.yaml resolver that gives plain scalars the meaning `zhibiao check` gives them.

ruamel.yaml's own YAML 1.2 rules read `1_2` and `+0o100` as numbers, and a `%YAML 1.1`
directive switches it to yes/on booleans, sexagesimal numbers and octal `012`; `zhibiao
check` reads all of these as text (or as decimal) under the YAML 1.2 core schema,
whatever the directive says. With this resolver `zhibiao fmt` loads each plain scalar as
the same type `check` does, and writes a string plainly only when `check` would read it
back as a string (otherwise the emitter quotes it).
"""

from __future__ import annotations

from typing import Any

from ruamel.yaml.nodes import ScalarNode
from ruamel.yaml.representer import RoundTripRepresenter
from ruamel.yaml.resolver import VersionedResolver
from ruamel.yaml.scalarint import OctalInt
from ruamel.yaml.tag import Tag

from builder.read.yamlparse import plain_kind

_CORE = "tag:yaml.org,2002:"
CORE_VERSION = (1, 2)


class CoreResolver(VersionedResolver):
    """Plain scalars resolve as in `builder.read.yamlparse` (YAML 1.2 core), for any directive."""

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        if kind is ScalarNode and implicit[0]:
            return Tag(suffix=_CORE + plain_kind(value))
        return super().resolve(kind, value, implicit)

    @property
    def processing_version(self) -> Any:
        """Always 1.2: ruamel's constructors read `012` as octal and `1:30` as 90 under 1.1."""
        return CORE_VERSION


class CoreRepresenter(RoundTripRepresenter):
    """Writes octal numbers as `0o17` even under a `%YAML 1.1` directive (ruamel writes
    `017` there, which the core schema reads as seventeen)."""

    def represent_octal_int(self, data: Any) -> Any:
        digits = f"{data:0{data._width}o}" if data._width is not None else format(data, "o")
        return self.insert_underscore(
            "0o", digits, data._underscore, anchor=data.yaml_anchor(any=True)
        )


CoreRepresenter.add_representer(OctalInt, CoreRepresenter.represent_octal_int)
