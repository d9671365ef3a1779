"""Specification of actor and place resolution: mentions in context -> canonical records."""
from __future__ import annotations

import itertools
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.model import Actor, EntityMention, Place
from kg.resolve.entities import actor_key, resolve_entities, unify_actors, unify_places


@dataclass(frozen=True)
class M:
    """One mention as the extraction stage would hand it over, with what it must resolve to."""

    text: str
    label: str
    role: str = "unknown"
    context: str = ""
    expect: object = None  # A(...), P(...), SAME(k), or None for noise


@dataclass(frozen=True)
class A:
    id: str
    type: str | None = None
    affiliation: str | None = None


@dataclass(frozen=True)
class P:
    id: str | None = None
    type: str | None = None
    country: str | None = "-"  # "-": not checked
    name: str | None = None  # for places no gazetteer knows: their name must survive


@dataclass(frozen=True)
class SAME:
    """The same record as mention number ``k`` of the article (people with no reference id)."""

    k: int
    type: str | None = None
    affiliation: str | None = "-"


def _mention(m: M) -> EntityMention:
    return EntityMention(m.text, 0, len(m.text), m.label, m.role, m.context or m.text)  # type: ignore[arg-type]


ARTICLES: dict[str, list[M]] = {
    "sudan": [
        M("Abdel Fattah al-Burhan", "PERSON", "actor", "Sudan's army chief Abdel Fattah al-Burhan",
          A("abdel-fattah-al-burhan", "person", "sudan")),
        M("Rapid Support Forces", "ORG", "actor", "the paramilitary Rapid Support Forces",
          A("rapid-support-forces", "armed_group")),
        M("El Fasher", "GPE", "place", "the besieged city of El Fasher", P("el-fasher-sd", "city", "sudan")),
        M("Tawila", "GPE", "place", "the nearby town of Tawila", P("tawila", "city", None, "Tawila")),
        M("Nabil Abdallah", "PERSON", "actor", "Sudanese army spokesman Nabil Abdallah",
          SAME(4, "person", "sudan")),
        M("RSF", "ORG", "actor", "the RSF", A("rapid-support-forces")),
        M("Abdallah", "PERSON", "actor", "Abdallah", SAME(4)),
        M("the spokesman", "ROLE", "actor", "the spokesman", SAME(4)),
        M("Burhan", "PERSON", "actor", "Burhan", A("abdel-fattah-al-burhan")),
        M("Jeddah", "GPE", "place", "talks in Jeddah", P("jeddah-sa", "city", "saudi-arabia")),
        M("Saudi", "NORP", "actor", "Saudi and U.S. mediators", A("saudi-arabia", "country")),
        M("U.S.", "GPE", "actor", "Saudi and U.S. mediators", A("united-states", "country")),
        M("Hemedti", "PERSON", "actor", "RSF commander Hemedti",
          A("mohamed-hamdan-dagalo", "person", "rapid-support-forces")),
        M("Darfur", "LOC", "place", "across Darfur", P("darfur", "region", "sudan")),
        M("Port Sudan", "GPE", "place", "the Red Sea city of Port Sudan", P("port-sudan-sd", "city", "sudan")),
        M("Zamzam", "FAC", "place", "the Zamzam displacement camp", P("zamzam-camp", "landmark", "sudan")),
        M("Reuters", "ORG", "actor", "told Reuters", None),
    ],
    "ukraine": [
        M("Volodymyr Zelenskiy", "PERSON", "actor", "Ukrainian President Volodymyr Zelenskiy",
          A("volodymyr-zelenskiy", "person", "ukraine")),
        M("Moscow", "GPE", "actor", "Moscow", A("russia", "country")),
        M("Kremlin", "ORG", "actor", "the Kremlin", A("russia", "country")),
        M("Dmitry Peskov", "PERSON", "actor", "Kremlin spokesman Dmitry Peskov",
          A("dmitry-peskov", "person", "russia")),
        M("the Kremlin spokesman", "ROLE", "actor", "the Kremlin spokesman", A("dmitry-peskov")),
        M("Russian", "NORP", "actor", "Russian troops", A("russia-armed-forces", "armed_forces", "russia")),
        M("Ukrainian", "NORP", "actor", "Ukrainian drones", A("ukraine-armed-forces", "armed_forces", "ukraine")),
        M("Pokrovsk", "GPE", "place", "near Pokrovsk", P("pokrovsk-ua", "city", "ukraine")),
        M("Donetsk region", "GPE", "place", "the eastern Donetsk region", P("donetsk-region", "region", "ukraine")),
        M("Kursk region", "GPE", "place", "Russia's Kursk region", P("kursk-region", "region", "russia")),
        M("Kiev", "GPE", "place", "in Kiev", P("kyiv-ua", "city", "ukraine")),
        M("Kyiv", "GPE", "actor", "Kyiv", A("ukraine", "country")),
        M("Interfax", "ORG", "actor", "the Interfax news agency", None),
        M("Orthodox Easter", "NORP", "unknown", "Orthodox Easter", None),
        M("Zelenskiy", "PERSON", "actor", "Zelenskiy", A("volodymyr-zelenskiy")),
        M("Kharkiv", "GPE", "place", "the northeastern city of Kharkiv", P("kharkiv-ua", "city", "ukraine")),
        M("Zaporizhzhia nuclear power plant", "FAC", "place", "the Zaporizhzhia nuclear power plant",
          P("zaporizhzhia-nuclear-power-plant", "landmark", "ukraine")),
        M("IAEA", "ORG", "actor", "the U.N. nuclear watchdog IAEA", A("iaea", "international_organization")),
        M("Volodymyr", "PERSON", "actor", "Volodymyr", A("volodymyr-zelenskiy")),
        M("Ukraine", "GPE", "actor", "Ukraine's military", A("ukraine-armed-forces", "armed_forces")),
        M("Russia", "GPE", "place", "inside Russia", P("russia", "country", None)),
    ],
    "gaza": [
        M("Benjamin Netanyahu", "PERSON", "actor", "Israeli Prime Minister Benjamin Netanyahu",
          A("benjamin-netanyahu", "person", "israel")),
        M("Hamas", "ORG", "actor", "Hamas", A("hamas", "armed_group")),
        M("Israeli", "NORP", "actor", "Israeli air strikes", A("israel-armed-forces", "armed_forces", "israel")),
        M("Gaza", "GPE", "place", "across Gaza", P("gaza-strip", "region", "palestine")),
        M("Khan Younis", "GPE", "place", "the southern city of Khan Younis", P("khan-younis-ps", "city", "palestine")),
        M("Rafah", "GPE", "place", "in Rafah", P("rafah-ps", "city", "palestine")),
        M("Qatari", "NORP", "actor", "Qatari and Egyptian mediators", A("qatar", "country")),
        M("Egyptian", "NORP", "actor", "Qatari and Egyptian mediators", A("egypt", "country")),
        M("Doha", "GPE", "place", "talks in Doha", P("doha-qa", "city", "qatar")),
        M("Majed al-Ansari", "PERSON", "actor", "Qatari foreign ministry spokesman Majed al-Ansari",
          A("majed-al-ansari", "person", "qatar")),
        M("Netanyahu", "PERSON", "actor", "Netanyahu", A("benjamin-netanyahu")),
        M("IDF", "ORG", "actor", "the IDF", A("israel-armed-forces", "armed_forces", "israel")),
        M("the prime minister", "ROLE", "actor", "the prime minister", A("benjamin-netanyahu")),
        M("Palestinian", "NORP", "actor", "Palestinian health officials", A("palestine", "country")),
        M("West Bank", "LOC", "place", "the occupied West Bank", P("west-bank", "region", "palestine")),
        M("Al Jazeera", "ORG", "actor", "Al Jazeera", None),
        M("Hamas", "ORG", "actor", "Hamas-run health ministry", None),
    ],
    "kashmir": [
        M("Narendra Modi", "PERSON", "actor", "Indian Prime Minister Narendra Modi",
          A("narendra-modi", "person", "india")),
        M("Pakistani", "NORP", "actor", "Pakistani troops", A("pakistan-armed-forces", "armed_forces", "pakistan")),
        M("Indian", "NORP", "actor", "the Indian army", A("india-armed-forces", "armed_forces", "india")),
        M("Line of Control", "LOC", "place", "along the Line of Control", P("line-of-control", "border", None)),
        M("Kashmir", "GPE", "place", "in Kashmir", P("kashmir", "region", None)),
        M("Islamabad", "GPE", "actor", "Islamabad", A("pakistan", "country")),
        M("New Delhi", "GPE", "actor", "New Delhi", A("india", "country")),
        M("Jaish-e-Mohammed", "ORG", "actor", "the militant group Jaish-e-Mohammed",
          A("jaish-e-mohammed", "armed_group")),
        M("Lashkar-e-Taiba", "ORG", "actor", "Lashkar-e-Taiba", A("lashkar-e-taiba", "armed_group")),
        M("Pahalgam", "GPE", "place", "the resort town of Pahalgam", P("pahalgam-in", "city", "india")),
        M("Bahawalpur", "GPE", "place", "in Bahawalpur", P("bahawalpur-pk", "city", "pakistan")),
        M("Shehbaz Sharif", "PERSON", "actor", "Pakistani Prime Minister Shehbaz Sharif",
          A("shehbaz-sharif", "person", "pakistan")),
        M("Sharif", "PERSON", "actor", "Sharif", A("shehbaz-sharif")),
        M("Modi", "PERSON", "actor", "Modi", A("narendra-modi")),
        M("the prime minister", "ROLE", "actor", "the prime minister", None),
    ],
    "koreas": [
        M("Kim Jong Un", "PERSON", "actor", "North Korean leader Kim Jong Un",
          A("kim-jong-un", "person", "north-korea")),
        M("Pyongyang", "GPE", "actor", "Pyongyang", A("north-korea", "country")),
        M("Seoul", "GPE", "actor", "Seoul", A("south-korea", "country")),
        M("Joint Chiefs of Staff", "ORG", "actor", "South Korea's Joint Chiefs of Staff",
          A("south-korea-armed-forces", "armed_forces", "south-korea")),
        M("DMZ", "LOC", "place", "the heavily fortified DMZ", P("demilitarized-zone", "border")),
        M("KCNA", "ORG", "actor", "state news agency KCNA", None),
        M("North Korean", "NORP", "actor", "North Korean troops",
          A("north-korea-armed-forces", "armed_forces", "north-korea")),
        M("Kim", "PERSON", "actor", "Kim", A("kim-jong-un")),
        M("Blue House", "FAC", "actor", "the Blue House", A("south-korea", "country")),
        M("Panmunjom", "GPE", "place", "the truce village of Panmunjom", P("panmunjom", "landmark")),
    ],
    "south-china-sea": [
        M("Chinese", "NORP", "actor", "the Chinese coast guard", A("china-armed-forces", "armed_forces", "china")),
        M("Philippine Coast Guard", "ORG", "actor", "the Philippine Coast Guard",
          A("philippines-armed-forces", "armed_forces", "philippines")),
        M("Jay Tarriela", "PERSON", "actor", "Philippine coast guard spokesperson Jay Tarriela",
          A("jay-tarriela", "person", "philippines")),
        M("Second Thomas Shoal", "LOC", "place", "near the Second Thomas Shoal", P("second-thomas-shoal", None, None)),
        M("South China Sea", "LOC", "place", "in the South China Sea", P("south-china-sea", "sea", None)),
        M("Beijing", "GPE", "actor", "Beijing", A("china", "country")),
        M("Manila", "GPE", "actor", "Manila", A("philippines", "country")),
        M("ASEAN", "ORG", "actor", "ASEAN", A("asean", "international_organization")),
        M("the spokesperson", "ROLE", "actor", "the spokesperson", A("jay-tarriela")),
    ],
    "caucasus": [
        M("Ilham Aliyev", "PERSON", "actor", "Azerbaijani President Ilham Aliyev",
          A("ilham-aliyev", "person", "azerbaijan")),
        M("Nikol Pashinyan", "PERSON", "actor", "Armenian Prime Minister Nikol Pashinyan",
          A("nikol-pashinyan", "person", "armenia")),
        M("Baku", "GPE", "actor", "Baku", A("azerbaijan", "country")),
        M("Yerevan", "GPE", "actor", "Yerevan", A("armenia", "country")),
        M("Nagorno-Karabakh", "GPE", "place", "the Nagorno-Karabakh region",
          P("nagorno-karabakh", "region", "azerbaijan")),
        M("Georgia", "GPE", "place", "neighbouring Georgia", P("georgia", "country", None)),
        M("Tbilisi", "GPE", "place", "in Tbilisi", P("tbilisi-ge", "city", "georgia")),
        M("Washington", "GPE", "place", "a summit in Washington", P("washington-us", "city", "united-states")),
        M("White House", "ORG", "place", "at the White House", P("white-house", "landmark", "united-states")),
        M("OSCE", "ORG", "actor", "the OSCE", A("osce", "international_organization")),
        M("the president", "ROLE", "actor", "the president", A("ilham-aliyev")),
        M("the prime minister", "ROLE", "actor", "the prime minister", A("nikol-pashinyan")),
    ],
    "georgia-us": [
        M("Georgia", "GPE", "place", "the U.S. state of Georgia",
          P("georgia-us-state", "region", "united-states")),
        M("Atlanta", "GPE", "place", "in Atlanta", P("atlanta-us", "city", "united-states")),
    ],
    "lebanon": [
        M("Lebanon", "GPE", "place", "in Lebanon", P("lebanon", "country", None)),
        M("Tripoli", "GPE", "place", "the northern city of Tripoli", P("tripoli-lb", "city", "lebanon")),
        M("Hezbollah", "ORG", "actor", "Iran-backed Hezbollah", A("hezbollah", "armed_group")),
        M("the group", "ROLE", "actor", "the group", A("hezbollah")),
        M("Naim Qassem", "PERSON", "actor", "Hezbollah leader Naim Qassem",
          A("naim-qassem", "person", "hezbollah")),
        M("UNIFIL", "ORG", "actor", "U.N. peacekeepers UNIFIL", A("unifil", "international_organization")),
        M("Beirut", "GPE", "place", "in Beirut", P("beirut-lb", "city", "lebanon")),
        M("Lebanese", "NORP", "actor", "the Lebanese army", A("lebanon-armed-forces", "armed_forces")),
        M("Joseph Aoun", "PERSON", "actor", "President Joseph Aoun", A("joseph-aoun", "person", "lebanon")),
        M("Iran", "GPE", "actor", "Iran-backed Hezbollah", None),
    ],
    "libya": [
        M("Tripoli", "GPE", "place", "clashes in Tripoli", P("tripoli-ly", "city", "libya")),
        M("Khalifa Haftar", "PERSON", "actor", "eastern commander Khalifa Haftar", A("khalifa-haftar", "person")),
        M("Benghazi", "GPE", "place", "in Benghazi", P("benghazi-ly", "city", "libya")),
        M("Muammar Qaddafi", "PERSON", "actor", "the late leader Muammar Qaddafi",
          A("muammar-gaddafi", "person", "libya")),
        M("Libyan National Army", "ORG", "actor", "the self-styled Libyan National Army",
          A("libyan-national-army", "armed_group")),
        M("UNSMIL", "ORG", "actor", "UNSMIL", A("unsmil", "international_organization")),
    ],
    "sahel": [
        M("JNIM", "ORG", "actor", "the al Qaeda-linked JNIM", A("jnim", "armed_group")),
        M("al Qaeda", "ORG", "actor", "the al Qaeda-linked JNIM", None),
        M("Malian", "NORP", "actor", "Malian soldiers", A("mali-armed-forces", "armed_forces", "mali")),
        M("Wagner", "ORG", "actor", "Wagner mercenaries", A("wagner", "armed_group", "russia")),
        M("Africa Corps", "ORG", "actor", "Russia's Africa Corps", A("africa-corps", "armed_group", "russia")),
        M("Assimi Goita", "PERSON", "actor", "junta leader Assimi Goita", A("assimi-goita", "person", "mali")),
        M("Bamako", "GPE", "actor", "Bamako", A("mali", "country")),
        M("Burkina Faso", "GPE", "place", "neighbouring Burkina Faso", P("burkina-faso", "country", None)),
        M("Djibo", "GPE", "place", "the northern town of Djibo", P("djibo-bf", "city", "burkina-faso")),
        M("Sahel", "LOC", "place", "across the Sahel", P("sahel", "region", None)),
        M("ECOWAS", "ORG", "actor", "the West African bloc ECOWAS", A("ecowas", "international_organization")),
        M("Alliance of Sahel States", "ORG", "actor", "the Alliance of Sahel States",
          A("alliance-of-sahel-states", "international_organization")),
        M("Niger", "GPE", "actor", "Niger", A("niger", "country")),
        M("Nigerien", "NORP", "actor", "Nigerien authorities", A("niger", "country")),
        M("Muslim", "NORP", "actor", "Muslim", None),
        M("Boni", "GPE", "place", "the town of Boni", P("boni", "city", None, "Boni")),
    ],
    "colombia": [
        M("Gustavo Petro", "PERSON", "actor", "Colombian President Gustavo Petro",
          A("gustavo-petro", "person", "colombia")),
        M("ELN", "ORG", "actor", "the ELN rebel group", A("eln", "armed_group")),
        M("National Liberation Army", "ORG", "actor", "the National Liberation Army", A("eln")),
        M("FARC dissidents", "ORG", "actor", "FARC dissidents", A("farc-dissidents", "armed_group")),
        M("Catatumbo", "LOC", "place", "the Catatumbo region", P("catatumbo", "region", "colombia")),
        M("Cucuta", "GPE", "place", "the border city of Cucuta", P("cucuta-co", "city", "colombia")),
        M("Casa de Nariño", "FAC", "actor", "the Casa de Nariño", A("colombia", "country")),
        M("Venezuela", "GPE", "place", "neighbouring Venezuela", P("venezuela", "country", None)),
        M("Caracas", "GPE", "actor", "Caracas", A("venezuela", "country")),
        M("Bogota", "GPE", "actor", "Bogota", A("colombia", "country")),
        M("Petro", "PERSON", "actor", "Petro", A("gustavo-petro")),
    ],
    "myanmar": [
        M("Myanmar", "GPE", "actor", "Myanmar's military", A("myanmar-armed-forces", "armed_forces", "myanmar")),
        M("Min Aung Hlaing", "PERSON", "actor", "junta chief Min Aung Hlaing",
          A("min-aung-hlaing", "person", "myanmar")),
        M("Arakan Army", "ORG", "actor", "the Arakan Army", A("arakan-army", "armed_group")),
        M("Rakhine", "GPE", "place", "western Rakhine state", P("rakhine", "region", "myanmar")),
        M("Sittwe", "GPE", "place", "the state capital Sittwe", P("sittwe-mm", "city", "myanmar")),
        M("Naypyitaw", "GPE", "actor", "Naypyitaw", A("myanmar", "country")),
        M("the junta", "ROLE", "actor", "the junta", A("myanmar")),
        M("Rohingya", "NORP", "actor", "Rohingya", A("rohingya", "other")),
        M("People's Defence Force", "ORG", "actor", "the People's Defence Force",
          A("peoples-defence-force", "armed_group")),
        M("Lashio", "GPE", "place", "the northern city of Lashio", P("lashio-mm", "city", "myanmar")),
        M("the rebels", "ROLE", "actor", "the rebels", A("peoples-defence-force")),
    ],
    "yemen": [
        M("Houthis", "NORP", "actor", "Yemen's Houthis", A("houthis", "armed_group")),
        M("Red Sea", "LOC", "place", "in the Red Sea", P("red-sea", "sea", None)),
        M("Hodeidah", "GPE", "place", "the port of Hodeidah", P("hodeidah-ye", "city", "yemen")),
        M("Sanaa", "GPE", "place", "strikes on Sanaa", P("sanaa-ye", "city", "yemen")),
        M("U.S.", "GPE", "actor", "U.S. forces", A("united-states-armed-forces", "armed_forces", "united-states")),
        M("Pentagon", "ORG", "actor", "the Pentagon", A("united-states-armed-forces")),
        M("Yahya Saree", "PERSON", "actor", "Houthi military spokesman Yahya Saree",
          A("yahya-saree", "person", "houthis")),
        M("Bab el-Mandeb", "LOC", "place", "the Bab el-Mandeb strait", P("bab-el-mandeb", "sea", None)),
        M("Tehran", "GPE", "actor", "Tehran", A("iran", "country")),
        M("Iranian", "NORP", "actor", "Iranian-made drones", None),
        M("Saudi", "NORP", "actor", "the Saudi-led coalition", A("saudi-led-coalition")),
        M("Houthi", "NORP", "actor", "Houthi fighters", A("houthis")),
    ],
    "ethiopia": [
        M("Abiy Ahmed", "PERSON", "actor", "Ethiopian Prime Minister Abiy Ahmed", A("abiy-ahmed", "person", "ethiopia")),
        M("Abiy", "PERSON", "actor", "Abiy", A("abiy-ahmed")),
        M("Tigray", "GPE", "place", "the northern Tigray region", P("tigray", "region", "ethiopia")),
        M("TPLF", "ORG", "actor", "the TPLF", A("tplf", "armed_group")),
        M("Eritrean", "NORP", "actor", "Eritrean troops", A("eritrea-armed-forces", "armed_forces", "eritrea")),
        M("Asmara", "GPE", "actor", "Asmara", A("eritrea", "country")),
        M("Mekelle", "GPE", "place", "the regional capital Mekelle", P("mekelle-et", "city", "ethiopia")),
        M("African Union", "ORG", "actor", "the African Union", A("african-union", "international_organization")),
        M("AU Peace and Security Council", "ORG", "actor", "the AU Peace and Security Council",
          A("au-peace-and-security-council", "international_organization", "african-union")),
        M("IGAD", "ORG", "actor", "the regional bloc IGAD", A("igad", "international_organization")),
    ],
    "drc": [
        M("M23", "ORG", "actor", "the Rwanda-backed M23", A("m23", "armed_group")),
        M("Goma", "GPE", "place", "the eastern city of Goma", P("goma-cd", "city", "democratic-republic-of-the-congo")),
        M("Paul Kagame", "PERSON", "actor", "Rwandan President Paul Kagame", A("paul-kagame", "person", "rwanda")),
        M("Felix Tshisekedi", "PERSON", "actor", "Congolese President Felix Tshisekedi",
          A("felix-tshisekedi", "person", "democratic-republic-of-the-congo")),
        M("Kinshasa", "GPE", "actor", "Kinshasa", A("democratic-republic-of-the-congo", "country")),
        M("Kigali", "GPE", "actor", "Kigali", A("rwanda", "country")),
        M("North Kivu", "GPE", "place", "North Kivu province", P("north-kivu", "region", "democratic-republic-of-the-congo")),
        M("MONUSCO", "ORG", "actor", "the U.N. mission MONUSCO", A("monusco", "international_organization", "united-nations")),
        M("DRC", "GPE", "actor", "the DRC", A("democratic-republic-of-the-congo", "country")),
        M("Rwandan", "NORP", "actor", "Rwandan troops", A("rwanda-armed-forces", "armed_forces", "rwanda")),
        M("Bukavu", "GPE", "place", "in Bukavu", P("bukavu-cd", "city", "democratic-republic-of-the-congo")),
        M("Rwanda", "GPE", "actor", "the Rwanda-backed M23", None),
        M("the president", "ROLE", "actor", "the president", None),
    ],
    "syria": [
        M("Ahmed al-Sharaa", "PERSON", "actor", "Syria's interim President Ahmed al-Sharaa",
          A("ahmed-al-sharaa", "person", "syria")),
        M("al-Sharaa", "PERSON", "actor", "al-Sharaa", A("ahmed-al-sharaa")),
        M("Damascus", "GPE", "actor", "Damascus", A("syria", "country")),
        M("SDF", "ORG", "actor", "the SDF", A("syrian-democratic-forces", "armed_group")),
        M("Kurdish", "NORP", "actor", "Kurdish-led forces", A("syrian-democratic-forces")),
        M("Turkish", "NORP", "actor", "Turkish drones", A("turkey-armed-forces", "armed_forces", "turkey")),
        M("Aleppo", "GPE", "place", "in Aleppo", P("aleppo-sy", "city", "syria")),
        M("Golan Heights", "LOC", "place", "the Israeli-occupied Golan Heights", P("golan-heights", "region", "syria")),
        M("Druze", "NORP", "actor", "Druze", A("druze", "other")),
        M("Sweida", "GPE", "place", "the southern province of Sweida", P(None, None, "-", "Sweida")),
        M("Israeli", "NORP", "actor", "the Israeli-occupied Golan Heights", None),
    ],
    "washington-diplomacy": [
        M("Donald Trump", "PERSON", "actor", "U.S. President Donald Trump", A("donald-trump", "person", "united-states")),
        M("Steve Witkoff", "PERSON", "actor", "U.S. special envoy Steve Witkoff",
          A("steve-witkoff", "person", "united-states")),
        M("the envoy", "ROLE", "actor", "the envoy", A("steve-witkoff")),
        M("Marco Rubio", "PERSON", "actor", "Secretary of State Marco Rubio", A("marco-rubio", "person", "united-states")),
        M("Rubio", "PERSON", "actor", "Rubio", A("marco-rubio")),
        M("the president", "ROLE", "actor", "the president", A("donald-trump")),
        M("White House", "ORG", "actor", "the White House", A("united-states", "country")),
        M("Foggy Bottom", "ORG", "actor", "Foggy Bottom", A("united-states", "country")),
        M("the Russian leader", "ROLE", "actor", "the Russian leader", A("vladimir-putin", "person", "russia")),
        M("Telegram", "ORG", "actor", "on Telegram", None),
        M("X", "ORG", "actor", "on X", None),
        M("Truth Social", "ORG", "actor", "on Truth Social", None),
        M("Monday", "PERSON", "actor", "Monday", None),
        M("a senior administration official", "ROLE", "actor", "a senior administration official", None),
        M("U.S. officials", "ROLE", "actor", "U.S. officials", A("united-states", "country")),
    ],
    "europe": [
        M("Downing Street", "ORG", "actor", "Downing Street", A("united-kingdom", "country")),
        M("Keir Starmer", "PERSON", "actor", "British Prime Minister Keir Starmer",
          A("keir-starmer", "person", "united-kingdom")),
        M("Britain", "GPE", "actor", "Britain", A("united-kingdom", "country")),
        M("U.K.", "GPE", "actor", "the U.K.", A("united-kingdom", "country")),
        M("Elysee", "ORG", "actor", "the Elysee", A("france", "country")),
        M("Emmanuel Macron", "PERSON", "actor", "French President Emmanuel Macron",
          A("emmanuel-macron", "person", "france")),
        M("London", "GPE", "place", "talks in London", P("london-gb", "city", "united-kingdom")),
        M("European Union", "ORG", "actor", "the European Union", A("european-union", "international_organization")),
        M("EU", "ORG", "actor", "the EU", A("european-union")),
        M("NATO", "ORG", "actor", "NATO", A("nato", "international_organization")),
        M("Mark Rutte", "PERSON", "actor", "NATO Secretary-General Mark Rutte", A("mark-rutte", "person", "nato")),
        M("U.N.", "ORG", "actor", "the U.N.", A("united-nations", "international_organization")),
        M("UN Security Council", "ORG", "actor", "the UN Security Council",
          A("un-security-council", "international_organization", "united-nations")),
        M("Russian Federation", "GPE", "actor", "the Russian Federation", A("russia", "country")),
        M("Syrian Arab Republic", "GPE", "place", "the Syrian Arab Republic", P("syria", "country", None)),
        M("Iran, Islamic Republic of", "GPE", "place", "Iran, Islamic Republic of", P("iran", "country", None)),
        M("Korea, Democratic People's Republic of", "GPE", "actor", "Korea, Democratic People's Republic of",
          A("north-korea", "country")),
        M("Ukrainian Air Force", "ORG", "actor", "the Ukrainian Air Force", A("ukraine-armed-forces", "armed_forces")),
        M("Russian Foreign Ministry", "ORG", "actor", "the Russian Foreign Ministry", A("russia", "country")),
        M("Foreign Ministry", "ORG", "actor", "Pakistan's Foreign Ministry", A("pakistan", "country")),
        M("Russian", "NORP", "actor", "Russian state media", None),
        M("Russian", "NORP", "actor", "pro-Russian separatists", None),
    ],
    # as the extraction stage hands them over: a force noun joined to its state, untagged proper
    # nouns (PROPN), role nouns whose context is the whole noun phrase, mislabelled names
    "extractor-style": [
        M("Russian forces", "NORP", "actor", "Russian forces", A("russia-armed-forces", "armed_forces", "russia")),
        M("Sudanese troops", "NORP", "actor", "Sudanese and Chadian troops", A("sudan-armed-forces")),
        M("Chadian troops", "NORP", "actor", "Sudanese and Chadian troops", A("chad-armed-forces", "armed_forces", "chad")),
        M("Chinese coast guard", "NORP", "actor", "the Chinese coast guard", A("china-armed-forces")),
        M("Iraqi militias", "NORP", "actor", "Iraqi militias", None),
        M("the spokesman", "ROLE", "actor", "the Kremlin spokesman", A("dmitry-peskov", "person", "russia")),
        M("Peskov", "PROPN", "actor", "Peskov", A("dmitry-peskov")),
        M("Kharkiv", "PERSON", "place", "Kharkiv", P("kharkiv-ua", "city", "ukraine")),
        M("Tigray", "PROPN", "actor", "Tigray", P("tigray", "region", "ethiopia")),
        M("Peace Talks", "PROPN", "actor", "Peace Talks", None),
        M("bank", "PROPN", "place", "the central bank", None),
        M("Oksana Markarova", "PROPN", "actor", "Ukraine's ambassador Oksana Markarova",
          SAME(11, "person", "ukraine")),
        M("Nagorno-Karabakh", "ORG", "actor", "Nagorno-Karabakh", P("nagorno-karabakh", "region")),
        M("Bamako", "ORG", "actor", "Bamako", A("mali", "country")),
        M("Security Council", "ORG", "actor", "the African Union Peace and Security Council",
          A("au-peace-and-security-council")),
        M("Kashmir", "LOC", "place", "Indian-administered Kashmir", P("jammu-and-kashmir", "region", "india")),
        M("Mosul Dam", "ORG", "place", "the Mosul Dam", P(None, "landmark", "-", "Mosul Dam")),
        M("Analysis", "PERSON", "unknown", "Analysis", None),
        M("Zelenskiy", "ORG", "actor", "Zelenskiy", A("volodymyr-zelenskiy", "person", "ukraine")),
        M("Kyiv", "PERSON", "actor", "Kyiv", A("ukraine", "country")),
        M("Washington Weighs Options", "ORG", "unknown", "Washington Weighs Options", None),
        M("Sudan Doctors Network", "ORG", "actor", "the Sudan Doctors Network",
          A("sudan-doctors-network", "organization", "sudan")),
        M("New African Union", "ORG", "actor", "New African Union", A("african-union")),
    ],
}

