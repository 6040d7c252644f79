#include "dyad/pipeline/document_coder.h"

#include "dyad/syntax/analyzer.h"
#include "dyad/text/normalizer.h"

#include <cstdlib>
#include <iostream>

namespace dyad {

namespace {
// DYAD_TRACE=1: every sentence's mentions and events on stderr, for debugging rules.
void trace(const Document& doc, const Sentence& s) {
  std::cerr << "# " << doc.text.substr(s.span.begin, s.span.size()) << "\n";
  for (const auto& m : s.mentions)
    std::cerr << "  mention [" << doc.text.substr(s.tokens[m.first].span.begin,
                                                s.tokens[m.last].span.end - s.tokens[m.first].span.begin)
              << "] " << m.code << " " << m.entry << (m.resolved_from.empty() ? "" : " <- " + m.resolved_from) << "\n";
  for (const auto& e : s.events)
    std::cerr << "  event " << (e.source >= 0 ? s.mentions[e.source].code : "?") << " -> "
              << (e.target >= 0 ? s.mentions[e.target].code : "---") << " " << e.code << " "
              << s.tokens[e.trigger_first].form << " " << e.rule << " mod=" << static_cast<int>(e.modality) << "\n";
}
// Could any pattern fire here? Parsing is most of the cost, and a sentence with no
// word of the lexicon yields no event, so it is not parsed.
bool has_trigger_word(const Sentence& s, const VerbLexicon& lexicon) {
  for (const auto& t : s.tokens)
    if (!lexicon.lemmas_of(t, fold_case(t.form)).empty()) return true;
  return false;
}

}  // namespace

void DocumentCoder::code(Document& doc) const {
  doc.sentences = r_->splitter->split(doc.text);
  Coreference coref;
  const bool tracing = std::getenv("DYAD_TRACE") != nullptr;
  for (auto& s : doc.sentences) {
    if (s.boilerplate) continue;
    const bool codable = has_trigger_word(s, r_->lexicon);
    if (r_->analyzer && codable) r_->analyzer->analyze(s);
    r_->recognizer->recognize(doc.text, s, doc.date, coref);  // always: coreference needs every actor
    if (codable) r_->coder->code(s);
    if (tracing) trace(doc, s);
  }
}

}  // namespace dyad
