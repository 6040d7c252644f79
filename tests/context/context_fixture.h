// Sentences for the where-and-when tests: split, tokenized, tagged and parsed (when the
// models are present) and with actor mentions, by the project's own resources; events
// are added by hand so that the tests don't depend on the event patterns.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "dyad/actors/actor_recognizer.h"
#include "dyad/pipeline/resources.h"
#include "dyad/syntax/analyzer.h"
#include "test_support.h"

namespace dyad::test {

inline Document prepared(const std::string& text, const std::string& date) {
  const Resources& r = resources();
  Document d;
  d.id = "t";
  d.text = text;
  d.date = date;
  d.sentences = r.splitter->split(d.text);
  Coreference coref;
  for (auto& s : d.sentences) {
    if (r.analyzer) r.analyzer->analyze(s);
    r.recognizer->recognize(d.text, s, d.date, coref);
  }
  return d;
}

// Adds an event triggered by the first token `trigger` of sentence k; returns it.
inline Event& add_event(Document& d, const std::string& trigger, size_t k = 0) {
  Sentence& s = d.sentences.at(k);
  Event e;
  e.code = "010";
  bool found = false;
  for (uint32_t i = 0; i < s.tokens.size() && !found; ++i)
    if (s.tokens[i].form == trigger) {
      e.trigger_first = e.trigger_last = i;
      found = true;
    }
  EXPECT_TRUE(found) << "no token '" << trigger << "' in sentence " << k;
  s.events.push_back(e);
  return s.events.back();
}

// One sentence with one event on `trigger`, annotated by the where-and-when stage.
inline Event annotated(const std::string& text, const std::string& trigger, const std::string& date = "2024-04-03") {
  Document d = prepared(text, date);
  add_event(d, trigger);
  resources().context->annotate(d);
  return d.sentences[0].events[0];
}

}  // namespace dyad::test
