"""Defined-term rules (DEF): the glossaries against the text that uses their terms."""
