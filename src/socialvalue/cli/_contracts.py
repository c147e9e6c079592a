"""Contracts from OCDS files, for the contract-value basis on the command line.

``socialvalue assess --contracts FILE`` and the ``contracts/`` folder of
``socialvalue report`` read Open Contracting Data Standard files here: a JSON
document (release package, record package, record or release), line-delimited
JSON (``.jsonl``, one document a line) or a ``.zip`` of either. Numbers are read
as decimals (:func:`~socialvalue.spend.ocds.ocds_parse_options`), a key repeated
in one object refuses the file, and the pure
:func:`~socialvalue.spend.ocds.read_ocds` does the rest. Each document keeps a
label saying where it came from (the file, ``FILE line N``, or ``ZIP/MEMBER``),
so a problem is located by file, ocid and JSON path.

Bytes are bounded before parsing: a file (or a zip member) over
:data:`MAX_OCDS_FILE_BYTES`, or a zip whose JSON members hold more than
:data:`MAX_OCDS_ZIP_BYTES` uncompressed, is refused.
"""

from __future__ import annotations

import argparse
import csv
import json
import zipfile
import zlib
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Final, TextIO

import attrs

from socialvalue.cli._input import (
    STDIN,
    DataError,
    JsonProblem,
    UsageError,
    _refuse_duplicates,
    financial_year,
    load_json,
    load_policy,
)
from socialvalue.cli._render import csv_comments, spreadsheet_rows
from socialvalue.cli._render_contracts import (
    ContractsRead,
    contract_document,
    contract_records,
    contract_summary,
    contract_table,
    located,
    matching_lines,
)
from socialvalue.errors import RuleViolation
from socialvalue.policy.gm_policing import default_policy
from socialvalue.policy.social_value_policy import Policy
from socialvalue.policy.thresholds import Basis
from socialvalue.policy.vat import VatBasis
from socialvalue.spend.assessment import AssessmentResult
from socialvalue.spend.assessment_rules import assess
from socialvalue.spend.contracts import Contract
from socialvalue.spend.ocds import ocds_parse_options, read_ocds
from socialvalue.spend.ocds_matching import match_suppliers
from socialvalue.spend.ocds_reading import JointAwards
from socialvalue.spend.suppliers import Location, OrganisationType, Supplier

__all__ = [
    "MAX_OCDS_FILE_BYTES",
    "MAX_OCDS_ZIP_BYTES",
    "add_options",
    "add_reading_options",
    "assess_contracts",
    "beside_spend",
    "folder_contracts",
    "merge_suppliers",
    "reading_lines",
    "read_contracts",
]

#: The largest OCDS file, or zip member, read (bytes, uncompressed).
MAX_OCDS_FILE_BYTES: Final = 64 * 1024 * 1024

#: The most a zip's JSON members may hold together (bytes, uncompressed).
MAX_OCDS_ZIP_BYTES: Final = 512 * 1024 * 1024

_OCDS_SUFFIXES: Final = (".json", ".jsonl")


def add_reading_options(parser: argparse.ArgumentParser) -> None:
    """The options that say how OCDS values count: buyer, VAT basis, joint awards."""
    parser.add_argument(
        "--buyer",
        metavar="NAME-OR-ID",
        help="keep only the processes this buyer ran (its OCDS id, or its name in any case)",
    )
    parser.add_argument(
        "--contracts-vat",
        choices=[b.value for b in VatBasis],
        default=VatBasis.NET.value,
        help="whether the OCDS values include VAT (OCDS does not say; default net)",
    )
    parser.add_argument(
        "--joint-awards",
        choices=[j.value for j in JointAwards],
        default=JointAwards.WHOLE_VALUE_EACH.value,
        help="how an award naming several suppliers counts (default: the whole value each)",
    )


def add_options(parser: argparse.ArgumentParser) -> None:
    """``assess``'s options for the contract-value basis."""
    parser.add_argument(
        "--contracts",
        metavar="RELEASES.json",
        help="assess OCDS contracts (.json, .jsonl, or a .zip of them) on the contract-value"
        " basis instead of a spend file; needs --year",
    )
    add_reading_options(parser)