CASES = [(name, i) for name, ms in ARTICLES.items() for i in range(len(ms))]


@lru_cache(maxsize=None)
def _resolved(article: str) -> tuple[Actor | Place | None, ...]:
    return tuple(resolve_entities([_mention(m) for m in ARTICLES[article]]))


def test_the_table_pins_at_least_a_hundred_mentions() -> None:
    assert len(CASES) >= 100


@pytest.mark.parametrize(("article", "i"), CASES,
                         ids=[f"{a}-{i}-{ARTICLES[a][i].text}" for a, i in CASES])
def test_mention_resolves_in_context(article: str, i: int) -> None:
    m = ARTICLES[article][i]
    got = _resolved(article)[i]
    want = m.expect
    if want is None:
        assert got is None, f"{m.text!r} in {m.context!r} should be ignored, got {got}"
    elif isinstance(want, A):
        assert isinstance(got, Actor), f"{m.text!r} should be an actor, got {got}"
        assert got.id == want.id
        if want.type:
            assert got.type == want.type
        if want.affiliation:
            assert got.affiliation == want.affiliation
    elif isinstance(want, SAME):
        other = _resolved(article)[want.k]
        assert got is not None and got == other, f"{m.text!r} should be {other}"
        if want.type:
            assert got.type == want.type  # type: ignore[union-attr]
        if want.affiliation != "-":
            assert got.affiliation == want.affiliation  # type: ignore[union-attr]
    else:
        assert isinstance(want, P)
        assert isinstance(got, Place), f"{m.text!r} should be a place, got {got}"
        if want.id:
            assert got.id == want.id
        if want.type:
            assert got.type == want.type
        if want.country != "-":
            assert got.country == want.country
        if want.name:
            assert want.name in (got.name, *got.aliases)


