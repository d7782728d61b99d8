#!/usr/bin/env python3
"""Derive BrainGain's compact ESCO skills/occupations taxonomy from the ESCO CSV download.

Usage (from the repository root):

    python3 scripts/derive_esco.py /work/shared/data/esco data/esco

Reads (all UTF-8 CSV, RFC 4180 quoting, multi-line quoted fields):
    skills_en-us.csv, skills_fr.csv, skills_es.csv
    skillGroups_en.csv, skillGroups_fr.csv, skillGroups_es.csv
    broaderRelationsSkillPillar.csv
    occupations_en-us.csv, occupations_fr.csv, occupations_es.csv

Writes (gzip, mtime=0, no file name in the header -> byte-reproducible):
    skills.tsv.gz       id kind type reuse en en_alt fr fr_alt es es_alt broader description
    occupations.tsv.gz  id isco en en_alt fr fr_alt es es_alt description

Conventions: one header line, one row per concept, rows sorted by id, '\\t' between fields,
'\\n' after each row. No field contains a tab, CR or LF. Labels have all whitespace runs
collapsed to one space and '|' replaced by '/'; list fields (alt labels, broader ids) are joined
by '|'. Descriptions are English only, whitespace-collapsed and cut at a word boundary to at
most 400 characters (a cut description ends in '…', counted in the 400).

Python 3.11, standard library only. Output depends only on the input files' content, not on
row order within them.
"""

from __future__ import annotations

import csv
import gzip
import io
import os
import re
import sys
from collections import defaultdict
from pathlib import Path

DESC_MAX = 400
ELLIPSIS = "\u2026"

SKILL_COLUMNS = ["id", "kind", "type", "reuse", "en", "en_alt", "fr", "fr_alt",
                 "es", "es_alt", "broader", "description"]
OCC_COLUMNS = ["id", "isco", "en", "en_alt", "fr", "fr_alt", "es", "es_alt", "description"]

# (language code, file-name suffix) -- ESCO ships English as en-us for skills/occupations
# in this download, but as plain "en" for skill groups.
SKILL_FILES = [("en", "skills_en-us.csv"), ("fr", "skills_fr.csv"), ("es", "skills_es.csv")]
GROUP_FILES = [("en", "skillGroups_en.csv"), ("fr", "skillGroups_fr.csv"),
               ("es", "skillGroups_es.csv")]
OCC_FILES = [("en", "occupations_en-us.csv"), ("fr", "occupations_fr.csv"),
             ("es", "occupations_es.csv")]
BROADER_FILE = "broaderRelationsSkillPillar.csv"
LANGS = ["en", "fr", "es"]

# skillType / reuseLevel values may be plain ("skill/competence") or full ESCO URIs
# (".../skill-type/skill"); both are normalised through these maps after taking the last
# path segment of a URI.
TYPE_MAP = {
    "skill/competence": "skill",
    "skill": "skill",
    "competence": "skill",
    "knowledge": "knowledge",
}
REUSE_MAP = {
    "transversal": "transversal",
    "cross-sector": "cross-sector",
    "sector-specific": "sector-specific",
    "occupation-specific": "occupation-specific",
}

warnings: list[str] = []
repairs = {"mojibake": 0, "invisible": 0}


def warn(msg: str) -> None:
    warnings.append(msg)


# ---------------------------------------------------------------- text normalisation

# UTF-8 that was decoded as Windows-1252/Latin-1 and re-encoded ("studentsâ\x80™" for
# "students’", "Â\xa0" for a no-break space) occurs in the English occupation descriptions.
# A lead character followed by exactly the number of continuation characters its byte
# announces is re-decoded; anything that is not then valid UTF-8 is left alone.
_CP1252_BYTE = {bytes([b]).decode("cp1252"): b for b in range(0x80, 0xA0)
                if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)}
_CONT = "[\u0080-\u00bf" + "".join(sorted(_CP1252_BYTE)) + "]"
_MOJIBAKE = re.compile(f"[\u00c2-\u00df]{_CONT}|[\u00e0-\u00ef]{_CONT}{{2}}"
                       f"|[\u00f0-\u00f4]{_CONT}{{3}}")