# ---------------------------------------------------------------------------
# Reading files


def _parse(where: str, data: bytes) -> object:
    """One JSON document, numbers as decimals; anything refused names ``where``."""
    try:
        text = data.decode("utf-8-sig")
        return json.loads(text, object_pairs_hook=_refuse_duplicates, **ocds_parse_options())
    except UnicodeDecodeError as exc:
        raise DataError(f"{where} is not UTF-8 text (byte {exc.start} cannot be decoded)") from None
    except JsonProblem as exc:
        raise DataError(f"{where} is not acceptable JSON: {exc.issue}") from None
    except json.JSONDecodeError as exc:
        raise DataError(
            f"{where} is not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}"
        ) from None
    except RecursionError:
        raise DataError(f"{where} nests too deeply to read (thousands of levels)") from None


def _documents(where: str, name: str, data: bytes) -> list[tuple[str, object]]:
    """The documents in the bytes of file ``name``: one, or one a line for ``.jsonl``."""
    if not name.lower().endswith(".jsonl"):
        return [(where, _parse(where, data))]
    found = []
    for number, line in enumerate(data.splitlines(), start=1):
        if line.strip():
            label = f"{where} line {number}"
            found.append((label, _parse(label, line)))
    return found


def _too_large(where: str, limit: int) -> DataError:
    return DataError(f"{where} is larger than {limit:,} bytes, the most read from one file")


def _file_bytes(name: str, stdin: TextIO) -> bytes:
    try:
        if name == STDIN:
            data: bytes = stdin.buffer.read(MAX_OCDS_FILE_BYTES + 1)
        else:
            with Path(name).open("rb") as file:
                data = file.read(MAX_OCDS_FILE_BYTES + 1)
    except OSError as exc:
        raise UsageError(f"cannot read {name}: {exc.strerror or exc}") from None
    if len(data) > MAX_OCDS_FILE_BYTES:
        raise _too_large(name, MAX_OCDS_FILE_BYTES)
    return data


def _zip_documents(name: str) -> list[tuple[str, object]]:
    """Every ``.json`` and ``.jsonl`` member's documents, members in name order."""
    try:
        archive = zipfile.ZipFile(name)
    except (OSError, zipfile.BadZipFile) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
        raise UsageError(f"cannot read {name}: {reason}") from None
    with archive:
        members = sorted(
            (i for i in archive.infolist() if i.filename.lower().endswith(_OCDS_SUFFIXES)),
            key=lambda i: i.filename,
        )
        if not members:
            raise DataError(f"{name} holds no .json or .jsonl file")
        # Declared sizes can lie, so the bytes actually read are counted too.
        if sum(i.file_size for i in members) > MAX_OCDS_ZIP_BYTES:
            raise DataError(f"{name} holds more than {MAX_OCDS_ZIP_BYTES:,} bytes of JSON")
        found: list[tuple[str, object]] = []
        total = 0
        for info in members:
            where = f"{name}/{info.filename}"
            try:
                with archive.open(info) as member:
                    data = member.read(MAX_OCDS_FILE_BYTES + 1)
            except (OSError, zipfile.BadZipFile, zlib.error) as exc:
                raise DataError(f"cannot read {where}: {exc}") from None
            if len(data) > MAX_OCDS_FILE_BYTES:
                raise _too_large(where, MAX_OCDS_FILE_BYTES)
            total += len(data)
            if total > MAX_OCDS_ZIP_BYTES:
                raise DataError(f"{name} holds more than {MAX_OCDS_ZIP_BYTES:,} bytes of JSON")
            found.extend(_documents(where, info.filename, data))
        return found


def _file_documents(name: str, stdin: TextIO) -> list[tuple[str, object]]:
    """The labelled OCDS documents in file ``name`` (``-`` reads one JSON document)."""
    if name != STDIN and name.lower().endswith(".zip"):
        return _zip_documents(name)
    where = "<stdin>" if name == STDIN else name
    return _documents(where, name, _file_bytes(name, stdin))


