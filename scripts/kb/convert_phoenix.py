#!/usr/bin/env python3
"""Converts the PETRARCH2 Phoenix actor and agent dictionaries into the
knowledge base's own record format.

Usage (from the repository root):

    python3 scripts/kb/convert_phoenix.py ../shared/events/petrarch2 crates/kb/data

Reads Phoenix.Countries.actors.txt, Phoenix.International.actors.txt,
Phoenix.MilNonState.actors.txt and Phoenix.agents.txt from the first
directory and writes phoenix-people.tsv, phoenix-orgs.tsv and
phoenix-agents.tsv into the second, next to the hand-made files, which it
reads to drop Phoenix entries they already cover. Standard library only;
the product never runs this script, it only loads its output.

What is kept, and why (a wrong link is worse than none):

- people: names of two to five words after honorifics are removed, with
  at least two words that are not initials, no title or role word
  ("Acting Minister ..."), no function word ("of", "the") and not made
  only of common English words ("Black Star");
- organisations: names of two words or more that do not end in a bare
  role word ("UN envoy" is a group the entity stage already codes), and
  acronyms of three letters or more only where the dictionary spells
  them out in the same entry ("Animal Liberation Front (ALF)");
- entries whose names fold to a hand-made entry's name, or whose id is a
  hand-made id, are dropped whole: the hand-made entry wins and nothing
  is merged into it;
- codes must start with a country of countries.tsv or IGO, NGO or IMG;
  regional codes and multinational companies are left out.

Dates: Phoenix writes YYMMDD or YYYYMMDD, both ends inclusive; two-digit
years below 30 are 20YY, the others 19YY. The knowledge base's end date
is exclusive, so a day is added. Every role gets the "known until" date
KNOWN_UNTIL in the eighth field: the dictionaries stop around 2016, so
from that day on an open role is not trusted as held, and a closed one is
not taken to mean the person holds nothing now. A role that is the entry's default (no date) is the weakest: the
loader picks the latest-starting role that holds, so dated roles win.
"""

import datetime
import os
import re
import sys
import unicodedata

SOURCE_COMMIT = "676801cd9cb2924bbbad09f86d15c9323e7097bf"
KNOWN_UNTIL = "2017-01-01"
COMMAND = "python3 scripts/kb/convert_phoenix.py ../shared/events/petrarch2 crates/kb/data"

ACTOR_FILES = [
    "Phoenix.Countries.actors.txt",
    "Phoenix.International.actors.txt",
    "Phoenix.MilNonState.actors.txt",
]

# Sectors the knowledge base codes with; other Phoenix sector codes (AGR,
# LAB, ENV, DEV, HRI, ...) give way to the first of these in the code, or
# to GOV for a government code.
SECTORS = {
    "GOV", "MIL", "REB", "OPP", "CVL", "COP", "JUD", "LEG", "BUS", "MED",
    "ELI", "SPY", "REF", "EDU", "HLH", "REL",
}
INTERNATIONAL = {"IGO", "NGO", "IMG"}

# What each sector's office is called when Phoenix gives only a code.
TITLES = {
    "GOV": "government official",
    "MIL": "military officer",
    "REB": "armed group member",
    "OPP": "opposition figure",
    "CVL": "civilian",
    "COP": "police officer",
    "JUD": "judicial official",
    "LEG": "legislator",
    "BUS": "business figure",
    "MED": "media figure",
    "ELI": "political figure",
    "SPY": "intelligence official",
    "REF": "refugee",
    "EDU": "academic",
    "HLH": "health official",
    "REL": "religious figure",
}

HONORIFICS = {
    "SIR", "DAME", "DR", "DR.", "MR", "MR.", "MRS", "MRS.", "MS", "MS.",
    "LORD", "LADY", "SHEIKH", "SHEIK", "SHAIKH", "PRINCE", "PRINCESS",
    "KING", "QUEEN", "EMIR", "SULTAN", "CROWN", "PROF", "PROF.",
    "PROFESSOR", "REV", "REV.", "REVEREND", "FATHER", "GEN", "GEN.",
    "GENERAL", "COL", "COL.", "COLONEL", "MAJOR", "CAPTAIN", "CAPT",
    "CAPT.", "ADMIRAL", "MARSHAL", "BRIGADIER", "LIEUTENANT", "LT", "LT.",
    "AYATOLLAH", "MULLAH", "IMAM", "CARDINAL", "BISHOP", "ARCHBISHOP",
    "PRESIDENT", "PREMIER", "CHANCELLOR",
}

