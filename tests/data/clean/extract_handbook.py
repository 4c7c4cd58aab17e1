#!/usr/bin/env python3
"""extract_handbook.py: running prose from the Debian Administrator's Handbook (HTML).

usage: extract_handbook.py HTMLDIR HUNSPELL_DICT MAXWORDS > out.txt

Takes the paragraphs (div.para) that hold no list, table or program listing, and keeps
of each the sentences that hold no inline code, command, file or package name, option,
link or footnote; a sentence must start with a capital letter (or an opening quote or
parenthesis), end with . ! or ?, and have at most 3 (and at most 12%) words that the
language's Hunspell dictionary rejects, which drops untranslated English and jargon. A
paragraph is kept when at least 10 words and one whole sentence remain; one paragraph
a line, blank line between. Deterministic: files in byte order of their names."""
import html.parser, os, re, subprocess, sys

MARK = "\x00"   # stands for inline code-like text: the sentence holding it is dropped
CODEISH = {"command", "filename", "literal", "code", "userinput", "computeroutput",
           "replaceable", "option", "varname", "systemitem", "package", "parameter",
           "programlisting", "screen", "email", "uri", "ulink", "keycap", "guilabel",
           "guimenu", "guibutton", "guisubmenu", "menuchoice", "envar", "function", "type",
           "prompt", "footnote", "wordasword", "classname", "constant", "property"}
BLOCK = {"ul", "ol", "table", "pre", "dl", "img", "blockquote"}


class Paras(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth = 0       # div depth inside the current para (0: not in one)
        self.code = 0        # depth of code-like inline elements
        self.stack = []
        self.buf = []
        self.bad = False
        self.out = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        cls = set((a.get("class") or "").split())
        if not self.depth:
            if tag == "div" and cls == {"para"}:
                self.depth, self.buf, self.bad, self.code, self.stack = 1, [], False, 0, []
            return
        if tag == "div":
            self.depth += 1
            self.bad = True
        if tag in BLOCK:
            self.bad = True
        if tag in ("br", "img", "hr", "wbr"):
            return
        codeish = bool(cls & CODEISH) or tag in ("code", "tt", "sup", "kbd") or (
            tag == "a" and "href" in a)
        self.stack.append(codeish)
        if codeish:
            if not self.code:
                self.buf.append(MARK)
            self.code += 1

    def handle_endtag(self, tag):
        if not self.depth:
            return
        if tag == "div":
            self.depth -= 1
            if self.depth == 0 and not self.bad:
                self.out.append(" ".join("".join(self.buf).split()))
            return
        if self.stack:
            if self.stack.pop():
                self.code -= 1

    def handle_data(self, data):
        if self.depth and not self.code:
            self.buf.append(data)


WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
SPLIT = re.compile(r"(?<=[.!?»”\")])\s+(?=[«“\"(]?[A-ZÀ-ÖØ-Þ])")
ODD = re.compile(r"[<>{}\[\]|/\\=#@$%*_~`^]|\b[a-z]+\.[a-z]{2,4}\b|\.\.|::|--|\d[A-Za-z]|\b[A-Z]{2,}\d")


def sentence_ok(s):
    return (len(s.split()) >= 3 and MARK not in s and re.match(r"[«“\"(]?[A-ZÀ-ÖØ-Þ]", s)
            and re.search(r"[.!?][»”\")]?$", s) and not ODD.search(s)
            and s.count("(") == s.count(")") and s.count("«") == s.count("»"))


def main():
    d, dic, maxwords = sys.argv[1], sys.argv[2], int(sys.argv[3])
    paras = []
    for name in sorted(os.listdir(d)):
        if not name.endswith(".html") or name in ("index.html", "ix01.html"):
            continue
        p = Paras()
        with open(os.path.join(d, name), encoding="utf-8") as f:
            p.feed(f.read())
        for x in p.out:
            paras.append([s for s in SPLIT.split(x) if sentence_ok(s)])
    words = sorted({w for p in paras for s in p for w in WORD.findall(s)})
    rej = set(subprocess.run(["hunspell", "-d", dic, "-l"], input="\n".join(words), text=True,
                             capture_output=True, check=True).stdout.split("\n"))
    total, seen = 0, set()
    for p in paras:
        keep = []
        for s in p:
            ws = WORD.findall(s)
            bad = sum(w in rej for w in ws)
            if ws and bad <= 3 and bad <= 0.12 * len(ws):
                keep.append(s)
        text = " ".join(keep)
        if not keep or len(text.split()) < 10 or text in seen:
            continue
        seen.add(text)
        print(text + "\n")
        total += len(text.split())
        if total >= maxwords:
            break
    print(f"{d}: {total} words", file=sys.stderr)


main()
