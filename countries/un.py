"""The 193 UN Member States: their names as the UN writes them in each site language, their M49 region
and sub-region, and each language's alphabetical order.

Names and regions come from OCHA's countries and territories taxonomy, shipped inside the
`hdx-python-country` package (short names from UNTERM in Arabic, English, Spanish and French); read
from the package's own file, never from the network. Portuguese, not a UN official language, comes
from CLDR through Babel. Member States are the taxonomy's "DGACM list", which is exactly the 193.

Sorting follows the Unicode Collation Algorithm (pyuca, pure Python: no ICU to build), which orders
these five languages' letters correctly (Á with A, Ç with C, Arabic in its alphabetical order).
"""

from dataclasses import dataclass, field
from functools import cache

from babel import Locale
from django.conf import settings
from django.utils import translation
from pyuca import Collator

# The site's languages whose names the taxonomy carries; Portuguese is taken from CLDR.
TAXONOMY_NAME_COLUMNS = {"ar": "Arabic Short", "en": "English Short", "es": "Spanish Short", "fr": "French Short"}
CLDR_LANGUAGES = ("pt",)

# M49 regions and the sub-regions the taxonomy uses, as the UN Statistics Division names them in
# Arabic, English, Spanish and French; Portuguese as Brazilian usage writes them (CLDR where it has
# the UN's area, e.g. not for 419, which CLDR calls "Latin America" only).
REGION_NAMES = {
    2: {"ar": "أفريقيا", "en": "Africa", "es": "África", "fr": "Afrique", "pt": "África"},
    19: {"ar": "الأمريكتان", "en": "Americas", "es": "Américas", "fr": "Amériques", "pt": "Américas"},
    142: {"ar": "آسيا", "en": "Asia", "es": "Asia", "fr": "Asie", "pt": "Ásia"},
    150: {"ar": "أوروبا", "en": "Europe", "es": "Europa", "fr": "Europe", "pt": "Europa"},
    9: {"ar": "أوقيانوسيا", "en": "Oceania", "es": "Oceanía", "fr": "Océanie", "pt": "Oceania"},
    15: {"ar": "شمال أفريقيا", "en": "Northern Africa", "es": "África septentrional", "fr": "Afrique septentrionale", "pt": "Norte da África"},
    202: {"ar": "أفريقيا جنوب الصحراء الكبرى", "en": "Sub-Saharan Africa", "es": "África subsahariana", "fr": "Afrique subsaharienne", "pt": "África Subsaariana"},
    419: {"ar": "أمريكا اللاتينية ومنطقة البحر الكاريبي", "en": "Latin America and the Caribbean", "es": "América Latina y el Caribe", "fr": "Amérique latine et Caraïbes", "pt": "América Latina e Caribe"},
    21: {"ar": "أمريكا الشمالية", "en": "Northern America", "es": "América septentrional", "fr": "Amérique septentrionale", "pt": "América do Norte"},
    143: {"ar": "آسيا الوسطى", "en": "Central Asia", "es": "Asia central", "fr": "Asie centrale", "pt": "Ásia Central"},
    30: {"ar": "شرق آسيا", "en": "Eastern Asia", "es": "Asia oriental", "fr": "Asie orientale", "pt": "Ásia Oriental"},
    35: {"ar": "جنوب شرق آسيا", "en": "South-eastern Asia", "es": "Asia sudoriental", "fr": "Asie du Sud-Est", "pt": "Sudeste Asiático"},
    34: {"ar": "جنوب آسيا", "en": "Southern Asia", "es": "Asia meridional", "fr": "Asie du Sud", "pt": "Ásia Meridional"},
    145: {"ar": "غرب آسيا", "en": "Western Asia", "es": "Asia occidental", "fr": "Asie occidentale", "pt": "Ásia Ocidental"},
    151: {"ar": "أوروبا الشرقية", "en": "Eastern Europe", "es": "Europa oriental", "fr": "Europe orientale", "pt": "Europa Oriental"},
    154: {"ar": "أوروبا الشمالية", "en": "Northern Europe", "es": "Europa septentrional", "fr": "Europe septentrionale", "pt": "Europa Setentrional"},
    39: {"ar": "أوروبا الجنوبية", "en": "Southern Europe", "es": "Europa meridional", "fr": "Europe méridionale", "pt": "Europa Meridional"},
    155: {"ar": "أوروبا الغربية", "en": "Western Europe", "es": "Europa occidental", "fr": "Europe occidentale", "pt": "Europa Ocidental"},
    53: {"ar": "أستراليا ونيوزيلندا", "en": "Australia and New Zealand", "es": "Australia y Nueva Zelandia", "fr": "Australie et Nouvelle-Zélande", "pt": "Austrália e Nova Zelândia"},
    54: {"ar": "ميلانيزيا", "en": "Melanesia", "es": "Melanesia", "fr": "Mélanésie", "pt": "Melanésia"},
    57: {"ar": "ميكرونيزيا", "en": "Micronesia", "es": "Micronesia", "fr": "Micronésie", "pt": "Micronésia"},
    61: {"ar": "بولينيزيا", "en": "Polynesia", "es": "Polinesia", "fr": "Polynésie", "pt": "Polinésia"},
}
# The five regions in the order the UN lists them.
REGIONS = (2, 19, 142, 150, 9)


