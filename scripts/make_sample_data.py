#!/usr/bin/env python3
"""Write the sample CSV exports of the projects that `kundresa init` creates, and of examples.

What each project sells, to how many customers, through which channels, which touchpoints
its survey asks about and its funnel are data, one YAML file each in `scripts/sample_data/`
(`event.yaml`, `ecommerce.yaml`, `b2b.yaml`, and `teater-aarhus.yaml` for the example);
`dialects.yaml` says how each language writes a CSV file. The column headers come from
`kundresa.kpi.columns.HEADERS` and the survey's touchpoint ids from the project's own
catalogue, so kpi always recognises what init writes.

The data is simulated with a fixed seed from the standard library only: running the script
twice gives byte-identical files. All languages of one scaffold share the same simulated
customers; only the labels, the currency and the file dialect differ, so KPI results match
across languages. Run it from the repository's root:

    python scripts/make_sample_data.py            # rewrite the committed files
    python scripts/make_sample_data.py --out DIR  # write the same tree under DIR instead
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from kundresa.kpi.columns import FUNNEL, HEADERS, SALES, SURVEY

DATA = Path("scripts", "sample_data")
SCAFFOLDS = Path("src", "kundresa", "scaffolds")
SALES_COLUMNS = ("order_id", "customer_id", "date", "amount", "event", "channel")
SURVEY_COLUMNS = ("date", "nps", "csat", "touchpoint")


@dataclass(frozen=True)
class Dialect:
    """How one language's exports are written: file names, CSV dialect, currency."""

    files: dict[str, str]
    respondent_header: str
    delimiter: str
    decimal: str
    encoding: str
    newline: str
    date_format: str
    price_rate: Decimal
    price_step: Decimal


@dataclass(frozen=True)
class Scaffold:
    """One scaffold's sample data as read from its YAML file (see scripts/sample_data/)."""

    languages: list[str]
    seed: int
    first_day: date
    last_day: date
    customers: int
    orders_per_customer: list[int]
    items: list[dict[str, Any]]
    channels: list[dict[str, Any]]
    add_ons: dict[str, Any]
    discount_share: float
    refund_share: float
    units_per_line: list[int]
    survey: dict[str, Any]
    funnel: list[dict[str, Any]]
    item_header: dict[str, str]
    prices_in: str = "sv"
    folder: str | None = None

    @property
    def free_channel(self) -> int:
        """Return the index of the channel that hands out free orders."""
        return next(i for i, channel in enumerate(self.channels) if "free_orders" in channel)


@dataclass(frozen=True)
class SaleRow:
    """One row of a sales export before it is put into a language's words and currency."""

    order: int
    customer: int
    day: date
    item: int
    unit: int  # price of one unit in the scaffold's currency; 0 for a free order
    quantity: int
    discount: bool
    channel: int
    refund: bool = False


@dataclass(frozen=True)
class Answer:
    """One survey answer; None is a question left blank."""

    respondent: int
    day: date
    nps: int | None
    csat: int | None
    touchpoint: int


def load_dialects(root: Path) -> dict[str, Dialect]:
    """Return the dialect of each language from dialects.yaml."""
    raw = YAML(typ="safe").load((root / DATA / "dialects.yaml").read_text(encoding="utf-8"))
    dialects = {}
    for language, fields in raw.items():
        money = {
            "price_rate": Decimal(fields["price_rate"]),
            "price_step": Decimal(fields["price_step"]),
        }
        dialects[language] = Dialect(**{**fields, **money})
    return dialects


def load_scaffold(path: Path) -> Scaffold:
    """Return the scaffold described by the YAML file at `path`."""
    raw = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    return Scaffold(**{"item_header": {}, **raw})


def catalogue(folder: Path | Traversable) -> list[str]:
    """Return the touchpoint ids of a project's catalogue, in the order its files list them."""
    ids: list[str] = []
    for file in sorted((folder / "touchpoints").iterdir(), key=lambda f: f.name):
        if file.name.endswith(".yaml"):
            document = YAML(typ="safe").load(file.read_text(encoding="utf-8"))
            ids += [touchpoint["id"] for touchpoint in document["touchpoints"]]
    return ids


def _pick_day(rng: random.Random, item: dict[str, Any], first: date, last: date) -> date:
    """Return an order day for an item: many buy at release, many in the last weeks."""
    on_sale: date = item["on_sale"]
    off_sale: date = item["off_sale"]
    start, end = max(on_sale, first), min(off_sale, last)
    span = (end - start).days
    roll = rng.random()
    if roll < 0.3:
        offset = rng.randint(0, min(13, span))
    elif roll < 0.7:
        offset = span - rng.randint(0, min(20, span))
    else:
        offset = rng.randint(0, span)
    return start + timedelta(days=offset)


