// Reads: the document text. Writes: Sentence::span, tokens and boilerplate.
// Splits at sentence-final punctuation (and the closing quotes after it), at line
// breaks, and between glued sentences ("Ukraine.Xi"); keeps abbreviations, initials
// and a leading dateline ("QUITO, Ecuador (AP) --", "Damascus.") in their sentence.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "dyad/core/document.h"
#include "dyad/text/abbreviations.h"
#include "dyad/text/tokenizer.h"

namespace dyad {

class SentenceSplitter {
 public:
  SentenceSplitter(const Abbreviations* abbreviations, std::unordered_set<std::string> boilerplate,
                   size_t max_tokens = 250)
      : abbreviations_(abbreviations), tokenizer_(abbreviations),
        boilerplate_(std::move(boilerplate)), max_tokens_(max_tokens == 0 ? SIZE_MAX : max_tokens) {}

  // data/text/boilerplate.tsv
  static std::unordered_set<std::string> load_boilerplate(const std::string& path);

  std::vector<Sentence> split(std::string_view text) const;

 private:
  void split_line(std::string_view text, Span line, std::vector<Sentence>& out) const;
  bool is_boilerplate(std::string_view line) const;
  bool breaks_after(const std::vector<Token>& toks, size_t i) const;

  const Abbreviations* abbreviations_;
  Tokenizer tokenizer_;
  std::unordered_set<std::string> boilerplate_;
  size_t max_tokens_;
};

}  // namespace dyad
