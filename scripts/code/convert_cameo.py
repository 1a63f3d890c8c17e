#!/usr/bin/env python3
"""Converts the PETRARCH2 CAMEO verb dictionary into the verb frames the
coding stage matches against a parse (crates/code/data/cameo-verbs.tsv).

Usage (from the repository root):

    python3 scripts/code/convert_cameo.py ../shared/events crates/code/data

Reads petrarch2/CAMEO.2.0.txt (the verb dictionary of the PETRARCH2 coder,
MIT licence) and CAMEO2PLOVER-2021.txt (the CAMEO to PLOVER table) from the
first directory; writes cameo-verbs.tsv and CAMEO-LICENSE into the second.
Standard library only; the product never runs this script, it builds its
output into the binary. Prints what it dropped and why.

How the dictionary is read (see its header, and dictionaries.rst beside it):

- a block starts with `--- NAME [code] ---`; the code (`---`: none) is the
  code of a verb of the block alone, unless the verb's own line gives one;
- verb lines: `WORD {forms}` or a multi-word verb `+WORD_PARTICLE`; the
  forms in braces are inflections and give no rows. A verb line that is
  itself an inflection of a verb of its block (BURNT, FALL's FELL) is
  written under the lemma. Multi-word verbs joined with AND/OR ("KILLED_AND")
  stand for coordinated verbs a frame cannot show and are left out;
- a pattern `- [subject] * [object] [particles] (PREP noun) [code] # VERBS`
  applies to every verb of its block. `{A B}` is a noun phrase whose last
  word is the head, `&NAME` a synonym set (expanded here: every member is
  written out; plurals are not generated, the matcher folds plurals), `$`
  `+` `^` `%` mark the source, target or any phrase and constrain nothing.
  Words the old TABARI syntax left bare are read by their word class:
  verb particles (UP, DOWN, OFF ...), one-word adverbs (-LY) and
  predicative adjectives (FREE, ABLAZE) go to the particles column, a bare
  preposition takes the noun after it ("FROM &DETENTION" is
  "(FROM &DETENTION)"), articles are dropped. A pattern that still has two
  object nouns ("* RESTORATION RELATIONS"), or words before the verb that
  are not one noun (adverb phrases, prepositions), cannot be said as one
  frame and is left out (counted on stderr);
- `[A:B]` codes: A is the event from source to target, B the event back
  from target to source (a meeting both ways, a visit and its hosting);
  `[:B]` is only the event back ("appear before court"). The code column
  keeps the text as written; the PLOVER columns map A, or B when A is
  empty;
- `~` transformation lines (verb inside verb) are not converted.

Mapping: CAMEO2PLOVER gives `code: CATEGORY, mode, context`. A code
missing from it takes its parent's line (1125 -> 112 -> 110); a code with
no line up its chain (the CAMEO 01 statements and 02 appeals: PLOVER has
no event for them) or the null code `---` gets PLOVER `-`: such rows are
kept, because a frame that is not an event must stop the bare verb's code.

Verbs listed in several blocks get the patterns of every block (the
frame tells the senses apart); the bare verb's code is the first
listing's, as in PETRARCH2.

Order and duplicates: the comment after a pattern names the verbs the
pattern was first written for. Within a verb, rows are in preference
order: the plain verb before its phrasal verbs ("clear", "clear up"), and
for each, first the bare verb, then patterns whose comment names this verb
alone, then those naming it among others, then the rest, each group in
dictionary order. Of patterns with the same constraints only the first in
that order is kept (PETRARCH2 itself keeps the last one read, which
within a block sorted by code is the highest code). The matcher takes the
most specific pattern that holds and, among equally specific ones, the
earliest row.
"""

import os
import re
import sys
from collections import OrderedDict

SOURCE_COMMIT = "676801cd9cb2924bbbad09f86d15c9323e7097bf"
COMMAND = "python3 scripts/code/convert_cameo.py ../shared/events crates/code/data"

