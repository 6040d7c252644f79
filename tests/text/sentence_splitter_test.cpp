#include "dyad/text/sentence_splitter.h"

#include <gtest/gtest.h>

#include "test_support.h"

namespace dyad {
namespace {

std::vector<std::string> sentences(const std::string& text, std::vector<bool>* boiler = nullptr) {
  SentenceSplitter splitter(&test::abbreviations(),
                            SentenceSplitter::load_boilerplate(test::data_dir() + "/text/boilerplate.tsv"));
  std::vector<std::string> out;
  for (const auto& s : splitter.split(text)) {
    out.push_back(text.substr(s.span.begin, s.span.size()));
    if (boiler) boiler->push_back(s.boilerplate);
  }
  return out;
}

using V = std::vector<std::string>;

TEST(SentenceSplitter, AbbreviationsAndInitialsDoNotEndSentences) {
  EXPECT_EQ(sentences("Gen. Smith met Mr. Li on Jan. 5 in the U.S. capital. Donald J. Trump spoke."),
            (V{"Gen. Smith met Mr. Li on Jan. 5 in the U.S. capital.", "Donald J. Trump spoke."}));
}

TEST(SentenceSplitter, AbbreviationAtSentenceEnd) {
  EXPECT_EQ(sentences("Troops left the U.S. The president spoke."),
            (V{"Troops left the U.S.", "The president spoke."}));
}

TEST(SentenceSplitter, GluedSentencesAreSplit) {
  EXPECT_EQ(sentences("Putin visited Ukraine.Xi will travel next."), (V{"Putin visited Ukraine.", "Xi will travel next."}));
}

TEST(SentenceSplitter, ClosingQuotesStayWithTheirSentence) {
  EXPECT_EQ(sentences("\xE2\x80\x9CWe will win.\xE2\x80\x9D Zelensky said so. \"Is it over?\" he asked."),
            (V{"\xE2\x80\x9CWe will win.\xE2\x80\x9D", "Zelensky said so.", "\"Is it over?\" he asked."}));
}

TEST(SentenceSplitter, DatelineBelongsToTheFirstSentence) {
  EXPECT_EQ(sentences("Damascus. Rebels seized the city on Sunday."), (V{"Damascus. Rebels seized the city on Sunday."}));
  EXPECT_EQ(sentences("QUITO, Ecuador (AP) \xE2\x80\x94 Police entered the embassy. Mexico protested."),
            (V{"QUITO, Ecuador (AP) \xE2\x80\x94 Police entered the embassy.", "Mexico protested."}));
}

TEST(SentenceSplitter, DatelineTokensAreCounted) {
  SentenceSplitter splitter(&test::abbreviations(), {});
  auto first = [&](const std::string& text) { return splitter.split(text).at(0).dateline_tokens; };
  EXPECT_EQ(first("Damascus. Rebels seized the city on Sunday."), 2u);
  EXPECT_EQ(first("QUITO, Ecuador (AP) \xE2\x80\x94 Police entered the embassy."), 7u);
  EXPECT_EQ(first("PORT-AU-PRINCE, Haiti -- Police arrived."), 8u);
  EXPECT_EQ(first("KYIV, Ukraine, March 3 (Reuters) - Russia struck."), 10u);
  // a capitalised subject with a dash later is no dateline
  EXPECT_EQ(first("US and British jets -- dozens of them -- struck."), 0u);
  EXPECT_EQ(first("Police arrived."), 0u);
  EXPECT_EQ(splitter.split("Iran protested. QUITO, Ecuador -- Police entered.").at(1).dateline_tokens, 0u);
}

TEST(SentenceSplitter, BoilerplateLinesAreMarked) {
  std::vector<bool> boiler;
  EXPECT_EQ(sentences("Iran protested.\nSource link\n#Iran #Israel", &boiler),
            (V{"Iran protested.", "Source link", "#Iran #Israel"}));
  EXPECT_EQ(boiler, (std::vector<bool>{false, true, true}));
}

TEST(SentenceSplitter, LineBreaksEndSentences) {
  EXPECT_EQ(sentences("First paragraph without a stop\nSecond one."), (V{"First paragraph without a stop", "Second one."}));
}

TEST(SentenceSplitter, VeryLongSentencesAreCut) {
  std::string text;
  for (int i = 0; i < 1000; ++i) text += "word ";
  const auto s = sentences(text);
  EXPECT_GE(s.size(), 4u);
}

}  // namespace
}  // namespace dyad
