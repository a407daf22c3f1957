"""The fixed lists partners choose from: themes, target groups and enumerations.

This is the single source of truth for these ids. The pydantic models, the JSON
Schema, the site and the tests all read them from here.
"""

from __future__ import annotations

# The 13 themes of PRODUCT.md. Ids are a contract: other code and tests rely on them.
THEMAS: dict[str, str] = {
    "geld-en-schulden": "Geld en schulden",
    "werk-en-inkomen": "Werk en inkomen",
    "wonen-en-huishouden": "Wonen en huishouden",
    "zorg-en-gezondheid": "Zorg en gezondheid",
    "hulpmiddelen-en-vervoer": "Hulpmiddelen en vervoer",
    "psychisch-en-verslaving": "Psychische problemen en verslaving",
    "opvoeden-en-opgroeien": "Opvoeden en opgroeien",
    "mantelzorg": "Mantelzorg",
    "vrijwilligers-en-buurthulp": "Vrijwilligers en buurthulp",
    "meedoen-en-ontmoeten": "Meedoen en ontmoeten",
    "veiligheid": "Veiligheid en huiselijk geweld",
    "formulieren-en-juridisch": "Formulieren, regelzaken en juridische hulp",
    "taal-en-digitaal": "Taal, lezen en digitale vaardigheden",
}

# One plain sentence per theme for the tiles on the home page (B1).
THEMA_UITLEG: dict[str, str] = {
    "geld-en-schulden": "Rondkomen, rekeningen, schulden en hulp bij je administratie.",
    "werk-en-inkomen": "Een baan zoeken, een uitkering, re-integratie en inkomen.",
    "wonen-en-huishouden": "Je huis, het huishouden, verhuizen en je woning aanpassen.",
    "zorg-en-gezondheid": "Zorg thuis, je gezondheid en hulp van de huisarts.",
    "hulpmiddelen-en-vervoer": "Een rollator, rolstoel, scootmobiel of vervoer naar een afspraak.",
    "psychisch-en-verslaving": "Somberheid, stress, angst, alcohol, drugs of gokken.",
    "opvoeden-en-opgroeien": "Vragen over kinderen, jongeren, opvoeden en school.",
    "mantelzorg": "Je zorgt voor iemand en wilt steun of even rust.",
    "vrijwilligers-en-buurthulp": "Hulp van een vrijwilliger of zelf iets doen voor een ander.",
    "meedoen-en-ontmoeten": "Mensen ontmoeten, eenzaamheid, sport en activiteiten.",
    "veiligheid": "Geweld, mishandeling of je onveilig voelen, thuis of buiten.",
    "formulieren-en-juridisch": "Formulieren invullen, brieven snappen en juridisch advies.",
    "taal-en-digitaal": "Beter lezen, schrijven, Nederlands leren en werken met de computer.",
}

DOELGROEPEN: dict[str, str] = {
    "kinderen": "Kinderen (tot 12 jaar)",
    "jongeren": "Jongeren (12 tot 27 jaar)",
    "ouders": "Ouders en opvoeders",
    "volwassenen": "Volwassenen",
    "ouderen": "Ouderen",
    "mantelzorgers": "Mantelzorgers",
    "mensen-met-een-beperking": "Mensen met een beperking",
    "nieuwkomers": "Nieuwkomers en statushouders",
    "werkzoekenden": "Werkzoekenden",
    "mensen-met-geldzorgen": "Mensen met geldzorgen",
    "iedereen": "Iedereen",
}

TOEGANG: dict[str, str] = {
    "vrij": "Vrij toegankelijk: je kunt zo binnenlopen of bellen",
    "aanmelden": "Eerst aanmelden",
    "verwijzing": "Je hebt een verwijzing nodig",
    "beschikking": "Je hebt een beschikking van de gemeente nodig",
}

KOSTEN: dict[str, str] = {
    "gratis": "Gratis",
    "eigen bijdrage": "Eigen bijdrage",
    "marktprijs": "Je betaalt zelf",
}

STATUS: dict[str, str] = {
    "actief": "Actief",
    "tijdelijk gesloten": "Tijdelijk gesloten",
    "gestopt": "Gestopt",
}