# --- within one article ----------------------------------------------------------------------

def _ms(*specs: tuple[str, str, str, str]) -> list[EntityMention]:
    return [EntityMention(t, 0, len(t), label, role, ctx) for t, label, role, ctx in specs]  # type: ignore[arg-type]


def test_records_of_one_id_are_one_object_carrying_every_surface_form() -> None:
    out = resolve_entities(_ms(("Moscow", "GPE", "actor", "Moscow"),
                               ("Kremlin", "ORG", "actor", "the Kremlin"),
                               ("Russia", "GPE", "actor", "Russia")))
    assert out[0] is out[1] is out[2]
    assert {"Moscow", "Kremlin"} <= set(out[0].aliases)
    assert "Russia" not in out[0].aliases  # the name itself is not an alias


def test_title_alone_is_not_guessed_when_two_people_hold_it() -> None:
    out = resolve_entities(_ms(
        ("Donald Trump", "PERSON", "actor", "U.S. President Donald Trump"),
        ("Volodymyr Zelenskiy", "PERSON", "actor", "Ukrainian President Volodymyr Zelenskiy"),
        ("the president", "ROLE", "actor", "the president"),
        ("the Ukrainian president", "ROLE", "actor", "the Ukrainian president")))
    assert out[2] is None
    assert out[3] is not None and out[3].id == "volodymyr-zelenskiy"


