#!/usr/bin/env python3
"""bench_corpus.py OUT [MIN_BYTES]: make bench's input of distinct English prose (issue 15).

The Brown corpus, then the running text of English documentation installed from Debian
packages, in a fixed order: the HTML of debian-reference-en, debian-handbook (en-US),
debian-policy, developers-reference and python3-doc; then the man pages of sections 1, 5,
7, 8 and 3 rendered with groff, package by package in sorted order (at most PER_PACKAGE
bytes from any one package, so that one generated manual cannot dominate), until OUT holds
MIN_BYTES (default 21,000,000). One paragraph a line, as in brown-all.txt. A paragraph
seen before (whitespace collapsed) is dropped, so no text repeats. Only prose is kept: code,
commands, tables and option lists fail the filter below. OUT.sources records each file used,
with its paragraphs and bytes, and the versions of the packages read. Deterministic for one
set of installed packages; `make deps-bench` installs the ones it reads.
"""
import concurrent.futures
import gzip
import hashlib
import html.parser
import os
import re
import subprocess
import sys

SHARED = os.environ.get("TQC_SHARED", "../shared/corpus")
BROWN = os.path.join(SHARED, "external", "brown-all.txt")
# (folder, file name pattern): HTML documentation, read in this order.
HTML_DOCS = (("/usr/share/debian-reference", r"\.en\.html$"),
             ("/usr/share/doc/debian-handbook/html/en-US", r"\.html$"),
             ("/usr/share/doc/debian-policy/policy.html", r"\.html$"),
             ("/usr/share/developers-reference", r"\.html$"))
PYTHON_DOCS = "/usr/share/doc/python3/html"
MAN_SECTIONS = re.compile(r"^/usr/share/man/man[15783]/[^/]+$")
PER_PACKAGE = 1_000_000
# Man page sections that are not running text (or are boilerplate shared by many pages).
SKIP_SECTIONS = {"NAME", "SYNOPSIS", "OPTIONS", "EXAMPLE", "EXAMPLES", "FILES", "ENVIRONMENT",
                 "SEE ALSO", "AUTHOR", "AUTHORS", "COPYRIGHT", "REPORTING BUGS", "COLOPHON",
                 "EXIT STATUS", "LICENSE", "ARGUMENTS", "COMMANDS"}
# A paragraph of English prose has a few of these (filters out other languages and code).
FUNCTION_WORDS = {"the", "a", "an", "of", "to", "is", "and", "in", "for", "that", "this",
                  "with", "be", "are", "it", "on", "by", "as", "or", "not", "can", "if"}
CODEISH = re.compile(r"[/=_{}<>$|\\#;@]|^--?\w|\(\)$")


def is_prose(p):
    words = p.split()
    if len(words) < 6 or "   " in p or "\t" in p:
        return False
    if not re.search(r"[.!?:][\"')\u201d]*$", p) or not re.match(r"[\"'\u201c(]?[A-Za-z]", p):
        return False
    chars = [c for c in p if not c.isspace()]
    if sum(c.isalpha() for c in chars) < 0.75 * len(chars):
        return False
    if sum(1 for w in words if CODEISH.search(w)) > 0.1 * len(words):
        return False
    return sum(1 for w in words if w.lower() in FUNCTION_WORDS) >= 2


