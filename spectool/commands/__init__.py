"""One module per `spectool` sub-command; spectool/cli.py registers them."""
