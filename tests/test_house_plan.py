"""The house plan: areas as subpackages, no import cycle, a light and complete top level.

The layers themselves are an import-linter contract (``make contracts``); these
tests state what the contract cannot: that no module imports itself round a loop,
that every package's lazy table says what its type-checking block says, that
``import socialvalue`` loads no area, and that every name users had keeps working.
"""

from __future__ import annotations

import ast
import importlib
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import socialvalue as sv

SRC = Path(__file__).parent.parent / "src"
PACKAGE = SRC / "socialvalue"
AREAS = (
    "policy",
    "frameworks",
    "spend",
    "review",
    "charter",
    "tender",
    "commissioning",
    "report",
    "documents",
    "cli",
)

# Every name `socialvalue` exported before the house plan (0.1.0.dev0, flat layout).
# A name may be added to the package; none of these may go.
EXPORTED_BEFORE = [
    "Adjustments",
    "Assessment",
    "AssessmentResult",
    "Basis",
    "BenefitType",
    "Bid",
    "BidResult",
    "Borough",
    "BoundaryChoice",
    "CaveatKind",
    "CharterCommitment",
    "CharterSignup",
    "CharterStatus",
    "Columns",
    "ComplianceReport",
    "ComplianceRow",
    "ComplianceStatus",
    "Contract",
    "ContractCategory",
    "ContractKpi",
    "Criterion",
    "CriterionKind",
    "CriterionScore",
    "Crosswalk",
    "CrosswalkLink",
    "DateFormat",
    "DecisionRules",
    "Declaration",
    "Delivery",
    "DiscountBand",
    "DiscountSchedule",
    "ERROR_CODES",
    "EvaluationModel",
    "EvaluationResult",
    "ExampleYear",
    "Framework",
    "GREATER_MANCHESTER",
    "GREEN_BOOK_2022",
    "Gap",
    "GoodEmploymentTier",
    "GradeReduction",
    "Identifier",
    "InvalidDocument",
    "Issue",
    "LettingRoute",
    "LocalArea",
    "LocalMultiplier",
    "LocalSpend",
    "Location",
    "MANCHESTER_MINIMUM_ENVIRONMENTAL_WEIGHT",
    "MANCHESTER_MINIMUM_SOCIAL_VALUE_WEIGHT",
    "Mark",
    "MeasureCatalogue",
    "MeasureCount",
    "MeasureKind",
    "MeasureTarget",
    "Money",
    "NATIONAL_MINIMUM_SOCIAL_VALUE_WEIGHT",
    "Obligation",
    "OptimismBias",
    "OrganisationType",
    "Period",
    "Policy",
    "PolicyOwner",
    "Portfolio",
    "PriceMethod",
    "Priority",
    "PriorityCoverage",
    "ProxyCatalogue",
    "ProxyValue",
    "PublishedReport",
    "Recommendation",
    "RegionalReport",
    "ReportCaveat",
    "ReportChange",
    "ReportFigure",
    "ReportSection",
    "ReportedLine",
    "ReviewMeasure",
    "ReviewSubmission",
    "Rounding",
    "RuleViolation",
    "SCHEMA_KINDS",
    "ScaleBand",
    "ScoreBasis",
    "ScoreReport",
    "ScoredLine",
    "ScoringMethod",
    "ScoringScale",
    "Service",
    "ServiceDecision",
    "ServiceOutcome",
    "SocialValueError",
    "SocialValueRatio",
    "SpendBatch",
    "SpendFileError",
    "SpendFileReader",
    "SpendFileSummary",
    "SpendLine",
    "Supplier",
    "TRANSPARENCY_CODE",
    "Theme",
    "ThresholdRule",
    "TieBreak",
    "Unit",
    "UnknownCrosswalk",
    "UnknownFramework",
    "UnknownMeasure",
    "UnknownPriority",
    "ValidationReport",
    "ValueBasis",
    "ValueTotals",
    "VatBasis",
    "assess",
    "assess_service",
    "charter_status",
    "check_review_document",
    "check_signup",
    "check_submission",
    "check_vat_basis",
    "common_scale",
    "compliance",
    "default_catalogue",
    "default_optimism_bias",
    "default_policy",
    "dump",
    "evaluate",
    "example_year",
    "financial_year",
    "frameworks",
    "lm3",
    "load",
    "local_spend_share",
    "new_suppliers",
    "offer_value",
    "parse_financial_year",
    "portfolio",
    "price_fraction",
    "priority_coverage",
    "regional_report",
    "schema",
    "schema_registry",
    "score",
    "validate",
    "with_names",
]


def module_name(path: Path) -> str:
    parts = path.relative_to(SRC).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def runtime_imports(tree: ast.AST) -> Iterator[ast.Import | ast.ImportFrom]:
    """Import statements that run, at module level or in functions; not type-only ones."""
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.If) and _is_type_checking(node):
            yield from (n for child in node.orelse for n in runtime_imports_of(child))
        else:
            yield from runtime_imports_of(node)


