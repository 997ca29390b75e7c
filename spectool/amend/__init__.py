"""Amendments: their model, applying them, and aligning clauses across versions."""
