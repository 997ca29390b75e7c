"""Rules that check a corpus of specs; one module per family, registered in registry.py."""
