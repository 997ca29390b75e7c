"""An opt-in cache of check results, keyed by the content hash of everything the check reads."""
