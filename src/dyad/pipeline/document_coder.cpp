#include "dyad/pipeline/document_coder.h"

#include "dyad/pipeline/analyzer_hook.h"

namespace dyad {

void DocumentCoder::code(Document& doc) const {
  doc.sentences = r_->splitter->split(doc.text);
  Coreference coref;
  for (auto& s : doc.sentences) {
    if (s.boilerplate) continue;
    if (r_->analyzer) analyze(*r_->analyzer, s);
    r_->recognizer->recognize(doc.text, s, doc.date, coref);
    r_->coder->code(s);
  }
}

}  // namespace dyad
