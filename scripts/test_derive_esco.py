#!/usr/bin/env python3
"""Tests for scripts/derive_esco.py (standard library unittest).

Run from the repository root:

    python3 -m unittest scripts/test_derive_esco.py -v      # or: python3 scripts/test_derive_esco.py

The ESCO input is read from $ESCO_DIR (default /work/shared/data/esco); the tests are skipped
if it is not there. The script is run twice into a temporary directory; data/esco/ is not touched.
"""

from __future__ import annotations

import csv
import gzip
import os
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

ESCO_DIR = Path(os.environ.get("ESCO_DIR", "/work/shared/data/esco"))
SCRIPT = Path(__file__).resolve().parent / "derive_esco.py"

EXPECTED_SKILLS = 13485  # rows of skills_en-us.csv (ESCO 1.0.x as shipped in the input)
EXPECTED_GROUPS = 17  # rows of skillGroups_en.csv (transversal skill groups only)
EXPECTED_OCCUPATIONS = 2942

SKILL_COLUMNS = ["id", "kind", "type", "reuse", "en", "en_alt", "fr", "fr_alt",
                 "es", "es_alt", "broader", "description"]
OCC_COLUMNS = ["id", "isco", "en", "en_alt", "fr", "fr_alt", "es", "es_alt", "description"]

# The input has no skill labelled exactly "machine learning"; the ESCO skill is
# "utilize machine learning" (en-us) = "utiliser l’apprentissage automatique" (fr).
ML_ID = "8369c2d6-c100-4cf6-bd83-9668d8678433"


def count_csv_rows(path: Path) -> int:
    with open(path, newline="", encoding="utf-8-sig") as fh:
        return sum(1 for _ in csv.DictReader(fh))


def read_tsv_gz(path: Path) -> tuple[list[str], list[list[str]]]:
    text = gzip.decompress(path.read_bytes()).decode("utf-8")
    assert text.endswith("\n"), f"{path} does not end with a newline"
    lines = text[:-1].split("\n")
    return lines[0].split("\t"), [line.split("\t") for line in lines[1:]]


