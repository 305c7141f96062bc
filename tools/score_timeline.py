#!/usr/bin/env python3
"""Scores Dossier's event timeline on Timeline17 topics (../shared/data/timeline-en by default).

For each topic folder: writes its articles as JSON lines ({"id", "text", "published"}), builds one
dossier with ./dossier, exports JSON, and compares the export's events with the outlet's timeline:
  - date F1 of the top-k events, k = the number of gold dates: events ranked as `timeline --top k`
    ranks them (the export's salience, then how many documents and sentences report them),
    day-precision dates only, one per date;
  - ROUGE-1 F1 (unigrams, lower case) of their summaries against the gold entries, on matched dates
    and over the whole timeline ("concat": every summary against every gold entry).
Beside it, in the same run, the naive timeline: one event per publication day, the k days with most
articles, each summarised by the first sentence of its first article.

Usage: python3 tools/score_timeline.py [DATA_DIR] [--topics a,b] [--work DIR] [--dossier PATH]
"""
import argparse, collections, json, os, re, subprocess, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TOKEN = re.compile(r"[a-z0-9]+")


def words(text):
    return TOKEN.findall(text.lower().replace("-lrb-", " ").replace("-rrb-", " "))


def rouge1(system, reference):
    s, r = collections.Counter(words(system)), collections.Counter(words(reference))
    overlap = sum((s & r).values())
    if not overlap:
        return 0.0
    p, rec = overlap / sum(s.values()), overlap / sum(r.values())
    return 2 * p * rec / (p + rec)


def f1(system_dates, gold_dates):
    hit = len(set(system_dates) & set(gold_dates))
    if not hit:
        return 0.0
    p, r = hit / len(set(system_dates)), hit / len(set(gold_dates))
    return 2 * p * r / (p + r)


def gold_timeline(folder):
    entries = collections.defaultdict(list)
    for name in sorted(os.listdir(folder)):
        if name.endswith(".timeline.json"):
            for entry in json.load(open(os.path.join(folder, name), encoding="utf-8")):
                entries[entry["date"][:10]].append(entry["text"].strip())
    return {d: " ".join(t) for d, t in entries.items()}


def score(timeline, gold):
    """timeline: {date: summary} of k dates."""
    matched = [d for d in timeline if d in gold]
    return {
        "date_f1": f1(timeline.keys(), gold.keys()),
        "rouge1_matched": sum(rouge1(timeline[d], gold[d]) for d in matched) / len(matched) if matched else 0.0,
        "rouge1_concat": rouge1(" ".join(timeline.values()), " ".join(gold.values())),
    }


def system_timeline(export, k):
    events = [e for e in export["events"] if e.get("date") and re.fullmatch(r"\d{4}-\d{2}-\d{2}", e["date"])]
    # The order of `timeline --top k`: salience, then documents and sentences reporting the event.
    events.sort(key=lambda e: (-e.get("salience", e.get("outlets", 1)), -e.get("documents", 1), -len(e.get("mentions", [])), e["date"]))
    timeline = {}
    for e in events:
        if e["date"] not in timeline:
            timeline[e["date"]] = e["summary"]
        if len(timeline) == k:
            break
    return timeline


def baseline_timeline(articles, k):
    by_day = collections.defaultdict(list)
    for a in articles:
        by_day[a["dct"][:10]].append(a["text"])
    days = sorted(by_day, key=lambda d: (-len(by_day[d]), d))[:k]
    first_sentence = lambda text: re.split(r"(?<= [.!?]) ", text.strip(), maxsplit=1)[0]
    return {d: first_sentence(by_day[d][0]) for d in days}


def run_topic(folder, work, cli):
    name = os.path.basename(folder.rstrip("/"))
    articles = [a for a in json.load(open(os.path.join(folder, "articles.json"), encoding="utf-8")) if a.get("text")]
    inputs = os.path.join(work, name + ".jsonl")
    with open(inputs, "w", encoding="utf-8") as out:
        for a in articles:
            out.write(json.dumps({"id": f"{name}__{a['dct']}__{a['uid']}", "text": a["text"], "published": a["dct"]}) + "\n")
    dossier, exported = os.path.join(work, name + ".dossier"), os.path.join(work, name + ".json")
    for path in (dossier, exported):
        if os.path.exists(path):
            os.remove(path)
    # Exit code 1: some article could not be read (reported on standard error); the others are built.
    if subprocess.run([cli, "build", inputs, "-o", dossier], cwd=ROOT, stdout=subprocess.DEVNULL).returncode > 1:
        raise SystemExit(f"build failed for {name}")
    subprocess.run([cli, "export", dossier, "--format", "json", "-o", exported], cwd=ROOT, check=True)
    export = json.load(open(exported, encoding="utf-8"))
    gold = gold_timeline(folder)
    k = len(gold)
    return name, k, len(articles), score(system_timeline(export, k), gold), score(baseline_timeline(articles, k), gold)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("data", nargs="?", default=os.path.join(ROOT, "..", "shared", "data", "timeline-en"))
    parser.add_argument("--topics", help="comma-separated folder names (default: all)")
    parser.add_argument("--work", default="/tmp/dossier-timeline-eval")
    parser.add_argument("--dossier", default=os.path.join(ROOT, "dossier"), help="the command line to run (default: this repository's)")
    args = parser.parse_args()
    os.makedirs(args.work, exist_ok=True)
    folders = sorted(d for d in os.listdir(args.data) if os.path.isdir(os.path.join(args.data, d)))
    if args.topics:
        folders = [d for d in folders if d in args.topics.split(",")]
    rows = [run_topic(os.path.join(args.data, d), args.work, args.dossier) for d in folders]
    print(f"{'topic':24} {'k':>4} {'docs':>5} | {'date F1':>8} {'R1 match':>8} {'R1 concat':>9} | baseline: {'date F1':>8} {'R1 match':>8} {'R1 concat':>9}")
    for name, k, n, sys_, base in rows:
        print(f"{name:24} {k:4} {n:5} | {sys_['date_f1']:8.3f} {sys_['rouge1_matched']:8.3f} {sys_['rouge1_concat']:9.3f} |"
              f"           {base['date_f1']:8.3f} {base['rouge1_matched']:8.3f} {base['rouge1_concat']:9.3f}")
    mean = lambda key, i: sum(r[i][key] for r in rows) / len(rows)
    print(f"{'mean':24} {'':4} {'':5} | {mean('date_f1', 3):8.3f} {mean('rouge1_matched', 3):8.3f} {mean('rouge1_concat', 3):9.3f} |"
          f"           {mean('date_f1', 4):8.3f} {mean('rouge1_matched', 4):8.3f} {mean('rouge1_concat', 4):9.3f}")


if __name__ == "__main__":
    sys.exit(main())
