#include "dyad/io/conllu.h"

#include <gtest/gtest.h>

#include <sstream>

namespace dyad {
namespace {

const char* kSample =
    "# newdoc id = d1\n"
    "# sent_id = s1\n"
    "# text = I cannot go, he said.\n"
    "1\tI\tI\tPRON\tPRP\t_\t4\tnsubj\t_\t_\n"
    "2-3\tcannot\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "2\tcan\tcan\tAUX\tMD\t_\t4\taux\t_\t_\n"
    "3\tnot\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n"
    "4\tgo\tgo\tVERB\tVB\t_\t7\tccomp\t_\tSpaceAfter=No\n"
    "4.1\tgone\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "5\t,\t,\tPUNCT\t,\t_\t4\tpunct\t_\t_\n"
    "6\the\the\tPRON\tPRP\t_\t7\tnsubj\t_\t_\n"
    "7\tsaid\tsay\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No\n"
    "8\t.\t.\tPUNCT\t.\t_\t7\tpunct\t_\t_\n"
    "\n"
    "# sent_id = s2\n"
    "# text = Yes.\n"
    "1\tYes\tyes\tINTJ\tUH\t_\t0\troot\t_\tSpaceAfter=No\n"
    "2\t.\t.\tPUNCT\t.\t_\t1\tpunct\t_\t_\n";

TEST(Conllu, ReadsWordsSkipsRangesAndEmptyNodes) {
  auto v = read_conllu_string(kSample);
  ASSERT_EQ(v.size(), 2u);
  const auto& s = v[0];
  EXPECT_EQ(s.sent_id, "s1");
  EXPECT_EQ(s.text, "I cannot go, he said.");
  EXPECT_TRUE(s.new_doc);
  EXPECT_FALSE(v[1].new_doc);
  ASSERT_EQ(s.sentence.tokens.size(), 8u);
  EXPECT_EQ(s.sentence.tokens[1].form, "can");
  EXPECT_EQ(s.sentence.tokens[0].head, 3);
  EXPECT_EQ(s.sentence.tokens[6].head, -1);
  EXPECT_EQ(s.sentence.tokens[6].deprel, "root");
  // spans: words of "cannot" are placed inside it
  auto text = [&](int i) {
    Span sp = s.sentence.tokens[i].span;
    return s.text.substr(sp.begin, sp.size());
  };
  EXPECT_EQ(text(1), "can");
  EXPECT_EQ(text(2), "not");
  EXPECT_EQ(text(3), "go");
  EXPECT_EQ(text(4), ",");
  EXPECT_EQ(text(7), ".");
  EXPECT_FALSE(s.sentence.tokens[3].space_after);
}

TEST(Conllu, WriteThenReadRoundTrip) {
  auto v = read_conllu_string(kSample);
  std::ostringstream out;
  for (const auto& s : v) write_conllu(out, s.sentence, s.sent_id, s.text);
  auto w = read_conllu_string(out.str());
  ASSERT_EQ(w.size(), v.size());
  for (size_t k = 0; k < v.size(); ++k) {
    ASSERT_EQ(w[k].sentence.tokens.size(), v[k].sentence.tokens.size());
    EXPECT_EQ(w[k].text, v[k].text);
    for (size_t i = 0; i < v[k].sentence.tokens.size(); ++i) {
      const Token &a = v[k].sentence.tokens[i], &b = w[k].sentence.tokens[i];
      EXPECT_EQ(a.form, b.form);
      EXPECT_EQ(a.lemma, b.lemma);
      EXPECT_EQ(a.head, b.head);
      EXPECT_EQ(a.deprel, b.deprel);
      EXPECT_EQ(a.space_after, b.space_after);
    }
  }
}

TEST(Conllu, MalformedLinesNameTheirLine) {
  try {
    read_conllu_string("1\tA\ta\tX\tX\t_\t0\troot\t_\t_\n2\tB\tb\n", "x.conllu");
    FAIL();
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("x.conllu:2"), std::string::npos) << e.what();
  }
  EXPECT_THROW(read_conllu_string("1\tA\ta\tX\tX\t_\t5\troot\t_\t_\n\n"), std::runtime_error);
}

}  // namespace
}  // namespace dyad