def test_first_name_alone_joins_the_full_name_instead_of_making_a_person() -> None:
    out = resolve_entities(_ms(
        ("Oleksandr Kovalenko", "PERSON", "actor", "military analyst Oleksandr Kovalenko"),
        ("Oleksandr", "PERSON", "actor", "Oleksandr")))
    assert out[0] is out[1]


def test_surname_goes_to_the_latest_bearer_in_the_article() -> None:
    out = resolve_entities(_ms(
        ("Yahya Sinwar", "PERSON", "actor", "the late Hamas leader Yahya Sinwar"),
        ("Mohammed Sinwar", "PERSON", "actor", "his brother Mohammed Sinwar"),
        ("Sinwar", "PERSON", "actor", "Sinwar")))
    assert out[0] != out[1]
    assert out[2] == out[1]


def test_a_person_unknown_to_the_reference_list_takes_affiliation_from_the_title() -> None:
    out = resolve_entities(_ms(("Ihor Klymenko", "PERSON", "actor", "Ukraine's Interior Minister Ihor Klymenko")))
    assert isinstance(out[0], Actor) and out[0].type == "person" and out[0].affiliation == "ukraine"


def test_envoy_to_a_country_is_not_affiliated_with_it() -> None:
    out = resolve_entities(_ms(("Hans Grundberg", "PERSON", "actor", "U.N. envoy for Yemen Hans Grundberg"),
                               ("Jan Novak", "PERSON", "actor", "EU special envoy to Sudan Jan Novak")))
    assert out[0].affiliation == "united-nations"
    assert out[1].affiliation == "european-union"


