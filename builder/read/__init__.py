"""Reading: bytes → YAML data → validated models grouped by specialty (the corpus), with
the project configuration, the bundled catalogs and the JSON Schemas of what is read."""