ORGANISATIE_SOORTEN: dict[str, str] = {
    "gemeente": "Gemeente",
    "welzijn": "Welzijnsorganisatie",
    "zorg": "Zorgaanbieder",
    "vrijwilligers": "Vrijwilligersorganisatie",
    "onderwijs": "Onderwijs en opvang",
    "wonen": "Woningcorporatie",
    "landelijk": "Landelijke organisatie",
    "overig": "Overige organisatie",
}

INGANG_SOORTEN: dict[str, str] = {
    "sociaal-team": "Sociaal team",
    "wmo-loket": "Wmo-loket",
    "cjg": "Centrum voor Jeugd en Gezin",
    "jongerenloket": "Jongerenloket",
    "werkplein": "Werkplein",
    "schuldhulpverlening": "Schuldhulpverlening",
    "kcc": "Klantcontactcentrum (KCC)",
    "veilig-thuis": "Veilig Thuis",
    "crisislijn": "Crisislijn",
    "huisartsenpost": "Huisartsenpost",
}

VINDPLAATS_SOORTEN: dict[str, str] = {
    "school": "School",
    "huisarts": "Huisarts",
    "consultatiebureau": "Consultatiebureau / JGZ",
    "kinderopvang": "Kinderopvang",
    "peuterspeelzaal": "Peuterspeelzaal",
    "bibliotheek": "Bibliotheek",
    "buurthuis": "Buurthuis / wijkcentrum",
    "kerk": "Kerk of moskee",
    "sportclub": "Sportclub",
    "woningcorporatie": "Woningcorporatie",
    "wijkagent": "Wijkagent",
    "apotheek": "Apotheek",
    "anders": "Andere vindplaats",
}

WETTEN: dict[str, str] = {
    "wmo": "Wmo 2015",
    "jeugdwet": "Jeugdwet",
    "participatiewet": "Participatiewet",
    "wlz": "Wet langdurige zorg (Wlz)",
}

WEEKDAGEN: dict[str, str] = {
    "ma": "maandag",
    "di": "dinsdag",
    "wo": "woensdag",
    "do": "donderdag",
    "vr": "vrijdag",
    "za": "zaterdag",
    "zo": "zondag",
}

# "Only on the n-th weekday of the month" in opening hours ('in_de_maand: [eerste, derde]'): the word
# partners write and the occurrence of the weekday in its month it stands for (-1 = the last one).
# The numbers are also what the browser gets (openingstijden.to_json, nu-open.js).
IN_DE_MAAND: dict[str, int] = {
    "eerste": 1,
    "tweede": 2,
    "derde": 3,
    "vierde": 4,
    "laatste": -1,
}

# "Every other week" in opening hours ('weken: even' / 'weken: oneven'): the word partners write and the
# remainder of the ISO week number divided by 2 it stands for, as municipalities count "even weken".
WEKEN: dict[str, int] = {
    "even": 0,
    "oneven": 1,
}

# Record types: folder (in kaart/ and on the site), Dutch label, Dutch plural.
SOORTEN: dict[str, tuple[str, str, str]] = {
    "voorziening": ("voorzieningen", "Voorziening", "Voorzieningen"),
    "vindplaats": ("vindplaatsen", "Vindplaats", "Vindplaatsen"),
    "clientondersteuner": ("clientondersteuners", "Cliëntondersteuner", "Cliëntondersteuners"),
    "ingang": ("ingangen", "Ingang", "Ingangen"),
    "organisatie": ("organisaties", "Organisatie", "Organisaties"),
}

# What residents read for each record type (SOORTEN keeps the names partners use in kaart/ and the guide).
SOORT_VOOR_INWONERS: dict[str, tuple[str, str]] = {
    "voorziening": ("voorziening", "Voorzieningen"),
    "vindplaats": ("plek in de buurt", "Plekken in de buurt"),
    "clientondersteuner": ("cliëntondersteuner", "Cliëntondersteuners"),
    "ingang": ("loket of hulplijn", "Loketten en hulplijnen"),
    "organisatie": ("organisatie", "Organisaties"),
}

# How soon a wegwijzer outcome asks the resident to act (kaart/wegwijzer/uitkomsten/*.yaml, 'urgentie').
URGENTIE: dict[str, str] = {
    "nu": "Bel nu",
    "snel": "Neem vandaag of morgen contact op",
    "gewoon": "Neem contact op wanneer het jou uitkomt",
}


