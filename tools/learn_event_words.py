#!/usr/bin/env python3
"""Learns English words that name happenings from the ECB+ topics outside the development list,
and writes them as trigger rows of src/Dossier.Languages/en/events-learned.tsv.

A word is kept when its crude lemma (the ECB+ README's: lower case, -ies/-ied, -ing, -ed, -es, -s,
a doubled final consonant and a final e stripped) is annotated as an action (ACTION_*,
NEG_ACTION_*) in the validated sentences of at least --min-topics topics (2), at least MIN_COUNT times,
and on at least MIN_RATIO of its occurrences there: a word of one topic only ("watergate") or one
that mostly names no happening ("in") is left out, and so is a function word of en/stopwords.txt
("into" of "broke into"). Every form of a kept lemma seen
annotated is written; words events.tsv already lists are not repeated. The development topics
(tools/score_ecbplus.py's default list) are never read, so that they stay a fair test.

Usage: python3 tools/learn_event_words.py [DATA_DIR] [-o FILE]
"""
import argparse, collections, os, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from score_ecbplus import DEV_TOPICS, ROOT, topic_articles, validated_sentences  # noqa: E402

MIN_COUNT, MIN_RATIO = 2, 0.5
CLASS = "occurrence"


def lemma(word):
    word = word.lower()
    for suffix, replacement in (("ies", "y"), ("ied", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)] + replacement
            break
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "aeiouls":
        word = word[:-1]
    if len(word) > 3 and word.endswith("e"):
        word = word[:-1]
    return word


def listed_words(path):
    """The single words events.tsv already names as triggers (stems with '*' match what they begin)."""
    exact, stems = set(), []
    for line in open(path, encoding="utf-8"):
        cells = line.rstrip("\n").split("\t")
        if len(cells) == 3 and cells[0] == "trigger" and " " not in cells[1]:
            (stems.append(cells[1][:-1]) if cells[1].endswith("*") else exact.add(cells[1]))
    return lambda w: w in exact or any(w.startswith(s) for s in stems)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("data", nargs="?", default=os.path.join(ROOT, "..", "shared", "data", "events-en", "ecbplus-dev"))
    parser.add_argument("-o", "--output", default=os.path.join(ROOT, "src", "Dossier.Languages", "en", "events-learned.tsv"))
    parser.add_argument("--held-back", default=DEV_TOPICS, help="topics never read (default: the development topics)")
    parser.add_argument("--min-topics", type=int, default=2, help="topics a lemma must be annotated in")
    parser.add_argument("--min-count", type=int, default=MIN_COUNT, help="times a lemma must be annotated")
    parser.add_argument("--min-ratio", type=float, default=MIN_RATIO, help="share of its occurrences a lemma must be annotated on")
    args = parser.parse_args()
    held_back = set(args.held_back.split(","))
    validated = validated_sentences(args.data)
    annotated, occurrences, topics, forms = collections.Counter(), collections.Counter(), collections.defaultdict(set), collections.defaultdict(set)
    read_topics = []
    for topic in sorted(os.listdir(os.path.join(args.data, "ECB+")), key=int):
        if topic in held_back:
            continue
        read_topics.append(topic)
        for _, (lines, position, mentions, _) in topic_articles(args.data, topic, validated):
            action_tokens = {position[a] for anchors in mentions.values() for a in anchors}
            for number, line in enumerate(lines, 1):
                offset = 0
                for word in line.split(" "):
                    key = lemma(word)
                    occurrences[key] += 1
                    if (number, offset, offset + len(word)) in action_tokens and word.isalpha():
                        annotated[key] += 1
                        topics[key].add(topic)
                        forms[key].add(word.lower())
                    offset += len(word) + 1
    languages = os.path.join(ROOT, "src", "Dossier.Languages", "en")
    listed = listed_words(os.path.join(languages, "events.tsv"))
    function_words = {w.strip() for w in open(os.path.join(languages, "stopwords.txt"), encoding="utf-8") if not w.startswith("#")}
    kept = sorted({form for key, count in annotated.items()
                   if len(topics[key]) >= args.min_topics and count >= args.min_count and count / occurrences[key] >= args.min_ratio
                   for form in forms[key] if not listed(form) and form not in function_words})
    with open(args.output, "w", encoding="utf-8") as out:
        out.write("# Words naming happenings (English), learned by tools/learn_event_words.py from the ECB+ 1.0\n"
                  f"# annotation (Cybulska & Vossen, LREC 2014; CC BY 3.0), topics {','.join(read_topics)}: every form\n"
                  f"# of a crude lemma annotated as an action in {args.min_topics}+ topics, {args.min_count}+ times, on {args.min_ratio:.0%}+ of its\n"
                  "# occurrences, neither a function word nor listed in events.tsv. Class 'occurrence': a happening of no class of\n"
                  "# events.tsv. Columns as in events.tsv. Do not edit: run the tool again.\n")
        for form in kept:
            out.write(f"trigger\t{form}\t{CLASS}\n")
    print(f"{len(kept)} words from {len(read_topics)} topics -> {args.output}")


if __name__ == "__main__":
    sys.exit(main())
