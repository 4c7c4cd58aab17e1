#!/usr/bin/python3
"""TMX as Translate Toolkit writes it, from real translations (make eval).

Usage: eval_tmx.py OUT_DIR BILINGUAL_FILE...

No package we can fetch ships a corpus of real TMX files, so this makes one the way a
translator's tool would: each real bilingual file (XLIFF 1.2 from Debian's and npm's
packages) is read by Translate Toolkit (Debian's python3-translate) and its translated
units are written by Translate Toolkit's own TMX writer, one TMX file per input, in the
file's declared source and target languages. Units with no target are left out, as
po2tmx does. Prints how many files it wrote; exits 1 when Translate Toolkit is missing.
Run with Debian's python3 (/usr/bin/python3), where python3-translate lives.
"""
import hashlib
import os
import sys

try:
    from translate.storage import factory, tmx
except ImportError:
    sys.exit("eval_tmx: Translate Toolkit is not installed (apt-get install translate-toolkit)")


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    out, written = sys.argv[1], 0
    os.makedirs(out, exist_ok=True)
    for path in sys.argv[2:]:
        try:
            store = factory.getobject(path)
        except Exception:  # a file Translate Toolkit cannot read is not ours to judge
            continue
        src = store.getsourcelanguage() or "en"
        tgt = store.gettargetlanguage()
        if not tgt:
            continue
        mem = tmx.tmxfile(sourcelanguage=src, targetlanguage=tgt)
        units = 0
        for u in store.units:
            if u.istranslatable() and u.source and u.target:
                mem.addtranslation(u.source, src, u.target, tgt)
                units += 1
        if units == 0:
            continue
        # Unique across calls (xargs may split the list): the path's digest.
        tag = hashlib.sha1(path.encode()).hexdigest()[:8]
        name = "%s-%s" % (os.path.splitext(os.path.basename(path))[0], tag)
        mem.savefile(os.path.join(out, name + ".tmx"))
        written += 1
    print("eval_tmx: %d TMX files written" % written)


if __name__ == "__main__":
    main()
