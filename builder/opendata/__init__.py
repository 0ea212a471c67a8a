"""Open data: CASE 1.1 packages, the normalised JSON dataset and Excel export/import."""

from __future__ import annotations
