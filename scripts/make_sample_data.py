#!/usr/bin/env python3
"""Write the sample CSV exports of the projects that `kundresa init` creates.

Every project under `src/kundresa/scaffolds/<template>/<lang>/` gets three files in `data/`: a sales
export, a survey export and a funnel export, written in the dialect a Nordic (or English)
spreadsheet or ticketing system would use for that language. The data is simulated with a
fixed seed from the standard library only, so running the script twice gives byte-identical
files. All languages of one template share the same simulated customers; only the labels,
the currency and the file dialect differ, so KPI results match across languages.

Run it from anywhere:

    python scripts/make_sample_data.py

To add a template, add an entry to `TEMPLATES` (the items sold, the sales channels, the
touchpoint ids rated in the survey and the funnel steps, per language). The example projects
under `examples/` that are not a copy of init's files have an entry in `EXAMPLES`, written in
one language only.
"""

from __future__ import annotations

import csv
import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

INIT_DIR = Path(__file__).resolve().parent.parent / "src" / "kundresa" / "scaffolds"
EXAMPLES_DIR = INIT_DIR.parents[2] / "examples"

SALES, SURVEY, FUNNEL = "sales", "survey", "funnel"


@dataclass(frozen=True)
class Dialect:
    """How one language's exports are written: file names, headers, CSV dialect, currency."""

    files: dict[str, str]  # SALES/SURVEY/FUNNEL -> file name in data/
    sales_headers: tuple[str, str, str, str, str, str]  # order, customer, date, amount, item, ch.
    survey_headers: tuple[str, str, str, str, str]  # respondent, date, nps, csat, touchpoint
    funnel_headers: tuple[str, str]  # step, count
    delimiter: str
    decimal: str
    encoding: str
    newline: str
    date_format: str
    price_rate: Decimal  # prices are given in SEK; this converts them to the local currency
    price_step: Decimal  # converted prices are rounded to a multiple of this


DIALECTS: dict[str, Dialect] = {
    "sv": Dialect(
        files={SALES: "forsaljning.csv", SURVEY: "enkat.csv", FUNNEL: "tratt.csv"},
        sales_headers=("Ordernummer", "Kund-ID", "Orderdatum", "Belopp", "Evenemang", "Kanal"),
        survey_headers=("Svars-ID", "Datum", "Rekommendera", "Nöjdhet", "Beröringspunkt"),
        funnel_headers=("Steg", "Antal"),
        delimiter=";",
        decimal=",",
        encoding="cp1252",
        newline="\r\n",
        date_format="%Y-%m-%d",
        price_rate=Decimal(1),
        price_step=Decimal(5),
    ),
    "da": Dialect(
        files={SALES: "salg.csv", SURVEY: "undersogelse.csv", FUNNEL: "tragt.csv"},
        sales_headers=("Ordrenummer", "Kunde-ID", "Ordredato", "Beløb", "Arrangement", "Kanal"),
        survey_headers=("Svar-ID", "Dato", "Anbefale", "Tilfredshed", "Kontaktpunkt"),
        funnel_headers=("Trin", "Antal"),
        delimiter=";",
        decimal=",",
        encoding="utf-8-sig",
        newline="\r\n",
        date_format="%d.%m.%Y",
        price_rate=Decimal("0.65"),
        price_step=Decimal(5),
    ),
    "nb": Dialect(
        files={SALES: "salg.csv", SURVEY: "undersokelse.csv", FUNNEL: "trakt.csv"},
        sales_headers=("Ordrenummer", "Kunde-ID", "Ordredato", "Beløp", "Arrangement", "Kanal"),
        survey_headers=("Svar-ID", "Dato", "Anbefale", "Tilfredshet", "Kontaktpunkt"),
        funnel_headers=("Steg", "Antall"),
        delimiter=";",
        decimal=",",
        encoding="utf-8-sig",
        newline="\r\n",
        date_format="%d.%m.%Y",
        price_rate=Decimal("1.10"),
        price_step=Decimal(5),
    ),
    "en": Dialect(
        files={SALES: "sales.csv", SURVEY: "survey.csv", FUNNEL: "funnel.csv"},
        sales_headers=("Order ID", "Customer ID", "Order date", "Amount", "Event", "Channel"),
        survey_headers=("Response ID", "Date", "Recommend", "Satisfaction", "Touchpoint"),
        funnel_headers=("Step", "Count"),
        delimiter=",",
        decimal=".",
        encoding="utf-8",
        newline="\n",
        date_format="%Y-%m-%d",
        price_rate=Decimal("0.088"),
        price_step=Decimal(1),
    ),
}