# Word classes for bare words in patterns and multi-word verbs.
PARTICLES = {
    "UP", "DOWN", "OFF", "OUT", "BACK", "AWAY", "FORWARD", "FORTH", "ASIDE",
    "APART", "TOGETHER", "AHEAD", "BEHIND", "ALONG", "AROUND", "ABOUT",
}
PREPOSITIONS = {
    "TO", "FOR", "OF", "WITH", "FROM", "AGAINST", "INTO", "ONTO", "TOWARD",
    "TOWARDS", "AT", "BY", "BETWEEN", "AMONG", "UPON", "THROUGH", "AFTER",
    "BEFORE", "UNDER", "ACROSS", "WITHIN", "WITHOUT", "AMID", "DURING",
    "NEAR", "BEYOND", "DESPITE", "INSIDE", "OUTSIDE", "OVER", "IN", "ON",
    "AS", "UNTIL", "ALONGSIDE", "BEHIND", "AROUND", "ABOUT",
}
# Predicative adjectives and adverbs the dictionary uses bare after the
# verb ("set free", "look uncertain"): complements, not objects.
COMPLEMENTS = {
    "FREE", "ABLAZE", "AFIRE", "ALIGHT", "LOOSE", "UNCERTAIN", "DANGEROUS",
    "RESPONSIBLE", "HOPEFUL", "IMPATIENT", "IMPOSSIBLE", "OPTIMISTIC",
    "PESSIMISTIC", "RESENTFUL", "SCEPTICAL", "SKEPTICAL", "SILENT",
    "UNACCEPTABLE", "UNJUSTIFIED", "UNRELIABLE", "URGENT", "WILLING",
    "WORRIED", "CONCERNED", "CONVINCED", "DEFIANT", "INNOCENT", "NEUTRAL",
    "DEADLOCKED", "CONFIDENT", "DETERMINED", "GUILTY", "UNLIKELY", "READY",
    "CLOSE", "SHORT", "UNFAIR",
}
ARTICLES = {"A", "AN", "THE"}
MARKERS = {"$", "+", "^", "%"}
BE_FORMS = {"IS", "ARE", "AM", "WAS", "WERE", "BEEN", "BE", "BEING"}
COORDINATORS = {"AND", "OR"}


def fail(message):
    sys.exit("convert_cameo.py: " + message)


# ------------------------------------------------------------------ PLOVER


def read_plover(path):
    """CAMEO code -> (category, mode, context) from the conversion table."""
    table = {}
    with open(path, encoding="utf-8") as f:
        for n, raw in enumerate(f, 1):
            line = raw.split("#", 1)[0].strip()
            m = re.match(r"^(\d{3,4}):\s*(.*)$", line)
            if not m:
                continue  # headings ("03: AGREE"), the title, the end line
            fields = [x.strip() for x in m.group(2).split(",")]
            fields += [""] * (3 - len(fields))
            category, mode, context = fields[0], fields[1], fields[2]
            if not re.fullmatch(r"[A-Z]+", category):
                fail(f"{path}:{n}: no PLOVER category in {raw.strip()!r}")
            context = ";".join(x.strip() for x in context.split(";") if x.strip())
            value = (category, mode.replace(" ", ""), context)
            if m.group(1) in table and table[m.group(1)] != value:
                fail(f"{path}:{n}: {m.group(1)} mapped twice, differently")
            table[m.group(1)] = value
    return table


def plover_for(code, table, fallbacks):
    """The table's line for a CAMEO code, or its nearest parent's."""
    if code in ("", "---"):
        return None
    chain = [code]
    if len(code) == 4:
        chain.append(code[:3])
    if len(chain[-1]) == 3 and not chain[-1].endswith("0"):
        chain.append(chain[-1][:2] + "0")
    for c in chain:
        if c in table:
            if c != code:
                fallbacks[code] = c
            return table[c]
    fallbacks[code] = None
    return None


# -------------------------------------------------------------- dictionary


def fold(word):
    """A key under which singular and plural agree (the Rust matcher's
    `fold`, used here only to drop duplicate alternatives)."""
    w = word.lower()
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    if len(w) > 3 and w.endswith("e"):
        w = w[:-1]
    return w