# Invisible characters with no place in en/fr/es text: zero-width space, word joiner,
# BOM / zero-width no-break space, soft hyphen.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u2060\ufeff\u00ad"))


def _unmojibake(m: re.Match[str]) -> str:
    raw = bytes(_CP1252_BYTE.get(ch, ord(ch)) for ch in m.group())
    try:
        fixed = raw.decode("utf-8")
    except UnicodeDecodeError:
        return m.group()
    repairs["mojibake"] += 1
    return fixed


def collapse(text: str | None) -> str:
    """Repair mojibake, drop invisible characters, and collapse every run of whitespace
    (tab, CR, LF, NBSP, U+2028, ...) to one space."""
    if not text:
        return ""
    text = _MOJIBAKE.sub(_unmojibake, text)
    visible = text.translate(_INVISIBLE)
    repairs["invisible"] += len(text) - len(visible)
    return " ".join(visible.split())


def clean_label(text: str | None) -> str:
    return collapse(text).replace("|", "/")


def alt_labels(raw: str | None, preferred: str) -> str:
    """ESCO alt labels are newline-separated. Clean, drop empties, duplicates and the preferred
    label (case-insensitively), sort (case-insensitively, then exactly) and join by '|'."""
    if not raw:
        return ""
    candidates = sorted({clean_label(a) for a in raw.splitlines()} - {""},
                        key=lambda s: (s.casefold(), s))
    seen = {preferred.casefold()} if preferred else set()
    out = []
    for a in candidates:
        key = a.casefold()
        if key in seen:
            continue
        seen.add(key)
        out.append(a)
    return "|".join(out)


def truncate(text: str, limit: int = DESC_MAX) -> str:
    """Cut at a word boundary so that the result, including a trailing '…', is <= limit."""
    if len(text) <= limit:
        return text
    head = text[: limit - len(ELLIPSIS) + 1]  # +1: is the char right after the cut a space?
    cut = head.rfind(" ")
    if cut <= 0:  # a single enormous word; hard cut
        cut = limit - len(ELLIPSIS)
    return text[:cut].rstrip(" ,;:.-\u2013\u2014") + ELLIPSIS


def last_segment(uri: str) -> str:
    return uri.strip().rstrip("/").rsplit("/", 1)[-1]


def short_value(raw: str, mapping: dict[str, str], what: str, uri: str) -> str:
    raw = collapse(raw)
    if not raw:
        return ""
    key = raw if raw in mapping else last_segment(raw)
    if key in mapping:
        return mapping[key]
    warn(f"unrecognised {what} {raw!r} for {uri}; left empty")
    return ""


# ---------------------------------------------------------------- reading

def read_csv(path: Path, required: list[str]) -> list[dict[str, str]]:
    with open(path, newline="", encoding="utf-8-sig") as fh:
        reader = csv.DictReader(fh, strict=True)
        missing = [c for c in required if c not in (reader.fieldnames or [])]
        if missing:
            raise SystemExit(f"{path}: missing column(s) {missing}; found {reader.fieldnames}")
        rows = []
        for n, row in enumerate(reader, start=2):
            if None in row or any(v is None for v in row.values()):
                raise SystemExit(f"{path}: malformed record near line {n}")
            rows.append(row)
    return rows


def by_id(path: Path, required: list[str]) -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for row in read_csv(path, required):
        cid = last_segment(row["conceptUri"])
        if not cid:
            raise SystemExit(f"{path}: empty conceptUri")
        if cid in out:
            raise SystemExit(f"{path}: duplicate concept {cid}")
        out[cid] = row
    return out


def load_languages(src: Path, files: list[tuple[str, str]],
                   required: list[str]) -> dict[str, dict[str, dict[str, str]]]:
    data = {lang: by_id(src / name, required) for lang, name in files}
    base = set(data["en"])
    for lang, name in files[1:]:
        extra = set(data[lang]) - base
        if extra:
            warn(f"{name}: {len(extra)} concept(s) absent from the English file; ignored")
        gone = base - set(data[lang])
        if gone:
            warn(f"{name}: {len(gone)} concept(s) have no {lang} row; {lang} left empty")
    return data


