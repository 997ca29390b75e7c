"""Coverage matrices: which clauses of each spec version cover which device and scenario."""