def test_capital_as_place_stays_a_place_and_as_actor_becomes_the_state() -> None:
    out = resolve_entities(_ms(("Ankara", "GPE", "place", "talks in Ankara"),
                               ("Ankara", "GPE", "actor", "Ankara"),
                               ("Ankara", "GPE", "unknown", "Ankara")))
    assert isinstance(out[0], Place) and out[0].id == "ankara-tr" and out[0].type == "city"
    assert isinstance(out[1], Actor) and out[1].id == "turkey"
    assert isinstance(out[2], Place)


def test_places_from_the_gazetteer_carry_geonames_ids_and_coordinates() -> None:
    kyiv, = resolve_entities(_ms(("Kyiv", "GPE", "place", "in Kyiv")))
    assert isinstance(kyiv, Place) and kyiv.geonames and kyiv.lat and kyiv.lon
    assert 50 < kyiv.lat < 51 and 30 < kyiv.lon < 31


def test_places_no_source_knows_get_no_invented_identifiers() -> None:
    place, region = resolve_entities(_ms(("Zabrodske", "GPE", "place", "the village of Zabrodske"),
                                         ("Donbas", "LOC", "place", "the Donbas")))
    for p in (place, region):
        assert isinstance(p, Place) and p.geonames is None and p.lat is None and p.wikidata is None
    assert place.type == "city" and place.name == "Zabrodske"


