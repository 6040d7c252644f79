// Key arcs of news sentences with the shipped models (models/).
#include "dyad/syntax/analyzer.h"

#include <gtest/gtest.h>

#include <sstream>
#include <thread>

namespace dyad::syntax {
namespace {

const Analyzer* shipped() {
  static const Analyzer* a = [] () -> const Analyzer* {
    const std::string dir = Analyzer::default_model_dir();
    if (!Analyzer::available(dir)) return nullptr;
    return new Analyzer(Analyzer::load(dir));
  }();
  return a;
}

Sentence analyze(const std::string& text) {
  Sentence s;
  std::istringstream in(text);
  std::string w;
  while (in >> w) {
    Token t;
    t.form = w;
    s.tokens.push_back(t);
  }
  shipped()->analyze(s);
  return s;
}

int find(const Sentence& s, const std::string& form) {
  for (size_t i = 0; i < s.tokens.size(); ++i)
    if (s.tokens[i].form == form) return static_cast<int>(i);
  return -1;
}

// Expects `dep` attached to `head` with `rel`.
void expect_arc(const Sentence& s, const std::string& head, const std::string& rel,
                const std::string& dep) {
  int d = find(s, dep), h = find(s, head);
  ASSERT_GE(d, 0) << dep;
  ASSERT_GE(h, 0) << head;
  EXPECT_EQ(s.tokens[d].head, h) << dep << " should depend on " << head;
  EXPECT_EQ(s.tokens[d].deprel, rel) << dep;
}

#define REQUIRE_MODELS() \
  if (!shipped()) GTEST_SKIP() << "no models in " << Analyzer::default_model_dir()

TEST(ShippedModel, SubjectAndObject) {
  REQUIRE_MODELS();
  Sentence s = analyze("Rebels seized the town near the border on Sunday .");
  expect_arc(s, "seized", "nsubj", "Rebels");
  expect_arc(s, "seized", "obj", "town");
  EXPECT_EQ(s.tokens[find(s, "seized")].head, -1);
  EXPECT_EQ(s.tokens[find(s, "seized")].deprel, "root");
  Sentence t = analyze("Police arrested two men in Cairo on Tuesday .");
  expect_arc(t, "arrested", "nsubj", "Police");
  expect_arc(t, "arrested", "obj", "men");
  expect_arc(t, "Cairo", "case", "in");
}

TEST(ShippedModel, DatelineIsParsedApartAndHangsFromTheRoot) {
  REQUIRE_MODELS();
  Sentence s;
  std::istringstream in("TEHRAN ( Tasnim ) -- Pakistan accused India of aggression on Saturday .");
  for (std::string w; in >> w;) {
    s.tokens.emplace_back();
    s.tokens.back().form = w;
  }
  s.dateline_tokens = 5;
  shipped()->analyze(s);
  expect_arc(s, "accused", "nsubj", "Pakistan");
  expect_arc(s, "accused", "obj", "India");
  const int root = find(s, "accused");
  EXPECT_EQ(s.tokens[root].head, -1);
  EXPECT_EQ(s.tokens[find(s, "TEHRAN")].head, root);
  EXPECT_EQ(s.tokens[find(s, "TEHRAN")].deprel, "dep");
  for (const Token& t : s.tokens) EXPECT_LT(t.head, static_cast<int>(s.tokens.size())) << t.form;
}

TEST(ShippedModel, PassiveAgent) {
  REQUIRE_MODELS();
  Sentence s = analyze("The embassy was attacked by protesters on Monday .");
  expect_arc(s, "attacked", "nsubj:pass", "embassy");
  expect_arc(s, "attacked", "aux:pass", "was");
  expect_arc(s, "attacked", "obl:agent", "protesters");
  expect_arc(s, "protesters", "case", "by");
  EXPECT_NE(s.tokens[find(s, "attacked")].feats.find("Voice=Pass"), std::string::npos);
}

TEST(ShippedModel, XcompControl) {
  REQUIRE_MODELS();
  Sentence s = analyze("The United States urged Iran to stop enriching uranium .");
  expect_arc(s, "urged", "nsubj", "States");
  expect_arc(s, "urged", "obj", "Iran");
  expect_arc(s, "urged", "xcomp", "stop");
  expect_arc(s, "stop", "mark", "to");
}

TEST(ShippedModel, NegationAndLemmas) {
  REQUIRE_MODELS();
  Sentence s = analyze("Israel did n't sign the agreement after the talks .");
  expect_arc(s, "sign", "nsubj", "Israel");
  expect_arc(s, "sign", "advmod", "n't");
  expect_arc(s, "sign", "obj", "agreement");
  EXPECT_EQ(s.tokens[find(s, "n't")].lemma, "not");
  EXPECT_NE(s.tokens[find(s, "n't")].feats.find("Polarity=Neg"), std::string::npos);
  EXPECT_EQ(s.tokens[find(s, "talks")].lemma, "talk");
  Sentence t = analyze("Troops seized the town after the talks failed .");
  EXPECT_EQ(t.tokens[find(t, "seized")].lemma, "seize");
  EXPECT_EQ(t.tokens[find(t, "talks")].lemma, "talk");
  expect_arc(t, "seized", "obj", "town");
  expect_arc(t, "seized", "advcl", "failed");
  expect_arc(t, "failed", "nsubj", "talks");
  Sentence u = analyze("The ministers met in Geneva on Friday .");
  EXPECT_EQ(u.tokens[find(u, "met")].lemma, "meet");
  EXPECT_EQ(u.tokens[find(u, "Geneva")].upos, "PROPN");
  expect_arc(u, "met", "nsubj", "ministers");
  expect_arc(u, "met", "obl", "Geneva");
}

TEST(ShippedModel, SharedAcrossThreads) {
  REQUIRE_MODELS();
  const Sentence expected = analyze("The embassy was attacked by protesters on Monday .");
  std::vector<std::thread> threads;
  std::vector<int> same(4, 0);
  for (int k = 0; k < 4; ++k)
    threads.emplace_back([&, k] {
      for (int r = 0; r < 50; ++r) {
        Sentence s = analyze("The embassy was attacked by protesters on Monday .");
        bool eq = true;
        for (size_t i = 0; i < s.tokens.size(); ++i)
          eq = eq && s.tokens[i].head == expected.tokens[i].head &&
               s.tokens[i].deprel == expected.tokens[i].deprel;
        same[k] += eq;
      }
    });
  for (auto& t : threads) t.join();
  for (int k = 0; k < 4; ++k) EXPECT_EQ(same[k], 50);
}

}  // namespace
}  // namespace dyad::syntax