@dataclass(frozen=True)
class Item:
    """Something sold (an event, a season ticket, a product) and when it is on sale."""

    names: dict[str, str]  # language -> name as it appears in the export
    price: int  # unit price in SEK, converted per language
    on_sale: date
    off_sale: date  # last day of sales: the event day, or the end of a season ticket's sale
    popularity: int  # relative weight when a customer picks what to buy
    event_day: date | None = None  # set for events: survey answers come after it
    loyal_only: bool = False  # bought only by customers who buy more than once


@dataclass(frozen=True)
class TouchpointProfile:
    """A touchpoint rated in the survey: its id per language and how well it scores."""

    ids: dict[str, str]  # language -> touchpoint id in that project's catalogue
    share: int  # relative number of answers about it
    promoters: float  # share of answers scoring 9-10
    detractors: float  # share of answers scoring 0-6


@dataclass(frozen=True)
class Template:
    """Everything that differs between template projects' sample data."""

    seed: int
    first_day: date  # the export covers first_day..last_day
    last_day: date
    customers: int
    repeat_weights: tuple[int, ...]  # weight of a customer making 1, 2, 3, ... orders
    items: tuple[Item, ...]
    channels: dict[str, tuple[str, ...]]  # language -> channel names, aligned with weights
    channel_weights: tuple[int, ...]
    free_channel: int  # index of the channel that hands out free (guest) orders
    free_share: float  # share of orders that are free, amount 0
    addon_prices: tuple[int, ...]  # SEK prices of extra rows in the same order (merch)
    addon_share: float
    discount_share: float  # share of orders with a 10 % member discount
    refund_share: float
    quantity_weights: tuple[int, ...]  # weight of 1, 2, 3, ... units on one order line
    survey_answers: int
    touchpoints: tuple[TouchpointProfile, ...]
    funnel_steps: dict[str, tuple[str, ...]]  # language -> step labels, aligned with counts
    funnel_counts: tuple[int, ...]
    # language -> header of the item column, where "event" is the wrong word (a product)
    item_header: dict[str, str] = field(default_factory=dict)


def _names(sv: str, da: str, nb: str, en: str) -> dict[str, str]:
    return {"sv": sv, "da": da, "nb": nb, "en": en}


