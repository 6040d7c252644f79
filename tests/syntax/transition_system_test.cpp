#include "dyad/syntax/transition_system.h"

#include <gtest/gtest.h>

#include <string>

#include "dyad/io/conllu.h"

namespace dyad::syntax {
namespace {

// Heads with n for ROOT; labels are arbitrary small ids (0 = root).
struct Tree {
  std::vector<int> head, label;
};

Tree follow(const ArcHybrid& sys, const GoldTree& gold, bool dynamic) {
  ParseState st;
  st.init(static_cast<int>(gold.head.size()));
  int guard = 0;
  while (!st.terminal() && guard++ < 1000) {
    int a = sys.static_oracle(st, gold);
    if (dynamic) {
      // any zero-cost legal action must keep the tree reachable
      for (int b = sys.num_actions() - 1; b >= 0; --b)
        if (sys.legal(st, b) && sys.cost(st, b, gold) == 0) {
          a = b;
          break;
        }
    }
    EXPECT_TRUE(sys.legal(st, a));
    EXPECT_EQ(sys.cost(st, a, gold), 0);
    sys.apply(st, a);
  }
  return {st.head, st.label};
}

TEST(ArcHybrid, StaticOracleReproducesProjectiveTrees) {
  // Projective trees, heads with n = ROOT.
  const std::vector<std::vector<int>> trees = {
      {1, 3, 1},           // 0<-1, 1 = root, 2<-1
      {2, 2, 5, 4, 2},     // two left dependents, a right one with its own child
      {1, 6, 3, 1, 3, 1},  // nested right dependents
      {1},                 // one word
  };
  for (const auto& h : trees) {
    const int n = static_cast<int>(h.size());
    std::vector<int> label(n, 1);
    for (int i = 0; i < n; ++i)
      if (h[i] == n) label[i] = 0;
    GoldTree gold = GoldTree::from(h, label);
    ArcHybrid sys(3, 0);
    for (bool dynamic : {false, true}) {
      Tree t = follow(sys, gold, dynamic);
      EXPECT_EQ(t.head, h);
      EXPECT_EQ(t.label, label);
    }
  }
}

TEST(ArcHybrid, OracleReproducesFixtureCorpus) {
  const char* kConllu =
      "# text = The army seized the town.\n"
      "1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_\n"
      "2\tarmy\tarmy\tNOUN\tNN\t_\t3\tnsubj\t_\t_\n"
      "3\tseized\tseize\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "4\tthe\tthe\tDET\tDT\t_\t5\tdet\t_\t_\n"
      "5\ttown\ttown\tNOUN\tNN\t_\t3\tobj\t_\tSpaceAfter=No\n"
      "6\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n";
  auto sents = read_conllu_string(kConllu);
  ASSERT_EQ(sents.size(), 1u);
  const auto& toks = sents[0].sentence.tokens;
  const int n = static_cast<int>(toks.size());
  std::vector<int> head(n), label(n);
  for (int i = 0; i < n; ++i) {
    head[i] = toks[i].head < 0 ? n : toks[i].head;
    label[i] = toks[i].head < 0 ? 0 : 1;
  }
  ArcHybrid sys(2, 0);
  Tree t = follow(sys, GoldTree::from(head, label), false);
  EXPECT_EQ(t.head, head);
}

TEST(ArcHybrid, SingleRootIsEnforced) {
  ArcHybrid sys(2, 0);
  ParseState st;
  st.init(2);
  sys.apply(st, 0);
  sys.apply(st, 0);
  // buffer is ROOT, two items on the stack: only RIGHT with a non-root label
  EXPECT_FALSE(sys.legal(st, 0));
  EXPECT_FALSE(sys.legal(st, ArcHybrid::left(0)));
  EXPECT_FALSE(sys.legal(st, ArcHybrid::right(0)));
  EXPECT_TRUE(sys.legal(st, ArcHybrid::right(1)));
  sys.apply(st, ArcHybrid::right(1));
  EXPECT_TRUE(sys.legal(st, ArcHybrid::left(0)));
  EXPECT_FALSE(sys.legal(st, ArcHybrid::left(1)));
  sys.apply(st, ArcHybrid::left(0));
  EXPECT_TRUE(st.terminal());
  EXPECT_EQ(st.head, (std::vector<int>{2, 0}));
}

}  // namespace
}  // namespace dyad::syntax
