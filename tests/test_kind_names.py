"""Kind names read like what a candidate calls the work, and the landing page's "proved by" column uses them."""

from portfolios.kinds import KINDS
from portfolios.rows import ROWS

TITLES = {kind.title for kind in KINDS}


def test_every_kind_has_its_own_short_name():
    assert len(TITLES) == len(KINDS)
    assert all(len(title) <= 40 for title in TITLES), sorted(TITLES, key=len)[-1]


def test_report_wording_stays_out_of_the_names():
    for title in TITLES:
        assert not any(word in title.lower() for word in (" doc", " log", "sanitized", "/", "\u201c")), title


def test_each_rubric_row_is_proved_by_a_kind_named_as_the_catalog_names_it():
    assert {row.proved_by for row in ROWS} <= TITLES