TEMPLATES: dict[str, Template] = {
    "event": Template(
        seed=20250301,
        first_day=date(2024, 9, 1),
        last_day=date(2026, 6, 30),
        customers=1000,
        repeat_weights=(70, 16, 7, 4, 2, 1),
        items=(
            Item(
                _names(
                    "Höstkonsert: Filmmusik",
                    "Efterårskoncert: Filmmusik",
                    "Høstkonsert: Filmmusikk",
                    "Autumn Concert: Film Music",
                ),
                495,
                date(2024, 9, 1),
                date(2024, 10, 18),
                6,
                date(2024, 10, 18),
            ),
            Item(
                _names(
                    "Julkonsert 2024",
                    "Julekoncert 2024",
                    "Julekonsert 2024",
                    "Christmas Concert 2024",
                ),
                545,
                date(2024, 9, 1),
                date(2024, 12, 14),
                9,
                date(2024, 12, 14),
            ),
            Item(
                _names(
                    "Vårkonsert: Nordisk folk",
                    "Forårskoncert: Nordisk folk",
                    "Vårkonsert: Nordisk folk",
                    "Spring Concert: Nordic Folk",
                ),
                395,
                date(2024, 12, 1),
                date(2025, 3, 22),
                4,
                date(2025, 3, 22),
            ),
            Item(
                _names(
                    "Allsångskväll 2025",
                    "Fællessang 2025",
                    "Allsangkveld 2025",
                    "Sing-Along Night 2025",
                ),
                295,
                date(2025, 2, 1),
                date(2025, 6, 12),
                10,
                date(2025, 6, 12),
            ),
            Item(
                _names(
                    "Midsommarjazz vid kanalen",
                    "Sankthansjazz ved havnen",
                    "Sankthansjazz på brygga",
                    "Jazz, Wine & Midsummer",
                ),
                395,
                date(2025, 2, 1),
                date(2025, 6, 19),
                6,
                date(2025, 6, 19),
            ),
            Item(
                _names(
                    "Indiekväll: Västkustvågor",
                    "Indieaften: Vestkystbølger",
                    "Indiekveld: Vestlandsbølger",
                    "Indie Night: Coastal Waves",
                ),
                445,
                date(2025, 2, 15),
                date(2025, 7, 3),
                7,
                date(2025, 7, 3),
            ),
            Item(
                _names(
                    "Operagala under bar himmel",
                    "Operagalla under åben himmel",
                    "Operagalla under åpen himmel",
                    "Open-Air Opera Gala",
                ),
                695,
                date(2025, 1, 15),
                date(2025, 7, 17),
                6,
                date(2025, 7, 17),
            ),
            Item(
                _names("Popfest 2025", "Popfest 2025", "Popfest 2025", "Pop Fest 2025"),
                895,
                date(2024, 11, 20),
                date(2025, 8, 21),
                12,
                date(2025, 8, 21),
            ),
            Item(
                _names("Sommarkort 2025", "Sommerkort 2025", "Sommerkort 2025", "Summer Pass 2025"),
                1995,
                date(2025, 3, 1),
                date(2025, 5, 31),
                3,
                loyal_only=True,
            ),
            Item(
                _names(
                    "Julkonsert 2025",
                    "Julekoncert 2025",
                    "Julekonsert 2025",
                    "Christmas Concert 2025",
                ),
                565,
                date(2025, 9, 1),
                date(2025, 12, 13),
                9,
                date(2025, 12, 13),
            ),
            Item(
                _names(
                    "Vinterkonsert: Barock i levande ljus",
                    "Vinterkoncert: Barok i levende lys",
                    "Vinterkonsert: Barokk i levende lys",
                    "Winter Concert: Baroque by Candlelight",
                ),
                445,
                date(2025, 10, 1),
                date(2026, 2, 7),
                5,
                date(2026, 2, 7),
            ),
            Item(
                _names(
                    "Allsångskväll 2026",
                    "Fællessang 2026",
                    "Allsangkveld 2026",
                    "Sing-Along Night 2026",
                ),
                325,
                date(2026, 2, 1),
                date(2026, 6, 11),
                10,
                date(2026, 6, 11),
            ),
            Item(
                _names(
                    "Sommarnattens visor",
                    "Sommernattens viser",
                    "Sommernattens viser",
                    "Songs of a Summer Night",
                ),
                345,
                date(2026, 2, 15),
                date(2026, 6, 25),
                6,
                date(2026, 6, 25),
            ),
            Item(
                _names("Popfest 2026", "Popfest 2026", "Popfest 2026", "Pop Fest 2026"),
                945,
                date(2025, 11, 20),
                date(2026, 6, 30),
                12,
                date(2026, 8, 20),
            ),
            Item(
                _names("Sommarkort 2026", "Sommerkort 2026", "Sommerkort 2026", "Summer Pass 2026"),
                2095,
                date(2026, 3, 1),
                date(2026, 5, 31),
                3,
                loyal_only=True,
            ),
        ),
        channels={
            "sv": ("Webb", "App", "Biljettkassan", "Partner"),
            "da": ("Web", "App", "Billetkontoret", "Partner"),
            "nb": ("Nett", "App", "Billettluka", "Partner"),
            "en": ("Web", "App", "Box office", "Partner"),
        },
        channel_weights=(56, 24, 12, 8),
        free_channel=2,
        free_share=0.02,
        addon_prices=(149, 249, 299),
        addon_share=0.09,
        discount_share=0.12,
        refund_share=0.015,
        quantity_weights=(34, 46, 8, 12),
        survey_answers=420,
        touchpoints=(
            TouchpointProfile(
                _names("biljettkop", "billetkob", "billettkjop", "ticket-purchase"), 5, 0.58, 0.13
            ),
            TouchpointProfile(
                _names("bekraftelse", "bekraeftelse", "bekreftelse", "confirmation-email"),
                2,
                0.64,
                0.07,
            ),
            TouchpointProfile(
                _names("sms-paminnelse", "sms-paamindelse", "sms-paminnelse", "sms-reminder"),
                2,
                0.66,
                0.05,
            ),
            TouchpointProfile(
                _names("biljettskanning", "billetscanning", "billettskanning", "ticket-scan"),
                4,
                0.53,
                0.16,
            ),
            TouchpointProfile(
                _names("mat-och-merch", "mad-og-merch", "mat-og-merch", "food-and-merch"),
                4,
                0.40,
                0.27,
            ),
            TouchpointProfile(
                _names("evenemangssida", "arrangementsside", "arrangementsside", "event-page"),
                3,
                0.60,
                0.10,
            ),
        ),
        funnel_steps={
            "sv": ("Såg annons", "Besökte evenemangssidan", "Startade köp", "Köpte biljett"),
            "da": ("Så annonce", "Besøgte arrangementssiden", "Startede køb", "Købte billet"),
            "nb": ("Så annonse", "Besøkte arrangementssiden", "Startet kjøp", "Kjøpte billett"),
            "en": ("Saw ad", "Visited event page", "Started checkout", "Bought ticket"),
        },
        funnel_counts=(52400, 11830, 2960, 1645),
    ),
    # A web shop: the items are product categories per season, so sales peak when a season's
    # range arrives and again at its end-of-season sale. There are no events: survey answers
    # (the review request after delivery) come on any day. Danish labels are a design homeware
    # shop, the other languages an outdoor clothing shop.
    "ecommerce": Template(
        seed=20240301,
        first_day=date(2024, 3, 1),
        last_day=date(2025, 10, 31),
        customers=1200,
        repeat_weights=(62, 22, 9, 4, 2, 1),
        items=(
            Item(
                _names("Regnkläder", "Tekstiler", "Regntøy", "Rainwear"),
                899,
                date(2024, 3, 1),
                date(2024, 6, 15),
                6,
            ),
            Item(
                _names("Vandringskängor", "Møbler", "Fjellstøvler", "Hiking boots"),
                1999,
                date(2024, 4, 1),
                date(2024, 7, 15),
                5,
            ),
            Item(
                _names("Barnkläder", "Børneværelset", "Barneklær", "Kids' outerwear"),
                699,
                date(2024, 8, 1),
                date(2024, 10, 31),
                9,
            ),
            Item(
                _names("Skaljackor", "Belysning", "Skalljakker", "Shell jackets"),
                2499,
                date(2024, 8, 15),
                date(2024, 11, 30),
                8,
            ),
            Item(
                _names("Underställ i ull", "Keramik", "Ullundertøy", "Merino base layers"),
                799,
                date(2024, 10, 15),
                date(2025, 2, 28),
                7,
            ),
            Item(
                _names("Tillbehör", "Gaver og tilbehør", "Tilbehør", "Accessories"),
                299,
                date(2024, 11, 1),
                date(2024, 12, 20),
                8,
            ),
            Item(
                _names("Regnkläder", "Tekstiler", "Regntøy", "Rainwear"),
                899,
                date(2025, 3, 1),
                date(2025, 6, 15),
                6,
            ),
            Item(
                _names("Vandringskängor", "Møbler", "Fjellstøvler", "Hiking boots"),
                1999,
                date(2025, 3, 15),
                date(2025, 7, 15),
                5,
            ),
            Item(
                _names(
                    "Tält och sovsäckar",
                    "Designklassikere",
                    "Telt og soveposer",
                    "Tents and sleeping bags",
                ),
                3995,
                date(2025, 4, 1),
                date(2025, 8, 31),
                3,
                loyal_only=True,
            ),
            Item(
                _names("Barnkläder", "Børneværelset", "Barneklær", "Kids' outerwear"),
                699,
                date(2025, 8, 1),
                date(2025, 10, 31),
                9,
            ),
            Item(
                _names("Skaljackor", "Belysning", "Skalljakker", "Shell jackets"),
                2499,
                date(2025, 8, 15),
                date(2025, 10, 31),
                8,
            ),
        ),
        channels={
            "sv": ("Webb", "App", "Kundservice"),
            "da": ("Web", "App", "Kundeservice"),
            "nb": ("Nett", "App", "Kundeservice"),
            "en": ("Web", "App", "Customer service"),
        },
        channel_weights=(70, 26, 4),
        free_channel=2,  # replacements for faulty or damaged goods, sent at no charge
        free_share=0.01,
        addon_prices=(99, 149, 199),  # socks, reproofing spray, a beanie (da: candles, napkins)
        addon_share=0.22,
        discount_share=0.2,  # the newsletter's 10 % welcome code
        refund_share=0.1,
        quantity_weights=(78, 17, 5),
        survey_answers=520,
        touchpoints=(
            TouchpointProfile(_names("kassa", "kasse", "kasse", "checkout"), 4, 0.58, 0.10),
            TouchpointProfile(
                _names(
                    "orderbekraftelse",
                    "ordrebekraeftelse",
                    "ordrebekreftelse",
                    "order-confirmation",
                ),
                2,
                0.60,
                0.08,
            ),
            TouchpointProfile(
                _names(
                    "leveransavisering", "leveringsbesked", "leveringsvarsel", "delivery-notice"
                ),
                3,
                0.44,
                0.20,
            ),
            TouchpointProfile(
                _names("paketskap", "pakkeshop", "pakkeautomat", "parcel-locker"), 4, 0.55, 0.14
            ),
            TouchpointProfile(
                _names("uppackning", "udpakning", "utpakking", "unboxing"), 3, 0.68, 0.06
            ),
            TouchpointProfile(
                _names("chattsupport", "chat-kundeservice", "chat-kundeservice", "chat-support"),
                3,
                0.50,
                0.18,
            ),
            TouchpointProfile(
                _names("returer", "returnering", "returer", "returns"), 4, 0.30, 0.34
            ),
            TouchpointProfile(
                _names("produktsida", "produktside", "produktside", "product-page"), 3, 0.52, 0.12
            ),
        ),
        funnel_steps={
            "sv": ("Besök", "Visade produkt", "La i varukorg", "Gick till kassan", "Lade order"),
            "da": ("Besøg", "Så produkt", "Lagde i kurv", "Gik til kassen", "Afgav ordre"),
            "nb": ("Besøk", "Så produkt", "La i handlekurv", "Gikk til kassen", "La inn ordre"),
            "en": ("Sessions", "Viewed product", "Added to cart", "Reached checkout", "Ordered"),
        },
        funnel_counts=(186400, 72300, 12900, 6850, 4310),
        item_header={
            "sv": "Produktkategori",
            "da": "Produktkategori",
            "nb": "Produktkategori",
            "en": "Product category",
        },
    ),
    # A B2B SaaS (expense and supplier-invoice approval) sold to companies: the items are plans
    # on yearly agreements and add-on modules that only existing customers buy (expansion).
    # Repeat purchases are renewals and upgrades; free orders are pilots started on the web.
    # The NPS survey goes out twice a year.
    "b2b": Template(
        seed=20240102,
        first_day=date(2024, 1, 1),
        last_day=date(2025, 10, 31),
        customers=240,
        repeat_weights=(30, 34, 20, 10, 6),
        items=(
            Item(
                _names(
                    "Attesta Bas 2024",
                    "Attesta Basis 2024",
                    "Attesta Basis 2024",
                    "Attesta Basic 2024",
                ),
                29000,
                date(2024, 1, 1),
                date(2024, 12, 31),
                10,
                date(2024, 5, 20),
            ),
            Item(
                _names(
                    "Attesta Pro 2024", "Attesta Pro 2024", "Attesta Pro 2024", "Attesta Pro 2024"
                ),
                79000,
                date(2024, 1, 1),
                date(2024, 12, 31),
                7,
                date(2024, 11, 18),
            ),
            Item(
                _names(
                    "Attesta Enterprise 2024",
                    "Attesta Enterprise 2024",
                    "Attesta Enterprise 2024",
                    "Attesta Enterprise 2024",
                ),
                189000,
                date(2024, 1, 1),
                date(2024, 12, 31),
                2,
                date(2024, 11, 18),
            ),
            Item(
                _names(
                    "Attesta Bas 2025",
                    "Attesta Basis 2025",
                    "Attesta Basis 2025",
                    "Attesta Basic 2025",
                ),
                31000,
                date(2025, 1, 1),
                date(2025, 10, 31),
                10,
                date(2025, 5, 19),
            ),
            Item(
                _names(
                    "Attesta Pro 2025", "Attesta Pro 2025", "Attesta Pro 2025", "Attesta Pro 2025"
                ),
                84000,
                date(2025, 1, 1),
                date(2025, 10, 31),
                8,
                date(2025, 5, 19),
            ),
            Item(
                _names(
                    "Attesta Enterprise 2025",
                    "Attesta Enterprise 2025",
                    "Attesta Enterprise 2025",
                    "Attesta Enterprise 2025",
                ),
                199000,
                date(2025, 1, 1),
                date(2025, 10, 31),
                2,
                date(2025, 5, 19),
            ),
            Item(
                _names(
                    "Tillägg: Leverantörsfakturor",
                    "Tilkøb: Leverandørfakturaer",
                    "Tillegg: Leverandørfakturaer",
                    "Add-on: Supplier invoices",
                ),
                36000,
                date(2024, 6, 1),
                date(2025, 10, 31),
                4,
                date(2024, 11, 18),
                loyal_only=True,
            ),
            Item(
                _names(
                    "Tillägg: Resor och traktamente",
                    "Tilkøb: Rejser og diæter",
                    "Tillegg: Reiser og diett",
                    "Add-on: Travel and per diem",
                ),
                24000,
                date(2024, 9, 1),
                date(2025, 10, 31),
                3,
                date(2025, 5, 19),
                loyal_only=True,
            ),
        ),
        channels={
            "sv": ("Direktförsäljning", "Partner", "Webb"),
            "da": ("Direkte salg", "Partner", "Web"),
            "nb": ("Direktesalg", "Partner", "Nett"),
            "en": ("Direct sales", "Partner", "Web"),
        },
        channel_weights=(62, 23, 15),
        free_channel=2,
        free_share=0.03,
        addon_prices=(6000, 15000),  # extra users, an onboarding workshop
        addon_share=0.3,
        discount_share=0.25,  # 10 % off for a three-year agreement
        refund_share=0.01,  # credit notes
        quantity_weights=(92, 8),  # a second legal entity on the same agreement
        survey_answers=260,
        touchpoints=(
            TouchpointProfile(_names("demo", "demo", "demo", "demo"), 2, 0.50, 0.12),
            TouchpointProfile(
                _names(
                    "uppstartsworkshop",
                    "opstartsworkshop",
                    "oppstartsworkshop",
                    "onboarding-workshop",
                ),
                3,
                0.46,
                0.20,
            ),
            TouchpointProfile(_names("appen", "appen", "appen", "app"), 5, 0.42, 0.22),
            TouchpointProfile(
                _names("support", "support", "brukerstotte", "support"), 4, 0.38, 0.28
            ),
            TouchpointProfile(
                _names("kundavstamning", "kundeopfoelgning", "kundeoppfolging", "success-check-in"),
                3,
                0.55,
                0.10,
            ),
            TouchpointProfile(
                _names("fornyelsemote", "fornyelsesmoede", "fornyelsesmote", "renewal-meeting"),
                2,
                0.48,
                0.16,
            ),
        ),
        funnel_steps={
            "sv": ("Leads", "Kvalificerade leads", "Demo", "Offert", "Avtal"),
            "da": ("Leads", "Kvalificerede leads", "Demo", "Tilbud", "Kontrakt"),
            "nb": ("Leads", "Kvalifiserte leads", "Demo", "Tilbud", "Avtale"),
            "en": ("Leads", "Qualified leads", "Demo", "Proposal", "Signed"),
        },
        funnel_counts=(2380, 690, 310, 142, 58),
        item_header={"sv": "Produkt", "da": "Produkt", "nb": "Produkt", "en": "Product"},
    ),
}


