"""The seed-to-page pipeline, one module per stage; build.py is the entry point."""
