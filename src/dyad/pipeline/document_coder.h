// Runs every stage on one article: split and tokenize, tag and parse (when a model is
// loaded), recognise actors (with coreference across the article), code events.
#pragma once

#include "dyad/core/document.h"
#include "dyad/pipeline/resources.h"

namespace dyad {

class DocumentCoder {
 public:
  explicit DocumentCoder(const Resources* resources) : r_(resources) {}
  void code(Document& doc) const;

 private:
  const Resources* r_;
};

}  // namespace dyad