def _dkk(price: int) -> int:
    """Return the SEK price that the Danish dialect converts back to `price` kroner."""
    return int((Decimal(price) / DIALECTS["da"].price_rate).quantize(Decimal(1)))


#: Example projects beyond init's: folder under examples/ -> (language, simulated data).
EXAMPLES: dict[str, tuple[str, Template]] = {
    # A Danish repertory theatre over two seasons (2024/25, 2025/26) and the renewal of the
    # third: single tickets per production, season subscriptions bought by returning guests,
    # a programme or interval order on the same order, and companies buying through "Erhverv".
    "teater-aarhus": (
        "da",
        Template(
            seed=20240815,
            first_day=date(2024, 5, 1),
            last_day=date(2026, 6, 30),
            customers=1400,
            repeat_weights=(56, 18, 11, 7, 5, 3),
            items=(
                Item(
                    {"da": "Abonnement 2024/25"},
                    _dkk(1240),
                    date(2024, 5, 1),
                    date(2024, 8, 31),
                    4,
                    loyal_only=True,
                ),
                Item(
                    {"da": "Jeppe på Bjerget"},
                    _dkk(295),
                    date(2024, 6, 1),
                    date(2024, 10, 19),
                    8,
                    date(2024, 10, 19),
                ),
                Item(
                    {"da": "Et juleeventyr 2024"},
                    _dkk(345),
                    date(2024, 6, 1),
                    date(2024, 12, 22),
                    12,
                    date(2024, 12, 22),
                ),
                Item(
                    {"da": "Et dukkehjem"},
                    _dkk(325),
                    date(2024, 9, 1),
                    date(2025, 3, 8),
                    7,
                    date(2025, 3, 8),
                ),
                Item(
                    {"da": "Åens hemmeligheder"},
                    _dkk(275),
                    date(2024, 11, 1),
                    date(2025, 5, 3),
                    5,
                    date(2025, 5, 3),
                ),
                Item(
                    {"da": "Abonnement 2025/26"},
                    _dkk(1295),
                    date(2025, 4, 15),
                    date(2025, 8, 31),
                    4,
                    loyal_only=True,
                ),
                Item(
                    {"da": "Hamlet"},
                    _dkk(325),
                    date(2025, 6, 1),
                    date(2025, 10, 18),
                    9,
                    date(2025, 10, 18),
                ),
                Item(
                    {"da": "Et juleeventyr 2025"},
                    _dkk(365),
                    date(2025, 6, 1),
                    date(2025, 12, 21),
                    12,
                    date(2025, 12, 21),
                ),
                Item(
                    {"da": "En skærsommernatsdrøm"},
                    _dkk(325),
                    date(2025, 9, 1),
                    date(2026, 3, 7),
                    8,
                    date(2026, 3, 7),
                ),
                Item(
                    {"da": "Morgendagens mennesker"},
                    _dkk(285),
                    date(2025, 11, 1),
                    date(2026, 5, 9),
                    5,
                    date(2026, 5, 9),
                ),
                Item(
                    {"da": "Abonnement 2026/27"},
                    _dkk(1345),
                    date(2026, 4, 15),
                    date(2026, 8, 31),
                    4,
                    loyal_only=True,
                ),
            ),
            channels={"da": ("Web", "Billetkontoret", "Telefon", "Erhverv")},
            channel_weights=(58, 18, 14, 10),
            free_channel=1,  # press and complimentary tickets, handed out at the box office
            free_share=0.02,
            addon_prices=(_dkk(50), _dkk(95), _dkk(245)),  # programme, interval drinks, dinner
            addon_share=0.16,
            discount_share=0.14,  # student and senior discount
            refund_share=0.01,
            quantity_weights=(24, 56, 7, 9, 4),
            survey_answers=480,
            touchpoints=(
                TouchpointProfile({"da": "billetkob"}, 4, 0.55, 0.14),
                TouchpointProfile({"da": "mit-teater"}, 2, 0.36, 0.30),
                TouchpointProfile({"da": "telefonsalg"}, 2, 0.62, 0.08),
                TouchpointProfile({"da": "billetscanning"}, 2, 0.58, 0.10),
                TouchpointProfile({"da": "garderobe-og-foyer"}, 3, 0.34, 0.33),
                TouchpointProfile({"da": "teatercafe"}, 3, 0.44, 0.22),
                TouchpointProfile({"da": "forestillingen"}, 6, 0.71, 0.06),
            ),
            funnel_steps={
                "da": (
                    "Så annonce",
                    "Besøgte forestillingssiden",
                    "Valgte pladser",
                    "Startede betaling",
                    "Købte billet",
                )
            },
            funnel_counts=(38600, 9420, 3180, 2240, 1590),
            item_header={"da": "Forestilling"},
        ),
    ),
}