def test_the_container_named_around_an_unknown_place_becomes_its_country() -> None:
    out = resolve_entities(_ms(("Zabrodske", "GPE", "place", "the Ukrainian village of Zabrodske"),
                               ("Udachne", "GPE", "place", "a Russian strike on Udachne")))
    assert out[0].country == "ukraine"
    assert out[1].country is None  # a Russian strike does not make the village Russian


@pytest.mark.parametrize(("article", "name", "want"), [
    ([("Lebanon", "GPE", "place", "in Lebanon")], "Tripoli", "tripoli-lb"),
    ([("Libya", "GPE", "place", "in Libya")], "Tripoli", "tripoli-ly"),
    ([], "Tripoli", "tripoli-ly"),  # no context: the most populous
    ([("United States", "GPE", "actor", "the United States")], "Paris", "paris-fr"),  # far bigger
    ([("Ukraine", "GPE", "place", "in Ukraine")], "Odessa", "odesa-ua"),
])
def test_homonymous_cities_follow_the_countries_the_article_names(article, name, want) -> None:
    out = resolve_entities(_ms(*article, (name, "GPE", "place", f"in {name}")))
    assert out[-1].id == want


def test_unknown_role_follows_the_label() -> None:
    out = resolve_entities(_ms(("Odesa", "GPE", "unknown", "Odesa"),
                               ("Hamas", "ORG", "unknown", "Hamas"),
                               ("Sudanese", "NORP", "unknown", "Sudanese"),
                               ("Kremlin", "FAC", "unknown", "the Kremlin")))
    assert isinstance(out[0], Place)
    assert isinstance(out[1], Actor) and out[1].id == "hamas"
    assert isinstance(out[2], Actor) and out[2].id == "sudan"
    assert isinstance(out[3], Actor) and out[3].id == "russia"  # seats of power lean actor


