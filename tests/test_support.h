// Shared fixtures for tests: the project's own knowledge files, loaded once.
#pragma once

#include <string>

#include "dyad/pipeline/resources.h"
#include "dyad/text/abbreviations.h"

namespace dyad::test {

inline std::string data_dir() { return std::string(DYAD_SOURCE_DIR) + "/data"; }
inline std::string shared_dir() { return DYAD_SHARED_DIR; }

inline const Abbreviations& abbreviations() {
  static const Abbreviations a = Abbreviations::load(data_dir() + "/text/abbreviations.tsv");
  return a;
}

// The full resources (dictionaries, lexicon; the parser model when present).
inline const Resources& resources() {
  static const auto r = Resources::load(data_dir(), std::string(DYAD_SOURCE_DIR) + "/models");
  return *r;
}

}  // namespace dyad::test