def read_lines(path):
    """(line number, text, comment) for the lines that are not blank or
    comments; the comment is what follows the first '#'."""
    out = []
    with open(path, encoding="utf-8") as f:
        for n, raw in enumerate(f, 1):
            raw = raw.rstrip("\n")
            if raw.startswith("#######"):
                out.append((n, raw.strip(), ""))  # section headings
                continue
            if not raw.strip() or raw.startswith("#"):
                continue
            text, _, comment = raw.partition("#")
            if not text.strip():
                continue
            out.append((n, text.rstrip(), comment.strip()))
    return out


def read_dictionary(path):
    lines = read_lines(path)
    synsets = {}
    blocks = []  # dicts: name, code, verbs [(line, entry text, code)], patterns
    current = None
    synset = None
    in_patterns = False
    for n, text, comment in lines:
        if text.startswith("####### VERB PATTERNS"):
            in_patterns = True
            continue
        if text.startswith("#######"):
            continue
        if not in_patterns:
            if text.startswith("&"):
                synset = text.strip()
                synsets[synset] = []
            elif text.startswith("+") and synset:
                synsets[synset].append(text[1:].strip())
            else:
                fail(f"{path}:{n}: unexpected line before the verb patterns")
            continue
        if text.startswith("---"):
            m = re.search(r"\[([^\]]*)\]", text)
            code = m.group(1).strip() if m else "---"
            name = text.strip("- ").split("[")[0].strip()
            current = {"name": name, "code": code or "---", "verbs": [], "patterns": []}
            blocks.append(current)
        elif text.startswith("~"):
            continue  # transformations: not converted
        elif text.startswith("-"):
            if current is None:
                fail(f"{path}:{n}: pattern outside a block")
            current["patterns"].append((n, text[1:], comment))
        elif text.startswith("&"):
            fail(f"{path}:{n}: synset among the verb patterns")
        else:
            if current is None:
                fail(f"{path}:{n}: verb outside a block")
            current["verbs"].append((n, text.strip()))
    return synsets, blocks


# ------------------------------------------------------------------- verbs


def regular_lemmas(w):
    """Candidate lemmas of a regularly inflected verb form (upper case)."""
    out = []
    if w.endswith("IES") or w.endswith("IED"):
        out.append(w[:-3] + "Y")
    if w.endswith("ES"):
        out.append(w[:-2])
    if w.endswith("S"):
        out.append(w[:-1])
    if w.endswith("ED"):
        out += [w[:-2], w[:-1]]
        if len(w) > 4 and w[-3] == w[-4]:
            out.append(w[:-3])
    if w.endswith("ING"):
        out += [w[:-3], w[:-3] + "E"]
        if len(w) > 5 and w[-4] == w[-5]:
            out.append(w[:-4])
    if w.endswith("T"):
        out.append(w[:-1])
    return out


def block_forms(block):
    """Inflected form -> lemma for the verbs of a block, and its lemmas."""
    forms, lemmas = {}, set()
    for _, text in block["verbs"]:
        head = text.split("{")[0].split("[")[0].strip().lstrip("+")
        first = head.split("_")[0]
        lemmas.add(first)
        if "{" in text and "}" in text:
            inside = text[text.index("{") + 1:text.index("}")]
            for form in inside.replace(",", " ").split():
                forms.setdefault(form.lstrip("+").split("_")[0], first)
    return forms, lemmas


def lemma_of(word, forms, lemmas):
    """The lemma of a verb word, from the forms of its block."""
    if word in BE_FORMS:
        return "BE"
    if word in forms and forms[word] != word:
        return forms[word]
    for cand in regular_lemmas(word):
        if cand in lemmas and cand != word:
            return cand
    return word


def parse_verb_line(text, block, forms, lemmas, dropped):
    """A verb line -> (key, lemma, trailing words, own code) or None."""
    code = None
    m = re.search(r"\[([^\]]*)\]", text)
    if m:
        code = m.group(1).strip() or "---"
        text = text[:m.start()] + text[m.end():]
    head = text.split("{")[0].strip()
    if not head:
        return None
    words = [w for w in head.lstrip("+").split("_") if w]
    if "+" in head[1:]:
        dropped.append(("verb with its marker inside", head))
        return None
    if any(w in COORDINATORS for w in words):
        dropped.append(("coordinated verbs", head))
        return None
    lemma = lemma_of(words[0], forms, lemmas)
    trailing = words[1:]
    key = "_".join([lemma] + trailing)
    return key, lemma, trailing, code


