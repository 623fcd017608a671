#!/usr/bin/env python3
"""Convert the Python 3.11 library reference (Debian package python3.11-doc, HTML) into a second
KB quality set: long technical articles with one-line descriptive queries.

Articles: one per <section> of library/*.html (its own text, nested sections excluded, navigation
and toctrees dropped), key = "page#section-id", title = the heading without its " — synopsis" part,
body = the section text with whitespace collapsed. Sections with fewer than 20 body words are left
out. Queries: the module index's one-line synopses (py-modindex.html, "Miscellaneous operating
system interfaces."), each mapped to the article holding its module's anchor. Dropped: synopses
shared by several modules, those whose article is missing, and those that appear verbatim in
their article (a fair test asks for a description, not a quotation).

Usage: pydoc_to_tsv.py HTML_DIR CORPUS_OUT.tsv QUERIES_OUT.tsv
Deterministic: pages, sections and queries are written in sorted order."""
import html.parser
import os
import re
import sys

html_dir = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/doc/python3.11/html"
corpus_out = sys.argv[2] if len(sys.argv) > 2 else "pydoc.tsv"
queries_out = sys.argv[3] if len(sys.argv) > 3 else "pydoc_queries.tsv"
MIN_BODY_WORDS = 20

VOID = {"br", "hr", "img", "input", "meta", "link", "wbr", "col", "area", "base", "source"}
BLOCK = {"p", "div", "li", "dt", "dd", "pre", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6",
         "section", "table", "ul", "ol", "dl", "blockquote", "br", "hr"}


class Page(html.parser.HTMLParser):
    """Collects the sections of one Sphinx page: id, heading, own text, and the anchors inside."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []          # open tags: (tag, role) with role in {"", "main", "skip", "section", "heading"}
        self.in_main = 0         # depth of the main body div, 0 = outside
        self.skip = 0            # > 0 inside navigation, toctrees, header links, scripts
        self.sections = []       # dicts: id, heading, text (list), anchors (list)
        self.open_sections = []  # indexes into self.sections
        self.heading = None      # index of the section whose heading is being read

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        cls = (a.get("class") or "").split()
        role = ""
        if tag == "div" and "body" in cls and a.get("role") == "main":
            role = "main"
            self.in_main += 1
        elif self.in_main and (tag in ("script", "style") or "toctree-wrapper" in cls or "headerlink" in cls):
            role = "skip"
            self.skip += 1
        elif self.in_main and tag == "section":
            role = "section"
            self.sections.append({"id": a.get("id", ""), "heading": [], "text": [], "anchors": []})
            self.open_sections.append(len(self.sections) - 1)
        elif self.in_main and re.fullmatch(r"h[1-6]", tag) and self.open_sections and \
                not self.sections[self.open_sections[-1]]["heading"]:
            role = "heading"
            self.heading = self.open_sections[-1]
        if self.in_main and self.open_sections and a.get("id"):
            self.sections[self.open_sections[-1]]["anchors"].append(a["id"])
        if tag in BLOCK:
            self.add_text(" \n ")
        if tag not in VOID:
            self.stack.append((tag, role))

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        while self.stack:  # close up to the matching tag (Sphinx output is well-formed)
            t, role = self.stack.pop()
            if role == "main":
                self.in_main -= 1
            elif role == "skip":
                self.skip -= 1
            elif role == "section":
                self.open_sections.pop()
            elif role == "heading":
                self.heading = None
            if t == tag:
                break
        if tag in BLOCK:
            self.add_text(" \n ")

    def handle_data(self, data):
        self.add_text(data)

    def add_text(self, data):
        if not self.in_main or self.skip or not self.open_sections:
            return
        if self.heading is not None:
            self.sections[self.heading]["heading"].append(data)
        else:
            self.sections[self.open_sections[-1]]["text"].append(data)


def clean(text):
    return re.sub(r"\s+", " ", text.replace("\u00b6", "")).strip()


def plain_roles(text):
    """reST left in a synopsis: ':pep:`3119`' -> 'PEP 3119', ':mod:`os`' -> 'os'."""
    text = re.sub(r":pep:`(\d+)`", r"PEP \1", text)
    text = re.sub(r":[a-z:]+:`~?([^`<]*?)\s*(?:<[^>]*>)?`", r"\1", text)
    return text.replace("``", "")


def title_of(heading):
    """'os — Miscellaneous operating system interfaces' -> 'os' (the synopsis is the query)."""
    return clean(re.split(r"\s[\u2014\u2013-]\s", clean(heading), maxsplit=1)[0])


articles = {}         # key -> (title, body)
anchor_article = {}   # "page#anchor" -> article key
library = os.path.join(html_dir, "library")
for name in sorted(os.listdir(library)):
    if not name.endswith(".html"):
        continue
    page = Page()
    with open(os.path.join(library, name), encoding="utf-8") as f:
        page.feed(f.read())
    for s in page.sections:
        body = clean("".join(s["text"]))
        if not s["id"] or len(body.split()) < MIN_BODY_WORDS:
            continue
        key = f"{name}#{s['id']}"
        articles[key] = (title_of("".join(s["heading"])), body)
        for anchor in [s["id"]] + s["anchors"]:
            anchor_article.setdefault(f"library/{name}#{anchor}", key)

# Module synopses: <a href="library/os.html#module-os"><code class="xref">os</code></a></td><td><em>Synopsis.</em>
with open(os.path.join(html_dir, "py-modindex.html"), encoding="utf-8") as f:
    index = f.read()
row = re.compile(r'<a href="(library/[^"]+)"><code class="xref">([^<]+)</code></a>\s*</td>\s*<td>\s*'
                 r'(?:<strong>[^<]*</strong>\s*)?<em>([^<]*)</em>')
by_synopsis = {}
for href, module, synopsis in row.findall(index):
    synopsis = clean(plain_roles(html.unescape(synopsis)))
    if len(synopsis.split()) >= 2:
        by_synopsis.setdefault(synopsis, []).append((module, href))

queries, dropped = [], {"shared": 0, "no article": 0, "verbatim": 0}
for synopsis in sorted(by_synopsis):
    targets = by_synopsis[synopsis]
    if len(targets) > 1:
        dropped["shared"] += 1
        continue
    module, href = targets[0]
    key = anchor_article.get(href)
    if key is None:
        dropped["no article"] += 1
        continue
    title, body = articles[key]
    bare = synopsis.rstrip(".").lower()
    if bare in body.lower() or bare in title.lower():
        dropped["verbatim"] += 1
        continue
    queries.append((synopsis.rstrip("."), key))

with open(corpus_out, "w", encoding="utf-8") as out:
    for key in sorted(articles):
        title, body = articles[key]
        out.write(f"{key}\t{title}\t{body}\n")
with open(queries_out, "w", encoding="utf-8") as out:
    out.write("# Python 3.11 library reference: module synopses from py-modindex.html (generated by pydoc_to_tsv.py)\n")
    for text, key in queries:
        out.write(f"{text}\t{key}\n")
words = sorted(len(b.split()) for _, b in articles.values())
print(f"pydoc_to_tsv: {len(articles)} articles (median {words[len(words) // 2]} words), {len(queries)} queries "
      f"(dropped: {', '.join(f'{v} {k}' for k, v in dropped.items())})", file=sys.stderr)