def read_contracts(
    labelled: Iterable[tuple[str, object]], vat_basis: VatBasis, joint_awards: JointAwards
) -> ContractsRead:
    """The OCDS reading of the ``labelled`` documents, each label kept for its problems."""
    pairs = list(labelled)
    reading = read_ocds([doc for _, doc in pairs], vat_basis=vat_basis, joint_awards=joint_awards)
    return ContractsRead(reading, tuple(label for label, _ in pairs))


def _for_buyer(read: ContractsRead, buyer: str | None, source: str) -> ContractsRead:
    """Only the processes ``buyer`` ran; none is an error listing the buyers there are."""
    if buyer is None:
        return read
    ours = read.reading.for_buyer(buyer)
    if ours.processes:
        return attrs.evolve(read, reading=ours)
    seen = Counter(
        (p.buyer_name or "no name")
        + (f" ({p.buyer_id})" if p.buyer_id and not p.buyer_id.startswith("name:") else "")
        for p in read.reading.processes
    )
    listed = "; ".join(f"{who}: {n}" for who, n in sorted(seen.items())[:20])
    more = f"; … and {len(seen) - 20:,} more" if len(seen) > 20 else ""
    raise DataError(
        f"no process in {source} was run by {buyer!r}; the buyers, with their processes,"
        f" are: {listed or 'none'}{more}"
    )


def _in_currency(read: ContractsRead, currency: str) -> ContractsRead:
    """Leave out, and keep a list of, contracts in another currency than the policy's."""
    other = tuple(c for c in read.reading.ocds_contracts if c.contract.value.currency != currency)
    return attrs.evolve(read, not_assessed=other) if other else read


# ---------------------------------------------------------------------------
# assess --contracts


def _contract_policy(name: str | None, stdin: TextIO) -> Policy:
    """The ``--policy`` given, which must test contract values; else the default's."""
    if name is None:
        return default_policy(basis=Basis.CONTRACT_VALUE)
    policy = load_policy(name, stdin)
    if policy.basis is not Basis.CONTRACT_VALUE:
        raise DataError(
            f"{name} tests {policy.basis.value}; --contracts needs a policy on the"
            f" {Basis.CONTRACT_VALUE.value} basis"
        )
    return policy


def _check_vat(contracts_vat: VatBasis, policy: Policy) -> None:
    if contracts_vat is not policy.vat_basis:
        raise DataError(
            f"the contract values are {contracts_vat.value} of VAT (--contracts-vat) and"
            f" the policy tests amounts {policy.vat_basis.value} of VAT; values are never"
            " compared across VAT bases"
        )


def assess_contracts(args: argparse.Namespace, out: TextIO, stdin: TextIO) -> int:
    """``assess --contracts``: each supplier by its largest contract live in ``--year``."""
    if args.file:
        raise UsageError("give a spend file or --contracts, not both")
    if args.year is None:
        raise UsageError("--contracts needs --year: contracts have no single date to choose by")
    period = financial_year(args.year)
    policy = _contract_policy(args.policy, stdin)
    vat_basis = VatBasis(args.contracts_vat)
    _check_vat(vat_basis, policy)
    read = read_contracts(
        _file_documents(args.contracts, stdin), vat_basis, JointAwards(args.joint_awards)
    )
    read = _in_currency(_for_buyer(read, args.buyer, args.contracts), policy.currency)
    try:
        result = assess(
            policy,
            read.assessed(),
            period,
            suppliers=read.reading.suppliers,
            before_effective=args.before_effective,
        )
    except RuleViolation as exc:  # currencies and VAT are checked above: the effective date
        raise DataError(f"{args.contracts}: {exc}") from None
    _write(args.format, out, result, read, policy, args.buyer)
    return 0


def _write(
    form: str,
    out: TextIO,
    result: AssessmentResult,
    read: ContractsRead,
    policy: Policy,
    buyer: str | None,
) -> None:
    about = contract_summary(result, read, policy, buyer)
    if form == "json":
        json.dump(
            contract_document(result, read, policy, buyer, about), out, indent=2, ensure_ascii=False
        )
        out.write("\n")
    elif form == "csv":
        records = contract_records(result, read)
        rows = spreadsheet_rows(records)
        fields = list(rows[0]) if rows else ["supplier_id"]
        out.writelines(csv_comments(policy))
        writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    else:
        out.writelines(f"{line}\n" for line in contract_table(result, read))
        out.write("\n")
        out.writelines(f"{line}\n" for line in about)


