"""When a Review counts as delivered: it covers the year, reports something, and scores.

A supplier over the threshold owes the commissioner a Review of the year. A return
that covers only part of the year, reports no lines, or cannot be scored against
the catalogue (unknown measures, wrong units, part of a person, percentages over
100) has been *received* but does not measure the supplier's contribution: counting
it as delivered would let the duties say "delivered" while the social value leaves
it out. :func:`check_complete` says why a Review is not complete; compliance and
the regional report both judge by it, so their counts agree. (That the Review is
declared, on or before the day of judging, is for the caller: the declaration is
part of every submission.)
"""

from __future__ import annotations

from socialvalue._arguments import typed_arguments
from socialvalue._numbers import in_library_context
from socialvalue.errors import Issue
from socialvalue.periods import Period
from socialvalue.review.measures import MeasureCatalogue
from socialvalue.review.method import ScoringMethod
from socialvalue.review.score_report import ScoreReport, _report
from socialvalue.review.scoring import _DEFAULT_METHOD, _aggregate, check_submission, score
from socialvalue.review.submissions import ReviewSubmission

__all__ = ["check_complete"]


@in_library_context
@typed_arguments
def check_complete(
    submission: ReviewSubmission,
    period: Period,
    catalogue: MeasureCatalogue | None = None,
    method: ScoringMethod | None = None,
) -> tuple[Issue, ...]:
    """Why ``submission`` is not a complete Review of ``period``; empty when it is.

    Complete means: its period covers every day of ``period``, it reports at least
    one line, and (given a ``catalogue``) it scores with no issue
    (:func:`~socialvalue.check_submission`). Every reason comes back at once, sorted
    by path, in words for the supplier.

    >>> from datetime import date
    >>> from socialvalue import Money
    >>> from socialvalue.periods import parse_financial_year
    >>> from socialvalue.review.submissions import Declaration
    >>> year = parse_financial_year("2025/26")
    >>> empty = ReviewSubmission("100234", (), year, Money("60000"), [],
    ...                          Declaration("A. Smith", "Director", date(2026, 4, 20)))
    >>> [issue.code for issue in check_complete(empty, year)]
    ['review.no_lines']
    """
    found = _coverage_issues(submission, period)
    if submission.lines and catalogue is not None:
        found += check_submission(submission, catalogue, method)
    return tuple(sorted(found, key=Issue.sort_key))


def _coverage_issues(submission: ReviewSubmission, period: Period) -> list[Issue]:
    """The period and no-lines issues of :func:`check_complete`."""
    found = []
    covered = submission.period
    if covered.start > period.start or covered.end < period.end:
        found.append(
            Issue.at(
                ["period"],
                "review.period_not_covered",
                f"the Review covers {covered.start.isoformat()} to {covered.end.isoformat()};"
                f" it must cover the whole of {period.label} ({period.start.isoformat()} to"
                f" {period.end.isoformat()})",
            )
        )
    if not submission.lines:
        found.append(
            Issue.at(
                ["lines"],
                "review.no_lines",
                "the Review reports no lines: report at least one measure for the period",
            )
        )
    return found


def _judged_and_scored(
    submission: ReviewSubmission,
    period: Period,
    catalogue: MeasureCatalogue,
    method: ScoringMethod,
) -> tuple[tuple[Issue, ...], ScoreReport | None]:
    """``check_complete(submission, period, catalogue)`` and, if that is empty, the score.

    The score is ``score(submission, catalogue, method)`` (which may still raise
    :class:`~socialvalue.errors.InvalidDocument` for a method's own choices). The
    completeness check scores under the default method; when ``method`` is that
    method too, its figures are the score's, so the Review is aggregated once, not
    twice. For the library's own callers, which have checked the arguments.
    """
    found = _coverage_issues(submission, period)
    state = None
    if submission.lines:
        state, issues = _aggregate(submission, catalogue, _DEFAULT_METHOD)
        found += issues
    if found:
        return tuple(sorted(found, key=Issue.sort_key)), None
    if state is not None and method == _DEFAULT_METHOD:
        return (), _report(submission, catalogue, method, state)
    return (), score(submission, catalogue, method)