# Words that make a "person" name a title or a description.
ROLE_WORDS = {
    "MINISTER", "MINISTERS", "MINISTRY", "SECRETARY", "ACTING", "FORMER",
    "DEPUTY", "VICE", "CHIEF", "HEAD", "LEADER", "OFFICIAL", "OFFICIALS",
    "SPOKESMAN", "SPOKESWOMAN", "SPOKESPERSON", "AMBASSADOR", "ENVOY",
    "GOVERNOR", "MAYOR", "SENATOR", "CONGRESSMAN", "JUDGE", "JUSTICE",
    "COMMANDER", "OFFICER", "AIDE", "ADVISER", "ADVISOR", "DIRECTOR",
    "CHAIRMAN", "CHAIRWOMAN", "CHAIR", "PRESIDENTIAL", "SPEAKER", "ATTORNEY",
    "PROSECUTOR", "REPRESENTATIVE", "DELEGATE", "COMMISSIONER", "MEMBER",
    "MEMBERS", "SPECIAL", "RAPPORTEUR", "PEACEKEEPER", "MONITOR", "TROOPS",
    "SOLDIERS", "FORCES", "POLICE", "ARMY", "GOVERNMENT", "REGIME",
    "ADMINISTRATION", "PARTY", "FRONT", "MOVEMENT", "GROUP", "COUNCIL",
    "COMMITTEE", "UNION", "ASSOCIATION", "ORGANIZATION", "ORGANISATION",
    "AGENCY", "BANK", "FUND", "COMMISSION", "COURT", "INSTITUTE",
    "UNIVERSITY", "COMPANY", "CORPORATION", "NETWORK", "ALLIANCE",
    "FEDERATION", "SOCIETY", "FOUNDATION", "CENTER", "CENTRE", "OFFICE",
    "DEPARTMENT", "SERVICE", "PROGRAM", "PROGRAMME", "MISSION", "FORCE",
    "GUARD", "NATIONS", "NATIONAL", "BRIGADE", "BRIGADES", "LEAGUE",
    "REPUBLIC", "STATE", "STATES", "UNITED", "INTERNATIONAL", "ISLAMIC",
    "PEOPLE", "PEOPLES", "PEOPLE'S", "REBELS", "MILITIA", "CELL", "CELLS",
    "NUCLEI", "NUCLEUS", "COMMANDO", "COMMANDOS", "BATTALION", "ARMED",
    "LIBERATION", "REVOLUTIONARY", "RESISTANCE", "JIHAD", "MARTYRS",
    "ELECT", "EMBASSY", "CONSUL", "INSPECTOR", "NEWS", "TIMES", "POST",
    "DAILY", "RADIO", "TELEVISION", "TV", "PRESS", "CITY", "PROVINCE",
}

FUNCTION_WORDS = {"OF", "THE", "FOR", "AND", "IN", "ON", "TO", "AT", "BY", "WITH", "&"}

# Common English words: a name made only of these ("Black Star", "Grand
# Master", "Bill Gates" too, which is the price of precision) is not kept
# as a person, and a two-word organisation made only of these is not
# kept either. The list is short and hand-made; the role words above and
# the agent dictionary's words are added to it.
COMMON = set("""
A ABOUT ABOVE ACT ACTION AGE AIR ALL AMERICAN ANGEL ANGRY APRIL ARM ART
ATTACK AUGUST AUTUMN BAD BANK BAY BEAR BELL BEST BIG BILL BIRD BLACK BLOOD
BLUE BOARD BOND BOOK BOX BOY BRAVE BRIDGE BROTHER BROWN BURNING BUSH CALL
CAMP CAR CARE CASH CHILDREN CRY DARE DEAL DRIVE EARN EASE FIGHT FOCUS HELP JUMP CAT CHAIN CHANCE CHANGE CHAOTIC CHASE CHILD CHRISTIAN
CHURCH CIVIL CLEAR CLOUD COAL COAST COLD COLE COMMON COOK CROSS CROWN DAY
DAWN DEAR DEATH DEEP DIAMOND DOG DOOR DOVE DRAGON DREAM DUKE DUST EAGLE
EARL EARTH EAST ELDER EVIL FAIR FAITH FALL FALCON FAMILY FIELD FIGHTING
FIRE FIRST FISH FISHER FLOWER FOOT FOREST FORT FOX FREE FREEDOM FRIEND
FROST FULL GAME GARDEN GATE GATES GLORY GOD GOLD GOLDEN GOOD GRACE GRAND
GRAY GREAT GREEN GREY GUARDIAN HALL HAND HAPPY HARD HART HAWK HAWKS HEALTH
HEART HEAVEN HERO HIGH HILL HOLY HOME HONOR HONOUR HOPE HORSE HOUSE HUNTER
IRON ISLAND JAY JOY JUNE JUSTICE KEY KIND KNIGHT LAKE LAND LAST LAW LEE
LIBERTY LIFE LIGHT LINE LION LITTLE LONG LORD LOVE LUCK MAIN MAN MARCH
MARK MARSH MARTIN MASON MASTER MAY MILES MILL MILLER MOON MORE MORNING
MOTHER MOUNT MOUNTAIN NEW NEWS NIGHT NOBLE NORTH NOVEMBER OAK OCEAN OLD
ONE ORDER PAGE PATH PARK PARKER PATRIOT PEACE PEARL PENNY PIKE PINE PLAIN
POINT POOR POPE PORT POWER PRICE PRIDE PRIME PURE QUEEN QUEST RAIN RED
REED RICE RICH RIGHT RING RIVER ROAD ROCK ROSE ROYAL RUSH SAFE SAGE SAINT
SALT SAND SCOTT SEA SHAW SHEPHERD SHIELD SILVER SKY SMALL SMITH SNOW
SOLDIER SON SONS SOUTH SPRING STAR STATION STEEL STONE STORM STREET
STRONG STRUGGLE SUMMER SUN SWIFT SWORD TEMPLE THUNDER TIGER TIME TOWER
TOWN TRUE TRUST TURNER UNITY VICTORY VOICE WALKER WALL WAR WARD WATER WAY
WEST WHITE WILD WILL WIND WINTER WISE WOLF WOOD WOODS WORLD YOUNG YOUTH
""".split())

