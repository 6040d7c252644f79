#include "dyad/context/location_resolver.h"

#include <gtest/gtest.h>

#include "context/context_fixture.h"

namespace dyad {
namespace {

using test::annotated;

const Gazetteer& gazetteer() { return test::resources().context->gazetteer(); }

const Place* best(const std::string& name) {
  const auto toks = test::resources().tokenizer->tokenize(name);
  const auto* ids = gazetteer().find(toks, 0, toks.size());
  return ids ? &gazetteer().place(ids->front()) : nullptr;
}

TEST(Gazetteer, CitiesFromLibgeonamesWithAlpha3Countries) {
  const Place* p = best("Tianjin");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->kind, "city");
  EXPECT_EQ(p->country, "CHN");
  EXPECT_EQ(p->where, "geonames");
  EXPECT_FALSE(p->admin1.empty());
  EXPECT_NEAR(p->lat, 39.1, 0.5);
  EXPECT_NEAR(p->lon, 117.2, 0.5);
  ASSERT_NE(best("Goma"), nullptr);
  EXPECT_EQ(best("Goma")->country, "COD");
  EXPECT_GT(gazetteer().size(), 20000u);
}

TEST(Gazetteer, AmbiguousNamesTakeTheMorePopulousPlace) {
  EXPECT_EQ(best("Paris")->country, "FRA");      // not Paris, Texas
  EXPECT_EQ(best("Odessa")->country, "UKR");     // not Odessa, Texas
  EXPECT_EQ(best("Damascus")->country, "SYR");   // not Damascus, Maryland
  EXPECT_EQ(best("Georgetown")->country, "GUY");
  EXPECT_EQ(best("Washington")->country, "USA"); // regions.tsv: the capital, not Washington, England
}

TEST(Gazetteer, CountriesSeasAndRegions) {
  const Place* p = best("Ukraine");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->kind, "country");
  EXPECT_EQ(p->country, "UKR");
  EXPECT_TRUE(p->has_coordinates);
  EXPECT_EQ(best("Mexico")->country, "MEX");  // the country, not the town in the Philippines
  p = best("Red Sea");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->kind, "sea");
  EXPECT_EQ(p->country, "");
  EXPECT_EQ(best("Gaza Strip")->country, "PSE");
  EXPECT_EQ(best("Crimea")->country, "UKR");
}

TEST(Gazetteer, DataFilesCheck) {
  for (const auto& p : Gazetteer::check(test::data_dir(), *test::resources().tokenizer)) ADD_FAILURE() << p;
}

TEST(LocationResolver, LocativePhraseWithACity) {
  const Event e = annotated("Chinese and Russian officials held talks in Tianjin on Tuesday.", "held");
  ASSERT_TRUE(e.location);
  EXPECT_EQ(e.location->name, "Tianjin");
  EXPECT_EQ(e.location->country, "CHN");
  EXPECT_EQ(e.location->kind, "city");
  EXPECT_TRUE(e.location->has_coordinates);
}

TEST(LocationResolver, NearACityAndInASea) {
  Event e = annotated("Rebels clashed with government troops near Goma.", "clashed");
  ASSERT_TRUE(e.location);
  EXPECT_EQ(e.location->country, "COD");
  e = annotated("Houthi rebels attacked a cargo ship in the Red Sea.", "attacked");
  ASSERT_TRUE(e.location);
  EXPECT_EQ(e.location->name, "Red Sea");
  EXPECT_EQ(e.location->kind, "sea");
  EXPECT_EQ(e.location->country, "");
}

TEST(LocationResolver, CountryInALocativePhrase) {
  const Event e = annotated("Russian forces attacked Ukrainian positions in Ukraine.", "attacked");
  ASSERT_TRUE(e.location);
  EXPECT_EQ(e.location->country, "UKR");
  EXPECT_EQ(e.location->kind, "country");
}

TEST(LocationResolver, CapitalAsActorIsNoLocation) {
  Event e = annotated("Beijing criticized the new tariffs.", "criticized");
  EXPECT_FALSE(e.location);
  e = annotated("Iran and Saudi Arabia agreed to restore relations.", "agreed");
  EXPECT_FALSE(e.location);
  e = annotated("The two ministers held talks in Beijing.", "held");
  ASSERT_TRUE(e.location);
  EXPECT_EQ(e.location->country, "CHN");
}

TEST(LocationResolver, NoPlaceGivesNull) {
  EXPECT_FALSE(annotated("The minister criticized the decision.", "criticized").location);
}

TEST(LocationResolver, PossessorAndModifierAreNotThePlace) {
  Event e = annotated("Delegations of Russia and Ukraine met in Turkey's Istanbul on Friday.", "met");
  ASSERT_TRUE(e.location);
  EXPECT_EQ(e.location->name, "Istanbul");
  e = annotated("The Houthis targeted a US-flagged tanker in the Gulf of Aden.", "targeted");
  ASSERT_TRUE(e.location);
  EXPECT_EQ(e.location->name, "Gulf of Aden");
}

TEST(LocationResolver, DatelineIsTheFallbackForItsCountry) {
  Document d = test::prepared(
      "QUITO, Ecuador (AP) — Mexico broke off diplomatic ties with Ecuador. China criticized the United States.",
      "2024-04-06");
  ASSERT_EQ(d.sentences.size(), 2u);
  test::add_event(d, "broke", 0);
  test::add_event(d, "criticized", 1);
  // Actors as the event coder would set them: the mentions of each sentence.
  auto set_actors = [](Sentence& s) {
    if (s.mentions.size() >= 2) {
      s.events[0].source = 0;
      s.events[0].target = static_cast<int32_t>(s.mentions.size() - 1);
    }
  };
  set_actors(d.sentences[0]);
  set_actors(d.sentences[1]);
  test::resources().context->annotate(d);
  const auto& first = d.sentences[0].events[0];
  ASSERT_TRUE(first.location);
  EXPECT_EQ(first.location->name, "Quito");
  EXPECT_EQ(first.location->country, "ECU");
  EXPECT_FALSE(d.sentences[1].events[0].location);  // China and the US: not Ecuador's
}

}  // namespace
}  // namespace dyad
