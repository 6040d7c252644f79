#include "dyad/actors/actor_recognizer.h"

#include <gtest/gtest.h>

#include "test_support.h"

namespace dyad {
namespace {

// Codes of the mentions found in `text` (one sentence), in order.
std::vector<std::string> codes(const std::string& text, const std::string& date = "2025-06-01",
                               Coreference* coref = nullptr) {
  const Resources& r = test::resources();
  Sentence s;
  s.tokens = r.tokenizer->tokenize(text);
  s.span = {0, static_cast<uint32_t>(text.size())};
  Coreference local;
  r.recognizer->recognize(text, s, date, coref ? *coref : local);
  std::vector<std::string> out;
  for (const auto& m : s.mentions) out.push_back(m.code);
  return out;
}

using V = std::vector<std::string>;

TEST(ActorRecognizer, CountryWordsWithRoles) {
  EXPECT_EQ(codes("Russian forces advanced."), V{"RUSMIL"});
  EXPECT_EQ(codes("China's Ministry of Foreign Affairs said so."), V{"CHNGOV"});
  EXPECT_EQ(codes("a spokesperson for the Chinese Ministry said"), V{"CHNGOV"});
  EXPECT_EQ(codes("Iranian protesters gathered."), V{"IRNCVL"});
  EXPECT_EQ(codes("Syria's air defense intercepted the missiles."), V{"SYRMIL"});
  EXPECT_EQ(codes("Protesters invaded Saudi diplomatic posts."), V{"SAUGOV"});
  EXPECT_EQ(codes("The Gaza civil defense agency reported deaths."), V{"PSEGOV"});
}

TEST(ActorRecognizer, CoordinatedCountriesShareTheRoleNoun) {
  EXPECT_EQ(codes("Indian and Pakistani troops exchanged fire."), (V{"INDMIL", "PAKMIL"}));
  EXPECT_EQ(codes("The US and British militaries struck."), (V{"USAMIL", "GBRMIL"}));
  EXPECT_EQ(codes("Delegations of Russia and Ukraine met."), (V{"RUSGOV", "UKRGOV"}));
  EXPECT_EQ(codes("Russia and Chinese troops moved."), (V{"RUSMIL", "CHNMIL"}));
  EXPECT_EQ(codes("Russia and the Chinese foreign minister met."), (V{"RUS", "CHNGOV"}));  // singular: one person
}

TEST(ActorRecognizer, ACountrysNamedGroupIsTheGroup) {
  EXPECT_EQ(codes("Yemen's Houthis fired missiles."), V{"YEMREB"});
  EXPECT_EQ(codes("Lebanese Hezbollah fired rockets."), V{"LBNREB"});
}

TEST(ActorRecognizer, ACountrysUnAmbassadorIsItsDiplomat) {
  EXPECT_EQ(codes("Russia's UN ambassador said so."), V{"RUSGOV"});
  EXPECT_EQ(codes("The Russian ambassador to the UN said so."), V{"RUSGOV"});
}

TEST(ActorRecognizer, CountriesCapitalsAndOrganisations) {
  EXPECT_EQ(codes("Beijing and the Kremlin responded."), (V{"CHNGOV", "RUSGOV"}));
  EXPECT_EQ(codes("The United Nations and NATO met."), (V{"IGOUNO", "IGONAT"}));
  EXPECT_EQ(codes("Hamas fired rockets."), V{"PSEREB"});
}

TEST(ActorRecognizer, AcronymsOnlyInCapitals) {
  EXPECT_EQ(codes("The US said."), V{"USA"});
  EXPECT_EQ(codes("He told us nothing new."), V{});
}

TEST(ActorRecognizer, UnknownNameWithTitleTakesRoleAndCountry) {
  EXPECT_EQ(codes("Iranian Foreign Minister Abbas Araghchi arrived."), V{"IRNGOV"});
  // Made-up names, so that no people.tsv entry can be what codes them.
  EXPECT_EQ(codes("Iranian Foreign Minister Zandor Kwelliban arrived."), V{"IRNGOV"});
  EXPECT_EQ(codes("Swedish Defence Minister Marta Velquist criticized Russia."), (V{"SWEGOV", "RUS"}));
}

TEST(ActorRecognizer, TitleUnknownNameOfCountryTakesRoleAndCountry) {
  EXPECT_EQ(codes("Foreign Minister Zandor Kwelliban of Iran met Qatari officials."), (V{"IRNGOV", "QATGOV"}));
  EXPECT_EQ(codes("Defence Minister Marta Velquist of Sweden criticized Russia."), (V{"SWEGOV", "RUS"}));
  EXPECT_EQ(codes("Foreign Minister Zandor Kwelliban from Iran arrived."), V{"IRNGOV"});
  // The name heads the mention; the surname alone is coded later in the article.
  const Resources& r = test::resources();
  const std::string text = "Foreign Minister Zandor Kwelliban of Iran arrived.";
  Sentence s;
  s.tokens = r.tokenizer->tokenize(text);
  Coreference coref;
  r.recognizer->recognize(text, s, "2025-06-01", coref);
  ASSERT_EQ(s.mentions.size(), 1u);
  EXPECT_EQ(s.tokens[s.mentions[0].head].form, "Kwelliban");
  EXPECT_EQ(codes("Kwelliban said the talks went well.", "2025-06-01", &coref), V{"IRNGOV"});
  EXPECT_EQ(codes("The foreign minister of Iran arrived."), V{"IRNGOV"});  // no name: as before
}

TEST(ActorRecognizer, PeopleByDate) {
  EXPECT_EQ(codes("Joe Biden spoke.", "2023-05-01"), V{"USAGOV"});
  EXPECT_EQ(codes("Joe Biden spoke.", "2026-05-01"), V{"USA"});
  EXPECT_EQ(codes("Xi Jinping spoke.", "2025-05-01"), V{"CHNGOV"});
}

TEST(ActorRecognizer, ThenTitleTakesTheRoleAtTheTime) {
  EXPECT_EQ(codes("then-president Joe Biden said", "2026-05-01"), V{"USAGOV"});
  EXPECT_EQ(codes("then President Joe Biden said", "2026-05-01"), V{"USAGOV"});
}

TEST(ActorRecognizer, PlacesBlockAliasesInside) {
  EXPECT_EQ(codes("Ships sailed in the Gulf of Aden."), V{});
}

TEST(ActorRecognizer, ModifiersAreNotActors) {
  EXPECT_EQ(codes("the Iran-backed militia"), V{});
}

TEST(ActorRecognizer, DatelineIsNotAnActor) {
  EXPECT_EQ(codes("MOSCOW (Wire) -- Iran protested."), V{"IRN"});
}

TEST(ActorRecognizer, BareDomesticRolesBelongToTheCountryTheStoryIsAbout) {
  Coreference coref;
  // the dateline's country, once the story names it
  codes("QUITO, Ecuador (AP) -- Ecuadorian officials met.", "2024-04-06", &coref);
  EXPECT_EQ(codes("Police arrested him.", "2024-04-06", &coref), V{"ECUCOP"});
  // a bureau's dateline over a story about another country: the country most named
  Coreference other;
  codes("TEHRAN (Wire) -- India accused Pakistan.", "2025-04-26", &other);
  codes("India said Pakistan fired first.", "2025-04-26", &other);
  codes("Indian officials said so.", "2025-04-26", &other);
  EXPECT_EQ(codes("Rebels attacked a post.", "2025-04-26", &other), V{"INDREB"});
}

TEST(ActorRecognizer, PronounsAcrossSentences) {
  Coreference coref;
  codes("Turkish President Recep Tayyip Erdogan arrived on Monday.", "2025-06-01", &coref);
  EXPECT_EQ(codes("He met the press.", "2025-06-01", &coref), V{"TURGOV"});
  codes("Iran and Saudi Arabia agreed.", "2025-06-01", &coref);
  EXPECT_EQ(codes("The two countries signed.", "2025-06-01", &coref), (V{"IRN", "SAU"}));
}

TEST(ActorRecognizer, PossessivePronounWithRole) {
  EXPECT_EQ(codes("Iran said Israel attacked its embassy."), (V{"IRN", "ISR", "IRNGOV"}));
}

}  // namespace
}  // namespace dyad
