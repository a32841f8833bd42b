"""Seats and English names of provinces whose ISO 3166-2 name is not the name of their seat.

The default gazetteer ties a province (pycountry's subdivision) to GeoNames' province code
through a town of the same name (Aleppo, Idlib, Kirkuk); for the provinces below it takes the
seat named here instead, and adds the English names news use (``North Kivu`` for
``Nord-Kivu``). General geography, written for the theatres of conflict news; extend as needed.
A listed province takes its GeoNames code before the unlisted ones: where GeoNames has fewer
provinces than ISO (Palestine: the Gaza Strip and the West Bank, not 16 governorates), the row
here names the one GeoNames has.

>>> SEATS["CD-NK"]
('Goma', ('North Kivu', 'Kivus'))
"""

from __future__ import annotations


def _table(rows: str) -> dict[str, tuple[str, tuple[str, ...]]]:
    out: dict[str, tuple[str, tuple[str, ...]]] = {}
    for line in rows.strip().splitlines():
        code, seat, *aliases = [part.strip() for part in line.split("|")]
        out[code] = (seat, tuple(a for a in aliases if a))
    return out


#: ISO 3166-2 code -> (seat, English names).
SEATS = _table("""
SY-RD | Duma | Rural Damascus | Rif Dimashq | Reef Damascus | Damascus countryside
SY-HA | Al-Hasakah | Hasakah | Hasakeh | Hassakeh
SY-RA | Raqqa | Raqqa
SY-LA | Latakia | Latakia | Lattakia
SY-SU | As-Suwayda | Suwayda | Sweida
SY-QU | Quneitra | Quneitra | Golan Heights | Golan
SY-DY | Deir ez-Zor | Deir ez-Zor | Deir al-Zor | Deir Ezzor
SY-DR | Daraa | Daraa | Deraa
SY-HL | Aleppo | Aleppo
SY-HM | Hama | Hama
SY-HI | Homs | Homs
SY-TA | Tartus | Tartus | Tartous
IQ-DQ | Nasiriyah | Dhi Qar
IQ-QA | Diwaniyah | Qadisiyah | Diwaniyah
IQ-AN | Ramadi | Anbar
IQ-SD | Tikrit | Salahuddin | Salah al-Din | Saladin
IQ-WA | Kut | Wasit
IQ-BB | Hillah | Babil | Babylon
IQ-MA | Amarah | Maysan
IQ-MU | Samawah | Muthanna
IQ-DI | Baqubah | Diyala
IQ-NI | Mosul | Nineveh | Ninawa | Nineveh Plains
YE-SU | Hadibu | Socotra
YE-TA | Taiz | Taiz
YE-HD | Mukalla | Hadramawt | Hadramout | Hadhramaut
YE-HJ | Hajjah | Hajjah
YE-HU | Al Hudaydah | Al Hudaydah | Hodeidah | Hudaydah | Tihama
YE-SA | Sanaa | Amanat al-Asimah
YE-SH | Ataq | Shabwa | Shabwah
LB-BH | Baalbek | Baalbek-Hermel
LB-AS | Tripoli | North Lebanon | North governorate
LB-JA | Sidon | South Lebanon | South governorate
LB-JL | Baabda | Mount Lebanon
LB-NA | Nabatieh | Nabatieh
LB-BI | Zahle | Bekaa | Beqaa
IL-D | Beersheba | Southern District
IL-Z | Nazareth | Northern District
IL-M | Ramla | Central District
PS-GZA | Gaza | Gaza Strip
PS-RBH | Ramallah | West Bank | Ramallah and al-Bireh
AF-NIM | Zaranj | Nimroz
AF-TAK | Taloqan | Takhar
AF-FYB | Maymana | Faryab
AF-KAP | Mahmud-e Raqi | Kapisa
AF-PAN | Bazarak | Panjshir
AF-WAR | Maidan Shahr | Wardak | Maidan Wardak
AF-GHO | Chaghcharan | Ghor
AF-ZAB | Qalat | Zabul
AF-BDG | Qala-i-Naw | Badghis
AF-HEL | Lashkar Gah | Helmand
AF-KNR | Asadabad | Kunar
AF-PIA | Gardez | Paktia | Paktiya
AF-BDS | Fayzabad | Badakhshan
AF-PKA | Sharan | Paktika
AF-JOW | Sheberghan | Jowzjan
AF-LOG | Pul-e Alam | Logar
AF-NAN | Jalalabad | Nangarhar
PK-BA | Quetta | Balochistan | Baluchistan
PK-KP | Peshawar | Khyber Pakhtunkhwa | KP | KPK
PK-SD | Karachi | Sindh
PK-PB | Lahore | Punjab
PK-GB | Gilgit | Gilgit-Baltistan
PK-JK | Muzaffarabad | Azad Kashmir
UA-61 | Ternopil | Ternopil Oblast
UA-18 | Zhytomyr | Zhytomyr Oblast
UA-43 | Simferopol | Crimea
UA-21 | Uzhhorod | Zakarpattia
UA-46 | Lviv | Lviv Oblast
UA-65 | Kherson | Kherson Oblast
UA-48 | Mykolaiv | Mykolaiv Oblast
UA-71 | Cherkasy | Cherkasy Oblast
UA-74 | Chernihiv | Chernihiv Oblast
UA-56 | Rivne | Rivne Oblast
UA-77 | Chernivtsi | Chernivtsi Oblast
UA-35 | Kropyvnytskyi | Kirovohrad Oblast
UA-32 | Bila Tserkva | Kyiv Oblast | Kiev Oblast | Kyiv region
UA-59 | Sumy | Sumy Oblast
UA-14 | Donetsk | Donetsk Oblast | Donbas | Donbass
UA-09 | Luhansk | Luhansk Oblast
UA-23 | Zaporizhzhia | Zaporizhzhia Oblast
UA-63 | Kharkiv | Kharkiv Oblast
UA-12 | Dnipro | Dnipropetrovsk Oblast
UA-51 | Odesa | Odesa Oblast | Odessa Oblast
RU-BEL | Belgorod | Belgorod Oblast | Belgorod region
RU-KRS | Kursk | Kursk Oblast | Kursk region
RU-BRY | Bryansk | Bryansk Oblast | Bryansk region
RU-ROS | Rostov-na-Donu | Rostov Oblast | Rostov region
RU-KDA | Krasnodar | Krasnodar Krai
RU-CE | Grozny | Chechnya
RU-DA | Makhachkala | Dagestan
RU-IN | Magas | Ingushetia
RU-VGG | Volgograd | Volgograd Oblast
RU-SE | Vladikavkaz | North Ossetia
RU-KB | Nalchik | Kabardino-Balkaria
RU-STA | Stavropol | Stavropol Krai
RU-AST | Astrakhan | Astrakhan Oblast
RU-SAR | Saratov | Saratov Oblast
RU-SAM | Samara | Samara Oblast
RU-TA | Kazan | Tatarstan
RU-BA | Ufa | Bashkortostan
RU-KGD | Kaliningrad | Kaliningrad Oblast
RU-PSK | Pskov | Pskov Oblast
RU-SMO | Smolensk | Smolensk Oblast
RU-TUL | Tula | Tula Oblast
RU-KLU | Kaluga | Kaluga Oblast
RU-ORL | Orel | Oryol Oblast
RU-LIP | Lipetsk | Lipetsk Oblast
RU-TAM | Tambov | Tambov Oblast
RU-RYA | Ryazan | Ryazan Oblast
RU-MOS | Krasnogorsk | Moscow Oblast | Moscow region
RU-NIZ | Nizhniy Novgorod | Nizhny Novgorod Oblast
RU-SVE | Yekaterinburg | Sverdlovsk Oblast
RU-CHE | Chelyabinsk | Chelyabinsk Oblast
RU-ORE | Orenburg | Orenburg Oblast
RU-PER | Perm | Perm Krai
RU-NVS | Novosibirsk | Novosibirsk Oblast
RU-KYA | Krasnoyarsk | Krasnoyarsk Krai
RU-IRK | Irkutsk | Irkutsk Oblast
RU-PRI | Vladivostok | Primorsky Krai
RU-KHA | Khabarovsk | Khabarovsk Krai
SD-KS | Kadugli | South Kordofan
SD-DC | Zalingei | Central Darfur
SD-NO | Dongola | Northern State
SD-NW | Rabak | White Nile
SD-DN | El Fasher | North Darfur
SD-DW | Geneina | West Darfur
SD-GK | Al Fulah | West Kordofan
SD-KN | El Obeid | North Kordofan
SD-NB | Ad-Damazin | Blue Nile
SD-NR | Ad-Damir | River Nile
SD-RS | Port Sudan | Red Sea
SD-DS | Nyala | South Darfur
SD-DE | Ed Daein | East Darfur
SD-GZ | Wad Madani | Gezira | Al Jazirah | El Gezira | Jazira
SD-KH | Khartoum | Khartoum
SS-LK | Rumbek | Lakes
SS-UY | Bentiu | Unity
SS-EE | Torit | Eastern Equatoria
SS-BW | Wau | Western Bahr el Ghazal
SS-JG | Bor | Jonglei
SS-NU | Malakal | Upper Nile
SS-WR | Kuacjok | Warrap
SS-BN | Aweil | Northern Bahr el Ghazal
SS-EW | Yambio | Western Equatoria
SS-EC | Juba | Central Equatoria
SO-BR | Bosaso | Bari
SO-GA | Dhuusamarreeb | Galgaduud | Galmudug
SO-HI | Beledweyne | Hiraan | Hiran
SO-JH | Kismayo | Lower Juba
SO-AW | Borama | Awdal
SO-NU | Garoowe | Nugal | Nugaal
SO-SD | Jawhar | Middle Shabelle
SO-SO | Laascaanood | Sool
SO-BY | Baidoa | Bay
SO-BN | Mogadishu | Banadir | Benadir
SO-GE | Garbahaarey | Gedo
SO-JD | Bu'aale | Middle Juba
SO-MU | Galkayo | Mudug
SO-SA | Erigavo | Sanaag
SO-SH | Marka | Lower Shabelle | Lower Shabelle region
SO-TO | Burao | Togdheer
SO-WO | Hargeysa | Woqooyi Galbeed
SO-BK | Xuddur | Bakool
ET-BE | Asosa | Benishangul-Gumuz | Benishangul
ET-GA | Gambela | Gambella
ET-OR | Adama | Oromia
ET-SN | Hawassa | SNNPR
ET-HA | Harar | Harari
ET-SO | Jijiga | Somali region | Somali
ET-TI | Mekele | Tigray
ET-AF | Semera | Afar
ET-AM | Bahir Dar | Amhara
NG-BY | Yenagoa | Bayelsa
NG-PL | Jos | Plateau
NG-AB | Umuahia | Abia
NG-CR | Calabar | Cross River
NG-IM | Owerri | Imo
NG-RI | Port Harcourt | Rivers
NG-AD | Yola | Adamawa
NG-DE | Asaba | Delta
NG-JI | Dutse | Jigawa
NG-FC | Abuja | FCT | Federal Capital Territory
NG-SO | Sokoto | Sokoto
NG-AK | Uyo | Akwa Ibom
NG-EB | Abakaliki | Ebonyi
NG-NI | Minna | Niger State
NG-TA | Jalingo | Taraba
NG-AN | Awka | Anambra
NG-ED | Benin City | Edo
NG-OG | Abeokuta | Ogun
NG-YO | Damaturu | Yobe
NG-EK | Ado-Ekiti | Ekiti
NG-ZA | Gusau | Zamfara
NG-BE | Makurdi | Benue
NG-KO | Lokoja | Kogi
NG-OS | Osogbo | Osun
NG-BO | Maiduguri | Borno
NG-KE | Birnin Kebbi | Kebbi
NG-KT | Katsina | Katsina
NG-KN | Kano | Kano
NG-KD | Kaduna | Kaduna
NG-GO | Gombe | Gombe
NG-BA | Bauchi | Bauchi
NG-KW | Ilorin | Kwara
NG-LA | Ikeja | Lagos
NG-NA | Lafia | Nasarawa
NG-ON | Akure | Ondo
NG-OY | Ibadan | Oyo
NG-EN | Enugu | Enugu
BF-05 | Kaya | Centre-Nord
BF-13 | Gaoua | Sud-Ouest
BF-06 | Koudougou | Centre-Ouest
BF-07 | Manga | Centre-Sud
BF-08 | Fada N'gourma | Est | East region
BF-01 | Dedougou | Boucle du Mouhoun
BF-09 | Bobo-Dioulasso | Hauts-Bassins
BF-02 | Banfora | Cascades
BF-10 | Ouahigouya | Nord | North region
BF-03 | Ouagadougou | Centre
BF-11 | Ziniare | Plateau-Central
BF-04 | Tenkodogo | Centre-Est
BF-12 | Dori | Sahel region
MZ-MPM | Maputo | Maputo City
MZ-P | Pemba | Cabo Delgado | Cape Delgado
MZ-S | Beira | Sofala
MZ-Q | Quelimane | Zambezia
MZ-A | Lichinga | Niassa
MZ-G | Xai-Xai | Gaza province
CD-NK | Goma | North Kivu | Kivus
CD-SK | Bukavu | South Kivu
CD-IT | Bunia | Ituri
CD-HK | Lubumbashi | Haut-Katanga | Upper Katanga
CD-TA | Kalemie | Tanganyika
CD-MA | Kindu | Maniema
CD-TO | Kisangani | Tshopo
CD-KE | Mbuji-Mayi | Kasai-Oriental
CD-KC | Kananga | Kasai-Central
CD-BC | Matadi | Kongo Central
CD-LU | Kolwezi | Lualaba
CD-HU | Isiro | Haut-Uele
CD-BU | Buta | Bas-Uele
CD-EQ | Mbandaka | Equateur
CD-KL | Bandundu | Kwilu
CD-KG | Kenge | Kwango
CD-MN | Inongo | Mai-Ndombe
CD-TU | Boende | Tshuapa
CD-NU | Gbadolite | Nord-Ubangi
CD-SU | Gemena | Sud-Ubangi
CD-KS | Tshikapa | Kasai
CD-HL | Kamina | Haut-Lomami
CD-SA | Lusambo | Sankuru
CD-LO | Kabinda | Lomami
CF-AC | Bossangoa | Ouham
CF-HK | Bria | Haute-Kotto
CF-HS | Berberati | Mambere-Kadei
CF-KG | Sibut | Kemo
CF-MB | Bangassou | Mbomou
CF-NM | Bouar | Nana-Mambere
CF-SE | Nola | Sangha-Mbaere
CF-VK | Birao | Vakaga
CF-BK | Mobaye | Basse-Kotto
CF-BB | Ndele | Bamingui-Bangoran
CF-HM | Obo | Haut-Mbomou
CF-KB | Kaga Bandoro | Nana-Grebizi
CF-LB | Mbaiki | Lobaye
CF-MP | Bimbo | Ombella-M'Poko
CF-OP | Bozoum | Ouham-Pende
CF-UK | Bambari | Ouaka
MM-11 | Myitkyina | Kachin | Kachin State
MM-13 | Hpa-An | Kayin | Karen State
MM-15 | Mawlamyine | Mon | Mon State
MM-17 | Taunggyi | Shan | Shan State
MM-07 | Pathein | Ayeyarwady | Irrawaddy
MM-12 | Loikaw | Kayah | Karenni
MM-14 | Hakha | Chin | Chin State
MM-16 | Sittwe | Rakhine | Arakan
MM-01 | Monywa | Sagaing | Sagaing Region
MM-03 | Magway | Magway | Magwe
HT-ND | Cap-Haitien | Nord
HT-CE | Hinche | Centre
HT-NI | Miragoane | Nippes
HT-OU | Port-au-Prince | Ouest | West department
HT-SE | Jacmel | Sud-Est
HT-AR | Gonaives | Artibonite
HT-GA | Jeremie | Grand'Anse
HT-NE | Fort Liberte | Nord-Est
HT-NO | Port-de-Paix | Nord-Ouest
HT-SD | Les Cayes | Sud
CO-CAU | Popayan | Cauca
CO-HUI | Neiva | Huila
CO-CES | Valledupar | Cesar
CO-LAG | Riohacha | La Guajira
CO-ATL | Barranquilla | Atlantico
CO-CHO | Quibdo | Choco
CO-MAG | Santa Marta | Magdalena
CO-MET | Villavicencio | Meta
CO-NAR | Pasto | Narino
CO-TOL | Ibague | Tolima
CO-CAL | Manizales | Caldas
CO-NSA | Cucuta | Norte de Santander | Catatumbo
CO-VAC | Cali | Valle del Cauca
CO-CAQ | Florencia | Caqueta
CO-PUT | Mocoa | Putumayo
CO-GUV | San Jose del Guaviare | Guaviare
CO-QUI | Armenia | Quindio
CO-AMA | Leticia | Amazonas
CO-CAS | Yopal | Casanare
CO-ARA | Arauca | Arauca
CO-ANT | Medellin | Antioquia
LY-JI | Al Aziziyah | Jafara
LY-NQ | Zuwarah | Nuqat al Khams
LY-JU | Hun | Jufra
LY-SR | Sirte | Sirte | Oil Crescent
LY-BU | Tobruk | Butnan
LY-MB | Al Khums | Murqub
LY-WD | Ubari | Wadi al Hayaa
LY-JA | Al Bayda | Jabal al Akhdar | Green Mountain
LY-WS | Brak | Wadi al Shatii
LY-JG | Gharyan | Jabal al Gharbi | Nafusa Mountains
TD-ND | N'Djamena | N'Djamena
TD-LC | Bol | Lac
TD-KA | Mao | Kanem
TD-OD | Abeche | Ouaddai
TD-TI | Bardai | Tibesti
CM-CE | Yaounde | Centre region
CM-NO | Garoua | North region
CM-OU | Bafoussam | West region
CM-SW | Buea | South-West | Southwest region
CM-AD | Ngaoundere | Adamawa region
CM-LT | Douala | Littoral
CM-EN | Maroua | Far North | Far North region
CM-NW | Bamenda | North-West | Northwest region
CM-SU | Ebolowa | South region
CM-ES | Bertoua | East region
""")