def labels(data: dict[str, dict[str, dict[str, str]]], cid: str) -> list[str]:
    out = []
    for lang in LANGS:
        row = data[lang].get(cid)
        pref = clean_label(row["preferredLabel"]) if row else ""
        out += [pref, alt_labels(row["altLabels"], pref) if row else ""]
    return out


# ---------------------------------------------------------------- writing

def write_tsv_gz(path: Path, columns: list[str], rows: list[list[str]]) -> int:
    buf = io.StringIO(newline="")
    for fields in [columns, *rows]:
        if len(fields) != len(columns):
            raise AssertionError(f"{path}: row of {len(fields)} fields: {fields[:1]}")
        for f in fields:
            if "\t" in f or "\n" in f or "\r" in f:
                raise AssertionError(f"{path}: control character in field {f!r}")
        buf.write("\t".join(fields))
        buf.write("\n")
    raw = buf.getvalue().encode("utf-8")
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "wb") as fh:
        # filename="" and mtime=0 keep the gzip header free of names and timestamps.
        with gzip.GzipFile(filename="", mode="wb", fileobj=fh, compresslevel=9, mtime=0) as gz:
            gz.write(raw)
    os.replace(tmp, path)
    return path.stat().st_size


def find_cycles(parents: dict[str, list[str]]) -> int:
    """Count broader-relation edges that close a cycle (iterative DFS, deterministic)."""
    state: dict[str, int] = {}  # 1 = on stack, 2 = done
    back_edges = 0
    for root in sorted(parents):
        if state.get(root):
            continue
        stack = [(root, iter(parents.get(root, [])))]
        state[root] = 1
        while stack:
            node, it = stack[-1]
            nxt = next(it, None)
            if nxt is None:
                state[node] = 2
                stack.pop()
            elif state.get(nxt) == 1:
                back_edges += 1
            elif not state.get(nxt):
                state[nxt] = 1
                stack.append((nxt, iter(parents.get(nxt, []))))
    return back_edges


# ---------------------------------------------------------------- main