# Agent words too generic to be a role: they name people in general, or
# have another common sense a sector would wrongly code ("party",
# "member", "boss", "the press" is already there).
GENERIC_AGENTS = {
    "man", "men", "woman", "women", "person", "persons", "people", "group",
    "groups", "member", "members", "party", "parties", "boss", "bosses",
    "head", "heads", "chief", "chiefs", "body", "bodies", "staff", "team",
    "teams", "side", "sides", "camp", "camps", "wing", "wings", "circle",
    "circles", "source", "sources", "figure", "figures", "voice", "voices",
    "agent", "agents", "player", "players", "friend", "friends", "guard",
    "guards", "force", "forces", "unit", "units", "cell", "cells",
    "movement", "movements", "front", "fronts", "union", "unions",
    "council", "councils", "committee", "committees", "office", "offices",
    "board", "boards", "house", "houses", "chamber", "chambers", "center",
    "centre", "state", "states", "power", "powers", "regime", "regimes",
    "establishment", "line", "lines", "order", "service", "services",
    "youth", "youths", "youngster", "youngsters", "mob", "mobs", "gang",
    "gangs", "ring", "rings", "net", "network", "networks", "press",
    "paper", "papers", "channel", "channels", "station", "stations",
    "program", "programs", "programme", "programmes", "show", "shows",
    "host", "hosts", "bank", "banks", "market", "markets", "fund", "funds",
    "trade", "plant", "plants", "mill", "mills", "shop", "shops", "store",
    "stores", "firm", "firms", "house", "mission", "missions", "post",
    "posts", "hand", "hands", "arm", "arms", "brass", "top brass", "elder",
    "elders", "master", "masters", "minor", "minors", "native", "natives",
    "local", "locals", "national", "nationals", "general", "generals",
    "major", "majors", "private", "privates", "fellow", "fellows",
    "counsel", "bench", "bar", "court", "courts", "chair", "chairs",
    "speaker", "speakers", "academy", "academies", "school", "schools",
    "college", "colleges", "class", "classes", "mass", "masses", "crowd",
    "crowds", "public", "publics", "family", "families", "son", "sons",
    "daughter", "daughters", "father", "fathers", "mother", "mothers",
    "brother", "brothers", "sister", "sisters", "child", "children",
    "boy", "boys", "girl", "girls", "baby", "babies", "victim", "victims",
    "dead", "wounded", "injured", "survivor", "survivors", "citizen",
    "nation", "nations", "country", "countries", "capital", "capitals",
    "city", "cities", "town", "towns", "village", "villages", "mayor",
    "doctor", "doctors", "attorney", "attorneys", "lawyer", "lawyers",
    "cabinet", "minister", "ministers", "ministry", "ministries", "bureau",
    "bureaus", "department", "departments", "agency", "agencies",
    "authority", "administration", "leadership", "management", "manager",
    "managers", "director", "directors", "president", "presidents",
    "secretary", "secretaries", "official", "officials", "officer",
    "officers", "administrator", "administrators", "representative",
    "representatives", "spokesman", "spokesmen", "spokeswoman", "founder",
    "founders", "owner", "owners", "holder", "holders", "supporter",
    "supporters", "follower", "followers", "fan", "fans", "partner",
    "partners", "ally", "allies", "enemy", "enemies", "opponent",
    "opponents", "rival", "rivals", "critic", "critics", "bishop",
    "captain", "captains", "colonel", "colonels", "sergeant", "sergeants",
    "lieutenant", "lieutenants", "corporal", "corporals", "commandant",
    "marshal", "marshals", "admiral", "admirals", "chancellor", "chancellors",
    "governor", "premier", "king", "queen", "prince", "princess", "crown",
    "emperor", "dictator", "tyrant", "ruler", "rulers", "monarchy",
    "sheriff", "sheriffs", "constable", "constables", "detective",
    "detectives", "inspector", "inspectors", "warden", "wardens", "guardian",
    "guardians", "ranger", "rangers", "trooper", "troopers", "scout",
    "scouts", "pilot", "pilot", "crew", "crews", "driver", "drivers",
    "worker", "workers", "labourer", "laborer", "employee", "employees",
    "union", "student", "students", "pupil", "pupils", "teacher", "deputy",
    "deputies", "community", "communities", "customer", "customers",
    "religion", "religions", "blog", "blogs", "expert", "experts",
}


def fold(name):
    """The knowledge base's matching form, closely enough to find names
    that are the same: lower case, no diacritics, hyphens as spaces, no
    abbreviation dots."""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = s.replace("\u2019", "'").replace("-", " ").replace(".", "")
    return " ".join(s.split())


