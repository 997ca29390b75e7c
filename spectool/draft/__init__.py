"""Drafting an amendment from Word: tracked changes (or two clean documents) in, instructions out."""
