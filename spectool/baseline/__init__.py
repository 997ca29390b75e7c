"""Findings against a baseline: stable fingerprints, and each finding new, unchanged or absent."""
