"""Nothing lost under any mix of processes: the soak of tests/soak.py, for about a minute."""
import random

from .soak import Site, prepare, soak, summary, verify


def test_a_newsroom_day_on_one_database_loses_nothing(tmp_path):
    path = tmp_path / "claims.db"
    site = Site()
    try:
        prepare(path, site)
        record = soak(path, 45, site, random.Random())
    finally:
        site.close()
    problems = verify(path, record)
    assert not problems, "\n".join(problems[:20]) + "\n" + summary(record)
    # and every actor did its part
    assert record.verdict_notes and record.claims and record.links and record.api_notes, summary(record)
    assert record.imports and record.checks_run and record.checks_killed and record.reader_opens > 10, summary(record)
    assert record.statuses.get(200, 0) > 20, summary(record)
