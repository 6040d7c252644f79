#include "dyad/actors/actor_recognizer.h"

#include <gtest/gtest.h>

#include "dyad/syntax/analyzer.h"
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
  s.dateline_tokens = r.splitter->split(text).at(0).dateline_tokens;
  Coreference local;
  r.recognizer->recognize(text, s, date, coref ? *coref : local);
  std::vector<std::string> out;
  for (const auto& m : s.mentions) out.push_back(m.code);
  return out;
}

using V = std::vector<std::string>;

// As codes(), after tagging and parsing when the parser model is present.
std::vector<std::string> parsed_codes(const std::string& text, Coreference* coref = nullptr) {
  const Resources& r = test::resources();
  Sentence s;
  s.tokens = r.tokenizer->tokenize(text);
  s.span = {0, static_cast<uint32_t>(text.size())};
  s.dateline_tokens = r.splitter->split(text).at(0).dateline_tokens;
  if (r.analyzer) r.analyzer->analyze(s);
  Coreference local;
  r.recognizer->recognize(text, s, "2025-06-01", coref ? *coref : local);
  std::vector<std::string> out;
  for (const auto& m : s.mentions) out.push_back(m.code);
  return out;
}

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

TEST(ActorRecognizer, MembersOfANonStateGroupActForTheGroup) {
  EXPECT_EQ(codes("ELN negotiators arrived."), V{"COLREB"});
  EXPECT_EQ(codes("Hamas officials said so."), V{"PSEREB"});
  EXPECT_EQ(codes("Houthi forces fired."), V{"YEMREB"});
  EXPECT_EQ(codes("UN officials left."), V{"IGOUNOGOV"});  // an IGO keeps the role noun
}

