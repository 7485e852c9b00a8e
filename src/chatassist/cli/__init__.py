"""Command line: ``chatassist --help``. Each command lives in its own module."""