def slug(name):
    return "-".join(re.sub(r"[^a-z0-9 ]", "", fold(name).replace("'", "")).split())


PARTICLES = {"al", "el", "bin", "ibn", "bint", "de", "da", "das", "dos", "di", "du", "van",
             "von", "der", "den", "la", "le", "y", "ul", "ud", "ad", "as", "ash", "at", "az"}
SMALL = {"of", "the", "for", "and", "in", "on", "to", "at", "by", "with", "de", "la", "du",
         "des", "el", "al"}


def case_word(word, first, org):
    """One word in the case news writes it: "KARZAI" is "Karzai",
    "AL-ASSAD" is "al-Assad" inside a name, "MCDONALD" is "McDonald"."""
    lower = word.lower()
    if not first and re.fullmatch(r"[IVX]+", word):
        return word  # A regnal number: "Mohammed VI".
    if not first and (lower in (SMALL if org else PARTICLES)):
        return lower
    parts = re.split(r"([-'/])", lower)
    out = []
    for i, p in enumerate(parts):
        if p in ("-", "'", "/"):
            out.append(p)
            continue
        if i > 0 and parts[i - 1] == "'" and len(p) <= 2:
            # "O'BRIEN" is O'Brien, "PEOPLE'S" is People's.
            out.append(p.capitalize() if p not in ("s", "t") else p)
            continue
        if i > 0 and p in PARTICLES and parts[i - 1] == "-" and not org:
            out.append(p)
            continue
        if i == 0 and p in PARTICLES and len(parts) > 1 and not first:
            out.append(p)
            continue
        w = p.capitalize()
        if w.startswith("Mc") and len(w) > 2:
            w = "Mc" + w[2:].capitalize()
        out.append(w)
    # Initials keep their dots: "B. Lynn Pascoe".
    return "".join(out)


# Acronyms that keep their capitals inside a name without being spelled
# out in the same entry.
KNOWN_ACRONYMS = {"UN", "US", "USA", "UK", "EU", "AU", "NATO", "OPEC", "ASEAN", "OSCE", "UNHCR",
                  "UNICEF", "UNESCO", "UNDP", "WHO", "IMF", "FBI", "CIA", "NGO", "ICRC", "MSF"}


def case_name(tokens, org=False, acronyms=frozenset()):
    out = []
    for i, t in enumerate(tokens):
        letters = re.sub(r"[^A-Z]", "", t)
        if org and (t in acronyms or t in KNOWN_ACRONYMS
                    or (len(letters) >= 2 and not re.search(r"[AEIOUY]", letters))):
            out.append(t)
        elif re.fullmatch(r"([A-Z]\.)+", t):
            # Initials keep their dots and capitals: "B. Lynn Pascoe".
            out.append(t)
        else:
            out.append(case_word(t, i == 0, org))
    return " ".join(out)


def parse_date(text):
    """YYMMDD or YYYYMMDD as a date; None when it is not a real date."""
    if not re.fullmatch(r"\d{6}|\d{8}", text):
        return None
    if len(text) == 6:
        yy = int(text[:2])
        year = 2000 + yy if yy < 30 else 1900 + yy
        month, day = int(text[2:4]), int(text[4:6])
    else:
        year, month, day = int(text[:4]), int(text[4:6]), int(text[6:8])
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def parse_restriction(body):
    """`CODE`, `CODE >date`, `CODE <date` or `CODE date-date` as (code,
    start, end), both ends inclusive; None for a null code or a date that
    cannot be read."""
    parts = body.split()
    if not parts or parts[0].startswith("-"):
        return None
    code = parts[0]
    rest = "".join(parts[1:])
    if not rest:
        return (code, None, None)
    if rest.startswith(">"):
        d = parse_date(rest[1:])
        return (code, d, None) if d else None
    if rest.startswith("<"):
        d = parse_date(rest[1:])
        return (code, None, d) if d else None
    m = re.fullmatch(r"(\d+)-(\d+)", rest)
    if m:
        a, b = parse_date(m.group(1)), parse_date(m.group(2))
        if a and b and a <= b:
            return (code, a, b)
    return None


def read_actors(path):
    """Entries of an actor file: (names, restrictions, comment). Names are
    token lists; restrictions as parse_restriction gives them."""
    entries = []
    current = None
    with open(path, encoding="utf-8", errors="replace") as f:
        for raw in f:
            line = raw.rstrip("\n")
            comment = ""
            if "#" in line:
                line, comment = line.split("#", 1)
            if not line.strip():
                if current is not None and comment:
                    current[2] += " " + comment
                continue
            codes = re.findall(r"\[([^\]]*)\]", line)
            phrase = re.sub(r"\[[^\]]*\]", " ", line).strip()
            if line[0] in " \t" and not phrase:
                if current is not None:
                    current[1].extend(codes)
                continue
            if phrase.startswith("+"):
                if current is not None:
                    current[0].append(phrase[1:].strip())
                    current[1].extend(codes)
                continue
            current = [[phrase], list(codes), comment]
            entries.append(current)
    out = []
    for names, codes, comment in entries:
        restrictions = [r for r in (parse_restriction(c) for c in codes) if r]
        out.append((names, restrictions, comment))
    return out