# ---------------------------------------------------------------- patterns


def tokenize(segment):
    """Pattern text -> items: ("paren", [words]), ("brace", [words]),
    ("word", w). Unbalanced closing brackets are dropped."""
    items, i, s = [], 0, segment
    while i < len(s):
        c = s[i]
        if c.isspace():
            i += 1
        elif c in "({":
            close = ")" if c == "(" else "}"
            j = s.find(close, i)
            if j < 0:
                raise ValueError(f"unclosed {c!r}")
            inner = s[i + 1:j].replace("{", " ").replace("}", " ")
            items.append(("paren" if c == "(" else "brace", inner.split()))
            i = j + 1
        elif c in ")}":
            i += 1
        else:
            j = i
            while j < len(s) and not s[j].isspace() and s[j] not in "(){}":
                j += 1
            items.append(("word", s[i:j]))
            i = j
    return items


class Synsets:
    def __init__(self, raw):
        self.raw = raw

    def expand(self, name):
        if name not in self.raw:
            raise ValueError(f"undefined synset {name}")
        alts, seen = [], set()
        for member in self.raw[name]:
            words = tuple(w.lower() for w in member.rstrip("_").replace("_", " ").split())
            if not words:
                continue
            k = tuple(fold(w) for w in words)
            if k not in seen:
                seen.add(k)
                alts.append(words)
        return alts


def slot(word, synsets):
    """One word of a noun phrase -> its alternatives (tuples of words)."""
    if word.startswith("&"):
        return synsets.expand(word)
    words = tuple(w.lower() for w in word.replace("_", " ").split())
    return [words] if words else []


def noun_of(words, synsets):
    """Words of a noun phrase (last is the head) -> list of slots."""
    slots = []
    for w in words:
        if w in MARKERS or w in ARTICLES:
            continue
        s = slot(w, synsets)
        if s:
            slots.append(s)
    return [prune(s, i == len(slots) - 1) for i, s in enumerate(slots)]


def is_adverb(word):
    return len(word) > 4 and word.endswith("LY") and word not in {"RALLY", "ASSEMBLY", "SUPPLY", "ITALY", "ALLY", "DAILY"}


def classify(items, synsets):
    """Items after (or before) the verb -> (nouns, particles, preps).
    nouns: list of noun slot-lists; preps: list of (prep, slots)."""
    nouns, particles, preps = [], [], []
    # split underscored bare words into words first ("AIR_STRIKE" is a noun
    # phrase; "ON_THE" two words)
    flat = []
    for kind, val in items:
        if kind == "word" and "_" in val and not val.startswith("&"):
            words = [w for w in val.split("_") if w]
            if all(w not in PREPOSITIONS and w not in PARTICLES for w in words):
                flat.append(("brace", words))
            else:
                flat += [("word", w) for w in words]
        else:
            flat.append((kind, val))
    i = 0
    while i < len(flat):
        kind, val = flat[i]
        if kind == "paren":
            words = [w for w in val if w not in MARKERS]
            if not words:
                i += 1
                continue
            preps.append((words[0].lower(), noun_of(words[1:], synsets)))
        elif kind == "brace":
            words = [w for w in val if w not in MARKERS and w not in ARTICLES]
            if words and words[0] in PREPOSITIONS and words[0] not in PARTICLES:
                preps.append((words[0].lower(), noun_of(words[1:], synsets)))
            elif words:
                nouns.append(noun_of(words, synsets))
        else:
            w = val
            if w in MARKERS or w in ARTICLES or not w:
                pass
            elif w.startswith("&"):
                nouns.append(noun_of([w], synsets))
            elif w in PARTICLES and not (w in PREPOSITIONS and _noun_follows(flat, i)):
                particles.append(w.lower())
            elif w in PREPOSITIONS:
                if _noun_follows(flat, i):
                    # the bare nouns after it are one phrase ("OF VIOLAT
                    # SOVEREIGNTY"), its last word the head
                    words = []
                    while _noun_follows(flat, i) and (not words or flat[i + 1][0] == "word"):
                        nxt_kind, nxt = flat[i + 1]
                        words += nxt if nxt_kind == "brace" else [nxt]
                        i += 1
                    preps.append((w.lower(), noun_of(words, synsets)))
                else:
                    preps.append((w.lower(), []))
            elif w in COMPLEMENTS or is_adverb(w):
                particles.append(w.lower())
            elif re.fullmatch(r"[A-Z0-9][A-Z0-9'/.\-]*", w):
                nouns.append(noun_of([w], synsets))
            else:
                raise ValueError(f"word {w!r}")
        i += 1
    return nouns, particles, preps


