#!/usr/bin/env python3
"""Scores a dossier JSON export of the development articles against gold.json (see README.md).

usage: score.py EXPORT.json [--gold gold.json] [--split dev|held_out|all] [-v]

Prints, for the articles of the split:
  occurrences found, pairwise merge precision and recall over the gold name occurrences found,
  type accuracy, role phrases resolved, share of coherent series, gold series kept in one series,
  disagreements flagged; then one summary line.
Pairs are counted from the contingency table (occurrences per gold entity x system entity), never
by listing pairs.
"""
import argparse, json, pathlib, re
from collections import Counter, defaultdict

HERE = pathlib.Path(__file__).resolve().parent


def pairs(n):
    return n * (n - 1) // 2


def utf16_to_cp(s, off):
    n = 0
    for i, ch in enumerate(s):
        if n >= off:
            return i
        n += 2 if ord(ch) > 0xFFFF else 1
    return len(s)


def alias_regex(alias):
    return re.compile(r"(?<![\w])" + re.escape(alias) + r"(?![\w])")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("export")
    ap.add_argument("--gold", default=str(HERE / "gold.json"))
    ap.add_argument("--split", default="dev", choices=["dev", "held_out", "all"])
    ap.add_argument("-v", "--verbose", action="store_true")
    a = ap.parse_args()
    gold = json.load(open(a.gold, encoding="utf-8"))
    ex = json.load(open(a.export, encoding="utf-8"))
    wanted = set(gold["dev"] + gold["held_out"]) if a.split == "all" else set(gold[a.split])

    docs = {}  # gold doc id -> (export id, lines, kinds)
    for d in ex["documents"]:
        key = str(d["path"]).rsplit("#", 1)[-1]
        if key in wanted:
            kinds = {l["line"]: l["kind"] for l in d["lines"]}
            docs[key] = (d["id"], d["text"].split("\n"), kinds)
    by_export = {v[0]: k for k, v in docs.items()}
    missing = wanted - set(docs)
    if missing:
        print(f"missing from the export: {sorted(missing)}")

    # Gold occurrences: every alias of an entity in its articles' content and title lines, longest first.
    occ = []  # (doc, line, start, end, entity index, is_role)
    for key, (_, lines, kinds) in docs.items():
        cands = []
        for ei, e in enumerate(gold["entities"]):
            if key not in e["docs"]:
                continue
            for alias in e["aliases"]:
                rx = alias_regex(alias)
                for ln, text in enumerate(lines, 1):
                    if kinds.get(ln) not in ("content", "title"):
                        continue
                    for m in rx.finditer(text):
                        cands.append((ln, m.start(), m.end(), ei, alias in e.get("roles", [])))
        cands.sort(key=lambda c: (c[0], -(c[2] - c[1]), c[1]))
        taken = defaultdict(list)
        for c in cands:
            if any(c[1] < t[2] and t[1] < c[2] for t in taken[c[0]]):
                continue
            taken[c[0]].append(c)
            occ.append((key,) + c)

    spans = defaultdict(list)  # (doc, line) -> [(start, end, entity id, type)]
    for e in ex["entities"]:
        for m in e["mentions"]:
            key = by_export.get(m["doc"])
            if key is None:
                continue
            text = docs[key][1][m["line"] - 1]
            spans[(key, m["line"])].append((utf16_to_cp(text, m["start"]), utf16_to_cp(text, m["end"]), e["id"], e["type"]))

    names, roles, type_ok, missed = [], [], 0, []
    for key, ln, s, e, ei, is_role in occ:
        ov = [x for x in spans.get((key, ln), []) if x[0] < e and s < x[1]]
        if not ov:
            missed.append((key, ln, docs[key][1][ln - 1][s:e]))
            continue
        best = max(ov, key=lambda x: min(x[1], e) - max(x[0], s))
        if is_role:
            roles.append((ei, best[2]))
        else:
            names.append((ei, best[2]))
            type_ok += best[3] == gold["entities"][ei]["type"]
    n_names = sum(1 for o in occ if not o[5])
    cell = Counter(names)
    by_g = Counter(g for g, _ in names)
    by_s = Counter(s for _, s in names)
    same = sum(pairs(n) for n in cell.values())
    precision = same / max(sum(pairs(n) for n in by_s.values()), 1)
    recall = same / max(sum(pairs(n) for n in by_g.values()), 1)
    majority = {g: Counter(s for gg, s in names if gg == g).most_common(1)[0][0] for g in by_g}
    roles_ok = sum(1 for g, s in roles if majority.get(g) == s)
    n_roles = sum(1 for o in occ if o[5])
    if a.verbose:
        for key, ln, text in missed:
            print(f"  not found: {text!r} {key}:{ln}")
        for g in by_g:
            split = Counter(s for gg, s in names if gg == g)
            if len(split) > 1:
                print(f"  split: {gold['entities'][g]['name']} over {dict(split)}")
        for s_id, n in by_s.items():
            gs = Counter(g for g, ss in names if ss == s_id)
            if len(gs) > 1:
                print(f"  merged in {s_id}: {[gold['entities'][g]['name'] for g in gs]}")
        for key, ln, s, e, ei, is_role in occ:
            ov = [x for x in spans.get((key, ln), []) if x[0] < e and s < x[1]]
            if ov and not is_role:
                best = max(ov, key=lambda x: min(x[1], e) - max(x[0], s))
                if best[3] != gold["entities"][ei]["type"]:
                    print(f"  type: {docs[key][1][ln - 1][s:e]!r} {best[3]}, gold {gold['entities'][ei]['type']} {key}:{ln}")

    # Series: a system series is coherent when every figure in it is a figure of one gold measured thing.
    thing_of = []  # (doc, text, thing index)
    for ti, t in enumerate(gold["series"]):
        for p in t["points"]:
            if p["doc"] in docs:
                thing_of.append((p["doc"], p["text"], ti))

    def thing(q):
        key = by_export.get(q["doc"])
        for d, text, ti in thing_of:
            if d == key and (text in q["text"] or q["text"] in text):
                return ti
        return None

    members = defaultdict(list)
    for q in ex["quantities"]:
        if q.get("series") and q["doc"] in by_export:
            members[q["series"]].append(q)
    coherent = 0
    for sid, qs in members.items():
        things = {thing(q) for q in qs}
        ok = len(things) == 1 and None not in things
        coherent += ok
        if a.verbose and not ok:
            print(f"  incoherent series {sid}: {[(by_export[q['doc']], q['text']) for q in qs]}")
    series_of = {}
    for sid, qs in members.items():
        for q in qs:
            series_of[(by_export[q["doc"]], q["text"])] = sid
    multi = [t for t in gold["series"] if sum(p["doc"] in docs for p in t["points"]) >= 2]
    whole = 0
    for t in multi:
        found = {sid for (d, text), sid in series_of.items() for p in t["points"] if p["doc"] == d and (p["text"] in text or text in p["text"])}
        whole += len(found) == 1 and len([p for p in t["points"] if p["doc"] in docs]) == sum(
            1 for (d, text), sid in series_of.items() for p in t["points"] if p["doc"] == d and (p["text"] in text or text in p["text"]))
    disagreements = sum(len(s.get("disagreements") or []) for s in ex["series"] if s["id"] in members)
    n_series = len(members)
    print(f"occurrences found {n_names - len([m for m in missed])}/{n_names} names, roles resolved {roles_ok}/{n_roles}")
    print(f"entities: pairwise merge precision={precision:.3f} recall={recall:.3f} type_accuracy={type_ok / max(len(names), 1):.3f}")
    print(f"series: coherent {coherent}/{n_series}, gold series of 2+ figures kept in one series {whole}/{len(multi)}, disagreements flagged {disagreements}")
    print(f"{a.split}: merge_precision={precision:.3f} merge_recall={recall:.3f} type_accuracy={type_ok / max(len(names), 1):.3f} "
          f"coherent_series={coherent / max(n_series, 1):.2f} ({coherent}/{n_series})")


if __name__ == "__main__":
    main()