@dataclass(frozen=True)
class SaleRow:
    """One row of a sales export before it is put into a language's words and currency."""

    order: int
    customer: int
    day: date
    item: int
    unit: int  # SEK price of one unit; 0 for a free order
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


def _pick_day(rng: random.Random, item: Item, first: date, last: date) -> date:
    """Return an order day for an item: many buy at release, many in the last weeks."""
    start, end = max(item.on_sale, first), min(item.off_sale, last)
    span = (end - start).days
    roll = rng.random()
    if roll < 0.3:
        offset = rng.randint(0, min(13, span))
    elif roll < 0.7:
        offset = span - rng.randint(0, min(20, span))
    else:
        offset = rng.randint(0, span)
    return start + timedelta(days=offset)


def _pick_items(rng: random.Random, items: Sequence[Item], count: int) -> list[int]:
    """Return `count` different item indexes, weighted by popularity."""
    allowed = [i for i, item in enumerate(items) if count > 1 or not item.loyal_only]
    chosen: list[int] = []
    for _ in range(min(count, len(allowed))):
        left = [i for i in allowed if i not in chosen]
        chosen.append(rng.choices(left, weights=[items[i].popularity for i in left])[0])
    return chosen


def simulate_sales(template: Template, rng: random.Random) -> list[SaleRow]:
    """Return the sales rows of a template's customers, sorted by day and order."""
    customer_ids = rng.sample(range(10000, 100000), template.customers)
    counts = range(1, len(template.repeat_weights) + 1)
    purchases: list[tuple[date, int, int]] = []
    for customer in customer_ids:
        orders = rng.choices(counts, weights=template.repeat_weights)[0]
        for item in _pick_items(rng, template.items, orders):
            day = _pick_day(rng, template.items[item], template.first_day, template.last_day)
            purchases.append((day, customer, item))
    purchases.sort()

    rows: list[SaleRow] = []
    order = 240000
    channels = range(len(template.channel_weights))
    quantities = range(1, len(template.quantity_weights) + 1)
    for day, customer, item in purchases:
        order += rng.randint(1, 9)
        if template.items[item].loyal_only:
            quantity = 1
        else:
            quantity = rng.choices(quantities, weights=template.quantity_weights)[0]
        if rng.random() < template.free_share:
            free = SaleRow(order, customer, day, item, 0, 1, False, template.free_channel)
            rows.append(free)
            continue
        channel = rng.choices(channels, weights=template.channel_weights)[0]
        discount = rng.random() < template.discount_share
        unit = template.items[item].price
        ticket = SaleRow(order, customer, day, item, unit, quantity, discount, channel)
        rows.append(ticket)
        if rng.random() < template.addon_share:
            addon = rng.choice(template.addon_prices)
            rows.append(SaleRow(order, customer, day, item, addon, 1, False, channel))
        if rng.random() < template.refund_share:
            late = min(template.items[item].off_sale, template.last_day)
            refund_day = min(day + timedelta(days=rng.randint(1, 20)), late)
            refund = SaleRow(
                order, customer, refund_day, item, unit, quantity, discount, channel, refund=True
            )
            rows.append(refund)
    rows.sort(key=lambda row: (row.day, row.order, row.refund))
    return rows


