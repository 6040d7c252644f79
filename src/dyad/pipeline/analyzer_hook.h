// The seam between the pipeline and the syntax module: loads the tagger/parser when
// its model files are present and runs it on a sentence.
#pragma once

#include <memory>
#include <string>

#include "dyad/core/document.h"

namespace dyad {

class Analyzer;

// Null when the models folder holds no model (and require is false); throws with a
// clear message when a model is present but unreadable, or missing and required.
std::shared_ptr<const Analyzer> load_analyzer(const std::string& models_dir, bool require);
void analyze(const Analyzer& analyzer, Sentence& sentence);

}  // namespace dyad