# --- across articles ---------------------------------------------------------------------------

@pytest.mark.parametrize(("one", "other"), [
    ("Zelenskiy", "Zelenskyy"), ("Zelensky", "Zelenskyy"), ("Volodymyr Zelenskiy", "Volodymyr Zelensky"),
    ("Sybiha", "Sibiha"), ("Andriy Sybiha", "Andrii Sybiha"), ("Gaddafi", "Qaddafi"),
    ("Muammar Gaddafi", "Moammar Gadhafi"), ("Erdogan", "Erdoğan"), ("al-Burhan", "Burhan"),
    ("Abdel Fattah al-Burhan", "Abdul Fattah Burhan"), ("Mr Lavrov", "Lavrov"),
    ("Hemedti", "Mohamed Hamdan Dagalo"), ("Araqchi", "Araghchi"), ("Lukashenko", "Lukashenka"),
])
def test_spelling_variants_across_articles_are_one_person(one: str, other: str) -> None:
    a, = resolve_entities(_ms((one, "PERSON", "actor", one)))
    b, = resolve_entities(_ms((other, "PERSON", "actor", other)))
    assert a is not None and a.id == b.id


@pytest.mark.parametrize(("one", "other"), [
    ("Andriy Kovalenko", "Andrii Kovalenko"), ("Mohammed al-Hassan", "Mohamed Hassan"),
    ("Oleksiy Honcharenko", "Oleksii Honcharenko"), ("Abdelrahman Juma", "Abdul Rahman Juma"),
])
def test_people_outside_the_reference_list_keep_one_id_across_spellings(one: str, other: str) -> None:
    a, = resolve_entities(_ms((one, "PERSON", "actor", one)))
    b, = resolve_entities(_ms((other, "PERSON", "actor", other)))
    assert a.id == b.id
    assert actor_key(one) == actor_key(other)


