#include "dyad/text/tokenizer.h"

#include <gtest/gtest.h>

#include "test_support.h"

namespace dyad {
namespace {

std::vector<std::string> forms(const std::string& text) {
  Tokenizer t(&test::abbreviations());
  std::vector<std::string> out;
  for (const auto& tok : t.tokenize(text)) {
    EXPECT_EQ(text.substr(tok.span.begin, tok.span.size()).empty(), false);
    out.push_back(tok.form);
  }
  return out;
}

TEST(Tokenizer, SplitsClitics) {
  EXPECT_EQ(forms("China's army didn't move."),
            (std::vector<std::string>{"China", "'s", "army", "did", "n't", "move", "."}));
}

TEST(Tokenizer, PunctuationRunsAndFacesAreOneToken) {
  using V = std::vector<std::string>;
  EXPECT_EQ(forms("Great news!!! Really?! :)"), (V{"Great", "news", "!!!", "Really", "?!", ":)"}));
  EXPECT_EQ(forms("reality--that them...and"), (V{"reality", "--", "that", "them", "...", "and"}));
  EXPECT_EQ(forms("See <http://www.un.org/en/news>."), (V{"See", "<", "http://www.un.org/en/news", ">", "."}));
  EXPECT_EQ(forms("Due 01-Feb-02 at 5-3."), (V{"Due", "01-Feb-02", "at", "5-3", "."}));
}

TEST(Tokenizer, KeepsAbbreviationsAndInitials) {
  EXPECT_EQ(forms("U.S. Gen. J. Smith met Mr. Li."),
            (std::vector<std::string>{"U.S.", "Gen.", "J.", "Smith", "met", "Mr.", "Li", "."}));
}

TEST(Tokenizer, CurlyQuotesNormalisedOffsetsKept) {
  const std::string text = "\xE2\x80\x9CWe won\xE2\x80\x99t,\xE2\x80\x9D Iran\xE2\x80\x99s envoy said.";
  Tokenizer t(&test::abbreviations());
  const auto toks = t.tokenize(text);
  std::vector<std::string> f;
  for (const auto& tok : toks) f.push_back(tok.form);
  EXPECT_EQ(f, (std::vector<std::string>{"\"", "We", "wo", "n't", ",", "\"", "Iran", "'s", "envoy", "said", "."}));
  EXPECT_EQ(text.substr(toks[6].span.begin, toks[6].span.size()), "Iran");
  EXPECT_EQ(text.substr(toks[7].span.begin, toks[7].span.size()), "\xE2\x80\x99s");
}

TEST(Tokenizer, SplitsGluedSentencesAndHyphens) {
  EXPECT_EQ(forms("Ukraine.Xi will visit Iran-backed groups"),
            (std::vector<std::string>{"Ukraine", ".", "Xi", "will", "visit", "Iran", "-", "backed", "groups"}));
}

TEST(Tokenizer, KeepsUrlsAndNumbers) {
  EXPECT_EQ(forms("See https://example.com/a-b, 1,000 and 34%."),
            (std::vector<std::string>{"See", "https://example.com/a-b", ",", "1,000", "and", "34", "%", "."}));
}

TEST(Tokenizer, HtmlTagsAreSpacesAndEntitiesAreRead) {
  EXPECT_EQ(forms("<p>Iran&apos;s envoy</p><br/>left &amp; returned AT&amp;T"),
            (std::vector<std::string>{"Iran", "'s", "envoy", "left", "&", "returned", "AT&T"}));
}

TEST(Tokenizer, ZeroWidthCharactersAloneMakeNoToken) {
  EXPECT_EQ(forms("Iran \xE2\x80\x8B said"), (std::vector<std::string>{"Iran", "said"}));
}

}  // namespace
}  // namespace dyad
