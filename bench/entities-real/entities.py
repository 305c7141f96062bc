#!/usr/bin/env python3
"""Entities as a reader meets them in a dossier of real articles, labelled by hand (see README.md).

usage:
  entities.py draw EXPORT.json SUBJECT [--seed N]   # the sample to label, as rows of labels.tsv (label left empty)
  entities.py draw EXPORT.json SUBJECT --fresh N --seed N   # N more, weighted by mentions, none already labelled
  entities.py score EXPORT.json SUBJECT [-v]        # the labelled sample of SUBJECT read in another export

A row of labels.tsv is one entity of the export the sample was drawn from, keyed by its canonical name,
type and surface forms (entity ids change with the code): subject, name, type, surfaces ("|"),
mentions, label (ok, junk, split, mistyped), the right type (PER, ORG, LOC, MISC; "-" for junk), the
referent (the canonical name of what it names: for a split, the name of the entity it belongs with).

score finds each row's entity in the new export (the largest entity named as the row, else the largest
written as its name or one of its surfaces) and labels it again from the hand labels:
  junk      the name is still an entity of its own;
  split     its entity is not the entity written as its referent's name (when one is);
  mistyped  its entity's type is not the right type;
  ok        none of these (a junk row whose name is no entity any more is "gone", counted ok).
It prints the counts before (as labelled) and now, and the rows that changed (-v: every row not ok).
"""
import argparse, csv, json, pathlib, random, sys
from collections import Counter

HERE = pathlib.Path(__file__).resolve().parent
LABELS = HERE / "labels.tsv"
FIELDS = ["subject", "name", "type", "surfaces", "mentions", "label", "right_type", "referent"]
TOP = 30
SAMPLE = 120


def load_export(path):
    export = json.load(open(path, encoding="utf-8"))
    return [e for e in export["entities"] if e.get("mentions")]


def draw(a):
    entities = sorted(load_export(a.export), key=lambda e: (-len(e["mentions"]), e["name"], e["type"]))
    if a.fresh:
        # A later sample: no top, and no entity named or written as a labelled row's name (whatever its type).
        labelled = {r["name"] for r in read_labels(a.subject)}
        fresh = [e for e in entities if not labelled & ({e["name"]} | {m["text"] for m in e["mentions"]})]
        top, rest, size = [], fresh, a.fresh
    else:
        top, rest, size = entities[:TOP], entities[TOP:], SAMPLE
    rng = random.Random(a.seed)
    chosen = list(top)
    # Weighted by mentions, without replacement (Efraimidis-Spirakis keys).
    keyed = sorted(rest, key=lambda e: -rng.random() ** (1.0 / len(e["mentions"])))
    chosen += keyed[: size - len(top)]
    out = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
    for e in chosen:
        surfaces = sorted(set(m["text"] for m in e["mentions"]))
        out.writerow([a.subject, e["name"], e["type"], "|".join(surfaces), len(e["mentions"]), "", "", e["name"]])


def read_labels(subject):
    with open(LABELS, encoding="utf-8") as f:
        rows = [r for r in csv.DictReader((l for l in f if not l.startswith("#")), delimiter="\t") if r["subject"] == subject]
    for r in rows:
        r["surfaces"] = [s for s in r["surfaces"].split("|") if s]
    return rows


def score(a):
    entities = load_export(a.export)
    by_surface = {}
    for e in entities:
        for s in set(m["text"] for m in e["mentions"]):
            by_surface.setdefault(s, []).append(e)

    def entity_of(*surfaces):
        for s in surfaces:
            if s in by_surface:
                return max(by_surface[s], key=lambda e: len(e["mentions"]))
        return None

    def named(name, *surfaces):
        """The entity named so (an entity kept apart keeps its name), else the one written so."""
        same = [e for e in entities if e["name"] == name]
        return max(same, key=lambda e: len(e["mentions"])) if same else entity_of(name, *surfaces)

    rows = read_labels(a.subject)
    before, now, changed = Counter(), Counter(), []
    for r in rows:
        before[r["label"]] += 1
        e = named(r["name"], *r["surfaces"])
        if r["label"] == "junk":
            state = "ok" if entity_of(r["name"]) is None else "junk"
        elif e is None:
            state = "lost"
        elif r["referent"] != r["name"] and named(r["referent"]) not in (None, e):
            state = "split"
        elif e["type"] != r["right_type"]:
            state = "mistyped"
        else:
            state = "ok"
        now[state] += 1
        if state != r["label"] or a.verbose and state != "ok":
            changed.append((r["label"], state, r["name"], r["type"], e and f'{e["name"]} {e["type"]} ({len(e["mentions"])})'))
    n = len(rows)
    fmt = lambda c: " ".join(f"{k} {c[k]}" for k in ["ok", "junk", "split", "mistyped", "lost"]) + f"  ok share {c['ok'] / n:.2f}"
    for before_label, state, name, type_, entity in changed:
        print(f"{before_label:>8} -> {state:<8} {name} {type_}  now: {entity}")
    print(f"{a.subject}: {n} entities labelled")
    print(f"  as labelled: {fmt(before)}")
    print(f"  now:         {fmt(now)}")


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="command", required=True)
    d = sub.add_parser("draw")
    d.add_argument("export")
    d.add_argument("subject")
    d.add_argument("--seed", type=int, default=1)
    d.add_argument("--fresh", type=int, default=0)
    s = sub.add_parser("score")
    s.add_argument("export")
    s.add_argument("subject")
    s.add_argument("-v", "--verbose", action="store_true")
    a = ap.parse_args()
    draw(a) if a.command == "draw" else score(a)


if __name__ == "__main__":
    main()
