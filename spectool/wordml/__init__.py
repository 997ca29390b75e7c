"""WordprocessingML shared by the importer and the redline writers: names, packages, text, revisions."""