def tokens_of(phrase):
    phrase = phrase.replace("_", " ").strip()
    return [t for t in phrase.split() if t]


def split_code(code, countries):
    """A Phoenix code as (country, body, sector): "AFGGOVJUD" is ("AFG",
    None, "GOV"), "IGOUNOKID" is ("IGO", "UNO", None). None when the first
    part is not a country the knowledge base has or IGO, NGO, IMG."""
    code = code.strip().upper()
    if len(code) < 3 or len(code) % 3:
        return None
    chunks = [code[i:i + 3] for i in range(0, len(code), 3)]
    top = chunks[0]
    if top not in countries and top not in INTERNATIONAL:
        return None
    rest = chunks[1:]
    sector = next((c for c in rest if c in SECTORS), None)
    body = None
    if top in INTERNATIONAL:
        body = next((c for c in rest if c not in SECTORS), None)
    return (top, body, sector)


def acronym_matches(acronym, words):
    """True when the acronym's letters are the initials of the name's
    capitalised words, in order, some words skipped ("ANSF" for "Afghan
    National Security Forces", "IPCC" for "Intergovernmental Panel on
    Climate Change")."""
    initials = [w[0] for w in words if w and w not in FUNCTION_WORDS and w[0].isalpha()]
    i = 0
    for c in acronym:
        while i < len(initials) and initials[i] != c:
            i += 1
        if i == len(initials):
            return False
        i += 1
    return acronym[0] == (initials[0] if initials else "")


def person_name(tokens):
    """The name to keep for a person, or None: honorifics removed, two to
    five words, at least two of them not initials, no role or function
    word, not only common words."""
    while tokens and tokens[0].rstrip(".") in {h.rstrip(".") for h in HONORIFICS}:
        tokens = tokens[1:]
    if not 2 <= len(tokens) <= 5:
        return None
    # "Abu Musab", "Abu Abdullah": a kunya alone is shared by many people.
    if len(tokens) == 2 and tokens[0] in ("ABU", "ABOU", "UMM"):
        return None
    if any(not re.fullmatch(r"[A-Z][A-Z.'\-]*", t) for t in tokens):
        return None
    if orgish(tokens) or any(
            t in KNOWN_ACRONYMS or t in PERSON_ROLES or t.lower() in GENERIC_AGENTS for t in tokens):
        return None
    full = [t for t in tokens if len(t.replace(".", "")) >= 2]
    if len(full) < 2:
        return None
    if all(t in COMMON for t in full):
        return None
    if any(t.count(".") and len(t.replace(".", "")) >= 2 and "." in t[1:-1] for t in tokens):
        # "R.K." style joined initials are fine; dots inside a word are
        # not a name.
        pass
    return case_name(tokens)


# Words that make an "organisation" name a person's role ("UN Special
# Envoy for Burma") rather than a body.
PERSON_ROLES = {
    "MINISTER", "ENVOY", "SPOKESMAN", "SPOKESWOMAN", "AMBASSADOR", "OFFICIAL",
    "OFFICIALS", "ADVISER", "ADVISOR", "AIDE", "RAPPORTEUR", "REPRESENTATIVE",
    "PEACEKEEPER", "PEACEKEEPERS", "MONITOR", "SOLDIERS", "TROOPS", "LEADER",
    "CHIEF", "HEAD", "DIRECTOR", "CHAIRMAN", "DEPUTY", "ACTING", "FORMER",
    "SENATOR", "GOVERNOR", "MAYOR", "PRESIDENT", "JUDGE", "OFFICER",
    "COMMANDER", "MEMBER", "MEMBERS", "SUPPORTERS", "RESIDENT", "BODIES",
    "SECRETARY", "CHANCELLOR", "ATTORNEY", "PREMIER", "PRIME", "KING", "QUEEN",
}


def org_name(tokens, acronyms, groups_file=False):
    """The name to keep for an organisation, or None. A short name with no
    word that marks a body is kept only from the armed groups' list, where
    every entry is a group: elsewhere such names are as often people
    ("Hafiz Saeed" under an IMG code) as bodies."""
    while tokens and tokens[0] == "THE":
        tokens = tokens[1:]
    if not tokens:
        return None
    if tokens[0].rstrip(".") in HONORIFICS or any(
            p in PERSON_ROLES for t in tokens for p in t.split("-")):
        return None
    if len(tokens) == 2 and tokens[0] in ("ABU", "ABOU", "UMM", "IBN", "BIN", "AL"):
        return None
    if len(tokens) == 1 and (tokens[0] in COMMON or tokens[0] in ROLE_WORDS
                             or tokens[0].lower() in GENERIC_AGENTS):
        return None
    if 1 < len(tokens) <= 3 and not orgish(tokens) and not groups_file:
        return None
    if any(not re.fullmatch(r"[A-Z0-9][A-Z0-9.'\-&/]*", t) for t in tokens):
        return None
    if len(tokens) == 1:
        t = tokens[0]
        return t if t in acronyms else None
    words = [t for t in tokens if t not in FUNCTION_WORDS]
    last = tokens[-1]
    if last in ROLE_WORDS and len(words) < 3:
        return None
    if last in FUNCTION_WORDS:
        return None
    if all(t in COMMON or t in ROLE_WORDS for t in words):
        return None
    return case_name(tokens, org=True, acronyms=acronyms)


