"""`python -m builder` runs the zhibiao command line."""

from builder.cli import main

main()
