"""Trainers' statistics as pure functions over what storage counted: usage per
entry and week (``usage``), response times (``responses``) and the weekly
trends drawn from both (``trends``). No database here: storage does the one
query each, the editor filters and draws on screen."""
