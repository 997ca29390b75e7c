"""Structure rules (STRUCT): numbering and the form of requirements."""