# ---------------------------------------------------------------------------
# report: FOLDER/contracts


def _is_ocds(data: object) -> bool:
    """Whether parsed JSON looks like OCDS rather than a ``contract`` document."""
    if isinstance(data, list):
        return True
    return isinstance(data, dict) and bool({"releases", "records", "ocid"} & data.keys())


def folder_contracts(
    folder: Path, policy: Policy, args: argparse.Namespace, stdin: TextIO
) -> tuple[list[Contract], list[Supplier], ContractsRead | None]:
    """The contracts in ``folder/contracts`` and the suppliers OCDS names there.

    ``*.jsonl`` and ``*.zip`` files are OCDS; a ``*.json`` file is OCDS when it holds
    ``releases``, ``records`` or an ``ocid`` (or is a list), else a ``contract``
    document. The reading is ``None`` when no OCDS file was there.
    """
    where = folder / "contracts"
    paths = (
        sorted(p for p in where.iterdir() if p.suffix.lower() in (".json", ".jsonl", ".zip"))
        if where.is_dir()
        else []
    )
    if not paths:
        raise DataError(
            f"{folder} holds no contracts/ folder of OCDS files or contract documents,"
            f" which a policy on the {Basis.CONTRACT_VALUE.value} basis needs"
        )
    own: list[Contract] = []
    labelled: list[tuple[str, Any]] = []
    for path in paths:
        found = _file_documents(str(path), stdin)
        if path.suffix.lower() == ".json" and not _is_ocds(found[0][1]):
            own.append(load_json(str(path), "contract", stdin))
        else:
            labelled.extend(found)
    if not labelled:
        return own, [], None
    vat_basis = VatBasis(args.contracts_vat)
    _check_vat(vat_basis, policy)
    read = read_contracts(labelled, vat_basis, JointAwards(args.joint_awards))
    read = _in_currency(_for_buyer(read, args.buyer, str(where)), policy.currency)
    return own + read.assessed(), list(read.reading.suppliers), read


def merge_suppliers(listed: list[Supplier], read: Iterable[Supplier]) -> list[Supplier]:
    """The suppliers listed in documents, then those OCDS names that are not listed."""
    ids = {s.id for s in listed}
    return listed + [s for s in read if s.id not in ids]


def reading_lines(read: ContractsRead | None) -> list[str]:
    """What the report read from OCDS, and every problem and flag, after its summary."""
    if read is None:
        return []
    lines = ["", f"Contracts read from OCDS: {read.reading.explanation}"]
    lines.extend(
        f"  not assessed, in {c.contract.value.currency}: {c.ocid} award {c.award_id}"
        for c in read.not_assessed
    )
    lines.extend(f"  problem: {located(read, p)}" for p in read.reading.problems)
    lines.extend(f"  flag: {located(read, f)}" for f in read.reading.flags)
    return lines


# ---------------------------------------------------------------------------
# report: contracts/ beside spend files


def beside_spend(
    folder: Path,
    policy: Policy,
    args: argparse.Namespace,
    stdin: TextIO,
    names: dict[str, str],
    listed: Iterable[Supplier],
) -> tuple[list[Contract], list[str], ContractsRead | None]:
    """Under a spend policy: ``folder/contracts`` (if any), and its suppliers matched.

    Returns the contracts (for delivery against their KPIs), the lines that report
    the matching of the suppliers paid (``names``: spend supplier id to name) with
    those OCDS names (a supplier in ``listed`` brings its identifier), and the
    OCDS reading.
    """
    where = folder / "contracts"
    if not where.is_dir() or not any(where.iterdir()):
        return [], [], None
    contracts, _, read = folder_contracts(folder, policy, args, stdin)
    if read is None:
        return contracts, [], None
    paid = [
        Supplier(sid, name[:200].strip() or sid, OrganisationType.UNKNOWN, Location())
        for sid, name in sorted(names.items())
    ]
    known = {s.id: s for s in listed}
    paid = [known.get(s.id, s) for s in paid]
    return contracts, matching_lines(match_suppliers(paid, read.reading)), read