def _noun_follows(flat, i):
    if i + 1 >= len(flat):
        return False
    kind, val = flat[i + 1]
    if kind == "brace":
        return True
    if kind != "word":
        return False
    w = val
    return (w.startswith("&") or (
        w not in MARKERS and w not in ARTICLES and w not in PREPOSITIONS
        and w not in PARTICLES and w not in COMPLEMENTS and not is_adverb(w)
        and re.fullmatch(r"[A-Z0-9][A-Z0-9'/.\-]*", w) is not None))


def prune(slot_alts, head):
    """Drops alternatives another one of the slot already covers: a longer
    name whose head and modifiers include a shorter one's ("assault rifle"
    when "rifle" is there) matches nothing the shorter one does not."""
    keys = []
    for alt in slot_alts:
        words = [fold(w) for w in alt]
        keys.append((words[-1] if head else None, frozenset(words[:-1] if head else words)))
    out = []
    for i, alt in enumerate(slot_alts):
        h, mods = keys[i]
        covered = any(
            j != i and keys[j][0] == h and keys[j][1] <= mods
            and (keys[j][1] < mods or j < i)
            for j in range(len(slot_alts))
        )
        if not covered:
            out.append(alt)
    return out


def noun_text(slots):
    return " ".join("|".join("_".join(alt) for alt in s) for s in slots)


def parse_pattern(text, synsets):
    """Pattern text (after '-') -> dict or raises ValueError."""
    m = re.search(r"\[([^\]]*)\]", text)
    if not m:
        raise ValueError("no code")
    code = m.group(1).strip().rstrip("!")
    if not re.fullmatch(r"(---|\d{3,4}|\d{3,4}:\d{3,4}|:\d{3,4}|\d{3,4}:)", code):
        raise ValueError(f"code {code!r}")
    body = text[:m.start()]
    if body.count("*") != 1:
        raise ValueError("not one '*'")
    pre, post = body.split("*")
    pre_items = tokenize(pre)
    post_items = tokenize(post)
    if any(k == "paren" for k, _ in pre_items):
        raise ValueError("preposition before the verb")
    if any(k == "word" and v in BE_FORMS for k, v in pre_items):
        raise ValueError("auxiliary before the verb")
    s_nouns, s_parts, s_preps = classify(pre_items, synsets)
    if s_preps or len(s_nouns) > 1:
        raise ValueError("words before the verb are not one noun")
    o_nouns, o_parts, o_preps = classify(post_items, synsets)
    if len(o_nouns) > 1:
        raise ValueError("two object nouns")
    return {
        "code": code,
        "subject": s_nouns[0] if s_nouns else [],
        "object": o_nouns[0] if o_nouns else [],
        "particles": s_parts + o_parts,
        "preps": o_preps,
    }


def comment_verbs(comment, forms, lemmas):
    """Verbs named in a pattern's comment, as keys (lemma[_PARTICLE])."""
    out = set()
    for piece in re.split(r"[,;]", comment.split("<")[0]):
        tok = piece.strip().split(" ")[0] if piece.strip() else ""
        if not re.fullmatch(r"[A-Z][A-Z\-]*(_[A-Z]+)*", tok):
            continue
        words = tok.split("_")
        out.add("_".join([lemma_of(words[0], forms, lemmas)] + words[1:]))
    return out


# ------------------------------------------------------------------- rows


