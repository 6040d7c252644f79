// CoNLL-U reading and writing.
// Reads: CoNLL-U text. Multiword-token ranges ("3-4") are not words: their surface
// form is used only to place the spans of the words inside them; empty nodes ("8.1")
// are skipped. The "# text =" comment is kept for raw-text evaluation.
// Token::span is relative to ConlluSentence::text (or to the text rebuilt from the
// forms and SpaceAfter=No when there is no "# text =").
#pragma once

#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/core/document.h"

namespace dyad {

struct ConlluSentence {
  std::string sent_id;
  std::string text;
  bool new_doc = false;  // "# newdoc" seen before this sentence
  bool new_par = false;  // "# newpar" seen before this sentence
  Sentence sentence;     // one Token per syntactic word; head -1 = root
};

// Throws std::runtime_error("SOURCE:LINE: message") on malformed input.
std::vector<ConlluSentence> read_conllu(std::istream& in, const std::string& source);
std::vector<ConlluSentence> read_conllu_string(std::string_view text,
                                               const std::string& source = "<string>");
std::vector<ConlluSentence> read_conllu_file(const std::string& path);

// Writes one sentence (comments, words, blank line). `text` may be empty.
void write_conllu(std::ostream& out, const Sentence& s, std::string_view sent_id,
                  std::string_view text);

}  // namespace dyad