def strip_parenthetical(phrase):
    """ "ANIMAL_LIBERATION_FRONT_(ALF)_" as the name and its acronym."""
    m = re.search(r"\(([A-Z][A-Z0-9\-]{1,9})\)", phrase)
    acronym = m.group(1).replace("-", "") if m else None
    phrase = re.sub(r"\([^)]*\)", " ", phrase)
    return phrase, acronym


def hand_made(data_dir):
    """Folded names and ids of the hand-made people and organisations."""
    names, ids = set(), set()
    for file in ("people.tsv", "orgs.tsv", "countries.tsv"):
        with open(os.path.join(data_dir, file), encoding="utf-8") as f:
            for line in f:
                if line.startswith("#") or not line.strip():
                    continue
                fields = line.rstrip("\n").split("\t")
                kind = fields[0]
                if kind == "person":
                    ids.add("person:" + fields[1])
                    names.add(fold(fields[2]))
                    names.update(fold(a) for a in fields[3].split("|") if len(fields) > 3 and a)
                elif kind == "org":
                    ids.add("org:" + fields[1].lower())
                    names.add(fold(fields[2]))
                    names.update(fold(a) for a in fields[3].split("|") if a)
                elif kind == "country":
                    names.add(fold(fields[2]))
                    if len(fields) > 3:
                        names.update(fold(a) for a in fields[3].split("|") if a)
    return names, ids


