#!/usr/bin/env python3
"""Derive the universities `braingain seed --experts …` turns into institutions.

Usage (from the repository root):

    python3 scripts/derive_seed_universities.py \
        /work/shared/data/universities/world_universities_and_domains.json assets/seed

Keeps the universities of the countries of origin listed in
crates/service/src/synthetic/world.rs (the codes of `ORIGIN_TABLE`, read from that file) and writes
`universities.tsv.gz`: a header line then `country<TAB>name<TAB>website<TAB>region` rows
sorted by country then name, control and invisible characters removed, whitespace collapsed,
duplicates
(same country and name) dropped, only http(s) web pages kept (empty otherwise). gzip with
mtime 0 and no file name, so the output is byte-for-byte reproducible.

Python 3.11, standard library only.
"""

from __future__ import annotations

import gzip
import io
import json
import re
import sys
import unicodedata
from pathlib import Path

WORLD = Path(__file__).resolve().parent.parent / "crates/service/src/synthetic/world.rs"


def origin_codes() -> set[str]:
    text = WORLD.read_text(encoding="utf-8")
    start = text.index("const ORIGIN_TABLE")
    end = text.index("const RESIDENCE_TABLE")
    return set(re.findall(r'\(\s*"([A-Z]{2})",\s*[0-9.]+,', text[start:end]))


def clean(value: object) -> str:
    text = "".join(c for c in str(value or "") if not unicodedata.category(c).startswith("C"))
    return " ".join(text.split())


def main(source: str, out_dir: str) -> None:
    codes = origin_codes()
    rows: dict[tuple[str, str], tuple[str, str]] = {}
    for u in json.loads(Path(source).read_text(encoding="utf-8")):
        country = clean(u.get("alpha_two_code")).upper()
        name = clean(u.get("name"))
        if country not in codes or len(name) < 2:
            continue
        pages = [clean(p) for p in u.get("web_pages") or []]
        site = next((p for p in pages if p.startswith(("http://", "https://"))), "")
        region = clean(u.get("state-province"))
        rows.setdefault((country, name), (site, region))
    buf = io.StringIO()
    buf.write("country\tname\twebsite\tregion\n")
    for (country, name), (site, region) in sorted(rows.items()):
        buf.write(f"{country}\t{name}\t{site}\t{region}\n")
    out = Path(out_dir) / "universities.tsv.gz"
    with open(out, "wb") as raw:
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as gz:
            gz.write(buf.getvalue().encode("utf-8"))
    print(f"{len(rows)} universities in {len(codes)} countries -> {out}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
