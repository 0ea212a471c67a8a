"""职标 Zhibiao: vocational-education standards as code."""

__version__ = "0.1.0"
