"""Search on the team server: pg_trgm over folded text (core.textfold).

The same contract as the local adapter's search (sqlite_adapter.search):
(entry_id, language, field, text) rows whose folded text contains the folded
query; case-, accent- and width-insensitive, substrings work for CJK and
Thai. Three characters or more use the trigram GIN index; shorter ones with a
non-ASCII character use the character index (schema v3); short ASCII queries
scan and stop at ``limit`` (common letters: at once).
"""

from __future__ import annotations

import peewee as pw

from chatassist.core.textfold import fold


def search(db: pw.Database, query: str, limit: int) -> list[tuple[str, str, str, str]]:
    folded = fold(query).strip()
    if not folded:
        return []
    pattern = "%" + folded.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    # Never a prepared statement: its generic plan cannot see the pattern, so it
    # would scan the whole trigram index (or table) for every query.
    conn = db.connection()
    chars = sorted({c for c in folded if ord(c) > 127})
    if len(folded) < 3 and chars:
        # Too short for trigrams: the rows holding each of its non-ASCII characters
        # (schema v3). Short ASCII queries ("wh", "co") match at once in a scan.
        sql = (
            "SELECT entry_id, language, field, text FROM search_text "
            "WHERE chatassist_chars(folded) @> %s::text[] AND folded LIKE %s LIMIT %s"
        )
        params: tuple[object, ...] = (chars, pattern, limit)
    else:
        sql = (
            "SELECT entry_id, language, field, text FROM search_text WHERE folded LIKE %s LIMIT %s"
        )
        params = (pattern, limit)
    rows = conn.execute(sql, params, prepare=False).fetchall()
    return [(str(e), str(lang), str(f), str(t)) for e, lang, f, t in rows]