def _pick_items(rng: random.Random, items: Sequence[dict[str, Any]], count: int) -> list[int]:
    """Return `count` different item indexes, weighted by popularity."""
    allowed = [
        i for i, item in enumerate(items) if count > 1 or not item.get("returning_customers_only")
    ]
    chosen: list[int] = []
    for _ in range(min(count, len(allowed))):
        left = [i for i in allowed if i not in chosen]
        chosen.append(rng.choices(left, weights=[items[i]["popularity"] for i in left])[0])
    return chosen


def simulate_sales(scaffold: Scaffold, rng: random.Random) -> list[SaleRow]:
    """Return the sales rows of a scaffold's customers, sorted by day and order."""
    items = scaffold.items
    customer_ids = rng.sample(range(10000, 100000), scaffold.customers)
    counts = range(1, len(scaffold.orders_per_customer) + 1)
    purchases: list[tuple[date, int, int]] = []
    for customer in customer_ids:
        orders = rng.choices(counts, weights=scaffold.orders_per_customer)[0]
        for item in _pick_items(rng, items, orders):
            day = _pick_day(rng, items[item], scaffold.first_day, scaffold.last_day)
            purchases.append((day, customer, item))
    purchases.sort()

    rows: list[SaleRow] = []
    order = 240000
    channels = range(len(scaffold.channels))
    channel_weights = [channel["weight"] for channel in scaffold.channels]
    free_share = scaffold.channels[scaffold.free_channel]["free_orders"]
    quantities = range(1, len(scaffold.units_per_line) + 1)
    for day, customer, item in purchases:
        order += rng.randint(1, 9)
        if items[item].get("returning_customers_only"):
            quantity = 1
        else:
            quantity = rng.choices(quantities, weights=scaffold.units_per_line)[0]
        if rng.random() < free_share:
            rows.append(SaleRow(order, customer, day, item, 0, 1, False, scaffold.free_channel))
            continue
        channel = rng.choices(channels, weights=channel_weights)[0]
        discount = rng.random() < scaffold.discount_share
        unit = items[item]["price"]
        rows.append(SaleRow(order, customer, day, item, unit, quantity, discount, channel))
        if rng.random() < scaffold.add_ons["share"]:
            addon = rng.choice(scaffold.add_ons["prices"])
            rows.append(SaleRow(order, customer, day, item, addon, 1, False, channel))
        if rng.random() < scaffold.refund_share:
            late = min(items[item]["off_sale"], scaffold.last_day)
            refund_day = min(day + timedelta(days=rng.randint(1, 20)), late)
            rows.append(
                SaleRow(order, customer, refund_day, item, unit, quantity, discount, channel, True)
            )
    rows.sort(key=lambda row: (row.day, row.order, row.refund))
    return rows


def _score(rng: random.Random, profile: dict[str, Any]) -> tuple[int, int]:
    """Return an NPS answer (0-10) and a matching CSAT answer (1-5)."""
    roll = rng.random()
    if roll < profile["promoters"]:
        return rng.choice((9, 10, 10)), rng.choices((3, 4, 5), weights=(1, 6, 13))[0]
    if roll < 1 - profile["detractors"]:
        return rng.choice((7, 8, 8)), rng.choices((3, 4, 5), weights=(3, 8, 2))[0]
    nps = rng.choices(range(7), weights=(1, 1, 1, 2, 3, 5, 7))[0]
    return nps, rng.choices((1, 2, 3, 4), weights=(2, 4, 5, 2))[0]


def simulate_survey(scaffold: Scaffold, rng: random.Random) -> list[Answer]:
    """Return survey answers given in the days after the events in the export window."""
    held = [
        item
        for item in scaffold.items
        if item.get("event_day") is not None and item["event_day"] < scaffold.last_day
    ]
    # Without events (a web shop), answers come after orders: any day of the window.
    span = (scaffold.last_day - scaffold.first_day).days
    events = [item["event_day"] for item in held] or [
        scaffold.first_day + timedelta(days=offset) for offset in range(span)
    ]
    weights = [item["popularity"] for item in held] or [1] * span
    profiles = scaffold.survey["touchpoints"]
    touchpoints = range(len(profiles))
    shares = [profile["share"] for profile in profiles]
    drafts: list[tuple[date, int, int | None, int | None]] = []
    for _ in range(scaffold.survey["answers"]):
        event_day = rng.choices(events, weights=weights)[0]
        day = min(event_day + timedelta(days=rng.randint(1, 6)), scaffold.last_day)
        touchpoint = rng.choices(touchpoints, weights=shares)[0]
        nps, csat = _score(rng, profiles[touchpoint])
        nps_given = None if rng.random() < 0.02 else nps
        drafts.append((day, touchpoint, nps_given, None if rng.random() < 0.03 else csat))
    drafts.sort(key=lambda draft: (draft[0], draft[1]))
    return [
        Answer(1000 + number, day, nps, csat, touchpoint)
        for number, (day, touchpoint, nps, csat) in enumerate(drafts, start=1)
    ]