@pytest.mark.parametrize(("one", "other"), [
    ("Yahya Sinwar", "Mohammed Sinwar"), ("Kim Jong Un", "Kim Yo Jong"), ("Imran Khan", "Karim Khan"),
    ("Abbas Araqchi", "Mahmoud Abbas"),
])
def test_different_people_keep_different_keys(one: str, other: str) -> None:
    assert actor_key(one) != actor_key(other)
    a, = resolve_entities(_ms((one, "PERSON", "actor", one)))
    b, = resolve_entities(_ms((other, "PERSON", "actor", other)))
    assert a.id != b.id


def test_kyiv_and_kiev_are_one_place_across_articles() -> None:
    a, = resolve_entities(_ms(("Kyiv", "GPE", "place", "in Kyiv")))
    b, = resolve_entities(_ms(("Kiev", "GPE", "place", "in Kiev")))
    assert a.id == b.id and a.geonames == b.geonames


def test_ids_are_stable_between_runs() -> None:
    specs = [_mention(m) for m in ARTICLES["sudan"]]
    first = [getattr(r, "id", None) for r in resolve_entities(specs)]
    second = [getattr(r, "id", None) for r in resolve_entities(list(specs))]
    assert first == second


# --- unify ---------------------------------------------------------------------------------

def test_unify_actors_merges_aliases_of_one_id_sorted() -> None:
    merged = unify_actors([
        Actor("russia", "Russia", "country", ("Moscow",)),
        Actor("russia", "Russia", "country", ("the Kremlin", "Moscow")),
        Actor("ukraine", "Ukraine", "country", ("Kyiv",)),
    ])
    assert set(merged) == {"russia", "ukraine"}
    assert merged["russia"].aliases == ("Moscow", "the Kremlin")
    assert merged["ukraine"].aliases == ("Kyiv",)


def test_unify_actors_keeps_the_other_spellings_of_the_name_as_aliases() -> None:
    merged = unify_actors([Actor("x", "Andrii Kovalenko", "person", ("Kovalenko",)),
                           Actor("x", "Andriy Kovalenko", "person", (), "ukraine"),
                           Actor("x", "Andriy Kovalenko", "person", ())])
    assert merged["x"].name == "Andriy Kovalenko"
    assert "Andrii Kovalenko" in merged["x"].aliases and merged["x"].affiliation == "ukraine"


_actors = st.lists(st.builds(
    Actor, id=st.sampled_from(["russia", "hamas", "vladimir-putin"]),
    name=st.sampled_from(["Russia", "Hamas", "Vladimir Putin", "Putin"]),
    type=st.sampled_from(["country", "armed_group", "person", "other"]),
    aliases=st.lists(st.sampled_from(["Moscow", "Kremlin", "the Kremlin", "HAMAS", "Путин"]),
                     max_size=3).map(tuple),
    affiliation=st.sampled_from([None, "russia", "ukraine"])), max_size=8)


@settings(max_examples=60, deadline=None)
@given(_actors, st.randoms(use_true_random=False))
def test_unify_actors_does_not_depend_on_order(actors: list[Actor], rnd) -> None:  # type: ignore[no-untyped-def]
    shuffled = list(actors)
    rnd.shuffle(shuffled)
    assert unify_actors(actors) == unify_actors(shuffled)
    once = unify_actors(actors)
    assert unify_actors(once.values()) == once  # idempotent


def test_unify_places_is_order_independent_and_keeps_gazetteer_coordinates() -> None:
    records = [Place("kyiv-ua", "Kyiv", "city", ("Kiev",), "ukraine", 50.45, 30.52, 703448),
               Place("kyiv-ua", "Kyiv", "city", ("Kyiv city",), "ukraine"),
               Place("kyiv-ua", "Kyiv", "other", ())]
    results = {tuple(unify_places(p).items()) for p in itertools.permutations(records)}
    assert len(results) == 1
    kyiv = unify_places(records)["kyiv-ua"]
    assert (kyiv.lat, kyiv.lon, kyiv.geonames, kyiv.type) == (50.45, 30.52, 703448, "city")
    assert kyiv.aliases == ("Kiev", "Kyiv city")


# --- data and speed ----------------------------------------------------------------------------

def test_every_reference_table_names_its_source() -> None:
    folder = Path(__file__).resolve().parents[1] / "kg" / "data" / "reference"
    tables = sorted(folder.glob("*.tsv"))
    assert tables
    for table in tables:
        header = "".join(line for line in table.read_text(encoding="utf-8").splitlines(True)
                         if line.startswith("#"))
        assert "Source:" in header, f"{table.name} does not say where its data comes from"

