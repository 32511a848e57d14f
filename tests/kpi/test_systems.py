"""Exports as real systems write them: Shopify, Eventbrite, a Nordic box office, Excel.

The files follow the systems' own layouts (Shopify's "Export orders" columns, Eventbrite's
attendee report, a box-office CSV with a title and a `Totalt` line); the expected figures
are worked out by hand, or summed in the test from the rows written.
"""

from __future__ import annotations

import datetime as dt
import os
import random
from decimal import Decimal

import pytest
from tests.kpi.exports import write_csv

from kundresa.errors import InputError
from kundresa.kpi import ReadOptions, compute_kpis

# Shopify Admin > Orders > Export, in Shopify's column order.
SHOPIFY_COLUMNS = (
    "Name,Email,Financial Status,Paid at,Fulfillment Status,Fulfilled at,Accepts Marketing,"
    "Currency,Subtotal,Shipping,Taxes,Total,Discount Code,Discount Amount,Shipping Method,"
    "Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem compare at price,"
    "Lineitem sku,Lineitem requires shipping,Lineitem taxable,Lineitem fulfillment status,"
    "Billing Name,Billing Street,Billing Address1,Billing Address2,Billing Company,"
    "Billing City,Billing Zip,Billing Province,Billing Country,Billing Phone,Shipping Name,"
    "Shipping Street,Shipping Address1,Shipping Address2,Shipping Company,Shipping City,"
    "Shipping Zip,Shipping Province,Shipping Country,Shipping Phone,Notes,Note Attributes,"
    "Cancelled at,Payment Method,Payment Reference,Refunded Amount,Vendor,Outstanding Balance,"
    "Employee,Location,Device ID,Id,Tags,Risk Level,Source,Lineitem discount,Tax 1 Name,"
    "Tax 1 Value,Phone,Receipt Number,Duties,Billing Province Name,Shipping Province Name,"
    "Payment ID,Payment Terms Name,Next Payment Due At,Payment References"
)
SHOPIFY_HEADER = SHOPIFY_COLUMNS.split(",")


def _order(name, email, status, total, created, lines, *, refunded="", cancelled="", source="web"):
    """Return an order's rows: the first with the order's fields, then one per line item."""
    first = {
        "Name": name, "Email": email, "Financial Status": status, "Paid at": created,
        "Currency": "SEK", "Subtotal": total, "Shipping": "0.00", "Taxes": "0.00",
        "Total": total, "Created at": created, "Cancelled at": cancelled,
        "Refunded Amount": refunded, "Source": source, "Lineitem quantity": "1",
        "Lineitem name": lines[0], "Lineitem price": total, "Billing Name": "Anna Berg",
        "Billing City": "Göteborg", "Billing Country": "SE", "Risk Level": "Low",
        "Id": str(5_000_000 + int(name[1:])),
    }  # fmt: skip
    rows = [first]
    for line in lines[1:]:
        rows.append(
            {"Name": name, "Email": email, "Created at": created, "Lineitem quantity": "1",
             "Lineitem name": line, "Lineitem price": "10.00", "Lineitem taxable": "true"}
        )  # fmt: skip
    return [tuple(row.get(h, "") for h in SHOPIFY_HEADER) for row in rows]


def shopify_export(tmp_path):
    rows = [
        *_order("#1001", "anna@example.se", "paid", "598.00", "2025-06-30 23:04:54 +0200",
                ["Sommarscen – fredag", "Sittplats"]),
        *_order("#1002", "bo@example.se", "partially_refunded", "450.00",
                "2025-07-02 10:00:00 +0200", ["Sommarscen – lördag"], refunded="150.00"),
        *_order("#1003", "cia@example.se", "voided", "299.00", "2025-07-03 11:00:00 +0200",
                ["Sommarscen – söndag", "Parkering"]),
        *_order("#1004", "dan@example.se", "refunded", "199.00", "2025-07-04 12:00:00 +0200",
                ["Workshop"], refunded="199.00"),
        *_order("#1005", "eva@example.se", "paid", "349.00", "2025-07-05 13:00:00 +0200",
                ["Sommarscen – fredag"], cancelled="2025-07-05 14:00:00 +0200"),
        *_order("#1006", "anna@example.se", "paid", "120.00", "2025-07-10 09:00:00 +0200",
                ["Program", "Tygkasse", "Affisch"]),
        *_order("#1007", "", "paid", "80.00", "2025-07-10 19:30:00 +0200", ["Program"],
                source="pos"),
    ]  # fmt: skip
    return write_csv(tmp_path / "orders_export.csv", SHOPIFY_HEADER, rows)