def runtime_imports_of(node: ast.AST) -> Iterator[ast.Import | ast.ImportFrom]:
    if isinstance(node, (ast.Import, ast.ImportFrom)):
        yield node
    else:
        yield from runtime_imports(node)


def dependencies(name: str, path: Path, known: set[str]) -> set[str]:
    """The socialvalue modules that importing ``name`` runs, by its own import statements."""
    found: set[str] = set()
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in runtime_imports(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        else:
            base = node.module or ""
            if node.level:
                base = ".".join([*package.split(".")[: len(package.split(".")) - node.level + 1]])
                base = f"{base}.{node.module}" if node.module else base
            targets = [
                f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base
                for alias in node.names
            ]
        found.update(t for t in targets if t in known and t != name)
    return found


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph[node]):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_the_package_has_no_import_cycle() -> None:
    found = modules()
    graph = {name: dependencies(name, path, set(found)) for name, path in found.items()}
    assert sum(len(targets) for targets in graph.values()) > 100, "the graph was not read"
    assert cycles(graph) == []


def test_the_cycle_finder_finds_cycles() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(graph) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_a_function_level_import_counts() -> None:
    tree = ast.parse("def f():\n    from socialvalue.money import Money\n")
    assert [node.module for node in runtime_imports(tree)] == ["socialvalue.money"]  # type: ignore[union-attr]


def test_a_type_checking_import_does_not_count() -> None:
    tree = ast.parse("if TYPE_CHECKING:\n    from socialvalue.money import Money\n")
    assert list(runtime_imports(tree)) == []


@pytest.mark.parametrize("area", AREAS)
def test_each_area_is_a_documented_package(area: str) -> None:
    package = importlib.import_module(f"socialvalue.{area}")
    assert str(package.__file__).endswith("__init__.py")
    assert len(str(package.__doc__).split()) > 20, "say what the area is"
    if area != "cli":
        assert package.__all__, "an area names what it offers"


def lazy_packages() -> list[str]:
    return [
        name
        for name, path in modules().items()
        if path.name == "__init__.py" and "attach(" in path.read_text(encoding="utf-8")
    ]


def _type_checking_names(tree: ast.Module) -> dict[str, str]:
    names = {}
    for node in tree.body:
        if isinstance(node, ast.If) and _is_type_checking(node):
            for statement in node.body:
                if isinstance(statement, ast.ImportFrom):
                    for alias in statement.names:
                        where = statement.module or ""
                        if where == "socialvalue":
                            where = f"socialvalue.{alias.name}"
                        names[alias.asname or alias.name] = where
    return names


@pytest.mark.parametrize("name", lazy_packages())
def test_lazy_table_says_what_type_checkers_see(name: str) -> None:
    package = importlib.import_module(name)
    seen = _type_checking_names(ast.parse(modules()[name].read_text(encoding="utf-8")))
    assert sorted(seen) == sorted(package.__all__)
    for exported, where in seen.items():
        value = getattr(package, exported)
        source = importlib.import_module(where)
        # A name that is its package's own submodule stands for the module itself.
        expected = source if where == f"{name}.{exported}" else getattr(source, exported)
        assert value is expected, f"{name}.{exported} is not {where}.{exported}"
    assert set(package.__all__) <= set(dir(package))


@pytest.mark.parametrize("name", EXPORTED_BEFORE)
def test_every_name_exported_before_still_imports(name: str) -> None:
    assert name in sv.__all__
    namespace: dict[str, object] = {}
    exec(f"from socialvalue import {name}", namespace)  # the import statement is the point
    assert namespace[name] is getattr(sv, name)


def test_an_unknown_name_says_so() -> None:
    with pytest.raises(AttributeError, match="module 'socialvalue' has no attribute 'Nonesuch'"):
        sv.Nonesuch  # type: ignore[attr-defined]


def test_importing_the_package_loads_no_area() -> None:
    code = (
        "import sys, socialvalue\n"
        "print(sorted(m for m in sys.modules if m.startswith('socialvalue')))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True
    ).stdout
    assert out.strip() == "['socialvalue', 'socialvalue._lazy']"


def test_loading_a_review_submission_imports_no_other_area() -> None:
    example = PACKAGE / "examples" / "review-submission.json"
    code = (
        "import json, sys, socialvalue as sv\n"
        f"sv.load('review-submission', json.loads(open({str(example)!r}).read()))\n"
        "print(sorted({m.split('.')[1] for m in sys.modules if m.count('.') and"
        " m.startswith('socialvalue.')}))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True
    ).stdout
    areas = set(ast.literal_eval(out))
    assert areas & {"spend", "charter", "tender", "commissioning", "report", "cli"} == set()
    assert {"review", "documents"} <= areas