def local_price(price: int, dialect: Dialect, source: Dialect) -> Decimal:
    """Convert a price in `source`'s currency to `dialect`'s, rounded as a venue would."""
    sek = Decimal(price)
    if source.price_rate != 1:
        # Prices given in another currency are first made SEK, as whole kronor.
        sek = (sek / source.price_rate).quantize(Decimal(1))
    steps = (sek * dialect.price_rate / dialect.price_step).quantize(
        Decimal(1), rounding=ROUND_HALF_UP
    )
    return steps * dialect.price_step


def format_amount(amount: Decimal, dialect: Dialect) -> str:
    """Write an amount the way the export does: no decimals unless there are øre/cents."""
    if amount == amount.to_integral_value():
        return str(int(amount))
    return f"{amount:.2f}".replace(".", dialect.decimal)


def sale_amount(row: SaleRow, dialect: Dialect, source: Dialect) -> Decimal:
    """Return the local amount of a sales row: units times price, less discount, refunds < 0."""
    amount = local_price(row.unit, dialect, source) * row.quantity
    if row.discount:
        amount = (amount * Decimal("0.9")).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return -amount if row.refund else amount


def write_csv(path: Path, dialect: Dialect, header: Sequence[str], rows: list[list[str]]) -> None:
    """Write one CSV file in the language's dialect."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding=dialect.encoding, newline="") as handle:
        writer = csv.writer(handle, delimiter=dialect.delimiter, lineterminator=dialect.newline)
        writer.writerow(header)
        writer.writerows(rows)


def write_project(
    out: Path,
    language: str,
    scaffold: Scaffold,
    dialects: dict[str, Dialect],
    touchpoint_ids: list[str],
) -> list[Path]:
    """Simulate and write the three CSV files of one project in `language`; return them."""
    rng = random.Random(scaffold.seed)
    sales, answers = simulate_sales(scaffold, rng), simulate_survey(scaffold, rng)
    dialect, source = dialects[language], dialects[scaffold.prices_in]
    headers = HEADERS[language]
    sales_header = [headers[SALES][column] for column in SALES_COLUMNS]
    if language in scaffold.item_header:
        sales_header[4] = scaffold.item_header[language]
    sales_rows = [
        [
            str(row.order),
            str(row.customer),
            row.day.strftime(dialect.date_format),
            format_amount(sale_amount(row, dialect, source), dialect),
            scaffold.items[row.item]["names"][language],
            scaffold.channels[row.channel]["names"][language],
        ]
        for row in sales
    ]
    survey_rows = [
        [
            str(answer.respondent),
            answer.day.strftime(dialect.date_format),
            "" if answer.nps is None else str(answer.nps),
            "" if answer.csat is None else str(answer.csat),
            touchpoint_ids[answer.touchpoint],
        ]
        for answer in answers
    ]
    funnel_rows = [[step["names"][language], str(step["count"])] for step in scaffold.funnel]
    survey_header = [dialect.respondent_header, *(headers[SURVEY][c] for c in SURVEY_COLUMNS)]
    paths = [out / "data" / dialect.files[kind] for kind in (SALES, SURVEY, FUNNEL)]
    write_csv(paths[0], dialect, sales_header, sales_rows)
    write_csv(paths[1], dialect, survey_header, survey_rows)
    write_csv(paths[2], dialect, list(headers[FUNNEL].values()), funnel_rows)
    return paths


def survey_ids(scaffold: Scaffold, reference: list[str], local: list[str]) -> list[str]:
    """Return the project's ids of the surveyed touchpoints, named in the reference catalogue.

    The catalogues of one scaffold list the same touchpoints in the same order in every
    language, so a touchpoint's place in the reference catalogue finds it in the local one.
    """
    return [local[reference.index(p["touchpoint"])] for p in scaffold.survey["touchpoints"]]


def main(argv: Sequence[str] | None = None) -> None:
    """Write the sample data of every scaffold in every language, and of the examples."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path(), help="root of the tree to write")
    out = parser.parse_args(argv).out
    root = Path()
    if not (root / DATA).is_dir():
        sys.exit(f"make_sample_data: no {DATA} here; run it from the repository's root")
    dialects = load_dialects(root)
    for path in sorted((root / DATA).glob("*.yaml")):
        if path.name == "dialects.yaml":
            continue
        scaffold = load_scaffold(path)
        if scaffold.folder is not None:  # an example project, in its one language
            reference = catalogue(root / scaffold.folder)
            targets = {scaffold.languages[0]: (out / scaffold.folder, reference)}
        else:  # a scaffold of init, named in its English catalogue, in every language
            built_in = files("kundresa") / "scaffolds" / path.stem
            reference = catalogue(built_in / "en")
            targets = {
                language: (out / SCAFFOLDS / path.stem / language, catalogue(built_in / language))
                for language in scaffold.languages
            }
        for language, (folder, local) in targets.items():
            ids = survey_ids(scaffold, reference, local)
            for written in write_project(folder, language, scaffold, dialects, ids):
                print(written.relative_to(out).as_posix())


if __name__ == "__main__":
    main()
