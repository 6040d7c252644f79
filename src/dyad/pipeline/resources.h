// Everything the coder loads once at start-up and shares read-only between threads.
#pragma once

#include <memory>
#include <string>

#include "dyad/actors/actor_dictionary.h"
#include "dyad/actors/actor_recognizer.h"
#include "dyad/context/event_context.h"
#include "dyad/events/codebook.h"
#include "dyad/events/event_coder.h"
#include "dyad/events/future_codes.h"
#include "dyad/events/statement_cues.h"
#include "dyad/events/verb_lexicon.h"
#include "dyad/text/abbreviations.h"
#include "dyad/text/sentence_splitter.h"

namespace dyad {

namespace syntax {
class Analyzer;
}

// Where the knowledge files and models live: --data/--models, else $DYAD_DATA /
// $DYAD_MODELS, else the source tree the binary was built from.
std::string default_data_dir();
std::string default_models_dir();

struct Resources {
  Abbreviations abbreviations;
  std::unique_ptr<SentenceSplitter> splitter;
  std::unique_ptr<Tokenizer> tokenizer;
  ActorDictionary actors;
  std::unique_ptr<ActorRecognizer> recognizer;
  Codebook codebook;
  VerbLexicon lexicon;
  FutureCodes future_codes;
  StatementCues statement_cues;
  std::unique_ptr<EventCoder> coder;
  std::shared_ptr<const syntax::Analyzer> analyzer;  // null when no model files are present
  std::unique_ptr<EventContext> context;  // event dates and locations (gazetteer, date words)

  // Throws std::runtime_error with a message naming the file at fault.
  static std::unique_ptr<Resources> load(const std::string& data_dir, const std::string& models_dir,
                                         bool require_models = false);
};

// `dyad dict check`: every problem in every knowledge file ("verbs.tsv:12: ...").
std::vector<std::string> check_data(const std::string& data_dir);

}  // namespace dyad
