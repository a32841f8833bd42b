"""ACLED's regions, by ISO 3166-1 alpha-3 country code (the ``region`` column of its export).

>>> acled_region("SYR"), acled_region("MOZ"), acled_region("XXX")
('Middle East', 'Southern Africa', None)
"""

from __future__ import annotations

_REGIONS = {
    "Western Africa": "BEN BFA CPV CIV GMB GHA GIN GNB LBR MLI MRT NER NGA SEN SLE TGO SHN",
    "Middle Africa": "AGO CMR CAF TCD COG COD GNQ GAB STP",
    "Eastern Africa": "BDI COM DJI ERI ETH KEN MDG MWI MUS MYT REU RWA SYC SOM SSD TZA UGA ZMB ZWE",
    "Southern Africa": "BWA SWZ LSO MOZ NAM ZAF",
    "Northern Africa": "DZA EGY LBY MAR SDN TUN ESH",
    "Middle East": "BHR CYP IRN IRQ ISR JOR KWT LBN OMN PSE QAT SAU SYR TUR ARE YEM",
    "South Asia": "AFG BGD BTN IND MDV NPL PAK LKA",
    "Southeast Asia": "BRN KHM IDN LAO MYS MMR PHL SGP THA TLS VNM",
    "East Asia": "CHN HKG JPN PRK KOR MAC MNG TWN",
    "Caucasus and Central Asia": "ARM AZE GEO KAZ KGZ TJK TKM UZB",
    "Europe": "ALB AND AUT BLR BEL BIH BGR HRV CZE DNK EST FIN FRA DEU GRC HUN ISL IRL ITA XKX LVA LIE LTU LUX "
              "MLT MDA MCO MNE NLD MKD NOR POL PRT ROU RUS SMR SRB SVK SVN ESP SWE CHE UKR GBR VAT FRO GIB GGY "
              "IMN JEY ALA",
    "North America": "CAN USA GRL BMU SPM",
    "Central America": "BLZ CRI SLV GTM HND MEX NIC PAN",
    "South America": "ARG BOL BRA CHL COL ECU GUY PRY PER SUR URY VEN GUF FLK",
    "Caribbean": "AIA ATG ABW BHS BRB VGB CYM CUB CUW DMA DOM GRD GLP HTI JAM MTQ MSR PRI BLM KNA LCA MAF VCT "
                 "SXM TTO TCA VIR BES",
    "Oceania": "AUS FJI KIR MHL FSM NRU NZL PLW PNG WSM SLB TON TUV VUT NCL PYF GUM ASM MNP COK NIU TKL WLF "
               "NFK PCN",
    "Antarctica": "ATA",
}
_BY_COUNTRY = {code: region for region, codes in _REGIONS.items() for code in codes.split()}


def acled_region(alpha3: str | None) -> str | None:
    """ACLED's region of a country (None for an unknown code)."""
    return _BY_COUNTRY.get((alpha3 or "").upper())
