"""Universal promises of the continuity facts (builder/read/chainfacts.py), tested generatively."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from builder.checking.incremental import Meta
from builder.model import CompetencyList
from builder.read.chainfacts import ChainFacts, facts_of, normalise, text_digest
from builder.read.corpus import DocRef

PUNCTUATION = st.sampled_from(list(" \t\n\u3000，。、；：！？“”（）《》,.;:!?()-—…·"))
HAN = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)


@given(st.lists(HAN, min_size=12, max_size=60), st.lists(PUNCTUATION, max_size=30), st.randoms())
def test_punctuation_and_spaces_do_not_change_the_digest(
    chars: list[str], noise: list[str], rnd: object
) -> None:
    plain = "".join(chars)
    noisy = list(plain)
    for mark in noise:
        noisy.insert(rnd.randrange(len(noisy) + 1), mark)  # type: ignore[attr-defined]
    assert text_digest("".join(noisy)) == text_digest(plain) is not None


@given(st.lists(HAN, min_size=12, max_size=40), st.integers(0, 39), HAN)
def test_a_changed_character_changes_the_digest(chars: list[str], at: int, other: str) -> None:
    plain = "".join(chars)
    at %= len(chars)
    changed = plain[:at] + other + plain[at + 1 :]
    assert (text_digest(changed) == text_digest(plain)) == (changed == plain)


@given(st.text(max_size=80))
def test_normalised_text_holds_only_letters_and_digits(text: str) -> None:
    assert all(unicodedata.category(ch)[0] in "LN" for ch in normalise(text))
    assert normalise(normalise(text)) == normalise(text)


CODES = st.text(min_size=1, max_size=20).filter(lambda s: s.strip() == s and s)


@given(st.lists(st.tuples(CODES, st.sampled_from(["了解", "理解", "掌握", "运用"])), min_size=1))
def test_facts_survive_the_cache_and_give_the_same_summary(rows: list[tuple[str, str]]) -> None:
    doc = CompetencyList.model_validate(
        {
            "kind": "competencies",
            "meta": {"title": "清单", "version": "1", "status": "草案"},
            "specialty": "730701",
            "domains": [
                {
                    "code": "1",
                    "name": "领域",
                    "tasks": [
                        {
                            "code": "1-1",
                            "name": "任务",
                            "competencies": [
                                {"code": c, "text": "能力", "level": lv} for c, lv in rows
                            ],
                        }
                    ],
                }
            ],
        }
    )
    ref = DocRef("a.yaml", "competencies", "730701", None, facts_of(doc))
    back = Meta.decode("d", Meta("d", ref, ()).encode(), "a.yaml")
    assert back is not None and back.ref == ref
    direct, cached = ChainFacts(), ChainFacts()
    direct.add("competencies", ref.facts)
    cached.add("competencies", back.ref.facts)
    assert direct.summary() == cached.summary()
    first: dict[str, str] = {}
    for code, level in rows:
        first.setdefault(code, level)
    assert direct.levels == first
