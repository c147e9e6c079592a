"""A Review submission document checked against a catalogue: every problem in one list.

It sits here, above the review area, because it needs both the document checks
(:func:`~socialvalue.documents.validate`) and the catalogue checks
(:func:`~socialvalue.check_submission`); the review area does not know documents.
"""

from __future__ import annotations

from socialvalue._arguments import typed_arguments
from socialvalue._numbers import in_library_context
from socialvalue.documents.loading import load, validate
from socialvalue.errors import Issue
from socialvalue.review.measures import MeasureCatalogue
from socialvalue.review.method import ScoringMethod
from socialvalue.review.scoring import check_submission, raw_catalogue_issues

__all__ = ["check_review_document"]


@in_library_context
@typed_arguments
def check_review_document(
    document: object,
    catalogue: MeasureCatalogue,
    method: ScoringMethod | None = None,
) -> tuple[Issue, ...]:
    """Every problem in a ``review-submission`` *document* against ``catalogue``, at once.

    The document's own problems (as :func:`socialvalue.validate` finds them: a
    negative quantity, a bad date) and the catalogue's (unknown measure codes, a
    unit that does not match the measure's) come back together, sorted by path,
    even when the document cannot be loaded. An empty tuple means the document
    loads and scores.
    """
    report = validate("review-submission", document)
    if report.ok:
        return check_submission(load("review-submission", document), catalogue, method)
    found = set(report.issues) | raw_catalogue_issues(document, catalogue, method)
    return tuple(sorted(found, key=Issue.sort_key))
