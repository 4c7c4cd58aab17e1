#!/bin/sh
# make eval: how well tqc does, measured (not a pass/fail test).
#  1. per-rule precision and recall on our corpus (corpus/<lang>/) and the reference article;
#  2. false alarms per 10,000 words on clean, edited news (Brown press section);
#  3. sentence segmentation Golden Rules;
#  4. the run-on injection tests (recall, first-suggestion accuracy vs Hunspell, false alarms):
#     word pairs, and --joins's five kinds of join (issue 12);
#  5. defect injection in six languages (eval_inject: recall and first-fix accuracy per class
#     and language, false alarms per rule on the clean corpora; JSON in $BUILD/eval-inject.json)
#     and, beside it, the challenge corpus's own score (score.py), when present;
#  6. the articles written after the rules (tests/eval_heldout.py: recall per class and
#     language, precision, false alarms on the clean controls): the development sets W, X
#     and Y, held out in sessions 9, 10 and 11, and the held-out set Z, written in session 12.
# The shared corpora live in ../shared/corpus beside the repository; parts that need them
# are skipped with a note when it is absent.
set -u
BUILD=${BUILD:-build}
shared=${TQC_SHARED:-../shared/corpus}
ext="$shared/external"

echo "== our corpus: corpus/en (articles with injected defects, and clean controls)"
"$BUILD/eval_gold" --label corpus/en corpus/en/*.txt
echo

# Every other language of the corpus, each checked in its own profile.
for dir in corpus/*/; do
    lang=$(basename "$dir")
    [ "$lang" = en ] && continue
    ls "$dir"*.txt >/dev/null 2>&1 || continue
    echo "== our corpus: corpus/$lang"
    "$BUILD/eval_gold" --lang "$lang" --label "corpus/$lang" "$dir"*.txt
    echo
done

if [ -f "$shared/reference/mt-article-en.txt" ]; then
    echo "== reference article"
    "$BUILD/eval_gold" --verbose --label reference "$shared/reference/mt-article-en.txt"
else
    echo "== reference article: skipped ($shared/reference not found)"
fi
echo

if [ -f "$ext/brown-news.txt" ]; then
    echo "== clean news: false alarms on the Brown press section"
    "$BUILD/eval_gold" --clean "$ext/brown-news.txt"
else
    echo "== clean news: skipped ($ext not found)"
fi
echo

if [ -x "$BUILD/eval_golden" ] && [ -f "$ext/golden-rules-en.jsonl" ]; then
    echo "== sentence segmentation: Golden Rules"
    "$BUILD/eval_golden" "$ext"/golden-rules-en.jsonl "$ext"/pysbd-more-en.jsonl
    # The other languages with a profile here, and our own cases (Portuguese).
    for f in "$ext"/golden-rules-*.jsonl "$ext"/pysbd-more-*.jsonl tests/data/golden-rules-*.jsonl; do
        lang=$(basename "$f" .jsonl)
        lang=${lang##*-}
        [ "$lang" = en ] || [ ! -d "rules/$lang" ] || [ ! -f "$f" ] || "$BUILD/eval_golden" "$f"
    done
    echo
fi

if [ -x "$BUILD/eval_runon" ] && [ -f "$ext/brown-news.txt" ]; then
    echo "== run-on injection on the Brown press section (1,000 joins, fixed seed)"
    "$BUILD/eval_runon" "$ext/brown-news.txt"
    echo "== joins of five kinds on the Brown press section (issue 12's protocol, 1,000 joins)"
    "$BUILD/eval_runon" --joins "$ext/brown-news.txt"
fi
echo

if [ -x "$BUILD/eval_mqm" ] && [ -f "$ext/mqm-sample-ende.jsonl" ]; then
    echo "== MQM: expert-marked MT errors (share caught per category; false alarms on error-free segments)"
    "$BUILD/eval_mqm" --lang de-DE --source-lang en --label en-de "$ext/mqm-sample-ende.jsonl"
    "$BUILD/eval_mqm" --lang en --source-lang zh --label zh-en "$ext/mqm-sample-zhen.jsonl"
    echo
fi

if [ -x "$BUILD/eval_langid" ] && [ -f "$ext/mqm-sample-ende.jsonl" ]; then
    echo "== language detection on single MT target sentences"
    "$BUILD/eval_langid" de "$ext/mqm-sample-ende.jsonl"
    "$BUILD/eval_langid" en "$ext/mqm-sample-zhen.jsonl"
fi

if [ -x "$BUILD/eval_inject" ]; then
    echo
    echo "== injection: defects made in clean prose, six languages (tests/eval_inject.c, seed 1)"
    "$BUILD/eval_inject" --tqc ./tqc --json "$BUILD/eval-inject.json"
    echo "(the same numbers: $BUILD/eval-inject.json)"
fi

echo
echo "== development set W (tests/data/heldout; held out in session 9)"
python3 tests/eval_heldout.py --tqc ./tqc --json "$BUILD/eval-heldout.json"
echo "(the same numbers: $BUILD/eval-heldout.json)"

echo
echo "== development set X (tests/data/heldout2; held out in session 10)"
python3 tests/eval_heldout.py --tqc ./tqc --dir tests/data/heldout2 --json "$BUILD/eval-heldout2.json"
echo "(the same numbers: $BUILD/eval-heldout2.json)"

echo
echo "== development set Y (tests/data/heldout3; held out in session 11)"
python3 tests/eval_heldout.py --tqc ./tqc --dir tests/data/heldout3 --json "$BUILD/eval-heldout3.json"
echo "(the same numbers: $BUILD/eval-heldout3.json)"

echo
echo "== held-out set Z: articles written after the rules (tests/data/heldout4)"
python3 tests/eval_heldout.py --tqc ./tqc --dir tests/data/heldout4 --json "$BUILD/eval-heldout4.json"
echo "(the same numbers: $BUILD/eval-heldout4.json)"

if [ -f "$shared/challenge/score.py" ]; then
    echo
    echo "== challenge corpus: articles written independently of the rules (measure only)"
    python3 "$shared/challenge/score.py" ./tqc
else
    echo "== challenge corpus: skipped ($shared/challenge not found)"
fi

echo
echo "== real files of other projects (tests/eval_real.sh: reader-view pages, XLIFF, TMX)"
TQC=./tqc BUILD="$BUILD" sh tests/eval_real.sh