def test_a_shopify_export_counts_kept_orders_net_of_refunds(tmp_path):
    result = compute_kpis(sales=shopify_export(tmp_path), read=ReadOptions(preset="shopify"))
    # Kept: #1001 598, #1002 450 − 150, #1006 120, #1007 80 (a POS sale without an email).
    assert result.problems == []
    assert result.metrics["revenue"] == 598 + 300 + 120 + 80
    assert result.metrics["orders"] == 4
    assert result.metrics["customers"] == 2
    assert result.metrics["repeat_rate"] == Decimal("0.5")
    assert (result.metrics["anonymous_orders"], result.metrics["anonymous_revenue"]) == (1, 80)
    assert (str(result.window.start), str(result.window.end)) == ("2025-06-30", "2025-07-10")
    assert [(m.month, m.revenue) for m in result.months] == [("2025-06", 598), ("2025-07", 500)]
    assert any("3 rows left out" in w for w in result.warnings)  # #1003, #1004, #1005


def test_a_shopify_export_without_the_preset_reports_its_line_items(tmp_path):
    result = compute_kpis(sales=shopify_export(tmp_path), max_bad_rows=Decimal(100))
    assert result.metrics["revenue"] == 598 + 450 + 299 + 199 + 349 + 120 + 80 - 150 - 199
    assert len(result.problems) == 4  # the line-item rows of #1001, #1003 and #1006


EVENTBRITE_HEADER = (
    "Order #", "Order Date", "First Name", "Last Name", "Email", "Quantity", "Ticket Type",
    "Attendee #", "Group", "Order Type", "Currency", "Total Paid", "Fees Paid",
    "Eventbrite Fees", "Eventbrite Payment Processing", "Attendee Status",
)  # fmt: skip


def _ticket(order, date, email, attendee, ticket, paid, status):
    first = email.split("@")[0].title()
    return (order, date, first, "Larsen", email, "1", ticket, attendee, "", "Eventbrite Completed",
            "DKK", paid, "18.50", "12.00", "6.50", status)  # fmt: skip


def test_an_eventbrite_attendee_report_counts_attending_and_checked_in_tickets(tmp_path):
    general = ("General", "350.00")
    rows = [
        _ticket("1234567891", "06/19/2024 10:15", "anna@example.dk", "1", *general, "Attending"),
        _ticket("1234567891", "06/19/2024 10:15", "anna@example.dk", "2", *general, "Checked In"),
        _ticket("1234567892", "06/20/2024 08:01", "bo@example.dk", "3", *general, "Refunded"),
        _ticket("1234567893", "07/01/2024 17:45", "cia@example.dk", "4", *general, "Transferred"),
        _ticket(
            "1234567894", "07/02/2024 12:00", "dan@example.dk", "5", "VIP", "500.00", "Attending"
        ),
        _ticket("1234567895", "07/02/2024 12:30", "eva@example.dk", "6", *general, "Not Attending"),
    ]
    path = write_csv(tmp_path / "attendees.csv", EVENTBRITE_HEADER, rows)
    result = compute_kpis(sales=path, read=ReadOptions(preset="eventbrite"))
    assert result.problems == []
    assert result.metrics["revenue"] == 350 + 350 + 500
    assert result.metrics["orders"] == 2
    assert result.metrics["customers"] == 2
    assert (str(result.window.start), str(result.window.end)) == ("2024-06-19", "2024-07-02")


def _box_office_rows():
    """Return a season of box-office sales: web customers, walk-ups and a refund."""
    pick = random.Random(11)
    rows = []
    for n in range(1, 121):
        day = dt.date(2025, 6, 1) + dt.timedelta(days=pick.randrange(92))
        walk_up = n % 5 == 0
        customer = "" if walk_up else f"K{pick.randrange(1, 40):03d}"
        amount = Decimal(pick.choice([195, 250, 395, 1250])) * pick.randint(1, 3)
        rows.append((f"B{n:04d}", customer, day, "Kassa" if walk_up else "Webb", amount))
    rows.append(("B0007", rows[6][1], dt.date(2025, 9, 1), "Webb", -rows[6][4]))  # refund
    return rows


def _kr(amount, minus="-"):
    return f"{amount:,.2f}".replace(",", "\u00a0").replace(".", ",").replace("-", minus)


BOX_HEADER = ("Ordernr", "Kundnummer", "Datum", "Föreställning", "Kanal", "Belopp")


