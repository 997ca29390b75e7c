"""Parameter rules (PARAM): quantities that several specs state, and must state alike."""
