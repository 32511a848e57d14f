"""Which column of an export holds what: canonical names, header recognition and mapping.

A source's columns are named by canonical names (`customer_id`, `amount`, ...). The user
maps them in kundresa.yaml or with `--column amount=Belopp`; any canonical name left
unmapped is looked up among the file's headers in English, Swedish, Danish and Norwegian.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence

from kundresa.errors import ConfigError, InputError
from kundresa.suggest import closest

SALES, SURVEY, FUNNEL = "sales", "survey", "funnel"

#: Canonical columns of each kind of source, and which of them a file must have.
CANONICAL: dict[str, tuple[str, ...]] = {
    SALES: ("order_id", "customer_id", "date", "amount", "event", "channel"),
    SURVEY: ("nps", "csat", "touchpoint", "date", "event", "channel"),
    FUNNEL: ("step", "count"),
}
REQUIRED: dict[str, tuple[str, ...]] = {
    SALES: ("customer_id", "date", "amount"),
    SURVEY: (),
    FUNNEL: ("step", "count"),
}

# Header names people's exports use, in en, sv, da and nb; compared after `normalise`.
_SYNONYMS: dict[str, dict[str, tuple[str, ...]]] = {
    SALES: {
        "order_id": (
            "order_id", "order id", "order", "order number", "order no", "ordernummer",
            "ordernr", "ordrenummer", "ordrenr", "ordre id", "ordre", "bestillingsnummer",
            "bestilling", "booking id", "booking", "bokningsnummer", "bokning", "transaction id",
            "transaktions-id", "transaktion", "transaktionsnummer", "receipt", "kvitto",
            "kvittonummer", "invoice", "faktura", "fakturanummer", "köp-id", "købs-id",
        ),
        "customer_id": (
            "customer_id", "customer id", "customer", "customer number", "customer no",
            "client id", "client", "kund-id", "kundid", "kund", "kundnummer", "kundnr",
            "kunde-id", "kundeid", "kunde", "kundenummer", "kundenr", "member id", "medlem",
            "medlemsnummer", "email", "e-mail", "e-post", "epost", "buyer", "köpare", "køber",
            "kjøper",
        ),
        "date": (
            "date", "order date", "order_date", "purchase date", "sale date", "created",
            "created at", "timestamp", "datum", "orderdatum", "köpdatum", "försäljningsdatum",
            "dato", "ordredato", "købsdato", "kjøpsdato", "bestillingsdato", "salgsdato",
            "tidspunkt", "tid", "time",
        ),
        "amount": (
            "amount", "total", "total amount", "revenue", "price", "value", "sum", "sales",
            "net", "belopp", "summa", "totalt", "totalbelopp", "pris", "värde", "intäkt",
            "försäljning", "beløb", "beløp", "totalbeløb", "totalbeløp", "omsætning",
            "omsättning", "omsetning", "salg", "bruttobelopp",
        ),
        "event": (
            "event", "event name", "show", "performance", "concert", "product", "item",
            "evenemang", "arrangemang", "föreställning", "konsert", "produkt", "vara",
            "begivenhed", "arrangement", "forestilling", "koncert", "vare", "artikel",
            "artikkel",
        ),
        "channel": (
            "channel", "sales channel", "source", "kanal", "säljkanal", "försäljningskanal",
            "salgskanal", "köpkanal", "kjøpskanal", "købskanal",
        ),
    },
    SURVEY: {
        "nps": (
            "nps", "recommend", "likelihood to recommend", "would recommend", "nps score",
            "rekommendera", "rekommendation", "skulle rekommendera", "anbefale", "anbefaling",
            "vil anbefale", "ville anbefale",
        ),
        "csat": (
            "csat", "satisfaction", "satisfied", "csat score", "nöjdhet", "nöjd", "belåtenhet",
            "tilfredshed", "tilfreds", "tilfredshet", "fornøyd", "fornøydhet",
        ),
        "touchpoint": (
            "touchpoint", "touch point", "beröringspunkt", "kontaktpunkt", "berøringspunkt",
            "kontaktpunkt", "touchpoint id",
        ),
        "date": (
            "date", "answered", "answer date", "response date", "datum", "svarsdatum", "dato",
            "svardato", "besvaret",
        ),
        "event": ("event", "evenemang", "begivenhed", "arrangement", "forestilling"),
        "channel": ("channel", "kanal"),
    },
    FUNNEL: {
        "step": ("step", "funnel step", "stage", "steg", "trin", "trinn", "fas", "fase"),
        "count": (
            "count", "number", "visitors", "users", "sessions", "antal", "antall", "besökare",
            "besøgende", "besøkende", "användare", "brugere", "brukere",
        ),
    },
}  # fmt: skip


def normalise(header: str) -> str:
    """Return a header reduced for comparison: no case, bracketed units, spaces or marks."""
    text = unicodedata.normalize("NFC", header).casefold()
    text = re.sub(r"\(.*?\)|\[.*?\]", "", text)
    return re.sub(r"[\W_]+", "", text)


_LOOKUP: dict[str, dict[str, str]] = {
    kind: {normalise(name): canonical for canonical, names in table.items() for name in names}
    for kind, table in _SYNONYMS.items()
}


def recognise(kind: str, headers: Sequence[str]) -> dict[str, str]:
    """Return canonical name -> header for the headers this kind of source recognises."""
    found: dict[str, str] = {}
    for header in headers:
        canonical = _LOOKUP[kind].get(normalise(header))
        if canonical is not None and canonical not in found:
            found[canonical] = header
    return found


def resolve(
    kind: str,
    headers: Sequence[str],
    mapping: Mapping[str, str],
    display: str,
) -> dict[str, str]:
    """Return canonical name -> header: the mapping given, completed by recognition.

    Raises:
        ConfigError: the mapping names a canonical column this kind of source has not.
        InputError: a mapped or required column is not in the file.
    """
    unknown = [name for name in mapping if name not in CANONICAL[kind]]
    if unknown:
        raise ConfigError(
            f"'{unknown[0]}' is not a column of a {kind} source",
            hint=f"use one of {', '.join(CANONICAL[kind])}",
            path=display,
        )
    columns = dict(mapping)
    for canonical, header in columns.items():
        if header not in headers:
            raise missing_column(canonical, header, headers, display)
    for canonical, header in recognise(kind, headers).items():
        if canonical not in columns and header not in columns.values():
            columns[canonical] = header
    for canonical in REQUIRED[kind]:
        if canonical not in columns:
            raise missing_column(canonical, None, headers, display)
    if kind == SURVEY and "nps" not in columns and "csat" not in columns:
        raise missing_column("nps", None, headers, display)
    return columns


def missing_column(
    canonical: str, header: str | None, headers: Sequence[str], display: str
) -> InputError:
    """Return the error for a column the file lacks, listing the columns it has."""
    wanted = header or canonical
    has = ", ".join(f"'{h}'" for h in headers) or "none"
    match = closest(wanted, headers)
    if header is None:
        message = f"no column for {canonical}; the file has {has}"
        hint = f"map it with --column {canonical}=HEADER or under columns: in kundresa.yaml"
        if match:
            hint = f"did you mean '{match}'? map it with --column {canonical}={match}"
    else:
        message = f"no column '{header}' (for {canonical}); the file has {has}"
        hint = f"did you mean '{match}'?" if match else "check the header line of the export"
    return InputError(message, hint=hint, path=display, line=1)


#: The header each canonical column gets in an export written in each language (init's
#: sample exports are written with them); `recognise` knows every one.
HEADERS: dict[str, dict[str, dict[str, str]]] = {
    "sv": {
        SALES: {"order_id": "Ordernummer", "customer_id": "Kund-ID", "date": "Orderdatum",
                "amount": "Belopp", "event": "Evenemang", "channel": "Kanal"},
        SURVEY: {"date": "Datum", "nps": "Rekommendera", "csat": "Nöjdhet",
                 "touchpoint": "Beröringspunkt"},
        FUNNEL: {"step": "Steg", "count": "Antal"},
    },
    "da": {
        SALES: {"order_id": "Ordrenummer", "customer_id": "Kunde-ID", "date": "Ordredato",
                "amount": "Beløb", "event": "Arrangement", "channel": "Kanal"},
        SURVEY: {"date": "Dato", "nps": "Anbefale", "csat": "Tilfredshed",
                 "touchpoint": "Kontaktpunkt"},
        FUNNEL: {"step": "Trin", "count": "Antal"},
    },
    "nb": {
        SALES: {"order_id": "Ordrenummer", "customer_id": "Kunde-ID", "date": "Ordredato",
                "amount": "Beløp", "event": "Arrangement", "channel": "Kanal"},
        SURVEY: {"date": "Dato", "nps": "Anbefale", "csat": "Tilfredshet",
                 "touchpoint": "Kontaktpunkt"},
        FUNNEL: {"step": "Steg", "count": "Antall"},
    },
    "en": {
        SALES: {"order_id": "Order ID", "customer_id": "Customer ID", "date": "Order date",
                "amount": "Amount", "event": "Event", "channel": "Channel"},
        SURVEY: {"date": "Date", "nps": "Recommend", "csat": "Satisfaction",
                 "touchpoint": "Touchpoint"},
        FUNNEL: {"step": "Step", "count": "Count"},
    },
}  # fmt: skip