@pytest.mark.parametrize(("encoding", "minus"), [("cp1252", "-"), ("utf-8-sig", "\u2212")])
def test_a_box_office_export_counts_walk_up_sales_and_matches_its_total_line(
    tmp_path, encoding, minus
):
    rows = _box_office_rows()
    total = sum(r[4] for r in rows)
    lines = [("Biljettförsäljning Sommarscen 2025", "", "", "", "", ""), BOX_HEADER]
    lines += [
        (o, c, d.strftime("%d.%m.%Y"), "Må bra-kväll", ch, _kr(a, minus)) for o, c, d, ch, a in rows
    ]
    lines += [("", "", "", "", "", ""), ("Totalt", "", "", "", "", _kr(total, minus))]
    path = write_csv(
        tmp_path / "kassa.csv", lines[0], lines[1:], delimiter=";", encoding=encoding,
        newline="\r\n",
    )  # fmt: skip
    result = compute_kpis(sales=path)
    walk_ups = [r for r in rows if not r[1]]
    assert result.problems == []
    assert result.metrics["revenue"] == total
    assert result.metrics["orders"] == 120
    assert result.metrics["anonymous_orders"] == len(walk_ups)
    assert result.metrics["anonymous_revenue"] == sum(r[4] for r in walk_ups)
    assert result.metrics["customers"] == len({r[1] for r in rows if r[1]})
    assert any("1 summary row" in w for w in result.warnings)


def test_the_same_box_office_export_as_a_workbook_gives_the_same_figures(tmp_path):
    from openpyxl import Workbook

    rows = _box_office_rows()
    book = Workbook()
    sheet = book.active
    sheet.title = "Försäljning"
    sheet.append(["Biljettförsäljning Sommarscen 2025"])
    sheet.append(list(BOX_HEADER))
    for order, customer, day, channel, amount in rows:
        sheet.append([order, customer or None, dt.datetime.combine(day, dt.time(19, 30)),
                      "Må bra-kväll", channel, float(amount)])  # fmt: skip
    sheet.append(["Totalt", None, None, None, None, float(sum(r[4] for r in rows))])
    book.create_sheet("Anteckningar").append(["inget här"])
    path = tmp_path / "kassa.xlsx"
    book.save(path)
    result = compute_kpis(sales=path)
    assert result.problems == []
    assert result.metrics["revenue"] == sum(r[4] for r in rows)
    assert result.metrics["anonymous_orders"] == len([r for r in rows if not r[1]])
    with pytest.raises(InputError, match="no sheet 'Blad1'; it has 'Försäljning', 'Anteckningar'"):
        compute_kpis(sales=path, read=ReadOptions(sheet="Blad1"))


def test_a_workbook_named_csv_and_other_binaries_get_one_sentence(tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["Kund", "Datum", "Belopp"])
    book.save(tmp_path / "renamed.csv")
    with pytest.raises(InputError, match="this is an Excel workbook"):
        compute_kpis(sales=tmp_path / "renamed.csv")
    (tmp_path / "noise.csv").write_bytes(os.urandom(4096))
    with pytest.raises(InputError, match="this is not a text file"):
        compute_kpis(sales=tmp_path / "noise.csv")


def test_exclude_leaves_rows_out_by_value_and_a_star_means_any_value(tmp_path):
    from kundresa.kpi import SourceSpec

    rows = [
        ("1", "K1", "2025-06-01", "100,00", "Webb", ""),
        ("2", "K2", "2025-06-01", "200,00", "TEST", ""),  # case does not matter
        ("3", "K3", "2025-06-02", "300,00", "Kassa", "2025-06-03"),  # cancelled
        ("4", "K1", "2025-06-02", "400,00", "Kassa", ""),
    ]
    header = ("Ordernummer", "Kund-ID", "Orderdatum", "Belopp", "Kanal", "Makulerad")
    path = write_csv(tmp_path / "s.csv", header, rows, delimiter=";")
    spec = SourceSpec(path, "s.csv", exclude={"kanal": ["test"], "Makulerad": ["*"]})
    result = compute_kpis(sales=spec)
    assert result.metrics["revenue"] == 100 + 400
    assert result.warnings == ["s.csv: 2 rows left out by the source's exclude: or preset"]
    with pytest.raises(InputError, match="no column 'Status'"):
        compute_kpis(sales=SourceSpec(path, "s.csv", exclude={"Status": ["void"]}))


def test_kundresa_yaml_takes_preset_exclude_scale_and_sheet():
    from kundresa.models.config import Source

    source = Source.model_validate(
        {"path": "orders.csv", "preset": "shopify", "exclude": {"Tags": ["test"]},
         "scale": {"Toppen": 5}, "sheet": "Blad1"}
    )  # fmt: skip
    assert (source.preset, source.exclude, source.scale, source.sheet) == (
        "shopify", {"Tags": ["test"]}, {"Toppen": 5}, "Blad1",
    )  # fmt: skip
