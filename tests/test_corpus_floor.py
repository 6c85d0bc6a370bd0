"""The corpus guards the reader: every article with its expected answers is read in this process and scored,
and the totals must stay above these floors, so a rule that breaks a handful of pages fails here.

Floors sit a little under what the reader reaches; raise them as it improves, never lower them to pass.
"""

from __future__ import annotations

from pathlib import Path

from scripts.score_articles import find_articles, score_file, total

TESTS = Path(__file__).parent
CORPORA = (
    "articles",
    "heldout",
    "heldout2",
    "heldout3",
    "realpages",
    "realpages-heldout",
    "realpages-heldout2",
    "realpages-heldout3",
)
FLOORS = {
    # corpus: (recall, precision, fully right); reached at the time of writing: articles 99.6/100/97.8,
    # heldout 98.5/100/77.3, heldout2 97.3/98.6/82.7, heldout3 100/98.4/83.6, realpages (96 pages) 86.9/96.3/64.6,
    # realpages-heldout 78.7/93.7/62.8 (its first contact, 44.7/60.9/28.7, is in its FIRST-CONTACT.txt),
    # realpages-heldout2 82.3/95.6/59.5 (its first contact, 48.1/79.2/20.3, is in its FIRST-CONTACT.txt),
    # realpages-heldout3 60.7/77.3/30.4 (first contact, not developed against)
    "articles": (0.99, 0.99, 0.97),
    "heldout": (0.98, 0.99, 0.77),
    "heldout2": (0.97, 0.98, 0.82),
    "heldout3": (0.99, 0.98, 0.83),
    "realpages": (0.86, 0.96, 0.64),
    "realpages-heldout": (0.78, 0.93, 0.62),
    "realpages-heldout2": (0.82, 0.95, 0.59),
    # scored once, at first contact, and never developed against: the honest figure for unseen pages
    "realpages-heldout3": (0.60, 0.77, 0.30),
}


def test_every_corpus_stays_above_its_floor() -> None:
    failures = []
    for corpus in CORPORA:
        pairs = find_articles([TESTS / corpus])
        assert pairs, f"no scored articles in tests/{corpus}"
        totals = total(score_file(None, article, expected) for article, expected in pairs)
        recall, precision, fully = FLOORS[corpus]
        for what, got, floor in (
            ("recall", totals.recall, recall),
            ("precision", totals.precision, precision),
            ("fully right", totals.fully_right_share, fully),
        ):
            if got < floor:
                failures.append(f"tests/{corpus}: {what} {got:.1%} < floor {floor:.0%}")
    assert not failures, "; ".join(failures)
