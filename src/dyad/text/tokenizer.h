// Reads: the document text and a sentence span. Writes: Token::span, form, space_after.
// Tokenization follows UD English EWT conventions: clitics split ("China's" -> China 's,
// "didn't" -> did n't), hyphens between words split, abbreviations ("U.S.", "Gen.")
// and URLs kept whole; curly quotes and dashes normalised in the form only.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "dyad/core/document.h"
#include "dyad/text/abbreviations.h"

namespace dyad {

class Tokenizer {
 public:
  explicit Tokenizer(const Abbreviations* abbreviations) : abbreviations_(abbreviations) {}

  std::vector<Token> tokenize(std::string_view text, Span span) const;
  std::vector<Token> tokenize(std::string_view text) const {
    return tokenize(text, Span{0, static_cast<uint32_t>(text.size())});
  }

 private:
  void split_chunk(std::string_view text, uint32_t begin, uint32_t end,
                   std::vector<Token>& out) const;
  bool keeps_final_period(std::string_view word) const;

  const Abbreviations* abbreviations_;
};

}  // namespace dyad