@dataclass(frozen=True)
class MemberState:
    code: str  # ISO 3166-1 alpha-2
    alpha3: str
    region: int
    sub_region: int
    latitude: float
    longitude: float
    names: dict = field(compare=False)

    def name(self, language=None):
        return self.names.get(site_language(language)) or self.names["en"]


def site_language(language=None):
    language = (language or translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]
    return language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


@cache
def member_states():
    """{alpha-2 code: MemberState} for the 193, read once per process from the package's own file."""
    # Imported here: hdx pulls in frictionless (half a second), which only this needs.
    from hdx.location.country import Country

    Country.set_use_live_default(False)
    taxonomy = Country.countriesdata(use_live=False)["countries"]
    cldr_names = {language: Locale.parse(language).territories for language in CLDR_LANGUAGES}
    states = {}
    for row in taxonomy.values():
        if row.get("Appears in DGACM list") != "Y":
            continue
        code = row["ISO 3166-1 Alpha 2-Codes"]
        names = {language: row[column] for language, column in TAXONOMY_NAME_COLUMNS.items()}
        names.update({language: territories[code] for language, territories in cldr_names.items()})
        states[code] = MemberState(
            code=code,
            alpha3=row["ISO 3166-1 Alpha 3-Codes"],
            region=int(row["Region Code"]),
            sub_region=int(row["Sub-region Code"]),
            latitude=float(row["Latitude"]),
            longitude=float(row["Longitude"]),
            names=names,
        )
    return states


def member_state(code):
    return member_states().get((code or "").upper())


def region_name(code, language=None):
    return REGION_NAMES[code][site_language(language)]


@cache
def collator():
    return Collator()


ARABIC_ARTICLE = "ال"
ARABIC_ALEF_FORMS = str.maketrans({"آ": "ا", "أ": "ا", "إ": "ا"})


def collation_text(name, language):
    """The UN's Arabic lists file a name under its first letter after the article, alef with or without
    hamza alike (الأرجنتين with ا, الجمهورية العربية السورية with ج)."""
    if language != "ar":
        return name
    if name.startswith(ARABIC_ARTICLE):
        name = name[len(ARABIC_ARTICLE):]
    return name.translate(ARABIC_ALEF_FORMS)


@cache
def alphabetical_order(language):
    """{code: position} of the Member States in `language`'s alphabetical order of their names."""
    key = collator().sort_key
    states = member_states()
    codes = sorted(states, key=lambda code: key(collation_text(states[code].names[language], language)))
    return {code: position for position, code in enumerate(codes)}


def sort_key(language=None):
    """A key that sorts Member State codes by their names in `language` (the active one by default)."""
    order = alphabetical_order(site_language(language))
    return lambda code: order.get(code, len(order))
