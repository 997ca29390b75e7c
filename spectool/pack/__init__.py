"""`spectool pack`: every artefact of a modification's legal-text pack, built in one go."""
