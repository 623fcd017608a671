#!/usr/bin/env python3
"""Convert the Debian FAQ plain-text edition (debian-faq package) into a corpus TSV:
one article per numbered question ("2.3"), columns key, title (the question), body (the answer,
whitespace collapsed; sub-sections such as 8.1.1 stay inside their question's body)."""
import gzip
import re
import sys

source = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/doc/debian/FAQ/debian-faq.en.txt.gz"
opener = gzip.open if source.endswith(".gz") else open
with opener(source, "rt", encoding="utf-8") as f:
    lines = f.read().replace("\u00a0", " ").split("\n")

question = re.compile(r"^(\d+\.\d+)\. (.*)$")    # body headings start at column 0; the TOC is indented
chapter = re.compile(r"^(\d+)\. (.*)$")
articles, current = [], None
i = 0
while i < len(lines):
    line = lines[i]
    m = question.match(line)
    if m or chapter.match(line):
        heading = line
        while i + 1 < len(lines) and lines[i + 1].strip():  # headings may wrap
            i += 1
            heading += " " + lines[i].strip()
        if m:
            current = {"key": m.group(1), "title": question.match(heading).group(2).strip(), "body": []}
            articles.append(current)
        else:
            current = None  # chapter intro text belongs to no question
    elif current is not None:
        current["body"].append(line.strip())
    i += 1

out = sys.stdout
for a in articles:
    body = re.sub(r"\s+", " ", " ".join(a["body"])).strip()
    title = re.sub(r"\s+", " ", a["title"])
    out.write(f"{a['key']}\t{title}\t{body}\n")
print(f"faq_to_tsv: {len(articles)} articles", file=sys.stderr)
