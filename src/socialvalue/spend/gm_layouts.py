"""Built-in layouts: the Transparency Code, and two Greater Manchester councils as they publish.

Each layout is written from the files themselves (copies in ``../shared/data``, read
by the tests):

- :data:`TRANSPARENCY_CODE_LAYOUT`: the Local Government Transparency Code 2015
  column names, as Trafford Council publishes its supplier spend (2024/25, Open
  Government Licence v3.0): a supplier id (``BeneficiaryOtherID``), ISO dates, net
  amounts, UTF-8;
- :data:`MANCHESTER_LAYOUT`: Manchester City Council's monthly files as published
  (2020/21): Windows-1252 text, amounts written ``"£9,854.98"``, dates
  ``01.09.2020``, no supplier id;
- :data:`SALFORD_LAYOUT`: Salford City Council's monthly files (2020/21, "council
  expenditure over £500"): gross, VAT and net amounts, and columns renamed during
  the year (``Supplier Name`` → ``Vendor Name``; the document number as ``SAP
  Document Number``, ``DocumentNo`` or ``Document Number``; ``Directorate`` →
  ``Service Area``; ``G/L description.`` → ``GL Description``).

:data:`LAYOUTS` lists them in the order :func:`~socialvalue.spend.layouts.recognise_layout`
tries them.

>>> [layout.id for layout in LAYOUTS]
['transparency-code', 'manchester', 'salford']
"""

from __future__ import annotations

from typing import Final

from socialvalue.spend.amounts import AmountFormat
from socialvalue.spend.layouts import DateFormat, Encoding, Layout

__all__ = ["LAYOUTS", "MANCHESTER_LAYOUT", "SALFORD_LAYOUT", "TRANSPARENCY_CODE_LAYOUT"]

#: The Transparency Code's own column names (Trafford's files use them as they are).
TRANSPARENCY_CODE_LAYOUT: Final = Layout(
    id="transparency-code",
    name="Local Government Transparency Code 2015 (as Trafford Council publishes it)",
    supplier_name=("BeneficiaryName",),
    paid_on=("PaymentDate",),
    net=("Amount",),
    supplier_id=("BeneficiaryOtherID",),
    transaction_id=("TransactionNumber",),
    expense_type=("ProclassLabel", "ExpenseType", "Expense Type"),
    vat_number=("VATRegistrationNumber",),
    company_number=("CompaniesHouseNumber", "BeneficiaryCompanyNumber"),
    body=("OrganisationLabel",),
    contract_id=("ContractReferenceNumber",),
    date_formats=(DateFormat.ISO, DateFormat.UK),
    encodings=(Encoding.UTF_8, Encoding.WINDOWS_1252),
)

#: Manchester City Council's payments over £500, as published month by month.
MANCHESTER_LAYOUT: Final = Layout(
    id="manchester",
    name="Manchester City Council payments over £500",
    supplier_name=("Supplier Name",),
    paid_on=("Invoice Payment Date",),
    net=("Net Amount",),
    transaction_id=("Transaction Number",),
    expense_type=("Expenses Type",),
    body=("Body Name",),
    date_formats=(DateFormat.DOTTED, DateFormat.UK),
    amount_format=AmountFormat(),
    encodings=(Encoding.WINDOWS_1252,),
)

#: Salford City Council's expenditure over £500, in every header variant of 2020/21.
SALFORD_LAYOUT: Final = Layout(
    id="salford",
    name="Salford City Council expenditure over £500",
    supplier_name=("Supplier Name", "Vendor Name"),
    paid_on=("Date of Payment",),
    net=("Net",),
    gross=("Gross",),
    vat=("VAT",),
    transaction_id=("SAP Document Number", "DocumentNo", "Document Number"),
    expense_type=("G/L description.", "GL Description", "G/L Description"),
    body=("Authority Name",),
    date_formats=(DateFormat.ISO, DateFormat.UK),
    encodings=(Encoding.UTF_8, Encoding.WINDOWS_1252),
)

#: The built-in layouts, in the order they are tried.
LAYOUTS: Final[tuple[Layout, ...]] = (TRANSPARENCY_CODE_LAYOUT, MANCHESTER_LAYOUT, SALFORD_LAYOUT)