def countries_of(data_dir):
    out = set()
    with open(os.path.join(data_dir, "countries.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("country\t"):
                out.add(line.split("\t")[1])
    return out


def iso(d):
    return d.isoformat() if d else ""


def content_words(name):
    return {w for w in fold(name).split() if w.upper() not in FUNCTION_WORDS and len(w) > 2}


def same_body(a, b):
    """True when two organisation names are one body written two ways:
    one inside the other, or two content words in common."""
    fa, fb = fold(a), fold(b)
    return fa in fb or fb in fa or len(content_words(a) & content_words(b)) >= 2


def orgish(tokens):
    return any(t in ROLE_WORDS or t in FUNCTION_WORDS for t in tokens) or any(
        p in ROLE_WORDS for t in tokens for p in t.split("-"))


def units_of(phrases, acronyms, as_person, groups_file):
    """The entities one Phoenix entry names. Phoenix lists under one code
    both spellings of one name and different actors that share the code
    (a ministry's agencies, a group's leaders), so synonyms are aliases only
    where they are the same name: a person's synonym with the same last
    word, an organisation's spelled-out acronym or a name sharing two
    content words. Other person synonyms become people of their own with
    the same roles, other organisation-like synonyms organisations of their
    own with the same code; the rest is dropped."""
    units = []  # [kind, [names]]
    for i, toks in enumerate(phrases):
        if as_person:
            name = person_name(toks)
            if not name:
                continue
            last = fold(name).split()[-1]
            home = next((u for u in units if fold(u[1][0]).split()[-1] == last), None)
            if home:
                home[1].append(name)
            else:
                units.append(["person", [name]])
            continue
        name = org_name(toks, acronyms, groups_file)
        if not name:
            continue
        orgs = [u for u in units if u[0] == "org"]
        if len(toks) == 1:
            if orgs:
                orgs[0][1].append(name)
            else:
                units.append(["org", [name]])
            continue
        home = next((u for u in orgs if same_body(u[1][0], name)), None)
        if home:
            home[1].append(name)
        elif i == 0 or orgish(toks):
            units.append(["org", [name]])
    for a in sorted(acronyms):
        orgs = [u for u in units if u[0] == "org"]
        if orgs and a not in orgs[0][1]:
            orgs[0][1].append(a)
    return [(k, list(dict.fromkeys(n))) for k, n in units]


def convert_actors(src, data_dir, stats):
    countries = countries_of(data_dir)
    taken_names, taken_ids = hand_made(data_dir)
    people = {}  # id -> [name, aliases, offices]
    orgs = {}  # id -> [name, aliases, code, sector]
    owner = {}  # folded name -> id ("person:x" or "org:x")
    for file in ACTOR_FILES:
        non_state = "MilNonState" in file
        for names, restrictions, comment in read_actors(os.path.join(src, file)):
            stats["entries"] += 1
            coded = [(split_code(c, countries), s, e) for c, s, e in restrictions]
            coded = [(c, s, e) for c, s, e in coded if c]
            if not coded:
                stats["no usable code"] += 1
                continue
            # An entry coded only with bare country codes is a country's
            # name and its cities: countries.tsv and the places have those.
            if all(c[1] is None and c[2] is None and c[0] not in INTERNATIONAL
                   for c, _, _ in coded):
                stats["country names"] += 1
                continue
            dated = any(s or e for _, s, e in coded)
            phrases = []
            acronyms = set()
            for p in names:
                p, acronym = strip_parenthetical(p)
                if acronym and len(acronym) >= 3:
                    acronyms.add(acronym)
                phrases.append(tokens_of(p.upper()))
            first_words = phrases[0] if phrases else []
            # Acronyms count only when the entry spells them out.
            for toks in phrases[1:]:
                if len(toks) == 1 and re.fullmatch(r"[A-Z]{3,8}", toks[0]):
                    if acronym_matches(toks[0], first_words):
                        acronyms.add(toks[0])
            as_person = not non_state and (
                "CountryInfo" in comment
                or (person_name(first_words) is not None and not orgish(first_words)))
            # An acronym that is also a word ("DAWN", "CARE") would match the
            # word at a sentence start.
            acronyms = {a for a in acronyms if a not in COMMON and a not in ROLE_WORDS
                        and a.lower() not in GENERIC_AGENTS}
            units = units_of(phrases, acronyms, as_person,
                             non_state and not coded[0][0][0] in INTERNATIONAL)
            if not units:
                stats["names filtered out"] += 1
                continue
            for kind, kept in units:
                if any(fold(n) in taken_names for n in kept):
                    stats["hand-made entry wins"] += 1
                    continue
                if kind == "person":
                    pid = slug(kept[0])
                    key = "person:" + pid
                    if key in taken_ids or not pid:
                        stats["hand-made entry wins"] += 1
                        continue
                    # The same name twice in Phoenix is the same person (a
                    # minister in Countries and an IGO head in
                    # International): their roles are merged.
                    if key not in people and owner.get(fold(kept[0]), key) != key:
                        stats["name of another entry"] += 1
                        continue
                    entry = people.setdefault(key, [kept[0], [], []])
                    owner.setdefault(fold(kept[0]), key)
                    for n in kept[1:]:
                        if owner.setdefault(fold(n), key) == key and n not in entry[1] \
                                and n != entry[0]:
                            entry[1].append(n)
                    for (top, body, sector), start, end in coded:
                        sector = sector or ("GOV" if top in INTERNATIONAL or dated else "ELI")
                        entry[2].append((top, sector, start, end))
                    stats["people kept"] += 1
                else:
                    (top, body, sector), _, _ = coded[0]
                    acr = [n for n in kept if n in acronyms]
                    base = acr[0] if acr else slug(kept[0])
                    oid = base
                    n = 2
                    while "org:" + oid.lower() in taken_ids or "org:" + oid in orgs:
                        oid = f"{base}-{n}"
                        n += 1
                    free = [k for k in kept if owner.get(fold(k), "org:" + oid) == "org:" + oid]
                    if not free:
                        stats["name of another entry"] += 1
                        continue
                    for k in free:
                        owner[fold(k)] = "org:" + oid
                    orgs["org:" + oid] = [free[0], free[1:], top, sector or ""]
                    stats["organisations kept"] += 1
    return people, orgs


def header(what, fmt):
    return (
        f"# {what}\n"
        "#\n"
        "# Source: the PETRARCH2 Phoenix dictionaries of the Open Event Data\n"
        f"# Alliance (github.com/openeventdata/petrarch2, commit {SOURCE_COMMIT[:12]}),\n"
        "# MIT licence, copyright (c) 2014 Open Event Data Alliance: see\n"
        "# PHOENIX-LICENSE beside this file. Generated, do not edit; rebuild with\n"
        f"#   {COMMAND}\n"
        "#\n"
        "# Precedence: a user's --kb file beats the hand-made files, which beat\n"
        "# this one. A Phoenix entry whose name is a hand-made entry's name was\n"
        "# dropped (not merged), and the loader drops any Phoenix reading of a\n"
        "# name another file also has. The dictionaries stop around 2016: every\n"
        f"# role carries the \"known until\" date {KNOWN_UNTIL}, from which it is\n"
        "# not trusted, neither as held nor as former (the person is still\n"
        "# found, with no office). Current office-holders stay right because the hand-made\n"
        "# people.tsv and orgs.tsv, kept up to date, win over these entries.\n"
        "#\n"
        f"# Format: {fmt}\n"
    )


def write_people(path, people):
    with open(path, "w", encoding="utf-8") as f:
        f.write(header(
            "People from the Phoenix actor dictionaries, with their dated roles.",
            "as people.tsv, and office records have an eighth field, the date from\n"
            "# which an open role is no longer trusted. Titles are the sector's\n"
            "# name: Phoenix gives codes, not titles."))
        for key in sorted(people):
            name, aliases, offices = people[key]
            pid = key.split(":", 1)[1]
            f.write(f"person\t{pid}\t{name}\t{'|'.join(aliases)}\n")
            seen = set()
            for top, sector, start, end in offices:
                end_excl = end + datetime.timedelta(days=1) if end else None
                row = (top, sector, iso(start), iso(end_excl))
                if row in seen:
                    continue
                seen.add(row)
                # Every role gets the date, closed ones too: after it,
                # Phoenix cannot say what the person holds now, so even
                # "former" is not asserted from it.
                known = KNOWN_UNTIL
                f.write(f"office\t{pid}\t{top}\t{sector}\t{TITLES[sector]}\t{row[2]}\t{row[3]}\t{known}\n")


def write_orgs(path, orgs):
    with open(path, "w", encoding="utf-8") as f:
        f.write(header(
            "Organisations and armed groups from the Phoenix actor dictionaries.",
            "as orgs.tsv."))
        for key in sorted(orgs):
            name, aliases, code, sector = orgs[key]
            f.write(f"org\t{key.split(':', 1)[1]}\t{name}\t{'|'.join(aliases)}\t{code}\t{sector}\n")


def convert_agents(src, data_dir, stats):
    """Agent words for the sectors the knowledge base codes, not already
    in sectors.tsv and not too generic."""
    have = set()
    with open(os.path.join(data_dir, "sectors.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("sector\t"):
                have.update(w.strip().lower() for w in line.rstrip("\n").split("\t")[2].split("|"))
    subs = {}
    words = {}
    with open(os.path.join(src, "Phoenix.agents.txt"), encoding="utf-8", errors="replace") as f:
        for raw in f:
            line = raw.split("#", 1)[0].strip()
            if not line:
                continue
            m = re.fullmatch(r"(!\w+!)\s*=\s*(.*)", line)
            if m:
                subs[m.group(1)] = [s.strip() for s in m.group(2).split(",")]
                continue
            m = re.fullmatch(r"([^\[{]+?)\s*(\{[^}]*\})?\s*\[([^\]}]*)[\]}]", line)
            if not m:
                continue
            phrase, plural, code = m.group(1).strip(), m.group(2), m.group(3).strip()
            if not code.startswith("~"):
                continue  # "NGO~" names an organisation type, not a role.
            sector = code[1:4]
            if sector not in SECTORS or sector == "ELI":
                continue
            forms = []
            marker = re.search(r"!\w+!", phrase)
            if marker:
                forms = [phrase.replace(marker.group(0), s) for s in subs.get(marker.group(0), [])]
            else:
                forms = [phrase]
                if plural is None:
                    if not phrase.rstrip("_ ").endswith("S"):
                        forms.append(regular_plural(phrase))
                elif plural.strip("{}").strip():
                    forms.append(plural.strip("{}").strip())
            for form in forms:
                w = " ".join(form.replace("_", " ").lower().split())
                if (len(w) < 5 or w in have or w.startswith(("a ", "an ", "the "))
                        or w.endswith((" of", " at", " to", " for", " in", " and")) or w in GENERIC_AGENTS or not re.fullmatch(r"[a-z][a-z' \-]*", w)
                        or any(t in GENERIC_AGENTS for t in w.split()[-1:]) and " " not in w):
                    stats["agent words skipped"] += 1
                    continue
                words.setdefault(sector, set()).add(w)
    return words


def regular_plural(phrase):
    p = phrase.rstrip("_ ")
    if p.endswith("Y") and not p.endswith(("AY", "EY", "OY", "UY")):
        return p[:-1] + "IES"
    if p.endswith(("SS", "SH", "CH", "X")):
        return p + "ES"
    return p + "S"


def write_agents(path, words):
    with open(path, "w", encoding="utf-8") as f:
        f.write(header(
            "Role words from the Phoenix agent dictionary, for the sectors storyline codes.",
            "as sectors.tsv. Words sectors.tsv already has, and words that name\n"
            "# people in general (\"man\", \"members\", \"party\"), are left out."))
        for sector in sorted(words):
            f.write(f"sector\t{sector}\t{'|'.join(sorted(words[sector]))}\n")


def main():
    if len(sys.argv) != 3:
        sys.exit(f"usage: {COMMAND}")
    src, out = sys.argv[1], sys.argv[2]
    stats = {k: 0 for k in ("entries", "no usable code", "country names", "names filtered out",
                            "hand-made entry wins", "name of another entry", "people kept",
                            "organisations kept", "agent words skipped")}
    people, orgs = convert_actors(src, out, stats)
    write_people(os.path.join(out, "phoenix-people.tsv"), people)
    write_orgs(os.path.join(out, "phoenix-orgs.tsv"), orgs)
    words = convert_agents(src, out, stats)
    write_agents(os.path.join(out, "phoenix-agents.tsv"), words)
    with open(os.path.join(src, "LICENSE"), encoding="utf-8") as f:
        licence = f.read()
    with open(os.path.join(out, "PHOENIX-LICENSE"), "w", encoding="utf-8") as f:
        f.write("The phoenix-*.tsv files are converted from the PETRARCH2 Phoenix dictionaries\n"
                f"(github.com/openeventdata/petrarch2, commit {SOURCE_COMMIT}),\n"
                "under this licence:\n\n" + licence)
    for k, v in stats.items():
        print(f"{k}: {v}")
    print(f"people: {len(people)}, organisations: {len(orgs)}, "
          f"agent words: {sum(len(w) for w in words.values())}")


if __name__ == "__main__":
    main()