def _score(rng: random.Random, profile: TouchpointProfile) -> tuple[int, int]:
    """Return an NPS answer (0-10) and a matching CSAT answer (1-5)."""
    roll = rng.random()
    if roll < profile.promoters:
        return rng.choice((9, 10, 10)), rng.choices((3, 4, 5), weights=(1, 6, 13))[0]
    if roll < 1 - profile.detractors:
        return rng.choice((7, 8, 8)), rng.choices((3, 4, 5), weights=(3, 8, 2))[0]
    nps = rng.choices(range(7), weights=(1, 1, 1, 2, 3, 5, 7))[0]
    return nps, rng.choices((1, 2, 3, 4), weights=(2, 4, 5, 2))[0]


def simulate_survey(template: Template, rng: random.Random) -> list[Answer]:
    """Return survey answers given in the days after the events in the export window."""
    held = [
        item
        for item in template.items
        if item.event_day is not None and item.event_day < template.last_day
    ]
    # Without events (a web shop), answers come after orders: any day of the window.
    span = (template.last_day - template.first_day).days
    events = [item.event_day for item in held if item.event_day is not None] or [
        template.first_day + timedelta(days=offset) for offset in range(span)
    ]
    weights = [item.popularity for item in held] or [1] * span
    touchpoints = range(len(template.touchpoints))
    shares = [profile.share for profile in template.touchpoints]
    drafts: list[tuple[date, int, int | None, int | None]] = []
    for _ in range(template.survey_answers):
        event_day = rng.choices(events, weights=weights)[0]
        day = min(event_day + timedelta(days=rng.randint(1, 6)), template.last_day)
        touchpoint = rng.choices(touchpoints, weights=shares)[0]
        nps, csat = _score(rng, template.touchpoints[touchpoint])
        drafts.append(
            (
                day,
                touchpoint,
                None if rng.random() < 0.02 else nps,
                None if rng.random() < 0.03 else csat,
            )
        )
    drafts.sort(key=lambda draft: (draft[0], draft[1]))
    return [
        Answer(1000 + number, day, nps, csat, touchpoint)
        for number, (day, touchpoint, nps, csat) in enumerate(drafts, start=1)
    ]


