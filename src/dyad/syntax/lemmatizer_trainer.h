// Training-only: builds a Lemmatizer from gold sentences (form, xpos, upos, lemma, feats).
#pragma once

#include <vector>

#include "dyad/core/document.h"
#include "dyad/syntax/lemmatizer.h"

namespace dyad::syntax {

Lemmatizer train_lemmatizer(const std::vector<Sentence>& train);

}  // namespace dyad::syntax
