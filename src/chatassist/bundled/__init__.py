"""In an installed wheel, the bundled phrasebooks/ and resources/ folders live here.

In a source checkout they stay at the repository root; see chatassist.paths.
"""
