// Scoring of the syntax stage against CoNLL-U gold data: on gold tokenization and
// from raw text (tokens and sentences aligned by byte offsets, as the CoNLL 2018
// shared task does). Punctuation is scored like any word.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "dyad/core/document.h"
#include "dyad/io/conllu.h"

namespace dyad::syntax {

class Analyzer;

struct GoldScores {
  size_t words = 0, upos = 0, xpos = 0, lemma = 0, feats = 0, uas = 0, las = 0, las_universal = 0;
  double seconds = 0;  // time spent in Analyzer::analyze
  static double pct(size_t a, size_t b) { return b ? 100.0 * a / b : 0.0; }
};

// Analyzes a copy of every gold sentence (forms only) and compares.
// When `predicted` is given it receives the analyzed sentences.
GoldScores evaluate_gold_tokens(const Analyzer& analyzer, const std::vector<ConlluSentence>& gold,
                                std::vector<Sentence>* predicted = nullptr);

struct RawScores {
  size_t gold_tokens = 0, pred_tokens = 0, matched_tokens = 0;
  size_t gold_sentences = 0, pred_sentences = 0, matched_sentences = 0;
  size_t upos = 0, uas = 0, las = 0;  // over matched tokens
  static double f1(size_t matched, size_t gold, size_t pred) {
    return gold + pred ? 200.0 * matched / (gold + pred) : 0.0;
  }
};

// Splits a text into sentences of tokens with spans (the lead's splitter in dyad).
using Segmenter = std::function<std::vector<Sentence>(const std::string& text)>;

// Rebuilds each document's text from the "# text" comments (sentences joined by a
// space, paragraphs by a blank line), segments and analyzes it, and aligns.
// When `token_errors` is given it receives one line per gold token that no predicted
// token matches: "gold-form <TAB> predicted tokens over the same bytes".
RawScores evaluate_raw_text(const Analyzer& analyzer, const Segmenter& segment,
                            const std::vector<ConlluSentence>& gold,
                            std::vector<std::string>* token_errors = nullptr);

}  // namespace dyad::syntax
