// The where-and-when stage, run after event coding: every event gets its date
// (DateResolver) and location (LocationResolver). It reads the parsed sentences,
// mentions and events and writes only Event::date, date_resolution and location.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "dyad/context/date_resolver.h"
#include "dyad/context/gazetteer.h"
#include "dyad/context/location_resolver.h"
#include "dyad/core/document.h"
#include "dyad/text/tokenizer.h"

namespace dyad {

class EventContext {
 public:
  // data/context/dates.tsv, data/geo/*.tsv, data/actors/countries.tsv and libgeonames.
  // Throws std::runtime_error naming file:line.
  static std::unique_ptr<EventContext> load(const std::string& data_dir, const Tokenizer& tokenizer,
                                            bool with_geonames = true);
  static std::vector<std::string> check(const std::string& data_dir, const Tokenizer& tokenizer);

  EventContext(const EventContext&) = delete;
  EventContext& operator=(const EventContext&) = delete;

  void annotate(Document& doc) const;

  const Gazetteer& gazetteer() const { return gazetteer_; }
  const DateResolver& dates() const { return dates_; }
  const LocationResolver& locations() const { return locations_; }

 private:
  EventContext(Gazetteer g, DateResolver d) : gazetteer_(std::move(g)), dates_(std::move(d)), locations_(&gazetteer_) {}
  Gazetteer gazetteer_;
  DateResolver dates_;
  LocationResolver locations_;
};

}  // namespace dyad