class Paragraphs(html.parser.HTMLParser):
    """The text of <p> and DocBook <div class="para"> elements, outside pre and tables."""
    SKIP = {"pre", "table", "script", "style"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out, self.buf, self.para, self.skip = [], [], 0, 0

    def flush(self):
        text = " ".join("".join(self.buf).split())
        if text:
            self.out.append(text)
        self.buf = []

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self.flush()
            self.skip += 1
        elif tag == "p" or (tag == "div" and ("class", "para") in attrs):
            self.flush()
            self.para += 1
        elif tag in ("div", "br", "blockquote", "ul", "ol", "dl", "li", "dt", "dd"):
            self.flush()

    def handle_endtag(self, tag):
        if tag in self.SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag in ("p", "div") and self.para:
            self.flush()
            self.para -= 1

    def handle_data(self, data):
        if self.para and not self.skip:
            self.buf.append(data)


def html_paragraphs(path):
    parser = Paragraphs()
    with open(path, encoding="utf-8", errors="replace") as f:
        parser.feed(f.read())
    parser.close()
    parser.flush()
    return parser.out


def man_paragraphs(path):
    """The prose paragraphs of one man page, rendered one paragraph a line."""
    try:
        opener = gzip.open if path.endswith(".gz") else open
        with opener(path, "rb") as f:
            src = f.read()
    except OSError:
        return []
    if src.startswith(b".so ") or not src.strip():
        return []  # a link to another page
    try:
        r = subprocess.run(["groff", "-k", "-t", "-mandoc", "-Tutf8", "-rLL=30000n", "-rHY=0",
                            "-P-c", "-P-b", "-P-u"], input=src, capture_output=True,
                           timeout=30, env=dict(os.environ, LC_ALL="C.UTF-8"))
    except (OSError, subprocess.TimeoutExpired):
        return []
    out, section = [], ""
    for line in r.stdout.decode("utf-8", "replace").splitlines():
        if not line.strip():
            continue
        if not line[0].isspace():
            section = line.strip().upper()
            continue
        indent = len(line) - len(line.lstrip(" "))
        # Body paragraphs sit at the section's indent (5-7 columns); deeper ones are
        # option descriptions, examples and lists.
        if section not in SKIP_SECTIONS and indent <= 7:
            out.append(" ".join(line.split()))
    return out


def html_files(top, pattern):
    """The files under top whose names match pattern, in sorted path order."""
    found, seen = [], set()
    # Debian links documentation folders between packages: follow links, once each.
    for d, dirs, files in os.walk(os.path.realpath(top), followlinks=True):
        if os.path.realpath(d) in seen:
            dirs[:] = []
            continue
        seen.add(os.path.realpath(d))
        dirs.sort()
        found += [os.path.join(d, f) for f in sorted(files) if re.search(pattern, f)]
    return sorted(found)


def man_pages():
    """(package, [man page paths]) of every installed package, packages in sorted order."""
    info = "/var/lib/dpkg/info"
    result = []
    for name in sorted(os.listdir(info)) if os.path.isdir(info) else []:
        if not name.endswith(".list"):
            continue
        with open(os.path.join(info, name), encoding="utf-8", errors="replace") as f:
            pages = sorted(p for p in f.read().splitlines()
                           if MAN_SECTIONS.match(p) and os.path.isfile(p) and not os.path.islink(p))
        if pages:
            result.append((name[:-5], pages))
    return result


def main():
    if len(sys.argv) < 2:
        sys.exit("usage: bench_corpus.py OUT [MIN_BYTES]")
    out_path = sys.argv[1]
    want = int(sys.argv[2]) if len(sys.argv) > 2 else 21_000_000
    seen, total, sources = set(), 0, []
    tmp = out_path + ".tmp"
    out = open(tmp, "w", encoding="utf-8")

    def add(name, paras, filt):
        nonlocal total
        n = b = 0
        for p in paras:
            p = " ".join(p.split())
            if not p or (filt and not is_prose(p)):
                continue
            key = hashlib.blake2b(p.encode(), digest_size=12).digest()
            if key in seen:
                continue
            seen.add(key)
            line = p + "\n"
            out.write(line)
            n += 1
            b += len(line.encode())
        total += b
        if n:
            sources.append(f"{name}\t{n}\t{b}")

    if not os.path.isfile(BROWN):
        sys.exit(f"bench_corpus.py: {BROWN} not found")
    with open(BROWN, encoding="utf-8") as f:
        add(BROWN, f.read().splitlines(), False)  # edited prose as it is: headings too
    for d, pat in HTML_DOCS + ((PYTHON_DOCS, r"\.html$"),):
        for path in html_files(d, pat):
            add(path, html_paragraphs(path), True)
    # Two groff processes at a time (the machine's two cores); results kept in page order.
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        for pkg, pages in man_pages():
            start = total
            for i in range(0, len(pages), 16):
                batch = pages[i:i + 16]
                for page, paras in zip(batch, pool.map(man_paragraphs, batch)):
                    add(f"{page} ({pkg})", paras, True)
                if total - start >= PER_PACKAGE or total >= want:
                    break
            if total >= want:
                break
    out.close()
    if total < want:
        os.unlink(tmp)
        sys.exit(f"bench_corpus.py: only {total} bytes of distinct prose (want {want}); "
                 "run make deps-bench")
    versions = subprocess.run(["dpkg-query", "-W", "debian-reference-en", "debian-handbook",
                               "debian-policy", "developers-reference", "python3-doc",
                               "groff-base"], capture_output=True, text=True).stdout
    with open(out_path + ".sources", "w", encoding="utf-8") as f:
        f.write("# bench_corpus.py: source\tparagraphs\tbytes, in the order written\n")
        f.write("".join("# package\t" + v + "\n" for v in versions.splitlines()))
        f.write("\n".join(sources) + "\n")
    os.replace(tmp, out_path)


if __name__ == "__main__":
    main()
