"""One resolved value per live object, shared by every caller and dropped with the object."""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import Generic, TypeVar

K = TypeVar("K")
V = TypeVar("V")


class Shared(Generic[K, V]):
    """`get(obj, make)` makes the value of `obj` once; the object is held weakly, so the
    value lives exactly as long as it (the value must not refer back to the object)."""

    def __init__(self) -> None:
        self._items: dict[int, tuple[weakref.ref[K], V]] = {}

    def get(self, obj: K, make: Callable[[K], V]) -> V:
        """The value of `obj`, made by `make(obj)` on first use."""
        key = id(obj)
        hit = self._items.get(key)
        if hit is not None and hit[0]() is obj:
            return hit[1]
        value = make(obj)
        items = self._items

        def drop(ref: weakref.ref[K]) -> None:
            held = items.get(key)
            if held is not None and held[0] is ref:
                del items[key]

        items[key] = (weakref.ref(obj, drop), value)
        return value

    def __len__(self) -> int:
        return len(self._items)
