#!/usr/bin/env bash
# Retrains the shipped syntax models (models/tagger.bin, lemmatizer.bin, parser.bin)
# from UD English EWT in ../shared/data, and the named-entity recognizer (models/ner.bin)
# from Universal NER English EWT, then scores them on the test sets.
# Deterministic (fixed seeds): the same data and code give the same bytes.
# About 13 minutes on 2 cores (jackknifed tagger folds, then 10 parser epochs).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
data="${DYAD_UD_DIR:-$here/../shared/data/ud-english-ewt}"
uner="${DYAD_UNER_DIR:-$here/../shared/data/uner-english-ewt}"
build="${DYAD_BUILD_DIR:-$here/build}"
cmake -S "$here" -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" -j2 --target dyad
"$build/dyad" train "$data/en_ewt-ud-train.conllu" "$data/en_ewt-ud-dev.conllu" -o "$here/models"
ls -l "$here/models"
"$build/dyad" eval-parse "$data/en_ewt-ud-test.conllu" --models "$here/models"
# NER (about a minute and a half: five seeds averaged, docs/NER.md): needs the English word list of Debian's wamerican.
if [ ! -r /usr/share/dict/american-english ]; then
  echo "train_models.sh: the NER needs /usr/share/dict/american-english: apt-get install wamerican" >&2
  exit 1
fi
"$build/dyad" train-ner "$uner/en_ewt-ud-train.iob2" "$uner/en_ewt-ud-dev.iob2" -o "$here/models/ner.bin"
"$build/dyad" eval-ner "$uner/en_ewt-ud-test.iob2" --model "$here/models/ner.bin"
