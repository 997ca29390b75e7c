"""Terminology rules (TERM): one table of preferred, banned and accepted-variant terms drives them all."""
