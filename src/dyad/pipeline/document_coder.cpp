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
  if (times_) return code_timed(doc, deadline);
  doc.sentences = r_->splitter->split(doc.text);
  Coreference coref;
  const bool tracing = std::getenv("DYAD_TRACE") != nullptr;
  const bool timed = deadline != Clock::time_point::max();
  for (size_t k = 0; k < doc.sentences.size(); ++k) {
    auto& s = doc.sentences[k];
    if (timed && Clock::now() > deadline)
      throw ArticleTimeout("stopped before sentence " + std::to_string(k + 1) + " of " +
                           std::to_string(doc.sentences.size()));
    if (s.boilerplate) continue;
    const bool codable = has_trigger_word(s, r_->lexicon);
    if (r_->analyzer && codable) r_->analyzer->analyze(s);
    r_->recognizer->recognize(doc.text, s, doc.date, coref);  // always: coreference needs every actor
    if (codable) r_->coder->code(s);
    if (tracing) trace(doc, s);
  }
  if (r_->context) r_->context->annotate(doc);  // where and when: reads events, fills their date/location
  if (tracing) trace_context(doc);
}

// code() with each stage timed (DYAD_STAGE_TIMES): the same steps in the same order.
void DocumentCoder::code_timed(Document& doc, Clock::time_point deadline) const {
  auto lap = [](Clock::time_point& t) {
    const auto now = Clock::now();
    const double s = std::chrono::duration<double>(now - t).count();
    t = now;
    return s;
  };
  auto t = Clock::now();
  doc.sentences = r_->splitter->split(doc.text);
  times_->add(0, lap(t));
  Coreference coref;
  const bool tracing = std::getenv("DYAD_TRACE") != nullptr;
  const bool timed = deadline != Clock::time_point::max();
  syntax::SyntaxTimes syntax_times;
  double actors = 0, events = 0;
  for (size_t k = 0; k < doc.sentences.size(); ++k) {
    auto& s = doc.sentences[k];
    if (timed && Clock::now() > deadline)
      throw ArticleTimeout("stopped before sentence " + std::to_string(k + 1) + " of " +
                           std::to_string(doc.sentences.size()));
    if (s.boilerplate) continue;
    const bool codable = has_trigger_word(s, r_->lexicon);
    if (r_->analyzer && codable) r_->analyzer->analyze(s, syntax_times);
    t = Clock::now();
    r_->recognizer->recognize(doc.text, s, doc.date, coref);
    actors += lap(t);
    if (codable) r_->coder->code(s);
    events += lap(t);
    if (tracing) trace(doc, s);
  }
  t = Clock::now();
  if (r_->context) r_->context->annotate(doc);
  times_->add(6, lap(t));
  times_->add(1, syntax_times.tag);
  times_->add(2, syntax_times.lemma);
  times_->add(3, syntax_times.parse);
  times_->add(4, actors);
  times_->add(5, events);
  if (tracing) trace_context(doc);
}

}  // namespace dyad
