"""Cross-reference rules (XREF): references to clauses, sections and specs, resolved against the corpus."""
