#!/usr/bin/env python3
"""Scores Dossier's merged events as cross-document event coreference on ECB+ topics, following
the protocol of ../shared/data/events-en/ecbplus-dev/README.md: one plain-text file per article
holding its validated sentences (corpus tokens joined by spaces, one sentence a line), all
articles built into ONE dossier; gold mentions are the ACTION_* and NEG_ACTION_* markables of those
sentences, clustered by CROSS_DOC_COREF instance, else INTRA_DOC_COREF chain, else alone; the
export's events[].mentions are the predicted mentions, each covering the tokens of its line it
overlaps, paired one-to-one with gold mentions, largest overlap first.

Prints mention P/R/F1 and MUC, B3, CEAF-e and CoNLL F1 on the gold mentions (the response
restricted to paired mentions, each missed gold mention a singleton), for Dossier and, in the same
run, for the same-head-lemma baseline (gold mentions of a topic whose head word starts with the
same five letters form one cluster).

Usage: python3 tools/score_ecbplus.py [DATA_DIR] [--topics 2,5,12,18,21,23,34,35] [--work DIR] [--dossier PATH]
"""
import argparse, collections, csv, json, os, re, subprocess, sys
import xml.etree.ElementTree as ET

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEV_TOPICS = "2,5,12,18,21,23,34,35"


def read_article(path, validated):
    root = ET.parse(path).getroot()
    tokens = {}
    for t in root.iter("token"):
        tokens[t.get("t_id")] = (int(t.get("sentence")), int(t.get("number")), re.sub(r"\s+", "", t.text or ""))
    sentences = sorted(s for s in {v[0] for v in tokens.values()} if s in validated)
    line_of = {s: i + 1 for i, s in enumerate(sentences)}
    lines, position = [], {}
    for s in sentences:
        words, offset = [], 0
        for tid, (sent, number, word) in sorted(((k, v) for k, v in tokens.items() if v[0] == s), key=lambda kv: kv[1][1]):
            if not word:
                continue
            position[tid] = (line_of[s], offset, offset + len(word))
            words.append(word)
            offset += len(word) + 1
        lines.append(" ".join(words))
    markables = root.find("Markables")
    mentions, instance_of = {}, {}
    for m in markables:
        anchors = [a.get("t_id") for a in m.findall("token_anchor")]
        if anchors:
            if m.tag.startswith(("ACTION_", "NEG_ACTION_")) and all(a in position for a in anchors):
                mentions[m.get("m_id")] = anchors
        elif m.get("instance_id"):
            instance_of[m.get("m_id")] = m.get("instance_id")
    cluster = {}
    relations = root.find("Relations")
    for r in (relations if relations is not None else []):
        target = r.find("target").get("m_id")
        for source in r.findall("source"):
            mid = source.get("m_id")
            if mid not in mentions:
                continue
            if r.tag == "CROSS_DOC_COREF":
                cluster[mid] = "x:" + r.get("note", instance_of.get(target, target))
            elif r.tag == "INTRA_DOC_COREF" and mid not in cluster:
                cluster[mid] = f"i:{path}:{target}"
    return lines, position, mentions, cluster


def validated_sentences(data):
    """The validated sentence numbers of each (topic, file) of ECBplus_coreference_sentences.csv."""
    validated = collections.defaultdict(set)
    with open(os.path.join(data, "ECBplus_coreference_sentences.csv"), encoding="utf-8") as rows:
        for row in csv.DictReader(rows):
            validated[(row["Topic"], row["File"])].add(int(row["Sentence Number"]))
    return validated


def topic_articles(data, topic, validated):
    """Each article of a topic with validated sentences: its file name and read_article's reading."""
    folder = os.path.join(data, "ECB+", topic)
    for name in sorted(os.listdir(folder)):
        sentences = validated.get((topic, name[:-4].split("_", 1)[1]))
        if sentences:
            yield name, read_article(os.path.join(folder, name), sentences)


