"""What the source does not give: the "not given" marker and excerpt lists.

A transcription of a real standard writes `原文未给出` where the source has no text for a
chapter, a value or a whole list, and `{节选: [...]}` where a list is only part of what the
source lists. Both are values of the field itself, so a drafter marks the gap where it is:

    teachers: 原文未给出          # a chapter the source (or the stored copy) does not give
    courses: 原文未给出           # a list the source does not give
    certificates:
      节选: [计算机技术与软件专业技术资格, Web前端开发]   # the source lists more

In Python a text stays the string `原文未给出` (`is_not_given`), a list becomes an empty
`NotGivenList` or an `ExcerptList` holding the items given; both are ordinary lists to every
reader, and the renderers say "（原文未给出）", "（原文未列出）" or "（节选）" for them.
"""

from __future__ import annotations

from typing import Annotated, Any, TypeVar

from pydantic import Field, ValidatorFunctionWrapHandler, WrapValidator

NOT_GIVEN = "原文未给出"
"""The value that says the source does not give a chapter, a value or a list."""
EXCERPT_KEY = "节选"
"""The key of a list that is an excerpt: `{节选: [...]}`."""
NOT_GIVEN_LABEL = "（原文未给出）"
NOT_LISTED_LABEL = "（原文未列出）"
EXCERPT_LABEL = "（节选）"


class NotGivenList(list[Any]):
    """An empty list that the source does not give (written `原文未给出`)."""

    not_given = True
    excerpt = False


class ExcerptList(list[Any]):
    """The items of a list that the source gives only in part (written `{节选: [...]}`)."""

    not_given = False
    excerpt = True


def is_not_given(value: object) -> bool:
    """True for a text or a list marked `原文未给出`."""
    if isinstance(value, str):
        return value.strip() == NOT_GIVEN
    return bool(getattr(value, "not_given", False))


SHARED_SET = "public-courses"
"""Key of the set that holds the course standards shared by several specialties
(`Course.applies_to`, e.g. the national 公共基础课程标准): never a specialty code, so no
per-specialty rule reads it as one; it is also the docs folder of their pages."""


def specialty_key(doc: Any) -> str:
    """The specialty set a document belongs to (its address in the site, the diff and the cache).

    A specialty standard is keyed by its `code`, other documents by their `specialty` code.
    When the source gives no code (`specialty: 原文未给出`, a standard named by its specialty
    only), the key is the name the source gives instead: `specialty_name`, else the
    occupation of a 国家职业技能标准 (`occupation.name`), else the document's title. Names
    never look like codes (six digits), so such sets never merge with a coded one. A course
    standard shared by several specialties (`applies_to`, no `specialty`) is keyed `SHARED_SET`.
    """
    if getattr(doc, "kind", None) == "specialty":
        return str(doc.code)
    if doc.specialty is None:
        return SHARED_SET
    code = str(doc.specialty)
    if not is_not_given(code):
        return code
    occupation = getattr(doc, "occupation", None)
    for name in (
        getattr(doc, "specialty_name", None),
        getattr(occupation, "name", None),
        doc.meta.title,
    ):
        if name and name.strip():
            return str(name.strip())
    return NOT_GIVEN


def course_key(doc: Any) -> str:
    """A course standard's identity in its specialty set: its `code`, or — when the source gives
    no course code (`code: 原文未给出`, a school's course standard) — its name in 《》, which no
    course code is written as."""
    code = str(doc.code)
    return f"《{doc.name}》" if is_not_given(code) else code


def course_label(doc: Any) -> str:
    """ "ZY03 深度学习应用" for navigation and lists; the name alone when the code is not given."""
    return str(doc.name) if is_not_given(doc.code) else f"{doc.code} {doc.name}"


def is_excerpt(value: object) -> bool:
    """True for a list written `{节选: [...]}`."""
    return bool(getattr(value, "excerpt", False))


def _sourced_list(value: Any, handler: ValidatorFunctionWrapHandler) -> Any:
    if isinstance(value, str) and value.strip() == NOT_GIVEN:
        return NotGivenList()
    if isinstance(value, dict) and set(value) == {EXCERPT_KEY}:
        return ExcerptList(handler(value[EXCERPT_KEY]))
    return handler(value)


def _list_schema(schema: dict[str, Any]) -> None:
    """The list, the marker, or `{节选: list}` (the JSON Schema an editor validates with)."""
    listed = {k: v for k, v in schema.items() if k not in {"title", "description", "default"}}
    for key in listed:
        del schema[key]
    schema["anyOf"] = [
        listed,
        {"const": NOT_GIVEN, "title": "原文未列出"},
        {
            "type": "object",
            "title": "节选",
            "properties": {EXCERPT_KEY: listed},
            "required": [EXCERPT_KEY],
            "additionalProperties": False,
        },
    ]
    hint = f"原文没有这一项时写 {NOT_GIVEN}；原文只列出一部分时写 {{{EXCERPT_KEY}: [...]}}"
    schema["description"] = f"{schema['description']}。{hint}" if "description" in schema else hint


SOURCED_LIST = WrapValidator(_sourced_list)
"""Validator of a list field that may be `原文未给出` or `{节选: [...]}`."""


T = TypeVar("T")
SourcedList = Annotated[list[T], SOURCED_LIST]
"""A list that may be empty, `原文未给出` or `{节选: [...]}`."""
NonEmptyList = Annotated[list[T], Field(min_length=1), SOURCED_LIST]
"""A list of at least one item, or `原文未给出`, or `{节选: [...]}`."""


def sourced(**field: Any) -> Any:
    """`Field(...)` of a list that may be marked not given or excerpt (see the module)."""
    return Field(json_schema_extra=_list_schema, **field)


__all__ = [
    "EXCERPT_LABEL",
    "NOT_GIVEN",
    "NOT_GIVEN_LABEL",
    "NOT_LISTED_LABEL",
    "SOURCED_LIST",
    "ExcerptList",
    "NonEmptyList",
    "NotGivenList",
    "SourcedList",
    "course_key",
    "course_label",
    "is_excerpt",
    "is_not_given",
    "sourced",
    "specialty_key",
]
