"""Benchmarks: each prints its figures and the size of the corpus it ran on."""
