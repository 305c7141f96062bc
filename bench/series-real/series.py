#!/usr/bin/env python3
"""Series of real articles against the measured thing of each figure, labelled by hand (see README.md).

usage:
  series.py show EXPORT.json [--all]     # every series' points (--all: every figure) in context, to label
  series.py score EXPORT.json SUBJECT [-v]   # the labelled figures of SUBJECT read in another export

A row of labels.tsv is one figure: subject, the label of its series in the export it was labelled from
("-" when in no series), the orangesum id of its article (the document's path ends with "#<id>"), the
figure's text, its value, its date (the series point's date, or the article's for a figure in no
series), and the measured thing, a short phrase written by hand. Rows of one subject with the same id,
text and value are one text written more than once in the article, in the order of the text.

score finds each row's figure in the new export (the k-th quantity, by offset, of the k-th such row)
and counts pairs of found figures: those in one series against those of one measured thing.
  precision  share of the pairs in one series that measure one thing;
  recall     share of the pairs measuring one thing that are in one series;
  mixed      series holding labelled figures of more than one thing (of all series holding any).
"""
import argparse, csv, json, pathlib, sys
from collections import defaultdict
from itertools import combinations

HERE = pathlib.Path(__file__).resolve().parent
LABELS = HERE / "labels.tsv"
FIELDS = ["subject", "series", "id", "figure", "value", "date", "thing"]


def load_export(path):
    return json.load(open(path, encoding="utf-8"))


def orangesum_id(document):
    return document["path"].rsplit("#", 1)[-1]


def read_labels(subject):
    with open(LABELS, encoding="utf-8") as f:
        rows = csv.DictReader((l for l in f if not l.startswith("#")), delimiter="\t")
        return [r for r in rows if r["subject"] == subject]


def same_value(a, b):
    return abs(float(a) - float(b)) <= 1e-9 * max(1.0, abs(float(b)))


def show(a):
    export = load_export(a.export)
    docs = {d["id"]: d for d in export["documents"]}
    labels = {s["id"]: s["label"] for s in export["series"]}
    for q in sorted(export["quantities"], key=lambda q: (q.get("series") is None, q.get("series") or "", q["doc"], q["start"])):
        if not (q.get("series") or a.all):
            continue
        d = docs[q["doc"]]
        text = d["text"]
        context = text[max(0, q["start"] - 120): q["end"] + 60].replace("\n", " ")
        print("\t".join([labels.get(q.get("series"), "-"), orangesum_id(d), q["text"], str(q["value"]), q["unit"], context]))


def score(a):
    export = load_export(a.export)
    rows = read_labels(a.subject)
    if not rows:
        sys.exit(f"no labels for {a.subject}")
    by_key = defaultdict(list)
    for r in rows:
        by_key[(r["id"], r["figure"])].append(r)
    docs = {d["id"]: orangesum_id(d) for d in export["documents"]}
    quantities = defaultdict(list)
    for q in sorted(export["quantities"], key=lambda q: (q["doc"], q["start"])):
        quantities[(docs[q["doc"]], q["text"])].append(q)
    labels = {s["id"]: s["label"] for s in export["series"]}
    found, missing = [], []
    for key, group in by_key.items():
        for value in {r["value"] for r in group}:
            same = [r for r in group if r["value"] == value]
            candidates = [q for q in quantities.get(key, []) if same_value(q["value"], value)]
            for r, q in zip(same, candidates):
                found.append((r, q.get("series")))
            missing += same[len(candidates):]
    pairs_series = pairs_thing = pairs_both = 0
    for (r1, s1), (r2, s2) in combinations(found, 2):
        in_series = s1 is not None and s1 == s2
        one_thing = r1["thing"] == r2["thing"]
        pairs_series += in_series
        pairs_thing += one_thing
        pairs_both += in_series and one_thing
    things = defaultdict(set)
    for r, s in found:
        if s is not None:
            things[s].add(r["thing"])
    mixed = sorted(s for s, t in things.items() if len(t) > 1)
    precision = pairs_both / pairs_series if pairs_series else 1.0
    recall = pairs_both / pairs_thing if pairs_thing else 1.0
    in_series = sum(1 for _, s in found if s is not None)
    print(f"{a.subject}: figures {len(found)}/{len(rows)} found ({in_series} in a series); "
          f"pairs in one series {pairs_series}, of one thing {pairs_thing}, both {pairs_both}; "
          f"precision={precision:.2f} recall={recall:.2f} mixed={len(mixed)}/{len(things)}")
    if a.verbose:
        for s in mixed:
            print(f"  mixed {labels.get(s, s)}: " + " | ".join(sorted(things[s])))
        for r in missing:
            print(f"  not found: {r['id']} {r['figure']!r} {r['value']}")


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="verb", required=True)
    s = sub.add_parser("show"); s.add_argument("export"); s.add_argument("--all", action="store_true"); s.set_defaults(run=show)
    s = sub.add_parser("score"); s.add_argument("export"); s.add_argument("subject"); s.add_argument("-v", "--verbose", action="store_true"); s.set_defaults(run=score)
    a = p.parse_args()
    a.run(a)


if __name__ == "__main__":
    main()