def local_price(sek: int, dialect: Dialect) -> Decimal:
    """Convert a SEK price to the language's currency, rounded to a price a venue would use."""
    steps = (Decimal(sek) * dialect.price_rate / dialect.price_step).quantize(
        Decimal(1), rounding=ROUND_HALF_UP
    )
    return steps * dialect.price_step


def format_amount(amount: Decimal, dialect: Dialect) -> str:
    """Write an amount the way the export does: no decimals unless there are øre/cents."""
    if amount == amount.to_integral_value():
        return str(int(amount))
    return f"{amount:.2f}".replace(".", dialect.decimal)


def sale_amount(row: SaleRow, dialect: Dialect) -> Decimal:
    """Return the local amount of a sales row: units times price, less discount, refunds < 0."""
    amount = local_price(row.unit, dialect) * row.quantity
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
    project: Path,
    language: str,
    template: Template,
    sales: list[SaleRow],
    answers: list[Answer],
) -> list[Path]:
    """Write the three CSV files of one template project; return their paths."""
    dialect = DIALECTS[language]
    data = project / "data"
    headers = dialect.sales_headers
    if language in template.item_header:
        headers = (*headers[:4], template.item_header[language], headers[5])
    sales_rows = [
        [
            str(row.order),
            str(row.customer),
            row.day.strftime(dialect.date_format),
            format_amount(sale_amount(row, dialect), dialect),
            template.items[row.item].names[language],
            template.channels[language][row.channel],
        ]
        for row in sales
    ]
    survey_rows = [
        [
            str(answer.respondent),
            answer.day.strftime(dialect.date_format),
            "" if answer.nps is None else str(answer.nps),
            "" if answer.csat is None else str(answer.csat),
            template.touchpoints[answer.touchpoint].ids[language],
        ]
        for answer in answers
    ]
    funnel_rows = [
        [step, str(count)]
        for step, count in zip(template.funnel_steps[language], template.funnel_counts, strict=True)
    ]
    paths = [data / dialect.files[name] for name in (SALES, SURVEY, FUNNEL)]
    write_csv(paths[0], dialect, headers, sales_rows)
    write_csv(paths[1], dialect, dialect.survey_headers, survey_rows)
    write_csv(paths[2], dialect, dialect.funnel_headers, funnel_rows)
    return paths


def main() -> None:
    """Write the sample data of every template project in every language, and of the examples."""
    for name, template in TEMPLATES.items():
        rng = random.Random(template.seed)
        sales = simulate_sales(template, rng)
        answers = simulate_survey(template, rng)
        for language in DIALECTS:
            for path in write_project(
                INIT_DIR / name / language, language, template, sales, answers
            ):
                print(path.relative_to(INIT_DIR.parent.parent))
    for folder, (language, template) in EXAMPLES.items():
        rng = random.Random(template.seed)
        sales = simulate_sales(template, rng)
        answers = simulate_survey(template, rng)
        for path in write_project(EXAMPLES_DIR / folder, language, template, sales, answers):
            print(path.relative_to(EXAMPLES_DIR.parent))


if __name__ == "__main__":
    main()