@unittest.skipUnless((ESCO_DIR / "skills_en-us.csv").is_file(), f"no ESCO input in {ESCO_DIR}")
class DeriveEscoTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls) -> None:
        cls._tmp = tempfile.TemporaryDirectory(prefix="derive_esco_test_")
        tmp = Path(cls._tmp.name)
        cls.out = [tmp / "run1", tmp / "run2"]
        for out in cls.out:
            proc = subprocess.run([sys.executable, str(SCRIPT), str(ESCO_DIR), str(out)],
                                  capture_output=True, text=True, timeout=300)
            if proc.returncode != 0:
                raise AssertionError(f"derive_esco.py failed:\n{proc.stdout}\n{proc.stderr}")
        cls.stdout = proc.stdout
        cls.skill_header, cls.skills = read_tsv_gz(cls.out[0] / "skills.tsv.gz")
        cls.occ_header, cls.occs = read_tsv_gz(cls.out[0] / "occupations.tsv.gz")
        cls.by_id = {r[0]: dict(zip(SKILL_COLUMNS, r)) for r in cls.skills}

    @classmethod
    def tearDownClass(cls) -> None:
        cls._tmp.cleanup()

    # -- counts ---------------------------------------------------------------------------

    def test_skill_and_group_counts_match_input(self) -> None:
        in_skills = count_csv_rows(ESCO_DIR / "skills_en-us.csv")
        in_groups = count_csv_rows(ESCO_DIR / "skillGroups_en.csv")
        self.assertEqual(in_skills, EXPECTED_SKILLS)
        self.assertEqual(in_groups, EXPECTED_GROUPS)
        kinds = [r[1] for r in self.skills]
        self.assertEqual(kinds.count("skill"), EXPECTED_SKILLS)
        self.assertEqual(kinds.count("group"), EXPECTED_GROUPS)
        self.assertEqual(len(self.skills), EXPECTED_SKILLS + EXPECTED_GROUPS)
        self.assertIn(f"{EXPECTED_SKILLS} skills + {EXPECTED_GROUPS} skill groups", self.stdout)

    def test_occupation_count_matches_input(self) -> None:
        self.assertEqual(count_csv_rows(ESCO_DIR / "occupations_en-us.csv"),
                         EXPECTED_OCCUPATIONS)
        self.assertEqual(len(self.occs), EXPECTED_OCCUPATIONS)

    # -- shape ----------------------------------------------------------------------------

    def test_skills_shape(self) -> None:
        self.assertEqual(self.skill_header, SKILL_COLUMNS)
        for row in self.skills:
            self.assertEqual(len(row), 12, row[:1])
            for field in row:
                self.assertFalse(set(field) & {"\t", "\n", "\r"}, row[:1])
                self.assertEqual(field, field.strip(), row[:1])
            r = dict(zip(SKILL_COLUMNS, row))
            self.assertIn(r["kind"], {"skill", "group"})
            self.assertIn(r["type"], {"skill", "knowledge", ""})
            self.assertIn(r["reuse"], {"transversal", "cross-sector", "sector-specific",
                                       "occupation-specific", ""})
            if r["kind"] == "group":
                self.assertEqual((r["type"], r["reuse"]), ("", ""))
            self.assertLessEqual(len(r["description"]), 400, r["id"])
            for lang in ("en", "fr", "es"):
                self.assertNotIn("|", r[lang])

    def test_occupations_shape(self) -> None:
        self.assertEqual(self.occ_header, OCC_COLUMNS)
        for row in self.occs:
            self.assertEqual(len(row), 9, row[:1])
            for field in row:
                self.assertFalse(set(field) & {"\t", "\n", "\r"}, row[:1])
            r = dict(zip(OCC_COLUMNS, row))
            self.assertRegex(r["isco"], r"^\d{4}$")
            self.assertTrue(r["en"] and r["fr"] and r["es"], r["id"])
            self.assertLessEqual(len(r["description"]), 400, r["id"])

    def test_sorted_unique_uuid_ids(self) -> None:
        for rows in (self.skills, self.occs):
            ids = [r[0] for r in rows]
            self.assertEqual(ids, sorted(set(ids)))
            for i in ids:
                self.assertRegex(i, r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")

    def test_alt_labels_clean(self) -> None:
        for rows, cols in ((self.skills, SKILL_COLUMNS), (self.occs, OCC_COLUMNS)):
            for row in rows:
                r = dict(zip(cols, row))
                for lang in ("en", "fr", "es"):
                    if not r[lang + "_alt"]:
                        continue
                    alts = r[lang + "_alt"].split("|")
                    folded = [a.casefold() for a in alts]
                    self.assertNotIn("", alts, r["id"])
                    self.assertEqual(len(folded), len(set(folded)), r["id"])
                    self.assertNotIn(r[lang].casefold(), folded, r["id"])

    def test_no_mojibake_or_invisible_characters(self) -> None:
        for rows in (self.skills, self.occs):
            for row in rows:
                for field in row:
                    self.assertFalse(set(field) & set("\u200b\u00ad\ufeff\u00a0"), row[0])
                    self.assertNotIn("\u00e2\u0080", field, row[0])
                    self.assertNotIn("\u00c2 ", field, row[0])

    # -- reproducibility ------------------------------------------------------------------

    def test_byte_identical_across_runs(self) -> None:
        for name in ("skills.tsv.gz", "occupations.tsv.gz"):
            a = (self.out[0] / name).read_bytes()
            b = (self.out[1] / name).read_bytes()
            self.assertEqual(a, b, name)
            self.assertEqual(a[4:8], b"\0\0\0\0", f"{name}: gzip mtime is not 0")
            self.assertFalse(a[3] & 0x08, f"{name}: gzip header stores a file name")

    # -- content --------------------------------------------------------------------------

    def test_machine_learning_has_french_label(self) -> None:
        hits = [r for r in self.by_id.values()
                if r["kind"] == "skill"
                and "machine learning" in (r["en"] + "|" + r["en_alt"]).casefold()
                and "apprentissage automatique" in (r["fr"] + "|" + r["fr_alt"]).casefold()]
        self.assertEqual([r["id"] for r in hits], [ML_ID])
        ml = self.by_id[ML_ID]
        self.assertEqual(ml["en"], "utilize machine learning")
        self.assertEqual(ml["fr"], "utiliser l’apprentissage automatique")
        self.assertEqual(ml["es"], "utilizar aprendizaje automático")
        self.assertEqual(ml["type"], "skill")

    def test_broader_ids_exist(self) -> None:
        multi = 0
        with_broader = 0
        for r in self.by_id.values():
            if not r["broader"]:
                continue
            with_broader += 1
            parents = r["broader"].split("|")
            multi += len(parents) > 1
            self.assertEqual(parents, sorted(set(parents)), r["id"])
            self.assertNotIn(r["id"], parents)
            for p in parents:
                self.assertIn(p, self.by_id, f"{r['id']} -> {p}")
        self.assertGreater(with_broader, 5000)
        self.assertGreater(multi, 0)
        # groups hang below groups only; the root "Transversal skills/competences" has none
        roots = [r["en"] for r in self.by_id.values() if r["kind"] == "group" and not r["broader"]]
        self.assertEqual(roots, ["Transversal skills/competences"])
        for r in self.by_id.values():
            if r["kind"] == "group" and r["broader"]:
                for p in r["broader"].split("|"):
                    self.assertEqual(self.by_id[p]["kind"], "group")

    def test_description_truncation(self) -> None:
        cut = [r for r in self.by_id.values() if r["description"].endswith("\u2026")]
        self.assertTrue(cut)
        for r in cut:
            self.assertLessEqual(len(r["description"]), 400)
            self.assertGreater(len(r["description"]), 300)
            self.assertNotEqual(r["description"][-2], " ")


if __name__ == "__main__":
    unittest.main()