TEST(ActorRecognizer, ANameFirstSeenWithATitleIsAPersonForHe) {
  Coreference coref;
  codes("Foreign Minister Zandor Kwelliban of Iran arrived.", "2025-06-01", &coref);
  codes("Israeli Prime Minister Benjamin Netanyahu spoke.", "2023-06-01", &coref);
  codes("Kwelliban was more cautious.", "2025-06-01", &coref);
  EXPECT_EQ(codes("He declined to comment.", "2025-06-01", &coref), V{"IRNGOV"});
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

TEST(ActorRecognizer, FormerOfficialsHaveNoRole) {
  EXPECT_EQ(codes("They arrested a former Ecuadorian vice president."), V{"ECU"});
  EXPECT_EQ(codes("The former foreign minister of Iran spoke."), V{"IRN"});
  EXPECT_EQ(codes("The Ecuadorian vice president spoke."), V{"ECUGOV"});
}

TEST(ActorRecognizer, ThenTitleTakesTheRoleAtTheTime) {
  EXPECT_EQ(codes("then-president Joe Biden said", "2026-05-01"), V{"USAGOV"});
  EXPECT_EQ(codes("then President Joe Biden said", "2026-05-01"), V{"USAGOV"});
  EXPECT_EQ(codes("then US-president Joe Biden said", "2026-05-01"), (V{"USA", "USAGOV"}));
  // the article tells of that time: later mentions keep the role
  Coreference article;
  codes("then-president Joe Biden said", "2026-05-01", &article);
  EXPECT_EQ(codes("Biden asked Congress", "2026-05-01", &article).front(), "USAGOV");
  EXPECT_EQ(codes("Biden asked Congress", "2026-05-01").front(), "USA");
}

TEST(ActorRecognizer, PlacesBlockAliasesInside) {
  EXPECT_EQ(codes("Ships sailed in the Gulf of Aden."), V{});
}

TEST(ActorRecognizer, NumbersMayStandBetweenACountryAndItsRoleNoun) {
  EXPECT_EQ(parsed_codes("The ELN met Colombia's last five governments."), (V{"COLREB", "COLGOV"}));
}

TEST(ActorRecognizer, ModifiersAreNotActors) {
  EXPECT_EQ(codes("the Iran-backed militia"), V{});
  EXPECT_EQ(codes("Russian-made drones"), V{});
  // what a country owns or flies its flag on is its own
  EXPECT_EQ(codes("a US-flagged tanker"), V{"USA"});
  EXPECT_EQ(codes("an Israeli-owned ship"), V{"ISR"});
}

TEST(ActorRecognizer, DatelineIsNotAnActor) {
  EXPECT_EQ(codes("MOSCOW (Wire) -- Iran protested."), V{"IRN"});
  // the hyphens inside a city's name do not end the dateline
  EXPECT_EQ(codes("PORT-AU-PRINCE, Haiti -- Kenya protested."), V{"KEN"});
  EXPECT_EQ(codes("PORT-AU-PRINCE, Haiti \u2014 Kenya protested."), V{"KEN"});
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

TEST(ActorRecognizer, SubjectPronounOfReportedSpeechIsTheSpeaker) {
  for (auto* f : {+[](const std::string& t) { return codes(t); }, +[](const std::string& t) { return parsed_codes(t); }}) {
    EXPECT_EQ(f("Israel announced it would free prisoners."), (V{"ISR", "ISR"}));
    EXPECT_EQ(f("Iran said on Friday that it will retaliate."), (V{"IRN", "IRN"}));
    EXPECT_EQ(f("The Indian army said that it responded."), (V{"INDMIL", "INDMIL"}));
    EXPECT_EQ(f("Ethiopia has also said it wants a port."), (V{"ETH", "ETH"}));
    // a person is "he", not "it"; a state is "it", not "they"
    EXPECT_EQ(f("Swedish Defence Minister Marta Velquist said it was unclear."), V{"SWEGOV"});
    EXPECT_EQ(f("The foreign minister of Iran said he would go."), (V{"IRNGOV", "IRNGOV"}));
    EXPECT_EQ(f("The US claimed that they had attacked Iraq."), (V{"USA", "IRQ"}));
    // "it" outside reported speech is left alone
    EXPECT_EQ(f("It is unclear whether Iran will agree."), V{"IRN"});
  }
}

TEST(ActorRecognizer, ItGoesOnWithTheLastSentencesSpeaker) {
  Coreference coref;
  codes("The Indian army said that Pakistani posts fired first.", "2025-06-01", &coref);
  EXPECT_EQ(codes("It stated that troops responded.", "2025-06-01", &coref), V{"INDMIL"});
  EXPECT_EQ(codes("Troops intercepted missiles, it noted.", "2025-06-01", &coref), V{"INDMIL"});
  // a person spoke: "it" is someone else
  Coreference other;
  codes("Iranian Foreign Minister Zandor Kwelliban said so.", "2025-06-01", &other);
  EXPECT_EQ(codes("It added that talks went well.", "2025-06-01", &other), V{});
  // only right after the speaker's sentence, and only before a verb of saying
  codes("The talks went on.", "2025-06-01", &coref);
  EXPECT_EQ(codes("It said nothing.", "2025-06-01", &coref), V{});
}

TEST(ActorRecognizer, ADescriptionIsCodedOnceNotAlsoWithTheHomeCountry) {
  Coreference coref;
  // the article names the US most often, so a bare "militants" would default to USAREB
  codes("The US and Britain struck the Houthis.", "2025-06-01", &coref);
  codes("The US said so.", "2025-06-01", &coref);
  codes("US officials met.", "2025-06-01", &coref);
  EXPECT_EQ(codes("The militants say the war goes on.", "2025-06-01", &coref), V{"YEMREB"});
}

TEST(ActorRecognizer, GroupDescriptionsReferToTheLatestArmedGroup) {
  Coreference coref;
  codes("Hamas fired rockets at Israel.", "2025-06-01", &coref);
  EXPECT_EQ(codes("The group said the strikes would go on.", "2025-06-01", &coref), V{"PSEREB"});
  EXPECT_EQ(codes("The Iran-backed militia group fired again.", "2025-06-01", &coref), V{"PSEREB"});
  EXPECT_EQ(codes("The US struck Houthi targets after attacks by the Iran-aligned group.", "2025-06-01", &coref),
            (V{"USA", "YEMREB", "YEMREB"}));
  // not a description: "the group of donors"; nor an armed group long out of sight
  EXPECT_EQ(codes("The group of donors met.", "2025-06-01", &coref), V{});
  for (int k = 0; k < 4; ++k) codes("Talks went on.", "2025-06-01", &coref);
  EXPECT_EQ(codes("The group met.", "2025-06-01", &coref), V{});
}

TEST(ActorRecognizer, ADescriptionPrefersAnAntecedentWithTheSameHeadWord) {
  Coreference coref;
  codes("Somalia expelled the Ethiopian ambassador.", "2025-06-01", &coref);
  codes("Somalia's President Hassan Sheikh Mohamud spoke.", "2025-06-01", &coref);
  EXPECT_EQ(codes("The ambassador left.", "2025-06-01", &coref), V{"ETHGOV"});
}

TEST(ActorRecognizer, ACountrysUnEnvoyIsItsDiplomat) {
  EXPECT_EQ(codes("China's UN envoy criticized Japan."), (V{"CHNGOV", "JPN"}));
  EXPECT_EQ(codes("Chinese UN envoy Zandor Kwelliban said so."), V{"CHNGOV"});
  EXPECT_EQ(codes("The UN envoy met Iran."), (V{"IGOUNO", "IRN"}));  // no country: the UN's own
}

TEST(ActorRecognizer, RoleFromModifiedCountry) {
  EXPECT_EQ(codes("Dissidents from military-ruled Myanmar protested."), V{"MMROPP"});
  EXPECT_EQ(codes("Refugees from war-torn Syria arrived."), V{"SYRCVL"});
  EXPECT_EQ(codes("Troops from neighbouring Chad arrived."), V{"TCDMIL"});
}

TEST(ActorRecognizer, AStatesMissionsAbroadAreItsGovernment) {
  EXPECT_EQ(codes("Police broke into the Mexican diplomatic headquarters."), V{"MEXGOV"});
  EXPECT_EQ(codes("Protesters stormed the Saudi embassy compound."), V{"SAUGOV"});
  EXPECT_EQ(codes("The head of the Indian consular section spoke."), V{"INDGOV"});
  // "headquarters" is one building: a later "they" is not it
  Coreference coref;
  codes("Ecuadorian troops entered the Mexican diplomatic headquarters.", "2025-06-01", &coref);
  EXPECT_EQ(codes("They arrested a man.", "2025-06-01", &coref), V{"ECUMIL"});
}

TEST(ActorRecognizer, BothSidesAreTheirGovernmentsOnlyWhenTheArticleNamedOne) {
  // after two armies exchanged fire, "both sides" states no role: the countries
  Coreference fight;
  codes("Indian and Pakistani troops exchanged fire overnight.", "2025-06-01", &fight);
  EXPECT_EQ(codes("Both sides acknowledged the clash.", "2025-06-01", &fight), (V{"IND", "PAK"}));
  // parties to talks whose officials the article named: their governments
  Coreference talks;
  codes("Russian officials met Ukraine in Istanbul.", "2025-06-01", &talks);
  EXPECT_EQ(codes("The two sides agreed to meet again.", "2025-06-01", &talks), (V{"RUSGOV", "UKRGOV"}));
}

TEST(ActorRecognizer, ARoleNounOfAPairGivesEachCountryThatRole) {
  EXPECT_EQ(codes("Chile and Peru made peace after talks between the leaders of the two countries."),
            (V{"CHL", "PER", "CHLGOV", "PERGOV"}));
  Coreference coref;
  codes("Iran and Saudi Arabia agreed to restore ties.", "2025-06-01", &coref);
  EXPECT_EQ(codes("The foreign ministers of both nations will meet.", "2025-06-01", &coref), (V{"IRNGOV", "SAUGOV"}));
}

TEST(ActorRecognizer, APairIsTheCountriesNamedTogetherNotAThirdNamedLast) {
  Coreference coref;
  codes("Kashmir has been divided between India and Pakistan since independence from Britain.", "2025-06-01", &coref);
  EXPECT_EQ(codes("Both countries claim the region.", "2025-06-01", &coref), (V{"IND", "PAK"}));
  // a sentence that names three countries does not make the pair
  Coreference three;
  codes("Iran and Saudi Arabia agreed to restore ties.", "2025-06-01", &three);
  codes("An Iranian official met a Saudi official and a Chinese official.", "2025-06-01", &three);
  EXPECT_EQ(codes("The two countries will exchange ambassadors.", "2025-06-01", &three), (V{"IRN", "SAU"}));
}

TEST(ActorRecognizer, AnOutletQuotingASideIsNoSide) {
  Coreference coref;
  codes("Russian and Ukrainian officials held talks in Istanbul.", "2025-06-01", &coref);
  EXPECT_EQ(codes("Ukraine's defence minister, quoted by the Turkish news agency, said both sides focused on a truce.",
                  "2025-06-01", &coref),
            (V{"UKRGOV", "TURMED", "RUSGOV", "UKRGOV"}));
}

TEST(ActorRecognizer, TheirAfterAPairIsEachOfThePair) {
  Coreference coref;
  codes("Indian and Pakistani troops exchanged fire overnight.", "2025-06-01", &coref);
  EXPECT_EQ(codes("Both sides acknowledged a clash between their forces.", "2025-06-01", &coref),
            (V{"IND", "PAK", "INDMIL", "PAKMIL"}));
}

TEST(ActorRecognizer, ANationalityWithTheArticleIsTheForceTheArticleTellsOf) {
  Coreference coref;
  codes("Police officers from Kenya landed in Haiti on Tuesday.", "2025-06-01", &coref);
  EXPECT_EQ(codes("The Kenyans patrolled the capital.", "2025-06-01", &coref), V{"KENCOP"});
  EXPECT_EQ(codes("Some Haitians welcomed them.", "2025-06-01", &coref), (V{"HTICVL", "KENCOP"}));
  // after the country's government was named, the nation
  Coreference other;
  codes("Police officers from Kenya landed in Haiti on Tuesday.", "2025-06-01", &other);
  codes("Kenya's foreign minister praised them.", "2025-06-01", &other);
  EXPECT_EQ(codes("The Kenyans agreed.", "2025-06-01", &other), V{"KEN"});
}

TEST(ActorRecognizer, ACountryDescribedByItsRegionIsACountryNamedBefore) {
  Coreference coref;
  codes("Police officers from Kenya landed in Haiti.", "2025-06-01", &coref);
  // not the country of the verb's own subject
  EXPECT_EQ(codes("Haiti's prime minister thanked the East African country.", "2025-06-01", &coref),
            (V{"HTIGOV", "KEN"}));
  EXPECT_EQ(codes("Police arrived in Haiti after the troubled Caribbean country asked for help."),
            (V{"HTI", "HTI"}));
  // no regional word: the setting, not a party
  EXPECT_EQ(codes("Police arrived in Haiti after the whole country asked for help."), V{"HTI"});
}

}  // namespace
}  // namespace dyad
