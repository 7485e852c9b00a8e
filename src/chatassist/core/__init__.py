"""Pure domain logic: no Qt, no database. Functions take and return plain data."""