def muc(key, response):
    def side(a, b):
        where = {m: i for i, c in enumerate(b) for m in c}
        num = den = 0
        for c in a:
            parts = {where.get(m, ("alone", m)) for m in c}
            num += len(c) - len(parts)
            den += len(c) - 1
        return num / den if den else 0.0
    return side(key, response), side(response, key)


def b_cubed(key, response):
    def side(a, b):
        where = {m: c for c in b for m in c}
        total = sum(len(c & where.get(m, {m})) / len(c) for c in a for m in c)
        return total / sum(len(c) for c in a)
    return side(key, response), side(response, key)


def ceaf_e(key, response):
    """Entity-based CEAF (phi4), the best one-to-one alignment found per connected group of overlapping clusters."""
    key, response = [frozenset(c) for c in key], [frozenset(c) for c in response]
    where = collections.defaultdict(list)
    for j, c in enumerate(response):
        for m in c:
            where[m].append(j)
    seen_k, total = set(), 0.0
    for start in range(len(key)):
        if start in seen_k:
            continue
        ks, rs, stack = {start}, set(), [("k", start)]
        seen_k.add(start)
        key_where = None
        while stack:
            side, i = stack.pop()
            if side == "k":
                for m in key[i]:
                    for j in where.get(m, []):
                        if j not in rs:
                            rs.add(j); stack.append(("r", j))
            else:
                if key_where is None:
                    key_where = collections.defaultdict(list)
                    for kk, c in enumerate(key):
                        for m in c:
                            key_where[m].append(kk)
                for m in response[i]:
                    for kk in key_where.get(m, []):
                        if kk not in seen_k:
                            seen_k.add(kk); ks.add(kk); stack.append(("k", kk))
        ks, rs = sorted(ks), sorted(rs)
        if rs:
            matrix = [[2 * len(key[a] & response[b]) / (len(key[a]) + len(response[b])) for b in rs] for a in ks]
            total += hungarian_max(matrix)
    return total / len(key), total / len(response)


def hungarian_max(matrix):
    """Maximum-weight one-to-one assignment of a rectangular matrix (Kuhn-Munkres, O(n^3))."""
    n, m = len(matrix), len(matrix[0])
    size = max(n, m)
    cost = [[-(matrix[i][j] if i < n and j < m else 0.0) for j in range(size)] for i in range(size)]
    u, v, p, way = [0.0] * (size + 1), [0.0] * (size + 1), [0] * (size + 1), [0] * (size + 1)
    for i in range(1, size + 1):
        p[0], j0 = i, 0
        minv, used = [float("inf")] * (size + 1), [False] * (size + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = p[j0], float("inf"), 0
            for j in range(1, size + 1):
                if not used[j]:
                    cur = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j], way[j] = cur, j0
                    if minv[j] < delta:
                        delta, j1 = minv[j], j
            for j in range(size + 1):
                if used[j]:
                    u[p[j]] += delta; v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while True:
            j1 = way[j0]; p[j0] = p[j1]; j0 = j1
            if j0 == 0:
                break
    return sum(matrix[p[j] - 1][j - 1] for j in range(1, size + 1) if p[j] and p[j] - 1 < n and j - 1 < m)


def f(p, r):
    return 2 * p * r / (p + r) if p + r else 0.0