# --- trust ------------------------------------------------------------------------------

# Who may hold an ingang of each soort. Every ingang is a loket or help line: it stands under "Loketten en
# hulplijnen" on /kcc/, on /contact/ and on the call script's outcome pages, so no soort is open to any partner.
# - GEMEENTE_DEUR: it decides where residents are sent for the gemeente; only an organisation with
#   `soort: gemeente` (a partner cannot make itself a kern's sociaal team or loket).
# - HULPLIJN: a crisis line, shown by the safety net and on crisis outcomes: a national line from
#   NATIONALE_HULPLIJNEN (its own ingang), or a local one of the gemeente.
# - REGIONALE_LIJN: a line called in need that a regional organisation runs (the huisartsenpost): the gemeente,
#   or an organisation whose number for it the gemeente reviewed in kaart/toegestane-nummers.yaml.
GEMEENTE_DEUR, HULPLIJN, REGIONALE_LIJN = "gemeente", "hulplijn", "regionale lijn"
INGANG_HOUDERS: dict[str, str] = {
    "sociaal-team": GEMEENTE_DEUR,
    "wmo-loket": GEMEENTE_DEUR,
    "cjg": GEMEENTE_DEUR,
    "jongerenloket": GEMEENTE_DEUR,
    "werkplein": GEMEENTE_DEUR,
    "schuldhulpverlening": GEMEENTE_DEUR,
    "kcc": GEMEENTE_DEUR,
    "veilig-thuis": HULPLIJN,
    "crisislijn": HULPLIJN,
    "huisartsenpost": REGIONALE_LIJN,
}
assert INGANG_HOUDERS.keys() == INGANG_SOORTEN.keys(), "every ingang soort says who may hold it"
ROUTERENDE_INGANGEN = tuple(soort for soort, houder in INGANG_HOUDERS.items() if houder == GEMEENTE_DEUR)
CRISIS_INGANGEN = tuple(soort for soort, houder in INGANG_HOUDERS.items() if houder == HULPLIJN)
# The lines a crisis outcome of the wegwijzer shows, in this order; called in need, so day and night.
CRISIS_SOORTEN = ("crisislijn", "veilig-thuis", "huisartsenpost")

# The words an outcome of the wegwijzer uses instead of a record id (`ingang:`, `ingang_elders`), with what they
# stand for. A record may not have one of them as its id: it would be taken for the word, or the word for it.
SOCIAAL_TEAM = "sociaal-team"
CRISIS = "crisis"
CLIENTONDERSTEUNING = "clientondersteuning"
WEGWIJZER_TREFWOORDEN: dict[str, str] = {
    SOCIAAL_TEAM: "het sociaal team van de kern",
    CRISIS: "de crisislijnen",
    CLIENTONDERSTEUNING: "de onafhankelijke cliëntondersteuners",
}

# The national crisis and help lines. Only the ingang with this id may carry these numbers and
# names (look-alikes included); its number must be one of these. Numbers as stored (E.164 or short).
NATIONALE_HULPLIJNEN: dict[str, dict] = {
    "alarmnummer-112": {"naam": "Alarmnummer 112", "nummers": ("112",), "namen": ("112", "alarmnummer")},
    "113-zelfmoordpreventie": {"naam": "113 Zelfmoordpreventie", "nummers": ("113", "+318000113"), "namen": ("113", "zelfmoordpreventie")},
    "veilig-thuis": {"naam": "Veilig Thuis", "nummers": ("+318002000",), "namen": ("veilig thuis",)},
    "de-kindertelefoon": {"naam": "De Kindertelefoon", "nummers": ("+318000432",), "namen": ("kindertelefoon",)},
    "de-luisterlijn": {"naam": "De Luisterlijn", "nummers": ("+31880767000",), "namen": ("luisterlijn",)},
}

# What /kcc/ reads out about a record without a `kcc` block, first filled field first (kcc.data.kcc_antwoord);
# the trust check reads the same fields (trust.kcc_texts).
KCC_TEKST_ZONDER_KCC = ("wat_kun_je_vragen", "samenvatting")
