#include "dyad/pipeline/document_coder.h"

#include "dyad/syntax/analyzer.h"

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
}  // namespace

void DocumentCoder::code(Document& doc) const {
  doc.sentences = r_->splitter->split(doc.text);
  Coreference coref;
  for (auto& s : doc.sentences) {
    if (s.boilerplate) continue;
    if (r_->analyzer) r_->analyzer->analyze(s);
    r_->recognizer->recognize(doc.text, s, doc.date, coref);
    r_->coder->code(s);
    if (std::getenv("DYAD_TRACE")) trace(doc, s);
  }
}

}  // namespace dyad
