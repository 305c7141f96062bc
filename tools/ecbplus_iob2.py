#!/usr/bin/env python3
"""Writes the validated sentences of ECB+ topics as CoNLL IOB2 (token<TAB>tag, a blank line after
each sentence), the first run of adjacent tokens of every ACTION_* and NEG_ACTION_* markable tagged
B-EVENT / I-EVENT and every other token O: training data for the English trigger tagger (`dossier train ner`, model
src/Dossier.Languages/en/events.model). The development topics (tools/score_ecbplus.py's list)
are never read unless asked for, so that they stay a fair test.

Usage: python3 tools/ecbplus_iob2.py [DATA_DIR] --topics 1,3,4 -o FILE
       python3 tools/ecbplus_iob2.py [DATA_DIR] --all-but 2,5,12,18,21,23,34,35 -o FILE
"""
import argparse, os, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from score_ecbplus import DEV_TOPICS, ROOT, topic_articles, validated_sentences  # noqa: E402


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("data", nargs="?", default=os.path.join(ROOT, "..", "shared", "data", "events-en", "ecbplus-dev"))
    parser.add_argument("--topics", help="topics to write (default: every topic but --all-but's)")
    parser.add_argument("--all-but", default=DEV_TOPICS, help="topics never read (default: the development topics)")
    parser.add_argument("-o", "--output", required=True)
    args = parser.parse_args()
    held_back = set(args.all_but.split(","))
    every = sorted(os.listdir(os.path.join(args.data, "ECB+")), key=int)
    topics = args.topics.split(",") if args.topics else [t for t in every if t not in held_back]
    validated = validated_sentences(args.data)
    sentences = tagged = 0
    with open(args.output, "w", encoding="utf-8") as out:
        for topic in topics:
            for _, (lines, position, mentions, _) in topic_articles(args.data, topic, validated):
                tag_at = {}
                for anchors in mentions.values():
                    # The first run of adjacent tokens: a detached particle ("checked herself into") names nothing alone.
                    spans = sorted(position[a] for a in anchors)
                    tag_at.setdefault(spans[0], "B-EVENT")
                    for previous, span in zip(spans, spans[1:]):
                        if previous[0] != span[0] or previous[2] + 1 != span[1]:
                            break
                        tag_at.setdefault(span, "I-EVENT")
                for number, line in enumerate(lines, 1):
                    offset = 0
                    for word in line.split(" "):
                        tag = tag_at.get((number, offset, offset + len(word)), "O")
                        tagged += tag != "O"
                        out.write(f"{word}\t{tag}\n")
                        offset += len(word) + 1
                    out.write("\n")
                    sentences += 1
    print(f"{sentences} sentences, {tagged} event tokens, topics {','.join(topics)} -> {args.output}")


if __name__ == "__main__":
    sys.exit(main())
