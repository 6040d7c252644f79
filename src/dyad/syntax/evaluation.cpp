#include "dyad/syntax/evaluation.h"

#include <chrono>
#include <map>

#include "dyad/syntax/analyzer.h"

namespace dyad::syntax {

namespace {

std::string universal(const std::string& deprel) { return deprel.substr(0, deprel.find(':')); }

uint64_t key(Span s) { return (static_cast<uint64_t>(s.begin) << 32) | s.end; }

// Span of a token's head, or {~0, ~0} for the root.
Span head_span(const Sentence& s, const Token& t) {
  if (t.head < 0 || t.head >= static_cast<int>(s.tokens.size())) return {~0u, ~0u};
  return s.tokens[t.head].span;
}

struct Doc {
  std::string text;
  std::vector<Sentence> sentences;  // gold, spans shifted into text
};

std::vector<Doc> rebuild_documents(const std::vector<ConlluSentence>& gold) {
  std::vector<Doc> docs;
  for (const ConlluSentence& cs : gold) {
    if (cs.new_doc || docs.empty()) docs.emplace_back();
    Doc& d = docs.back();
    if (!d.text.empty()) d.text += cs.new_par ? "\n\n" : " ";
    const uint32_t offset = static_cast<uint32_t>(d.text.size());
    d.text += cs.text;
    Sentence s = cs.sentence;
    for (Token& t : s.tokens) {
      t.span.begin += offset;
      t.span.end += offset;
    }
    d.sentences.push_back(std::move(s));
  }
  return docs;
}

Span token_extent(const Sentence& s) {
  if (s.tokens.empty()) return {};
  return {s.tokens.front().span.begin, s.tokens.back().span.end};
}

}  // namespace

GoldScores evaluate_gold_tokens(const Analyzer& analyzer, const std::vector<ConlluSentence>& gold,
                                std::vector<Sentence>* predicted) {
  GoldScores sc;
  for (const ConlluSentence& cs : gold) {
    const Sentence& g = cs.sentence;
    Sentence s;
    s.span = g.span;
    for (const Token& t : g.tokens) {
      Token x;
      x.span = t.span;
      x.form = t.form;
      x.space_after = t.space_after;
      s.tokens.push_back(std::move(x));
    }
    auto start = std::chrono::steady_clock::now();
    analyzer.analyze(s);
    sc.seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    for (size_t i = 0; i < g.tokens.size(); ++i) {
      const Token &p = s.tokens[i], &t = g.tokens[i];
      ++sc.words;
      sc.upos += p.upos == t.upos;
      sc.xpos += p.xpos == t.xpos;
      sc.lemma += p.lemma == t.lemma;
      sc.feats += p.feats == t.feats;
      if (p.head == t.head) {
        ++sc.uas;
        sc.las += p.deprel == t.deprel;
        sc.las_universal += universal(p.deprel) == universal(t.deprel);
      }
    }
    if (predicted) predicted->push_back(std::move(s));
  }
  return sc;
}

RawScores evaluate_raw_text(const Analyzer& analyzer, const Segmenter& segment,
                            const std::vector<ConlluSentence>& gold,
                            std::vector<std::string>* token_errors) {
  RawScores sc;
  for (const Doc& doc : rebuild_documents(gold)) {
    std::vector<Sentence> pred = segment(doc.text);
    for (Sentence& s : pred) analyzer.analyze(s);
    // Gold tokens by span.
    struct GoldRef {
      const Sentence* s;
      const Token* t;
    };
    std::map<uint64_t, GoldRef> gold_tokens;
    std::map<uint64_t, int> gold_sentences;
    for (const Sentence& s : doc.sentences) {
      gold_sentences[key(token_extent(s))] = 1;
      for (const Token& t : s.tokens) gold_tokens.emplace(key(t.span), GoldRef{&s, &t});
      sc.gold_tokens += s.tokens.size();
    }
    sc.gold_sentences += doc.sentences.size();
    if (token_errors) {
      std::map<uint64_t, int> pred_spans;
      std::vector<const Token*> pred_tokens;
      for (const Sentence& s : pred)
        for (const Token& t : s.tokens) {
          pred_spans[key(t.span)] = 1;
          pred_tokens.push_back(&t);
        }
      for (const Sentence& s : doc.sentences)
        for (const Token& t : s.tokens) {
          if (pred_spans.count(key(t.span))) continue;
          std::string line = t.form + "\t";
          for (const Token* p : pred_tokens)
            if (p->span.end > t.span.begin && p->span.begin < t.span.end)
              line.append("[").append(doc.text, p->span.begin, p->span.size()).append("]");
          token_errors->push_back(std::move(line));
        }
    }
    for (const Sentence& s : pred) {
      if (s.tokens.empty()) continue;
      ++sc.pred_sentences;
      sc.matched_sentences += gold_sentences.count(key(token_extent(s)));
      for (const Token& t : s.tokens) {
        ++sc.pred_tokens;
        auto it = gold_tokens.find(key(t.span));
        if (it == gold_tokens.end()) continue;
        ++sc.matched_tokens;
        const Token& g = *it->second.t;
        sc.upos += t.upos == g.upos;
        if (key(head_span(s, t)) == key(head_span(*it->second.s, g))) {
          ++sc.uas;
          sc.las += universal(t.deprel) == universal(g.deprel);
        }
      }
    }
  }
  return sc;
}

}  // namespace dyad::syntax