def combine(verb_trailing, pat, synsets):
    """A multi-word verb's trailing words added to a pattern; None when the
    two cannot be one frame (two object nouns)."""
    if not verb_trailing:
        return pat
    parts, nouns = [], []
    for w in verb_trailing:
        closed = w in PARTICLES or w in PREPOSITIONS or w in COMPLEMENTS or is_adverb(w)
        if closed:
            parts.append(w.lower())
        else:
            nouns.append(noun_of([w], synsets))
    obj = pat["object"]
    if nouns:
        if obj or len(nouns) > 1:
            return None
        obj = nouns[0]
    return {
        "code": pat["code"],
        "subject": pat["subject"],
        "object": obj,
        "particles": parts + pat["particles"],
        "preps": pat["preps"],
    }


def constraint_key(row):
    return (
        noun_text(row["subject"]),
        noun_text(row["object"]),
        " ".join(sorted(row["particles"])),
        ";".join(sorted(p + ":" + noun_text(n) for p, n in row["preps"])),
    )


def specificity(row):
    return (
        len(row["subject"]) + len(row["object"]) + len(row["particles"])
        + sum(1 + len(n) for _, n in row["preps"])
    )


def main(argv):
    if len(argv) != 3:
        sys.exit(__doc__.split("\n\n")[1])
    src, out_dir = argv[1], argv[2]
    dict_path = os.path.join(src, "petrarch2", "CAMEO.2.0.txt")
    table_path = os.path.join(src, "CAMEO2PLOVER-2021.txt")
    licence_path = os.path.join(src, "petrarch2", "LICENSE")
    table = read_plover(table_path)
    raw_synsets, blocks = read_dictionary(dict_path)
    synsets = Synsets(raw_synsets)

    dropped_verbs, skipped = [], []
    # key -> entry: lemma, trailing, bare code, patterns [(order, own, pat)]
    entries = OrderedDict()
    order = 0
    for block in blocks:
        forms, lemmas = block_forms(block)
        parsed = []
        for n, text, comment in block["patterns"]:
            try:
                pat = parse_pattern(text, synsets)
            except ValueError as e:
                skipped.append((str(e), n, text.strip()))
                continue
            parsed.append((n, pat, comment_verbs(comment, forms, lemmas)))
        for n, text in block["verbs"]:
            v = parse_verb_line(text, block, forms, lemmas, dropped_verbs)
            if v is None:
                continue
            key, lemma, trailing, code = v
            if key not in entries:
                entries[key] = {
                    "lemma": lemma, "trailing": trailing,
                    "code": code or block["code"], "patterns": [],
                }
            entry = entries[key]
            if any(p[3] is block for p in entry["patterns"]):
                continue  # listed twice in one block ("BRING", "BRING {...}")
            for ln, pat, named in parsed:
                own = 0 if named == {key} else 1 if key in named else 2
                order += 1
                entry["patterns"].append((own, order, pat, block))

    fallbacks = {}
    rows_by_lemma = OrderedDict()
    combos_lost = 0
    # a lemma's plain verb before its phrasal ones ("clear" before "clear up")
    ordered = sorted(entries.items(), key=lambda kv: bool(kv[1]["trailing"]))
    for key, entry in ordered:
        rows = rows_by_lemma.setdefault(entry["lemma"], [])
        bare = {"code": entry["code"], "subject": [], "object": [], "particles": [], "preps": []}
        candidates = [combine(entry["trailing"], bare, synsets)]
        for own, _, pat, _ in sorted(entry["patterns"], key=lambda p: (p[0], p[1])):
            c = combine(entry["trailing"], pat, synsets)
            if c is None:
                combos_lost += 1
            else:
                candidates.append(c)
        rows.extend(c for c in candidates if c is not None)

    out_rows = []
    dupes = 0
    for lemma in sorted(rows_by_lemma, key=lambda s: s.lower()):
        seen = set()
        for row in rows_by_lemma[lemma]:
            k = constraint_key(row)
            if k in seen:
                dupes += 1
                continue
            seen.add(k)
            code = row["code"]
            primary = code.split(":")[0] or (code.split(":")[1] if ":" in code else "")
            mapped = plover_for(primary, table, fallbacks)
            category, mode, context = mapped if mapped else ("-", "", "")
            preps = ";".join(
                p + (":" + noun_text(n) if n else "") for p, n in row["preps"]
            )
            out_rows.append("\t".join([
                lemma.lower(), noun_text(row["subject"]), noun_text(row["object"]),
                " ".join(row["particles"]), preps, code, category, mode, context,
                str(specificity(row)),
            ]))

    os.makedirs(out_dir, exist_ok=True)
    tsv = os.path.join(out_dir, "cameo-verbs.tsv")
    with open(tsv, "w", encoding="utf-8", newline="\n") as f:
        f.write(HEADER.format(commit=SOURCE_COMMIT, command=COMMAND))
        for line in out_rows:
            f.write(line + "\n")
    with open(licence_path, encoding="utf-8") as f:
        licence = f.read()
    with open(os.path.join(out_dir, "CAMEO-LICENSE"), "w", encoding="utf-8") as f:
        f.write(LICENCE_NOTE.format(commit=SOURCE_COMMIT) + licence)

    err = sys.stderr
    print(f"{len(out_rows)} rows, {len(rows_by_lemma)} verbs -> {tsv}", file=err)
    print(f"{dupes} rows dropped as duplicate constraints of an earlier row", file=err)
    print(f"{combos_lost} multi-word verb x pattern pairs with two objects left out", file=err)
    print(f"{len(skipped)} patterns left out:", file=err)
    reasons = {}
    for why, n, text in skipped:
        reasons.setdefault(why, []).append(f"{n}: {text}")
    for why, where in sorted(reasons.items(), key=lambda x: -len(x[1])):
        print(f"  {len(where):4} {why}: e.g. {where[0]}", file=err)
    print(f"{len(dropped_verbs)} verb lines left out: "
          + ", ".join(f"{t} ({w})" for w, t in dropped_verbs), file=err)
    print("codes mapped through a parent: " + ", ".join(
        f"{c}->{p or '-'}" for c, p in sorted(fallbacks.items())), file=err)


