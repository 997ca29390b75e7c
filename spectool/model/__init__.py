"""The typed model of spec documents."""
