// Mechanisms of the event coder on sentences written for the purpose.
#include "dyad/events/event_coder.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "dyad/actors/actor_code.h"
#include "dyad/pipeline/document_coder.h"
#include "test_support.h"

namespace dyad {
namespace {

// "SRC>TGT:ROOT" for the asserted events of a one-article text (countries only).
std::vector<std::string> events(const std::string& text, bool with_modal = false) {
  Document d;
  d.id = "t";
  d.date = "2025-06-01";
  d.text = text;
  DocumentCoder(&test::resources()).code(d);
  std::vector<std::string> out;
  for (const auto& s : d.sentences)
    for (const auto& e : s.events) {
      if (e.modality != Modality::Asserted && !with_modal) continue;
      std::string tag = actor_country(s.mentions[e.source].code) + ">" +
                        (e.target >= 0 ? actor_country(s.mentions[e.target].code) : "---") + ":" + e.code.substr(0, 2);
      if (e.modality == Modality::Negated) tag += "!neg";
      if (e.modality == Modality::Hypothetical) tag += "!hyp";
      out.push_back(tag);
    }
  std::sort(out.begin(), out.end());
  return out;
}

using V = std::vector<std::string>;

// As events(), with the full actor codes (roles included).
std::vector<std::string> role_events(const std::string& text) {
  Document d;
  d.id = "t";
  d.date = "2025-06-01";
  d.text = text;
  DocumentCoder(&test::resources()).code(d);
  std::vector<std::string> out;
  for (const auto& s : d.sentences)
    for (const auto& e : s.events) {
      if (e.modality != Modality::Asserted) continue;
      out.push_back(s.mentions[e.source].code + ">" + (e.target >= 0 ? s.mentions[e.target].code : "---") + ":" +
                    e.code.substr(0, 2));
    }
  std::sort(out.begin(), out.end());
  return out;
}

bool has(const V& v, const std::string& x) { return std::find(v.begin(), v.end(), x) != v.end(); }

TEST(EventCoder, ActiveSubjectAndObject) {
  EXPECT_TRUE(has(events("Russia attacked Ukraine on Monday."), "RUS>UKR:19"));
  EXPECT_TRUE(has(events("China condemned Japan."), "CHN>JPN:11"));
}

TEST(EventCoder, PassiveAgentIsTheSource) {
  EXPECT_TRUE(has(events("Ukraine was attacked by Russia."), "RUS>UKR:19"));
}

TEST(EventCoder, CoordinatedSourcesGiveOneEventEach) {
  const V v = events("The United States and Britain struck Yemen.");
  EXPECT_TRUE(has(v, "USA>YEM:19"));
  EXPECT_TRUE(has(v, "GBR>YEM:19"));
}

TEST(EventCoder, ForceWithNoActorObjectHitsThePlace) {
  EXPECT_TRUE(has(events("The United States struck Houthi targets in Yemen on Saturday."), "USA>YEM:19"));
  EXPECT_TRUE(has(events("Israeli forces targeted infrastructure in central Gaza."), "ISR>PSE:19"));
  EXPECT_TRUE(has(events("China held military drills near Taiwan."), "CHN>TWN:15"));
  EXPECT_TRUE(has(events("British activists staged a protest in Beijing."), "GBR>CHN:14"));
  // a place of the source's own country is where it acts, not whom it fights
  EXPECT_FALSE(has(events("Russian troops attacked positions in Russia."), "RUS>RUS:19"));
}

TEST(EventCoder, OneActOfForceDescribedTwiceKeepsItsTarget) {
  const V v = events("An Israeli air strike killed 15 members of a Palestinian family.");
  EXPECT_TRUE(has(v, "ISR>PSE:19"));
  EXPECT_FALSE(has(v, "ISR>---:19"));
}

TEST(EventCoder, CommasAloneMakeNoListOfSpeakers) {
  const V v = events("Rubio will arrive on Monday ahead of the talks in Riyadh, Russia's foreign ministry said.");
  EXPECT_TRUE(has(v, "RUS>USA:01"));
  EXPECT_FALSE(has(v, "SAU>USA:01"));
}

TEST(EventCoder, ANounSubjectThatIsNoActorBlocksAnActorFurtherLeft) {
  EXPECT_FALSE(has(events("Saudi Arabia cut ties with Iran after protesters invaded Saudi diplomatic posts."),
                   "IRN>SAU:19"));
}

TEST(EventCoder, ASpeakersOwnActIsAimedAtWhatTheStatementIsAbout) {
  const V v = events("China announced that 27 American companies were added to its sanctions lists.");
  EXPECT_TRUE(has(v, "CHN>USA:16"));
  EXPECT_FALSE(has(v, "CHN>USA:01"));
}

TEST(EventCoder, AnAdjacentSlotIsRequiredAndClose) {
  EXPECT_TRUE(has(events("Biden called Xi on Tuesday."), "USA>CHN:04"));
  EXPECT_FALSE(has(events("Biden called the fall of Assad an act of justice."), "USA>SYR:04"));
}

TEST(EventCoder, ASourceSlotMakesTheSubjectTheTarget) {
  const V v = events("Syrian leader Bashar Assad received asylum from Russia.");
  EXPECT_TRUE(has(v, "RUS>SYR:07"));
  EXPECT_FALSE(has(v, "SYR>RUS:04"));  // no visit hosted
}

TEST(EventCoder, AMeetingAnnouncedForTheFutureIsAnIntent) {
  const V v = events("Putin will visit Beijing next month.");
  EXPECT_TRUE(has(v, "RUS>CHN:03"));
  EXPECT_FALSE(has(v, "RUS>CHN:04"));
  EXPECT_TRUE(has(events("China will impose a 34% tariff on all U.S. imports."), "CHN>USA:16"));
}

TEST(EventCoder, CiviliansUsingForceRiot) {
  EXPECT_TRUE(has(events("Iranian protesters invaded the Saudi embassy."), "IRN>SAU:14"));
}

TEST(EventCoder, MeetingsAreMutual) {
  const V v = events("Iran met Saudi Arabia in Beijing.");
  EXPECT_TRUE(has(v, "IRN>SAU:04"));
  EXPECT_TRUE(has(v, "SAU>IRN:04"));
  EXPECT_FALSE(has(v, "IRN>CHN:04"));  // the place is not the counterpart
}

TEST(EventCoder, ControlVerbTargetsTheObject) {
  EXPECT_TRUE(has(events("The United Nations urged Israel to show restraint."), "IGOUNO>ISR:02"));
}

TEST(EventCoder, NegatedEventsAreNotAsserted) {
  const V v = events("Russia did not attack Ukraine.", true);
  EXPECT_TRUE(has(v, "RUS>UKR:19!neg"));
  EXPECT_TRUE(events("Russia did not attack Ukraine.").empty());
  EXPECT_FALSE(has(events("China refused to meet Japan."), "CHN>JPN:04"));
}

TEST(EventCoder, ConditionalsAndQuestionsAreHypothetical) {
  EXPECT_TRUE(events("If Iran attacks, Israel would strike Iran.").empty() ||
              !has(events("If Iran attacks, Israel would strike Iran."), "ISR>IRN:19"));
  EXPECT_TRUE(events("Will Russia attack Ukraine?").empty());
}

TEST(EventCoder, StatementTargetsTheActorItIsAbout) {
  EXPECT_TRUE(has(events("Russia said Ukraine was preparing an offensive."), "RUS>UKR:01"));
}

TEST(EventCoder, StatementAboutNoOtherActorIsNoEvent) {
  EXPECT_TRUE(events("Russia said the weather was cold.").empty());
}

TEST(EventCoder, ASpeakerOpeningASecondClauseSpeaksAboutWhatFollows) {
  const V v = events("Washington said Moscow backed the plan, but China's ambassador said he was unaware of it.");
  EXPECT_TRUE(has(v, "USA>RUS:01"));
  EXPECT_FALSE(has(v, "CHN>USA:01"));
  EXPECT_FALSE(has(v, "CHN>RUS:01"));
  // an attribution after the content still speaks about it
  EXPECT_TRUE(has(events("Ukraine was preparing an offensive, Russian officials said."), "RUS>UKR:01"));
}

TEST(EventCoder, AParticipleAfterItsNounIsAReducedPassive) {
  // the soldiers are the victims, not the killers; no agent, no event
  EXPECT_TRUE(events("There were 10 Russian soldiers killed in Ukraine today.").empty());
  EXPECT_TRUE(has(events("Five Russian soldiers killed by Ukrainian drones were buried on Monday."), "UKR>RUS:18"));
}

TEST(EventCoder, AnAdjectivalParticipleIsAState) {
  EXPECT_TRUE(events("UN troops moved to the Israeli-occupied sector of the Golan.").empty());
}

TEST(EventCoder, PlacesWithACompassWordAreLocations) {
  EXPECT_TRUE(events("Russia said the weather was cold in eastern Ukraine.").empty());
  EXPECT_TRUE(has(events("Russian forces shelled villages in eastern Ukraine."), "RUS>UKR:19"));
  EXPECT_TRUE(has(events("US forces struck a target southwest of Baghdad."), "USA>IRQ:19"));
}

TEST(EventCoder, NewsOutletsThatReportAreNotSources) {
  for (const auto& e : events("Iranian state media said Israel was responsible.")) EXPECT_NE(e.substr(0, 4), "IRN>");
}

TEST(EventCoder, NominalTriggerWithPossessor) {
  EXPECT_TRUE(has(events("Russia's invasion of Ukraine began in 2022."), "RUS>UKR:19"));
}

TEST(EventCoder, BareBackReferenceIsNoEvent) {
  EXPECT_TRUE(events("After the attack, the market closed.").empty());
}

TEST(EventCoder, OneCountrysActorsInDistinctRolesAreTwoSides) {
  // COLGOV and COLREB agree with each other; a country alone has no role to tell apart
  const V v = events("Colombia's government and the ELN rebels agreed to a ceasefire.");
  EXPECT_EQ(std::count(v.begin(), v.end(), "COL>COL:08"), 2);
}

TEST(EventCoder, AnInfinitiveAfterACausingVerbHappened) {
  EXPECT_TRUE(has(events("The bombing forced Germany to expel Russian diplomats."), "DEU>RUS:16"));
  EXPECT_TRUE(has(events("Germany wants to expel Russian diplomats.", true), "DEU>RUS:16!hyp"));
}

TEST(EventCoder, ADescriptionStandingForBothActsOnEachOther) {
  const V v = events("Russia and the United States held talks. The two countries have expelled diplomats.");
  EXPECT_TRUE(has(v, "RUS>USA:16"));
  EXPECT_TRUE(has(v, "USA>RUS:16"));
  // named partners in an attack do not attack each other
  EXPECT_FALSE(has(events("The United States and Britain launched strikes."), "USA>GBR:19"));
}

TEST(EventCoder, ADefiniteActOfForceReferringBackHasItsActors) {
  const V v = events("An Israeli air strike killed members of a Palestinian family. The strike occurred after midnight.");
  EXPECT_EQ(std::count(v.begin(), v.end(), "ISR>PSE:19"), 2);
  // only a subject tells of the act again; a demand referred to reports nothing new
  EXPECT_EQ(events("Russia attacked Ukraine. After the attack, the market closed.").size(), 1u);
  EXPECT_EQ(events("The UN demanded that Iran stop. The demand is interference.").size(),
            events("The UN demanded that Iran stop.").size());
}

TEST(EventCoder, ARelativeClausesMembersAreListedAfterInclude) {
  const V v = events("The UN Security Council held a meeting on Syria. "
                     "Countries that took part in the meeting included China, France and Germany.");
  EXPECT_TRUE(has(v, "CHN>IGOUNO:04"));
  EXPECT_TRUE(has(v, "FRA>IGOUNO:04"));
  EXPECT_TRUE(has(v, "DEU>IGOUNO:04"));
  EXPECT_FALSE(has(v, "CHN>FRA:04"));  // fellow participants are not each other's targets
}

TEST(EventCoder, ARememberedActIsWhatAStatementOrAnObjectIsAbout) {
  const std::string before = "An Israeli missile strike hit the consulate in Damascus. ";
  EXPECT_TRUE(has(events(before + "The Syrian foreign minister condemned the attack."), "SYR>ISR:11"));
  EXPECT_TRUE(has(events(before + "A Syrian official said the strike killed two guards."), "SYR>ISR:01"));
  // without an act to refer to, the same words have no target
  EXPECT_FALSE(has(events("The Syrian foreign minister condemned the attack."), "SYR>ISR:11"));
}

TEST(EventCoder, ACooperativeActInACertainFutureIsAnIntent) {
  EXPECT_TRUE(has(events("Iran will release the British sailors next week."), "IRN>GBR:03"));
  EXPECT_TRUE(has(events("Medinsky said Russia would release the Ukrainian prisoners."), "RUS>UKR:03"));
  // refusing it is a rejection; a rejection needs someone rejected
  EXPECT_TRUE(has(events("The Kremlin said Putin would not meet Zelensky."), "RUS>UKR:12"));
  // a condition keeps it hypothetical; conflict in the future is coded as the act
  EXPECT_TRUE(has(events("Iran will release the British sailors if London apologises.", true), "IRN>GBR:08!hyp"));
  EXPECT_TRUE(has(events("China will impose tariffs on the United States."), "CHN>USA:16"));
}

TEST(EventCoder, ADemandIsAddressedToWhoeverAnswersIt) {
  EXPECT_TRUE(has(events("The Taliban rejected the UN's demand to reopen schools."), "IGOUNO>AFG:10"));
  EXPECT_TRUE(has(events("Iran rejected the American demand for new talks."), "USA>IRN:10"));
}

TEST(EventCoder, AnEventNounTakingPlaceIsTheEventReportedBefore) {
  const V v = events("Russia and Ukraine held talks with each other in Istanbul. The talks were held over two days.");
  EXPECT_EQ(std::count(v.begin(), v.end(), "RUS>UKR:04"), 2);
  // taking effect is no new event
  EXPECT_EQ(events("Colombia and the ELN rebels agreed to a ceasefire. The ceasefire takes effect in August.").size(),
            events("Colombia and the ELN rebels agreed to a ceasefire.").size());
}

TEST(EventCoder, FailedAsAnAdjectiveDeniesNothing) {
  EXPECT_TRUE(has(events("The ELN rebels took part in failed negotiations with the government of Colombia."), "COL>COL:04"));
}

TEST(EventCoder, AnAdjectivePredicateCanBeATrigger) {
  EXPECT_TRUE(has(events("Zelensky said he is open to a face-to-face meeting with Putin."), "UKR>RUS:03"));
  EXPECT_TRUE(has(events("Russia is ready to negotiate with Ukraine."), "RUS>UKR:03"));
  EXPECT_TRUE(events("The ready meals reached Kyiv.").empty());
}

TEST(EventCoder, AMediatorsCounterpartsAreThePartiesItBringsTogether) {
  const V v = events("The meeting between Guyana and Venezuela followed mediation efforts by the Caribbean Community.");
  EXPECT_TRUE(has(v, "IGOCRB>GUY:04"));
  EXPECT_TRUE(has(v, "IGOCRB>VEN:04"));
  const V w = events("Russia and Ukraine held talks in Istanbul. Turkey's foreign minister, who chaired the talks, said they went well.");
  EXPECT_TRUE(has(w, "TUR>RUS:04"));
  EXPECT_TRUE(has(w, "TUR>UKR:04"));
}

TEST(EventCoder, AStatementReportingAnActOfForceIsAStatementToo) {
  const V v = events("The Israeli military said its forces had struck Hamas targets in Gaza.");
  EXPECT_TRUE(has(v, "ISR>PSE:01"));
  EXPECT_TRUE(has(v, "ISR>PSE:19"));
  // a verbal act of the speaker is the statement itself
  EXPECT_FALSE(has(events("Zelensky said he is open to a meeting with Putin."), "UKR>RUS:01"));
}

TEST(EventCoder, APassivesSubjectCanBeThePatternsObject) {
  EXPECT_TRUE(has(events("Talks with the ELN rebels were called off by the government of Colombia."), "COL>COL:16"));
  EXPECT_TRUE(has(events("Sanctions were imposed on Russia by the European Union."), "IGOEU>RUS:16"));
}

TEST(EventCoder, ForceWithNoTargetContinuesTheActorsLastActOfForce) {
  const V v = events("The United States struck Houthi targets in Yemen. American fighter jets hit 18 sites overnight.");
  EXPECT_EQ(std::count(v.begin(), v.end(), "USA>YEM:19"), 2);
  // not another actor's
  EXPECT_FALSE(has(events("The United States struck Houthi targets in Yemen. British jets hit 18 sites."), "GBR>YEM:19"));
}

TEST(EventCoder, ASanctionWithNoTargetContinuesTheActorsLastSanction) {
  const V v = events("China imposed tariffs on the United States. Beijing said the move was needed. "
                     "Its officials spoke of bullying. Trade fell. China also rolled out export controls on rare earths.");
  EXPECT_EQ(std::count(v.begin(), v.end(), "CHN>USA:16"), 2);
}

TEST(EventCoder, WhatAProposalPutsForwardIsTheProposersIntent) {
  EXPECT_EQ(events("The talks follow a proposal by Putin on Sunday to resume negotiations with Ukraine."),
            V{"RUS>UKR:03"});
  // a plan is no proposal: it stays hypothetical
  EXPECT_TRUE(events("The talks follow a plan by Putin to resume negotiations with Ukraine.").empty());
}

TEST(EventCoder, ASpeakersWordsAboutNoActorAreAboutTheArticlesCounterpart) {
  const V v = events("Colombia's government held talks with the ELN rebels in Havana. "
                     "\"We have not yet signed substantial agreements,\" President Gustavo Petro said.");
  EXPECT_TRUE(has(v, "COL>COL:01"));
  // nobody to be about: no statement
  EXPECT_TRUE(events("\"The weather is fine,\" President Gustavo Petro said.").empty());
  // a civilian witness speaks for no side
  EXPECT_FALSE(has(events("Israel struck a house in Gaza. \"It was terrible,\" a Palestinian resident said."),
                   "PSE>ISR:01"));
}

TEST(EventCoder, WhatAnEventWasWithoutIsNotItsTarget) {
  EXPECT_FALSE(has(events("The UN committee's meeting ended without recognition of the Taliban government."),
                   "IGOUNO>AFG:04"));
}

TEST(EventCoder, AnAccusedActIsAllegedNotReported) {
  EXPECT_EQ(events("New Delhi accuses Islamabad of supporting terrorism."), V{"IND>PAK:11"});
  EXPECT_EQ(events("Washington blamed Tehran for backing the militias."), V{"USA>IRN:11"});
}

TEST(EventCoder, WhatAnAllegationAllegesIsNotReported) {
  EXPECT_TRUE(events("The report alleged that Russian troops attacked Ukrainian civilians.").empty());
  EXPECT_TRUE(has(events("The report alleged that Russian troops attacked Ukrainian civilians.", true), "RUS>UKR:19!hyp"));
}

TEST(EventCoder, WhoTakesPartInAnEventIsItsSource) {
  EXPECT_TRUE(has(events("The ELN has taken part in failed negotiations with Colombia's last five governments."),
                  "COL>COL:04"));
  EXPECT_TRUE(has(events("Hungary participated in talks with Serbia."), "HUN>SRB:04"));
}

TEST(EventCoder, AnActorOutsideTheObjectIsNoTarget) {
  // the Palestinians are not attacked, and Gaza is where they are, not where the attacks are
  EXPECT_EQ(events("Yemen's Houthis continue to attack shipping lanes in solidarity with Palestinians in Gaza."),
            V{"YEM>---:19"});
  EXPECT_TRUE(has(events("Russian troops attacked the Ukrainian city of Kharkiv."), "RUS>UKR:19"));
}

TEST(EventCoder, AStatementWhoseContentJudgesIsACriticism) {
  EXPECT_TRUE(has(events("China's commerce ministry said the US tariffs seriously violate WTO rules."), "CHN>USA:11"));
  EXPECT_TRUE(has(events("China's commerce ministry said the US tariffs take effect on Monday."), "CHN>USA:01"));
}

TEST(EventCoder, AFutureUnderIfOrWhetherIsNoIntent) {
  EXPECT_TRUE(has(events("Trump will meet Putin next week."), "USA>RUS:03"));
  EXPECT_TRUE(events("Reporters asked whether Trump will meet Putin next week.").empty());
  EXPECT_TRUE(has(events("Reporters asked whether Trump will meet Putin next week.", true), "USA>RUS:04!hyp"));
}

TEST(EventCoder, AStrikeThatKilledIsOneAct) {
  EXPECT_EQ(events("An Israeli air strike killed 15 members of a Palestinian family."), V{"ISR>PSE:19"});
  // the strike's target, not the place of the hit
  EXPECT_EQ(events("An Israeli missile strike hit the Iranian consulate in Damascus."), V{"ISR>IRN:19"});
  // an act of another kind of force by the same source stays
  EXPECT_TRUE(has(events("Russian troops shelled the town and killed five Ukrainian civilians."), "RUS>UKR:18"));
}

TEST(EventCoder, AMeetingNounWithNoCounterpartIsNoEvent) {
  EXPECT_TRUE(events("The UN committee's meeting wrapped up on Tuesday.").empty());
  EXPECT_TRUE(has(events("Russia's talks with Ukraine ended on Tuesday."), "RUS>UKR:04"));
}

TEST(EventCoder, AWordInsideALongerNominalPatternIsNoEventOfItsOwn) {
  EXPECT_EQ(events("The trade war between the United States and China escalated."), (V{"CHN>USA:16", "USA>CHN:16"}));
  // an event noun in a verb pattern's object is still one: the UN demanded, the Taliban rejected
  EXPECT_TRUE(has(events("The Taliban rejected the UN's demand to reopen schools."), "IGOUNO>AFG:10"));
}

TEST(EventCoder, ASupportVerbsSubjectIsTheSourceOfItsEventNoun) {
  EXPECT_TRUE(has(events("China imposed retaliatory measures against the United States."), "CHN>USA:16"));
  EXPECT_TRUE(has(events("The Russian army launched a new offensive against Ukraine."), "RUS>UKR:19"));
}

TEST(EventCoder, EveryEventCitesItsRule) {
  Document d;
  d.id = "t";
  d.text = "Russia attacked Ukraine.";
  DocumentCoder(&test::resources()).code(d);
  ASSERT_FALSE(d.sentences.at(0).events.empty());
  EXPECT_EQ(d.sentences[0].events[0].rule.rfind("verbs.tsv:", 0), 0u);
}

TEST(EventCoder, AStatementAcknowledgingAnActOfForceIsAStatementToo) {
  const V v = events("Indian and Pakistani troops exchanged fire overnight. "
                     "Both sides acknowledged an exchange of fire between their forces.");
  EXPECT_TRUE(has(v, "IND>PAK:01"));
  EXPECT_TRUE(has(v, "PAK>IND:01"));
  EXPECT_EQ(std::count(v.begin(), v.end(), "IND>PAK:19"), 2);
}

TEST(EventCoder, AnEventNounRefersBackToTheSameNounFirst) {
  // "the strike" is the air strike on the family, not the army's later act of force
  const V v = role_events("An Israeli air strike killed members of a Palestinian family. "
                          "The Israeli military said its forces targeted Hamas militants in Gaza. "
                          "A witness said the strike occurred after midnight.");
  EXPECT_EQ(std::count(v.begin(), v.end(), "ISR>PSECVL:19"), 2);
}

TEST(EventCoder, ADenialIsAimedAtTheAccuser) {
  const V v = role_events("New Delhi accuses Islamabad of supporting terrorism after gunmen killed 26 civilians. "
                          "Islamabad has denied any involvement, calling efforts to tie Pakistan to the attack frivolous.");
  EXPECT_TRUE(has(v, "PAKGOV>INDGOV:11"));
  EXPECT_FALSE(has(v, "PAKGOV>INDREB:11"));
}

}  // namespace
}  // namespace dyad
