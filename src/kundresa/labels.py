"""Every fixed word of maps and reports, in English, Swedish, Danish and Norwegian.

Each label is one row: its key and its text in en, sv, da and nb. User text is never
translated; only these labels are.
"""

from __future__ import annotations

from kundresa.errors import InputError

LANGUAGES = ("en", "sv", "da", "nb")

# key: (en, sv, da, nb)
_ROWS: dict[str, tuple[str, str, str, str]] = {
    # Pages and sections
    "journeys": ("Journeys", "Kundresor", "Kunderejser", "Kundereiser"),
    "journey_map": ("Journey map", "Kundresekarta", "Kunderejsekort", "Kundereisekart"),
    "personas": ("Personas", "Personor", "Personaer", "Personaer"),
    "persona": ("Persona", "Persona", "Persona", "Persona"),
    "overview": ("Overview", "Översikt", "Oversigt", "Oversikt"),
    "back": (
        "All journeys and personas",
        "Alla kundresor och personor",
        "Alle kunderejser og personaer",
        "Alle kundereiser og personaer",
    ),
    "skip": ("Skip to the map", "Hoppa till kartan", "Spring til kortet", "Hopp til kartet"),
    "goals": ("Goals", "Mål", "Mål", "Mål"),
    "kpis": ("KPIs", "Nyckeltal", "Nøgletal", "Nøkkeltall"),
    "plan": ("Plan", "Plan", "Plan", "Plan"),
    "owner": ("Owner", "Ägare", "Ejer", "Eier"),
    "phase": ("Phase", "Fas", "Fase", "Fase"),
    "phases": ("phases", "faser", "faser", "faser"),
    "phases_title": ("Phases", "Faser", "Faser", "Faser"),
    "steps_title": ("Steps", "Steg", "Trin", "Steg"),
    "step": ("Step", "Steg", "Trin", "Steg"),
    "steps": ("steps", "steg", "trin", "steg"),
    "no_steps": ("No steps yet", "Inga steg ännu", "Ingen trin endnu", "Ingen steg ennå"),
    "continued": ("continued", "forts.", "fortsat", "forts."),
    "state_current": ("As-is", "Nuläge", "Nuværende", "Nåsituasjon"),
    "state_future": ("To-be", "Önskat läge", "Fremtidig", "Fremtidig"),
    "legend": ("Legend", "Teckenförklaring", "Signaturforklaring", "Tegnforklaring"),
    "made_with": (
        "Made with kundresa",
        "Gjord med kundresa",
        "Lavet med kundresa",
        "Laget med kundresa",
    ),
    "appears_in": ("Appears in", "Finns i", "Indgår i", "Inngår i"),
    "none": ("None yet", "Inga ännu", "Ingen endnu", "Ingen ennå"),
    # Lanes
    "lane_steps": ("Customer action", "Kundens handling", "Kundens handling", "Kundens handling"),
    "lane_touchpoints": ("Touchpoint", "Beröringspunkt", "Berøringspunkt", "Kontaktpunkt"),
    "lane_thoughts": ("Thoughts", "Tankar", "Tanker", "Tanker"),
    "lane_emotion": ("Emotion", "Känsla", "Følelse", "Følelse"),
    "lane_pain_points": ("Pain points", "Smärtpunkter", "Smertepunkter", "Smertepunkter"),
    "lane_opportunities": ("Opportunities", "Möjligheter", "Muligheder", "Muligheter"),
    "lane_kpis": ("KPIs", "Nyckeltal", "Nøgletal", "Nøkkeltall"),
    "lane_owners": ("Responsible", "Ansvarig", "Ansvarlig", "Ansvarlig"),
    # Touchpoints
    "digital": ("Digital", "Digital", "Digital", "Digital"),
    "physical": ("Physical", "Fysisk", "Fysisk", "Fysisk"),
    "owned": ("Owned", "Egen", "Egen", "Egen"),
    "paid": ("Paid", "Betald", "Betalt", "Betalt"),
    "earned": ("Earned", "Förtjänad", "Fortjent", "Fortjent"),
    "conversion": (
        "Conversion point",
        "Konverteringspunkt",
        "Konverteringspunkt",
        "Konverteringspunkt",
    ),
    "feedback": (
        "Asks for feedback",
        "Ber om återkoppling",
        "Beder om feedback",
        "Ber om tilbakemelding",
    ),
    "hero": ("Hero", "Hero", "Hero", "Hero"),
    "help": ("Help", "Help", "Help", "Help"),
    "hub": ("Hub", "Hub", "Hub", "Hub"),
    "no_touchpoint": (
        "No touchpoint",
        "Ingen beröringspunkt",
        "Intet berøringspunkt",
        "Intet kontaktpunkt",
    ),
    # Channels
    "ch_web": ("Web", "Webb", "Web", "Nett"),
    "ch_app": ("App", "App", "App", "App"),
    "ch_social": ("Social media", "Sociala medier", "Sociale medier", "Sosiale medier"),
    "ch_email": ("Email", "E-post", "E-mail", "E-post"),
    "ch_sms": ("SMS", "SMS", "SMS", "SMS"),
    "ch_ads": ("Ads", "Annonser", "Annoncer", "Annonser"),
    "ch_search": ("Search", "Sök", "Søgning", "Søk"),
    "ch_influencer": ("Influencer", "Influencer", "Influencer", "Influenser"),
    "ch_review": ("Reviews", "Omdömen", "Anmeldelser", "Anmeldelser"),
    "ch_print": ("Print", "Tryck", "Tryk", "Trykk"),
    "ch_outdoor": ("Outdoor", "Utomhus", "Udendørs", "Utendørs"),
    "ch_tv-radio": ("TV and radio", "TV och radio", "TV og radio", "TV og radio"),
    "ch_phone": ("Phone", "Telefon", "Telefon", "Telefon"),
    "ch_chat": ("Chat", "Chatt", "Chat", "Chat"),
    "ch_box-office": ("Box office", "Biljettkassa", "Billetkontor", "Billettluke"),
    "ch_venue": ("Venue", "På plats", "På stedet", "På stedet"),
    "ch_partner": ("Partner", "Partner", "Partner", "Partner"),
    "ch_word-of-mouth": ("Word of mouth", "Mun till mun", "Mund til mund", "Jungeltelegrafen"),
    "ch_other": ("Other", "Annat", "Andet", "Annet"),
    # Emotion chart
    "emotion_curve": ("Emotion curve", "Känslokurva", "Følelseskurve", "Følelseskurve"),
    "emotion_scale": (
        "1 = very negative, 5 = very positive",
        "1 = mycket negativ, 5 = mycket positiv",
        "1 = meget negativ, 5 = meget positiv",
        "1 = svært negativ, 5 = svært positiv",
    ),
    "customer": ("Customer", "Kunden", "Kunden", "Kunden"),
    "not_given": ("not given", "saknas", "mangler", "mangler"),
    "of_5": ("of 5", "av 5", "af 5", "av 5"),
    # Opportunities
    "value": ("Value", "Värde", "Værdi", "Verdi"),
    "effort": ("Effort", "Insats", "Indsats", "Innsats"),
    "low": ("Low", "Låg", "Lav", "Lav"),
    "medium": ("Medium", "Medel", "Middel", "Middels"),
    "high": ("High", "Hög", "Høj", "Høy"),
    "matrix": ("Opportunity matrix", "Möjlighetsmatris", "Mulighedsmatrix", "Mulighetsmatrise"),
    "matrix_desc": (
        "Opportunities by value to the customer and the business against the "
        "effort to make them real.",
        "Möjligheter efter värde för kunden och verksamheten mot insatsen att genomföra dem.",
        "Muligheder efter værdi for kunden og forretningen mod indsatsen for at gennemføre dem.",
        "Muligheter etter verdi for kunden og virksomheten mot innsatsen for å gjennomføre dem.",
    ),
    "quick_wins": ("Quick wins", "Snabba vinster", "Hurtige gevinster", "Raske gevinster"),
    "big_bets": ("Big bets", "Stora satsningar", "Store satsninger", "Store satsinger"),
    "fill_ins": ("Fill-ins", "Småfix", "Småting", "Småfiks"),
    "think_twice": ("Think twice", "Tänk efter", "Tænk dig om", "Tenk deg om"),
    "unsized": ("Not yet sized", "Ännu inte bedömda", "Endnu ikke vurderet", "Ennå ikke vurdert"),
    # KPIs
    "kpi": ("KPI", "Nyckeltal", "Nøgletal", "Nøkkeltall"),
    "metric": ("Metric", "Mått", "Mål", "Måltall"),
    "target": ("Target", "Mål", "Mål", "Mål"),
    "actual": ("Actual", "Utfall", "Faktisk", "Faktisk"),
    "status": ("Status", "Status", "Status", "Status"),
    "met": ("Met", "Uppnått", "Nået", "Nådd"),
    "missed": ("Missed", "Ej uppnått", "Ikke nået", "Ikke nådd"),
    "no_data": ("No data", "Ingen data", "Ingen data", "Ingen data"),
    "no_target": ("No target", "Inget mål", "Intet mål", "Ingen mål"),
    "uncertain": ("Uncertain", "Osäkert", "Usikkert", "Usikkert"),
    "answers": ("answers", "svar", "svar", "svar"),
    "interval": (
        "95% interval",
        "95\u00a0% konfidensintervall",
        "95\u00a0% konfidensinterval",
        "95\u00a0% konfidensintervall",
    ),
    "lowest_csat": (
        "Touchpoints with the lowest CSAT",
        "Beröringspunkter med lägst CSAT",
        "Berøringspunkter med lavest CSAT",
        "Kontaktpunkter med lavest CSAT",
    ),
    "unknown_touchpoint": (
        "not in the touchpoint catalogue",
        "finns inte i katalogen",
        "findes ikke i kataloget",
        "finnes ikke i katalogen",
    ),
    # KPI reports
    "value_heading": ("Value", "Värde", "Værdi", "Verdi"),
    "targets": ("Targets", "Mål", "Mål", "Mål"),
    "journey": ("Journey", "Kundresa", "Kunderejse", "Kundereise"),
    "window": ("Window", "Period", "Periode", "Periode"),
    "to": ("to", "till", "til", "til"),
    "by": ("By", "Per", "Pr.", "Per"),
    "by_event": ("By event", "Per evenemang", "Pr. arrangement", "Per arrangement"),
    "by_channel": ("By channel", "Per kanal", "Pr. kanal", "Per kanal"),
    "by_month": ("By month", "Per månad", "Pr. måned", "Per måned"),
    "by_quarter": ("By quarter", "Per kvartal", "Pr. kvartal", "Per kvartal"),
    "by_cohort": ("By cohort", "Per kohort", "Pr. kohorte", "Per kohort"),
    "by_touchpoint": (
        "By touchpoint",
        "Per beröringspunkt",
        "Pr. berøringspunkt",
        "Per kontaktpunkt",
    ),
    "funnel": ("Funnel", "Tratt", "Tragt", "Trakt"),
    "count": ("Count", "Antal", "Antal", "Antall"),
    "from_previous": (
        "From previous step",
        "Från föregående steg",
        "Fra forrige trin",
        "Fra forrige steg",
    ),
    "cohort_retention": (
        "Cohort retention",
        "Kohortlojalitet",
        "Kohortefastholdelse",
        "Kohortlojalitet",
    ),
    "cohort_desc": (
        "Share of each first-purchase month's customers buying again in each later month.",
        "Andel av varje förstaköpsmånads kunder som köper igen i varje senare månad.",
        "Andel af hver førstekøbsmåneds kunder, der køber igen i hver senere måned.",
        "Andel av hver førstekjøpsmåneds kunder som kjøper igjen i hver senere måned.",
    ),
    "monthly_revenue": (
        "Monthly revenue",
        "Intäkter per månad",
        "Omsætning pr. måned",
        "Omsetning per måned",
    ),
    "kpi_report": ("KPI report", "Nyckeltalsrapport", "Nøgletalsrapport", "Nøkkeltallsrapport"),
    "max": ("max", "max", "maks.", "maks."),
    "interval_low": ("95% low", "95\u00a0% lägst", "95\u00a0% laveste", "95\u00a0% laveste"),
    "interval_high": ("95% high", "95\u00a0% högst", "95\u00a0% højeste", "95\u00a0% høyeste"),
    "cohort": ("Cohort", "Kohort", "Kohorte", "Kohort"),
    "month": ("Month", "Månad", "Måned", "Måned"),
    "warnings": ("Warnings", "Varningar", "Advarsler", "Advarsler"),
    "days": ("days", "dagar", "dage", "dager"),
    "m_customers": ("Customers", "Kunder", "Kunder", "Kunder"),
    "m_orders": ("Orders", "Ordrar", "Ordrer", "Ordrer"),
    "m_revenue": ("Revenue", "Intäkter", "Omsætning", "Omsetning"),
    "m_aov": (
        "Average order value",
        "Snittorder",
        "Gennemsnitlig ordreværdi",
        "Gjennomsnittlig ordreverdi",
    ),
    "m_purchase_frequency": ("Purchase frequency", "Köpfrekvens", "Købsfrekvens", "Kjøpsfrekvens"),
    "m_repeat_rate": ("Repeat-purchase rate", "Återköpsgrad", "Genkøbsrate", "Gjenkjøpsrate"),
    "m_avg_lifespan_days": (
        "Average customer lifespan",
        "Genomsnittlig kundlivslängd",
        "Gennemsnitlig kundelevetid",
        "Gjennomsnittlig kundelevetid",
    ),
    "m_clv": (
        "Customer lifetime value",
        "Kundlivstidsvärde",
        "Kundelevetidsværdi",
        "Kundelevetidsverdi",
    ),
    "m_historic_clv": (
        "Historic CLV",
        "Historiskt kundvärde",
        "Historisk kundeværdi",
        "Historisk kundeverdi",
    ),
    "m_churn_rate": ("Churn rate", "Kundbortfall", "Kundeafgang", "Kundefrafall"),
    "m_nps": ("NPS", "NPS", "NPS", "NPS"),
    "m_csat": ("CSAT", "CSAT", "CSAT", "CSAT"),
    "m_conversion": (
        "Conversion rate",
        "Konverteringsgrad",
        "Konverteringsrate",
        "Konverteringsrate",
    ),
    "m_custom": ("Custom", "Eget mått", "Eget mål", "Eget måltall"),
    # Plan
    "task": ("Task", "Uppgift", "Opgave", "Oppgave"),
    "due": ("Due", "Klart", "Frist", "Frist"),
    "budget": ("Budget", "Budget", "Budget", "Budsjett"),
    "todo": ("To do", "Att göra", "At gøre", "Å gjøre"),
    "doing": ("In progress", "Pågår", "I gang", "Pågår"),
    "done": ("Done", "Klar", "Færdig", "Ferdig"),
    # Persona fields
    "quote": ("Quote", "Citat", "Citat", "Sitat"),
    "age": ("Age", "Ålder", "Alder", "Alder"),
    "years": ("years", "år", "år", "år"),
    "life_stage": ("Life stage", "Livsfas", "Livsfase", "Livsfase"),
    "gender": ("Gender", "Kön", "Køn", "Kjønn"),
    "location": ("Lives", "Bor", "Bor", "Bor"),
    "occupation": ("Occupation", "Sysselsättning", "Beskæftigelse", "Yrke"),
    "segment": ("Segment", "Segment", "Segment", "Segment"),
    "interests": ("Interests", "Intressen", "Interesser", "Interesser"),
    "needs": ("Needs", "Behov", "Behov", "Behov"),
    "persona_goals": ("Goals", "Mål", "Mål", "Mål"),
    "challenges": ("Challenges", "Utmaningar", "Udfordringer", "Utfordringer"),
    "media": ("Media", "Medier", "Medier", "Medier"),
    "brands": ("Brands", "Varumärken", "Mærker", "Merkevarer"),
    "channels": (
        "Preferred channels",
        "Föredragna kanaler",
        "Foretrukne kanaler",
        "Foretrukne kanaler",
    ),
    "evidence": ("Based on", "Baserad på", "Baseret på", "Basert på"),
}


def labels_for(language: str) -> dict[str, str]:
    """Return every label in `language` (en, sv, da or nb), keyed by label name.

    Raises:
        InputError: the language is not one of the four.
    """
    if language not in LANGUAGES:
        raise InputError(f"no labels in '{language}'", hint="use one of: " + ", ".join(LANGUAGES))
    index = LANGUAGES.index(language)
    return {key: texts[index] for key, texts in _ROWS.items()}
