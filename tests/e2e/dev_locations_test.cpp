// The bar for locations: on the dev set, every event whose sentence names a
// city or country for something (a place in a locative phrase: "in Damascus", "near
// Goma", "in Turkey's Istanbul"; or a city, region or sea that is no actor) has a
// location in the right country, one of the countries of the places so named. Names
// used as actors ("Iran agreed", "Beijing said") and the dateline don't count. The
// test lists the misses: the work list for the location resolver.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "dev_set.h"
#include "dyad/pipeline/document_coder.h"
#include "dyad/text/normalizer.h"
#include "test_support.h"

namespace dyad {
namespace {

// Countries of the places a sentence names (the name for a sea or other place outside
// countries), found by word order alone, not by the parse the resolver uses:
// "in/near/at... (the) PLACE", or a city, region or sea that is no actor.
std::set<std::string> named_countries(const Sentence& s, const Gazetteer& g, uint32_t skip_before) {
  std::set<std::string> out;
  const auto& t = s.tokens;
  for (size_t i = 0; i < t.size(); ++i) {
    if (t[i].span.begin < skip_before) continue;
    const auto m = g.longest_match(t, i);
    if (m.length == 0) continue;
    const size_t last = i + m.length - 1;
    const Place& p = g.place(m.places->front());
    bool actor = false, other = false;
    for (const auto& mention : s.mentions)
      if (mention.first <= last && mention.last >= i) {
        (mention.entry.rfind("countries.tsv", 0) == 0 ? actor : other) = true;
      }
    const bool modifier = !t[last].space_after && last + 1 < t.size() && t[last + 1].form == "-";
    size_t b = i;
    if (b >= 2 && t[b - 1].form == "'s") b -= 2;
    if (b > 0 && fold_case(t[b - 1].form) == "the") --b;
    const bool locative = b > 0 && g.is_locative(fold_case(t[b - 1].form));
    if (!other && !modifier && (locative || !actor)) out.insert(p.country.empty() ? p.name : p.country);
    i = last;
  }
  return out;
}

TEST(DevLocations, EventsInSentencesNamingAPlaceHaveItsCountry) {
  const std::string dir = test::dev_set_dir();
  if (!std::filesystem::exists(dir + "/articles.jsonl")) GTEST_SKIP() << "no shared dev set";
  const Resources& r = test::resources();
  ASSERT_TRUE(r.context);
  const DocumentCoder coder(&r);
  size_t checked = 0, misses = 0, located = 0, events = 0;
  test::for_each_coded_article(dir + "/articles.jsonl", coder, [&](const Document& d) {
    const uint32_t dateline_end = r.context->locations().dateline(d).end;
    for (const auto& s : d.sentences) {
      if (s.events.empty()) continue;
      const auto named = named_countries(s, r.context->gazetteer(), s.span.begin < dateline_end ? dateline_end : 0);
      for (const auto& e : s.events) {
        ++events;
        located += e.location.has_value();
        // Only sentences that name a city or country (a place in a country) are checked;
        // a sea or cross-border region named there is a right answer too.
        if (std::none_of(named.begin(), named.end(), [](const std::string& k) { return k.size() == 3; })) continue;
        ++checked;
        if (e.location && named.count(e.location->country.empty() ? e.location->name : e.location->country)) continue;
        ++misses;
        std::string want;
        for (const auto& c : named) want += (want.empty() ? "" : "|") + c;
        std::cout << "  miss: " << d.id << " '" << s.tokens[e.trigger_first].form << "' located "
                  << (e.location ? e.location->name + " " + e.location->country : std::string("nowhere")) << ", named "
                  << want << ": " << d.text.substr(s.span.begin, std::min<uint32_t>(s.span.size(), 110)) << "\n";
      }
    }
  });
  std::cout << "dev locations: " << checked - misses << "/" << checked
            << " events whose sentence names a place have a location in its country; " << located << "/" << events
            << " events located\n";
  EXPECT_GT(checked, 30u);
  EXPECT_LE(misses, 3u) << "events whose sentence names a place, located elsewhere or nowhere";
}

}  // namespace
}  // namespace dyad