def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print("usage: python3 scripts/derive_esco.py ESCO_CSV_DIR OUT_DIR\n"
              "  e.g. python3 scripts/derive_esco.py /work/shared/data/esco data/esco",
              file=sys.stderr)
        return 2
    src, dst = Path(argv[1]), Path(argv[2])
    dst.mkdir(parents=True, exist_ok=True)

    skills = load_languages(src, SKILL_FILES, ["conceptUri", "skillType", "reuseLevel",
                                               "preferredLabel", "altLabels", "description"])
    groups = load_languages(src, GROUP_FILES, ["conceptUri", "preferredLabel", "altLabels",
                                               "description"])
    occs = load_languages(src, OCC_FILES, ["conceptUri", "iscoGroup", "preferredLabel",
                                           "altLabels", "description"])

    both = set(skills["en"]) & set(groups["en"])
    if both:
        raise SystemExit(f"{len(both)} id(s) are both skill and skill group, e.g. {min(both)}")
    known = set(skills["en"]) | set(groups["en"])

    # Broader relations: deduplicate pairs, drop those whose ends are not rows we emit.
    broader_rows = read_csv(src / BROADER_FILE, ["conceptUri", "broaderUri"])
    pairs = {(last_segment(r["conceptUri"]), last_segment(r["broaderUri"]))
             for r in broader_rows}
    dup_pairs = len(broader_rows) - len(pairs)
    parents: dict[str, list[str]] = defaultdict(list)
    dangling = self_loops = 0
    for child, parent in sorted(pairs):
        if child == parent:
            self_loops += 1
        elif child in known and parent in known:
            parents[child].append(parent)
        else:
            dangling += 1
    if dup_pairs:
        warn(f"{BROADER_FILE}: {dup_pairs} duplicate relation row(s) collapsed")
    if dangling:
        warn(f"{BROADER_FILE}: {dangling} relation(s) to/from unknown concepts dropped")
    if self_loops:
        warn(f"{BROADER_FILE}: {self_loops} self-relation(s) dropped")
    cycles = find_cycles(parents)
    if cycles:
        warn(f"{BROADER_FILE}: {cycles} edge(s) close a cycle (kept as published)")

    # ---- skills.tsv.gz
    rows = []
    for cid in sorted(known):
        if cid in skills["en"]:
            en = skills["en"][cid]
            kind = "skill"
            typ = short_value(en["skillType"], TYPE_MAP, "skillType", cid)
            reuse = short_value(en["reuseLevel"], REUSE_MAP, "reuseLevel", cid)
            data = skills
        else:
            en = groups["en"][cid]
            kind, typ, reuse, data = "group", "", "", groups
        rows.append([cid, kind, typ, reuse, *labels(data, cid), "|".join(parents.get(cid, [])),
                     truncate(collapse(en["description"]))])
    skills_size = write_tsv_gz(dst / "skills.tsv.gz", SKILL_COLUMNS, rows)
    skill_rows = rows

    # ---- occupations.tsv.gz
    rows = []
    for cid in sorted(occs["en"]):
        en = occs["en"][cid]
        isco = last_segment(collapse(en["iscoGroup"]))
        if isco[:1] == "C" and isco[1:].isdigit():  # ISCO group URI form ".../isco/C2166"
            isco = isco[1:]
        if not (isco.isdigit() and len(isco) == 4):
            warn(f"occupation {cid}: unexpected ISCO code {en['iscoGroup']!r}")
        rows.append([cid, isco, *labels(occs, cid), truncate(collapse(en["description"]))])
    occ_size = write_tsv_gz(dst / "occupations.tsv.gz", OCC_COLUMNS, rows)
    occ_rows = rows

    # ---- summary
    def lang_stats(rows: list[list[str]], cols: list[str]) -> list[str]:
        out = []
        for lang in LANGS:
            p, a = cols.index(lang), cols.index(lang + "_alt")
            prefs = sum(1 for r in rows if r[p])
            alts = sum(len(r[a].split("|")) for r in rows if r[a])
            out.append(f"  {lang}: {prefs} preferred, {alts} alternative labels, "
                       f"{len(rows) - prefs} missing preferred")
        return out

    n_skill = sum(1 for r in skill_rows if r[1] == "skill")
    n_group = len(skill_rows) - n_skill
    type_counts: dict[str, int] = defaultdict(int)
    reuse_counts: dict[str, int] = defaultdict(int)
    for r in skill_rows:
        if r[1] == "skill":
            type_counts[r[2] or "(empty)"] += 1
            reuse_counts[r[3] or "(empty)"] += 1
    multi = sum(1 for p in parents.values() if len(p) > 1)
    lines = [
        f"skills.tsv.gz: {len(skill_rows)} rows = {n_skill} skills + {n_group} skill groups, "
        f"{skills_size} bytes",
        "  type: " + ", ".join(f"{k}={v}" for k, v in sorted(type_counts.items())),
        "  reuse: " + ", ".join(f"{k}={v}" for k, v in sorted(reuse_counts.items())),
        f"  broader: {sum(len(p) for p in parents.values())} relations, "
        f"{len(parents)} concepts with a broader concept, {multi} with several",
        f"  descriptions: {sum(1 for r in skill_rows if r[-1])} non-empty, "
        f"{sum(1 for r in skill_rows if r[-1].endswith(ELLIPSIS))} truncated",
        *lang_stats(skill_rows, SKILL_COLUMNS),
        f"occupations.tsv.gz: {len(occ_rows)} occupations, {occ_size} bytes",
        f"  descriptions: {sum(1 for r in occ_rows if r[-1])} non-empty, "
        f"{sum(1 for r in occ_rows if r[-1].endswith(ELLIPSIS))} truncated",
        *lang_stats(occ_rows, OCC_COLUMNS),
    ]
    print("\n".join(lines))
    if repairs["mojibake"] or repairs["invisible"]:
        warn(f"repaired {repairs['mojibake']} mis-encoded character(s) and removed "
             f"{repairs['invisible']} invisible character(s) (zero-width space, soft hyphen)")
    for w in warnings:
        print(f"note: {w}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