HEADER = """\
# CAMEO verb frames, converted from the PETRARCH2 verb dictionary
# CAMEO.2.0.txt (github.com/openeventdata/petrarch2, commit {commit}),
# MIT licence, copyright (c) 2015 Open Event Data Alliance: see
# CAMEO-LICENSE beside this file. CAMEO codes mapped to PLOVER with
# CAMEO2PLOVER-2021.txt (PLOVER manual draft 0.8). Generated, do not edit;
# rebuild with
#   {command}
#
# One row per verb and pattern, tab-separated:
#   verb       the verb's lemma, lower case
#   subject    noun the subject must have (words before the verb), or empty
#   object     noun the direct object must have, or empty
#   particles  words that must stand with the verb, space-separated: verb
#              particles ("call off"), one-word adverbs ("illegally") and
#              predicative adjectives ("set free"), or empty
#   preps      prepositional phrases the clause must have, ';'-separated:
#              "prep" (any object) or "prep:noun"
#   cameo      the CAMEO code as the dictionary writes it: "154"; "042:043"
#              is 042 from source to target and 043 back; ":173" is only
#              the event back (target to source); "---" is no event
#   plover     PLOVER category of the first code (or of the second when the
#              first is empty), or "-" when it maps to no PLOVER event:
#              such frames stop the bare verb's code
#   mode       PLOVER mode from the table, or empty
#   context    PLOVER context from the table (';'-separated), or empty
#   spec       specificity: the number of constraint words (a synonym set
#              or an alternative counts once)
#
# A noun is slots separated by spaces, the last slot the head and the
# others modifiers the noun must also have; a slot is alternatives
# separated by '|'; an alternative of several words is joined by '_' (in
# the head slot: modifiers then head). Synonym sets are written out.
# Plurals are not: the matcher folds singular and plural.
#
# Rows of a verb are in preference order: the plain verb before its
# phrasal verbs ("clear", then "clear up"), and for each the bare verb
# first, then patterns first written for this verb alone, for it among
# others, then the rest of its blocks, each in dictionary order. The
# matcher takes the most specific row that holds, the earliest among
# equals.
"""

LICENCE_NOTE = """\
cameo-verbs.tsv is converted from the PETRARCH2 CAMEO verb dictionary
CAMEO.2.0.txt (github.com/openeventdata/petrarch2, commit
{commit}), whose header carries the MIT licence with
"Copyright (c) 2015 Open Event Data Alliance". The repository's licence:

"""

if __name__ == "__main__":
    main(sys.argv)
