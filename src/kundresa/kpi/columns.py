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
    SALES: ("order_id", "customer_id", "date", "amount", "refund", "event", "channel"),
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
        "refund": (
            "refund", "refunded", "refunded amount", "refund amount", "återbetalt",
            "återbetalning", "refunderet", "refusjon", "refundert",
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
            "svardato", "besvaret", "timestamp", "tidstämpel", "tidsstempel", "tidsstempel",
            "start date", "end date", "submitted at", "submitted",
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


#: Words that name a survey question by its content, when no header is an exact synonym.
_QUESTION_WORDS = {
    "nps": ("recommend", "rekommendera", "anbefale", "anbefal"),
    "csat": ("satisf", "nöjd", "tilfreds", "fornøyd"),
}


def recognise(kind: str, headers: Sequence[str]) -> dict[str, str]:
    """Return canonical name -> header for the headers this kind of source recognises.

    A survey question is also recognised by its words ("How likely are you to recommend
    us?", "Hur nöjd var du?"), the first such header for each score.
    """
    found: dict[str, str] = {}
    for header in headers:
        canonical = _LOOKUP[kind].get(normalise(header))
        if canonical is not None and canonical not in found:
            found[canonical] = header
    if kind == SURVEY:
        for canonical, words in _QUESTION_WORDS.items():
            if canonical in found:
                continue
            taken = set(found.values())
            for header in headers:
                folded = header.casefold()
                if header not in taken and any(w in folded for w in words):
                    found[canonical] = header
                    break
    return found


def match_header(wanted: str, headers: Sequence[str]) -> str | None:
    """Return the file's header for a mapped name, regardless of case and surrounding spaces."""
    if wanted in headers:
        return wanted
    folded = wanted.strip().casefold()
    return next((h for h in headers if h.strip().casefold() == folded), None)


def resolve(
    kind: str,
    headers: Sequence[str],
    mapping: Mapping[str, str],
    display: str,
) -> dict[str, str]:
    """Return canonical name -> header: the mapping given, completed by recognition.

    Raises:
        ConfigError: the mapping names a canonical column this kind of source has not.
        InputError: mapped or required columns are not in the file (all listed at once).
    """
    unknown = [name for name in mapping if name not in CANONICAL[kind]]
    if unknown:
        raise ConfigError(
            f"'{unknown[0]}' is not a column of a {kind} source",
            hint=f"use one of {', '.join(CANONICAL[kind])}",
            path=display,
        )
    columns: dict[str, str] = {}
    missing: list[tuple[str, str | None]] = []
    for canonical, wanted in mapping.items():
        header = match_header(wanted, headers)
        if header is None:
            missing.append((canonical, wanted))
        else:
            columns[canonical] = header
    for canonical, header in recognise(kind, headers).items():
        if canonical not in columns and canonical not in mapping and header not in columns.values():
            columns[canonical] = header
    missing += [(c, None) for c in REQUIRED[kind] if c not in columns and c not in mapping]
    if kind == SURVEY and not {"nps", "csat"} & (columns.keys() | mapping.keys()):
        missing.append(("nps", None))
    if missing:
        raise missing_columns(missing, headers, display)
    return columns


def missing_columns(
    missing: Sequence[tuple[str, str | None]], headers: Sequence[str], display: str
) -> InputError:
    """Return the error for the columns the file lacks, each with its closest header."""
    has = ", ".join(f"'{h}'" for h in headers) or "none"
    parts, hints, guessed = [], [], False
    for canonical, header in missing:
        match = closest(header or canonical, headers)
        guessed = guessed or match is not None
        parts.append(
            f"column '{header}' (for {canonical})" if header else f"column for {canonical}"
        )
        hints.append(f"--column {canonical}={match or 'HEADER'}")
    message = f"no {', '.join(parts)}; the file has {has}"
    lead = "did you mean" if guessed else "map them with"
    hint = f"{lead} {' '.join(hints)}? (or under columns: in kundresa.yaml)"
    if not guessed:
        hint = f"{lead} {' '.join(hints)} or under columns: in kundresa.yaml"
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