def report(name, key, response):
    scores = {"MUC": muc(key, response), "B3": b_cubed(key, response), "CEAF-e": ceaf_e(key, response)}
    conll = sum(f(*v[::-1]) for v in scores.values()) / 3
    cells = "  ".join(f"{k} {f(r, p):.3f}" for k, (r, p) in scores.items())
    print(f"{name:18} {cells}  CoNLL F1 {conll:.3f}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("data", nargs="?", default=os.path.join(ROOT, "..", "shared", "data", "events-en", "ecbplus-dev"))
    parser.add_argument("--topics", default=DEV_TOPICS)
    parser.add_argument("--work", default="/tmp/dossier-ecbplus-eval")
    parser.add_argument("--dossier", default=os.path.join(ROOT, "dossier"), help="the command line to run (default: this repository's)")
    args = parser.parse_args()
    topics = args.topics.split(",")
    validated = validated_sentences(args.data)
    inputs = os.path.join(args.work, "articles")
    os.makedirs(inputs, exist_ok=True)
    for name in os.listdir(inputs):
        os.remove(os.path.join(inputs, name))
    articles, gold_cluster = {}, {}
    for topic in topics:
        for name, (lines, position, mentions, cluster) in topic_articles(args.data, topic, validated):
            stem = name[:-4]
            with open(os.path.join(inputs, stem + ".txt"), "w", encoding="utf-8") as out:
                out.write("\n".join(lines) + "\n")
            articles[stem + ".txt"] = (topic, lines, position)
            for mid, anchors in mentions.items():
                gold_cluster[(stem + ".txt", frozenset(position[a] for a in anchors))] = cluster.get(mid, f"s:{stem}:{mid}")
    dossier, exported = os.path.join(args.work, "ecb.dossier"), os.path.join(args.work, "ecb.json")
    for path in (dossier, exported):
        if os.path.exists(path):
            os.remove(path)
    subprocess.run([args.dossier, "build", inputs, "-o", dossier], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    subprocess.run([args.dossier, "export", dossier, "--format", "json", "-o", exported], cwd=ROOT, check=True)
    export = json.load(open(exported, encoding="utf-8"))
    file_of = {d["id"]: os.path.basename(d["path"]) for d in export["documents"]}

    gold = list(gold_cluster)
    gold_tokens = {g: g[1] for g in gold}
    predicted = []
    for event in export["events"]:
        for m in event["mentions"]:
            name = file_of[m["doc"]]
            if name not in articles:
                continue
            covered = frozenset(p for p in articles[name][2].values() if p[0] == m["line"] and p[1] < m["end"] and m["start"] < p[2])
            if covered:
                predicted.append((name, covered, event["id"]))
    # One-to-one pairing, largest token overlap first.
    candidates = sorted(((len(g[1] & p[1]), gi, pi) for gi, g in enumerate(gold) for pi, p in enumerate(predicted)
                         if g[0] == p[0] and g[1] & p[1]), reverse=True)
    paired, used_g, used_p = {}, set(), set()
    for overlap, gi, pi in candidates:
        if gi not in used_g and pi not in used_p:
            paired[gi] = pi; used_g.add(gi); used_p.add(pi)
    p, r = len(paired) / len(predicted) if predicted else 0.0, len(paired) / len(gold)
    print(f"{len(articles)} articles, {len(gold)} gold event mentions in {len(set(gold_cluster.values()))} clusters; "
          f"{len(predicted)} predicted mentions in {len({x[2] for x in predicted})} events")
    print(f"mentions: P {p:.3f} R {r:.3f} F1 {f(p, r):.3f}")

    def clusters(assign):
        groups = collections.defaultdict(set)
        for gi, label in assign.items():
            groups[label].add(gi)
        return list(groups.values())
    key = clusters({gi: gold_cluster[g] for gi, g in enumerate(gold)})
    response = clusters({gi: (predicted[paired[gi]][2] if gi in paired else f"alone:{gi}") for gi in range(len(gold))})
    report("Dossier (gold mentions)", key, response)

    def head_lemma(gi):
        name, positions = gold[gi]
        line, start, end = max(positions)
        word = articles[name][1][line - 1][start:end].lower()
        return (articles[name][0], word[:5])
    report("same head lemma", key, clusters({gi: head_lemma(gi) for gi in range(len(gold))}))
    report("every mention alone", key, [{gi} for gi in range(len(gold))])


if __name__ == "__main__":
    sys.exit(main())
