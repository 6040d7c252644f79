#include "dyad/pipeline/document_coder.h"

#include "dyad/syntax/analyzer.h"
#include "dyad/text/normalizer.h"

#include <cstdlib>
#include <string>
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
// DYAD_TRACE=1, after the where-and-when stage: every event's date and location.
void trace_context(const Document& doc) {
  for (const auto& s : doc.sentences)
    for (const auto& e : s.events)
      std::cerr << "  when/where " << s.tokens[e.trigger_first].form << ": " << e.date << " (" << e.date_resolution
                << ") " << (e.location ? e.location->name + " " + e.location->country + " " + e.location->kind : "-")
                << "\n";
}
// Could any pattern fire here? Parsing is most of the cost, and a sentence with no
// word of the lexicon yields no event, so it is not parsed.
bool has_trigger_word(const Sentence& s, const VerbLexicon& lexicon) {
  for (const auto& t : s.tokens)
    if (!lexicon.lemmas_of(t, fold_case(t.form)).empty()) return true;
  return false;
}

}  // namespace

void DocumentCoder::code(Document& doc, Clock::time_point deadline) const {
  // With times_ (DYAD_STAGE_TIMES) each stage is timed; the clock reads cost nothing
  // next to coding a sentence, and without times_ none are taken.
  auto t = Clock::now();
  auto lap = [&](int stage) {
    if (!times_) return;
    const auto now = Clock::now();
    times_->add(stage, std::chrono::duration<double>(now - t).count());
    t = now;
  };
  doc.sentences = r_->splitter->split(doc.text);
  lap(0);
  Coreference coref;
  EventMemory event_memory;
  const bool tracing = std::getenv("DYAD_TRACE") != nullptr;
  const bool timed = deadline != Clock::time_point::max();
  syntax::SyntaxTimes syntax_times;
  for (size_t k = 0; k < doc.sentences.size(); ++k) {
    auto& s = doc.sentences[k];
    if (timed && Clock::now() > deadline)
      throw ArticleTimeout("stopped before sentence " + std::to_string(k + 1) + " of " +
                           std::to_string(doc.sentences.size()));
    if (s.boilerplate) continue;
    const bool codable = has_trigger_word(s, r_->lexicon);
    if (r_->analyzer && codable) {
      if (times_) r_->analyzer->analyze(s, syntax_times);
      else r_->analyzer->analyze(s);
    }
    if (times_) t = Clock::now();
    r_->recognizer->recognize(doc.text, s, doc.date, coref);  // always: coreference needs every actor
    lap(4);
    if (codable) r_->coder->code(s, event_memory);
    lap(5);
    if (tracing) trace(doc, s);
  }
  if (times_) t = Clock::now();
  if (r_->context) r_->context->annotate(doc);  // where and when: reads events, fills their date/location
  lap(6);
  if (times_) {
    times_->add(1, syntax_times.tag);
    times_->add(2, syntax_times.lemma);
    times_->add(3, syntax_times.parse);
  }
  if (tracing) trace_context(doc);
}

}  // namespace dyad
