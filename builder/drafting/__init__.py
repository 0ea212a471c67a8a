"""`zhibiao import docx`: a Word working copy (填写稿) read back into its standard's YAML.

`wordread` reads the file safely into located paragraphs; `containers` groups them into
table rows and body paragraphs and reads fields from a row's text with the reference
layout; `reading` matches the returned file with the working copy the current YAML
renders to and finds what changed (`changes`); `values` turns text into typed values;
`writeback` writes the changes through the comment-preserving writer of `zhibiao fmt`;
`annotate` writes the problems as Word comments; `importing` runs it all.
"""
