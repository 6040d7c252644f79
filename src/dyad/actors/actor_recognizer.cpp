#include "dyad/actors/actor_recognizer.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <cctype>
#include <unordered_set>

#include "dyad/actors/actor_code.h"
#include "dyad/text/normalizer.h"

namespace dyad {
namespace {

struct RawMatch {
  uint32_t first, last;
  ActorType type;
  std::string code;
  std::string where;
};

bool starts_upper(const std::string& f) {
  return !f.empty() && (std::isupper(static_cast<unsigned char>(f[0])) ||
                        static_cast<unsigned char>(f[0]) >= 0xC3);
}
bool is_alpha_word(const std::string& f) {
  return !f.empty() && std::all_of(f.begin(), f.end(), [](char c) {
    return std::isalpha(static_cast<unsigned char>(c)) || c == '.' || static_cast<unsigned char>(c) >= 0x80;
  });
}

// Words that may stand between a country word and its role noun
// ("Iranian state media", "Syria's top diplomat") but never in a name.
bool is_stop_word(const std::string& low) {
  static const std::unordered_set<std::string> kStop = {
      "and", "or", "but", "the", "a", "an", "of", "in", "on", "at", "to", "for", "with", "by", "from",
      "that", "which", "who", "whom", "said", "says", "say", "is", "are", "was", "were", "be", "been",
      "has", "have", "had", "will", "would", "not", "as", "after", "before", "its", "their", "his",
      "her", "this", "these", "those", "than", "into", "over", "against", "between", "while", "when",
      "it", "they", "he", "she", "we", "i", "you", "also", "did", "do", "does", "can", "could",
      "may", "might", "should", "must", "if", "because", "about", "amid", "since", "during"};
  return kStop.count(low) > 0;
}

// "Iran-backed militia", "Russian-made drones": the country only describes the thing,
// which is not the country's. (What a country owns, flies its flag or leads -- "a
// US-flagged tanker", "the Saudi-led coalition", "Russian-held territory" -- is its.)
bool is_modifier_suffix(const std::string& low) {
  static const std::unordered_set<std::string> kSuffix = {
      "backed", "aligned", "allied", "based", "funded", "supported", "sponsored",
      "linked", "affiliated", "made", "built", "born", "inspired", "trained", "armed"};
  return kSuffix.count(low) > 0;
}


// Verbs of saying and thinking whose complement clause may have the speaker as its
// pronoun subject ("Israel announced it would free prisoners"). Lemmas; the surface
// forms are derived below when the sentence has no lemmas.
bool is_speech_lemma(const std::string& lemma) {
  static const std::unordered_set<std::string> kSpeech = {
      "say", "tell", "state", "add", "note", "announce", "declare", "stress", "emphasize", "emphasise",
      "reiterate", "insist", "assert", "explain", "argue", "confirm", "affirm", "acknowledge", "admit",
      "indicate", "suggest", "claim", "maintain", "warn", "vow", "pledge", "promise", "threaten",
      "signal", "hint", "deny", "reply", "respond", "write", "tweet", "report", "believe", "think",
      "hope", "fear", "expect", "feel", "know", "agree", "decide", "reveal", "disclose", "predict",
      "repeat", "underline", "underscore", "contend", "complain", "allege", "estimate", "recall",
      "comment", "observe", "remark", "proclaim", "assure", "concede", "accept", "realize", "realise"};
  return kSpeech.count(lemma) > 0;
}
bool is_speech_verb(const Token& t, const std::string& low) {
  if (!t.lemma.empty() && t.upos != "NOUN" && t.upos != "PROPN") return is_speech_lemma(t.lemma);
  static const std::unordered_set<std::string> kIrregular = {"said", "told", "thought", "felt", "knew",
                                                             "wrote", "written"};
  if (kIrregular.count(low) || is_speech_lemma(low)) return true;
  auto strip = [&](size_t k) { return low.size() > k ? low.substr(0, low.size() - k) : std::string(); };
  if (low.size() > 3 && low.back() == 's' && is_speech_lemma(strip(1))) return true;   // says, warns
  if (low.size() > 4 && low.compare(low.size() - 2, 2, "ed") == 0 &&
      (is_speech_lemma(strip(2)) || is_speech_lemma(strip(1))))                     // warned, announced
    return true;
  if (low.size() > 4 && low.compare(low.size() - 3, 3, "ied") == 0 && is_speech_lemma(strip(3) + "y"))
    return true;                                                                    // denied, replied
  return false;
}

// Body nouns: a role mention headed by one of these is an institution ("the army said
// it"), not a person ("the minister said he").
bool is_body_noun(const std::string& low) {
  static const std::unordered_set<std::string> kBody = {
      "ministry", "government", "administration", "army", "military", "navy", "presidency", "office",
      "council", "parliament", "police", "media", "court", "cabinet", "embassy", "consulate",
      "regime", "junta", "agency", "service", "committee", "command", "leadership", "delegation",
      "mission", "force", "forces", "group", "movement", "party", "legislature", "senate", "congress",
      "assembly", "judiciary", "tribunal", "authority", "authorities", "company", "firm", "bank",
      "intelligence", "opposition", "broadcaster", "television", "tv", "newspaper", "secretariat"};
  return kBody.count(low) > 0;
}

// Does a mention's last word look plural ("troops", "authorities")? Not the few nouns
// that end in -s in the singular: "the Mexican diplomatic headquarters" is an "it".
bool is_plural_form(const std::string& low) {
  static const std::unordered_set<std::string> kSingular = {"headquarters", "news", "series"};
  return !low.empty() && low.back() == 's' && !kSingular.count(low);
}

// Plural nouns that, after "two"/"both", stand for a pair of countries named before:
// "the two countries", "both sides", "the two leaders".
bool is_pair_noun(const std::string& low) {
  static const std::unordered_set<std::string> kPair = {"countries", "sides",  "nations", "neighbours", "neighbors",
                                                        "governments", "leaders", "men", "states"};
  return kPair.count(low) > 0;
}

// Which two countries "the two countries" means: two named earlier in this sentence
// (`here`); else the last pair the article named together ("India and Pakistan", or a
// pair resolved before) when it is that recent or the last sentence named both; else
// two named in the last sentence; else an older pair named together; else the two most
// salient of the article (most mentioned, then most recent). A third country named last
// ("... independence from Britain") is no part of the pair under discussion.
void pick_pair(const Coreference& coref, const std::vector<Coreference::Antecedent>& here,
               std::vector<const Coreference::Antecedent*>& pair) {
  auto add_distinct = [&](const Coreference::Antecedent* a) {
    if (actor_role(a->code) == "MED") return;  // "quoted by the state-run agency": it reports, takes no side
    for (auto* p : pair)
      if (actor_country(p->code) == actor_country(a->code)) return;
    pair.push_back(a);
  };
  for (const auto& a : here) add_distinct(&a);
  if (pair.size() >= 2) {
    pair.resize(2);
    return;
  }
  pair.clear();
  const size_t now = coref.sentences;
  auto named_last_sentence = [&](const std::string& country) {
    for (auto it = coref.history.rbegin(); it != coref.history.rend() && it->sentence + 1 == now; ++it)
      if (!it->place && actor_country(it->code) == country) return true;
    return false;
  };
  const bool together = coref.together.size() == 2;
  constexpr size_t kTogetherWindow = 5;
  if (together && (coref.together[0].sentence + 1 >= now ||
                   (named_last_sentence(actor_country(coref.together[0].code)) &&
                    named_last_sentence(actor_country(coref.together[1].code))))) {
    pair = {&coref.together[0], &coref.together[1]};
    return;
  }
  for (auto it = coref.history.rbegin(); it != coref.history.rend() && it->sentence + 1 == now; ++it)
    if (!it->place) add_distinct(&*it);
  if (pair.size() >= 2) {
    pair.resize(2);
    return;
  }
  pair.clear();
  if (together && coref.together[0].sentence + kTogetherWindow >= now) {
    pair = {&coref.together[0], &coref.together[1]};
    return;
  }
  std::map<std::string, std::pair<double, const Coreference::Antecedent*>> salience;
  double weight = 1.0;
  for (auto it = coref.history.rbegin(); it != coref.history.rend(); ++it, weight *= 0.97) {
    if (it->place) continue;
    auto& slot = salience[actor_country(it->code)];
    if (!slot.second) slot.second = &*it;
    slot.first += weight;
  }
  std::vector<std::pair<double, const Coreference::Antecedent*>> ranked;
  for (const auto& kv : salience) ranked.push_back(kv.second);
  std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  for (size_t k = 0; k < ranked.size() && k < 2; ++k) pair.push_back(ranked[k].second);
}

// The role a pair description gives its two countries. "The two leaders", "the two
// men", "the two governments" are their governments. "Both sides" are the parties to
// talks -- their governments -- when the article has named either government;
// otherwise, say after two armies exchanged fire, the countries as such, since the
// description states no role (CONVENTIONS: prefer the plain country code).
std::string pair_role(const Coreference& coref, const std::string& noun,
                      const std::vector<const Coreference::Antecedent*>& pair) {
  if (noun == "leaders" || noun == "men" || noun == "governments") return "GOV";
  if (noun != "sides") return "";
  auto government = [&](const std::string& code) {
    for (auto* p : pair)
      if (actor_role(code) == "GOV" && actor_country(code) == actor_country(p->code)) return true;
    return false;
  };
  for (auto* p : pair)
    if (government(p->code)) return "GOV";
  for (const auto& a : coref.history)
    if (government(a.code)) return "GOV";
  return "";
}

// "the Kenyans landed" after "police officers from Kenya landed": a nationality in the
// plural, with the article, stands for the country's armed or police force when that is
// what the article last named of the country with a role in the recent sentences (not
// after "Kenyan President Ruto": then it is the nation).
std::string force_role(const Coreference& coref, const std::string& country) {
  constexpr size_t kWindow = 8;
  for (auto it = coref.history.rbegin(); it != coref.history.rend(); ++it) {
    if (coref.sentences - it->sentence > kWindow) break;
    if (actor_country(it->code) != country || actor_role(it->code).empty()) continue;
    const std::string role = actor_role(it->code);
    return role == "MIL" || role == "COP" ? role : "";
  }
  return "";
}

// A role noun that owns a following pair description: "the leaders of the two countries".
struct PairOwner {
  uint32_t first = UINT32_MAX;  // where the role noun's phrase starts
  std::string role;
};

std::string home_country(const Coreference& coref, const std::vector<Mention>& here) {
  std::map<std::string, int> count;
  for (const auto& a : coref.history) count[actor_country(a.code)]++;
  for (const auto& m : here) count[m.country]++;
  if (!coref.dateline_country.empty() && count.count(coref.dateline_country)) return coref.dateline_country;
  std::string best;
  int most = 2;  // named at least three times
  for (const auto& [country, k] : count)
    if (k > most && country.size() == 3) {
      best = country;
      most = k;
    }
  return best;
}

}  // namespace

void ActorRecognizer::recognize(std::string_view text, Sentence& s, const std::string& date,
                                Coreference& coref) const {
  const auto& toks = s.tokens;
  const size_t n = toks.size();
  std::vector<std::string> low(n);
  size_t upper = 0, lower = 0;
  for (size_t i = 0; i < n; ++i) {
    low[i] = fold_case(toks[i].form);
    if (i > 0 && is_alpha_word(toks[i].form)) (starts_upper(toks[i].form) ? upper : lower)++;
  }
  // Sloppy text (all lower-case or all caps) carries no capitalisation signal.
  const bool case_reliable = upper > 0 && lower > 0 && upper < lower * 3;

  // A dateline ("QUITO, Ecuador (AP) --") names where the story was filed, not an actor.
  const size_t dateline_end = s.dateline_tokens;

  // 1. Dictionary matches, longest first.
  std::vector<RawMatch> raw;
  for (size_t i = 0; i < n;) {
    const ActorMatch m = dict_->longest_match(toks, i);
    if (m.length == 0) {
      auto known = coref.names.find(low[i]);
      if (known != coref.names.end() && starts_upper(toks[i].form) && i >= dateline_end)
        raw.push_back({static_cast<uint32_t>(i), static_cast<uint32_t>(i), ActorType::Person, known->second,
                       "coreference"});
      ++i;
      continue;
    }
    uint32_t chosen = (*m.entries)[0];
    const std::string code = dict_->code_on(*m.entries, date, &chosen);
    const ActorEntry& e = dict_->entries()[chosen];
    const uint32_t last = static_cast<uint32_t>(i + m.length - 1);
    bool keep = !code.empty() && e.type != ActorType::Place;
    if (keep && case_reliable && e.type != ActorType::Role) {
      // "turkey", "china": common nouns; "the Kremlin" is fine
      bool capitalised = false;
      for (uint32_t k = static_cast<uint32_t>(i); k <= last; ++k)
        capitalised = capitalised || starts_upper(toks[k].form) ||
                      std::isdigit(static_cast<unsigned char>(toks[k].form[0]));
      keep = capitalised;
    }
    // "Iran-backed militia": the country only modifies.
    if (keep && e.type != ActorType::Role && last + 2 < n && toks[last + 1].form == "-" &&
        is_modifier_suffix(low[last + 2]))
      keep = false;
    if (last < dateline_end) {
      if (keep && e.type != ActorType::Role) coref.dateline_country = actor_country(code);
      keep = false;
    }
    std::string coded = code;
    // "then-president Ivan Duque", "then President Joe Biden": the latest role the
    // person had begun by the article's date, even if it has ended since
    // (also "then US-president Donald Trump": a hyphen or a capitalised word between)
    bool then = false;
    for (size_t k = i, steps = 0; k-- > 0 && steps < 3; ++steps) {
      if (low[k] == "then") { then = true; break; }
      if (low[k] != "-" && !std::isupper(static_cast<unsigned char>(toks[k].form[0]))) break;
    }
    if (keep && then && e.type == ActorType::Person) {
      std::string best_from;
      for (uint32_t id : *m.entries) {
        const ActorEntry& pe = dict_->entries()[id];
        if (pe.type != ActorType::Person || actor_role(pe.code).empty()) continue;
        if ((date.empty() || pe.from <= date) && pe.from >= best_from) {
          best_from = pe.from;
          coded = pe.code;
        }
      }
      // the article tells of that time: "Duque" later in it is the president still
      coref.roles_then[e.name] = coded;
    } else if (keep && e.type == ActorType::Person) {
      if (auto it = coref.roles_then.find(e.name); it != coref.roles_then.end()) coded = it->second;
    }
    if (keep) raw.push_back({static_cast<uint32_t>(i), last, e.type, coded, e.where});
    i += m.length;
  }

  // 2. Combine into mentions.
  auto is_country_like = [](ActorType t) {
    return t == ActorType::Country || t == ActorType::Adjective || t == ActorType::Epithet ||
           t == ActorType::Capital || t == ActorType::Org;
  };
  std::vector<Mention> mentions;
  // How each mention was formed, for the coordination pass below.
  struct Shape {
    bool bare = false;        // a lone country word ("Indian", "Russia")
    bool role_first = false;  // "delegations of Russia"
    std::string noun_role;    // role taken from a role noun ("troops" -> MIL)
  };
  std::vector<Shape> shapes;
  std::vector<RawMatch> orphan_roles;
  std::vector<bool> used(raw.size(), false);
  auto gap_ok = [&](uint32_t from, uint32_t to) {  // tokens strictly between may be modifiers
    if (to <= from + 1) return true;
    if (to - from - 1 > 3) return false;
    for (uint32_t k = from + 1; k < to; ++k) {
      if (toks[k].form == "'s" || toks[k].form == "'") continue;
      if (!is_alpha_word(toks[k].form) || is_stop_word(low[k])) return false;
      // only modifiers: "Iranian state media", "Colombia's last five governments", never
      // "India held joint military"
      if (!toks[k].upos.empty()) {
        if (toks[k].upos != "ADJ" && toks[k].upos != "NOUN" && toks[k].upos != "PROPN" && toks[k].upos != "NUM")
          return false;
      } else if (low[k].size() > 3 && (low[k].compare(low[k].size() - 2, 2, "ed") == 0 ||
                                       low[k].compare(low[k].size() - 3, 3, "ing") == 0)) {
        return false;
      }
    }
    return true;
  };
  auto extend_name = [&](uint32_t last) {  // capitalised unknown words after a title: "Minister Abbas Araghchi"
    if (!case_reliable) return last;
    while (last + 1 < n && starts_upper(toks[last + 1].form) && is_alpha_word(toks[last + 1].form) &&
           !is_stop_word(low[last + 1]) && low[last + 1].size() > 1)
      ++last;
    return last;
  };
  // After "of"/"from": an article and modifiers before the country, up to `country`:
  // "dissidents from military-ruled Myanmar", "refugees from war-torn Syria", "troops
  // from neighbouring Chad". Returns `country` when only such words stand between, else k.
  auto skip_modifiers = [&](uint32_t k, uint32_t country) -> uint32_t {
    uint32_t j = k;
    if (j < n && (low[j] == "the" || low[j] == "a" || low[j] == "an")) ++j;
    if (j >= country) return j;
    if (country - j > 4) return k;
    for (uint32_t t = j; t < country; ++t) {
      if (toks[t].form == "-") continue;
      if (!is_alpha_word(toks[t].form) || is_stop_word(low[t])) return j;
      if (case_reliable && starts_upper(toks[t].form)) return j;  // a name of its own
    }
    return country;
  };
  for (size_t r = 0; r < raw.size(); ++r) {
    if (used[r]) continue;
    const RawMatch& a = raw[r];
    Mention m;
    m.first = a.first;
    m.last = a.last;
    m.entry = a.where;
    std::string country, role;
    Shape shape;
    uint32_t name_head = UINT32_MAX;  // a person's name inside the mention heads it
    if (a.type == ActorType::Role) {
      role = a.code;
      // role of/for/at [the] COUNTRY-ish; a role word inside a compound modifier before the
      // country is only a modifier ("dissidents from military-ruled Myanmar")
      size_t c = r + 1;
      while (c < raw.size() && raw[c].type == ActorType::Role && raw[c].first > a.last + 1 && raw[c].last + 1 < n &&
             toks[raw[c].last + 1].form == "-")
        ++c;
      if (c < raw.size() && is_country_like(raw[c].type)) {
        uint32_t k = a.last + 1;
        if (k < n && (low[k] == "of" || low[k] == "for" || low[k] == "at" || low[k] == "from")) {
          ++k;
          k = skip_modifiers(k, raw[c].first);
          if (raw[c].first == k) {
            country = actor_country(raw[c].code);
            // "a spokesperson for the Chinese Ministry": the inner role wins when it is a body
            size_t last_r = c;
            if (c + 1 < raw.size() && raw[c + 1].type == ActorType::Role && gap_ok(raw[c].last, raw[c + 1].first))
              last_r = c + 1;
            m.last = raw[last_r].last;
            for (size_t u = r + 1; u <= last_r; ++u) used[u] = true;
            shape.role_first = true;
            if (role.size() == 3) shape.noun_role = role;
          }
        }
      }
      // A title, a name no dictionary knows, then the country: "Foreign Minister Abbas
      // Araghchi of Iran" -> IRNGOV, headed by the name; later "Araghchi" alone is coded too.
      if (country.empty() && role.size() == 3 && r + 1 < raw.size() && is_country_like(raw[r + 1].type)) {
        const uint32_t name_end = extend_name(a.last);
        uint32_t k = name_end + 1;
        if (name_end > a.last && raw[r + 1].first > name_end && k < n && (low[k] == "of" || low[k] == "from")) {
          ++k;
          k = skip_modifiers(k, raw[r + 1].first);
          if (raw[r + 1].first == k) {
            country = actor_country(raw[r + 1].code);
            m.last = raw[r + 1].last;
            used[r + 1] = true;
            name_head = name_end;
            coref.names[low[name_end]] = country + role;
          }
        }
      }
      // A title before a known person: "Foreign Minister Wang Yi"
      if (country.empty() && r + 1 < raw.size() && raw[r + 1].type == ActorType::Person &&
          raw[r + 1].first == a.last + 1) {
        m = Mention{};
        m.first = a.first;
        m.last = raw[r + 1].last;
        m.entry = raw[r + 1].where;
        m.code = raw[r + 1].code;
        used[r + 1] = true;

      } else if (country.empty()) {
        if (role.size() > 3) {  // the role word fixes the actor: "peacekeepers" -> IGOUNO
          m.code = role;
        } else {
          orphan_roles.push_back(a);  // may still take its country from a pronoun: "its embassy"
          continue;
        }
      } else {
        m.code = country + (role.size() == 3 ? role : "");
      }
    } else if (is_country_like(a.type)) {
      country = actor_country(a.code);
      role = actor_role(a.code);
      // COUNTRY ['s] [modifiers] ROLE [Name] | COUNTRY ['s] [ROLE] PERSON
      size_t next = r + 1;
      const bool possessed_group =  // "Yemen's Houthis", "Lebanese Hezbollah": the group is the actor
          next < raw.size() && raw[next].type == ActorType::Org && a.type != ActorType::Org &&
          (raw[next].first == a.last + 1 ||
           (raw[next].first == a.last + 2 && (toks[a.last + 1].form == "'s" || toks[a.last + 1].form == "'")));
      // "China's UN envoy", "Chinese UN envoy Fu Cong": an organisation alias that ends in a
      // diplomat's title (a GOV role noun) names the country's diplomat at that organisation
      std::string tail_role;
      if (possessed_group)
        for (uint32_t k = raw[next].first + 1; k <= raw[next].last && tail_role.empty(); ++k) {
          const ActorMatch tm = dict_->longest_match(toks, k);
          if (tm.length == 0 || k + tm.length - 1 != raw[next].last) continue;
          for (uint32_t id : *tm.entries)
            if (dict_->entries()[id].type == ActorType::Role && dict_->entries()[id].code == "GOV") tail_role = "GOV";
        }
      if (possessed_group && !tail_role.empty()) {
        used[next] = true;
        m.last = raw[next].last;
        m.entry = raw[next].where;
        role = tail_role;
        shape.noun_role = tail_role;
        if (next + 1 < raw.size() && raw[next + 1].type == ActorType::Person && raw[next + 1].first == m.last + 1) {
          used[next + 1] = true;  // "Chinese UN envoy Fu Cong"
          m.last = raw[next + 1].last;
          m.entry = raw[next + 1].where;
        } else {
          const uint32_t title_end = m.last;
          m.last = extend_name(m.last);
          if (m.last > title_end + 1) coref.names[low[m.last]] = country + role;  // later "Zhan said"
        }
      } else if (possessed_group) {
        used[next] = true;
        m.last = raw[next].last;
        m.entry = raw[next].where;
        country = actor_country(raw[next].code);
        role = actor_role(raw[next].code);
      } else if (next < raw.size() && raw[next].type == ActorType::Role && gap_ok(a.last, raw[next].first) &&
          a.type != ActorType::Capital) {
        const std::string& rc = raw[next].code;
        // "ELN negotiators", "Hamas officials", "Houthi forces": people of a non-state group
        // (or of a party) act for the group, whatever the role noun says
        const bool group_member = a.type == ActorType::Org && !actor_role(a.code).empty();
        if (rc.size() == 3 && !group_member) role = rc;
        if (rc.size() == 3) shape.noun_role = rc;
        m.last = raw[next].last;
        m.entry = raw[next].where;
        used[next] = true;
        // roles chain: "foreign ministry spokesperson"
        while (next + 1 < raw.size() && raw[next + 1].type == ActorType::Role &&
               raw[next + 1].first == raw[next].last + 1) {
          ++next;
          used[next] = true;
          m.last = raw[next].last;
        }
        if (next + 1 < raw.size() && raw[next + 1].type == ActorType::Person &&
            raw[next + 1].first == raw[next].last + 1) {
          ++next;
          used[next] = true;
          m.last = raw[next].last;
          m.entry = raw[next].where;
          const std::string pc = raw[next].code;
          if (actor_country(pc) == country || actor_role(pc).size()) {
            country = actor_country(pc);
            role = actor_role(pc);
          }
        } else {
          const uint32_t role_end = m.last;
          m.last = extend_name(m.last);
          if (m.last > role_end + 1 || (m.last == role_end + 1 && case_reliable))
            coref.names[low[m.last]] = country + role;  // "Foreign Minister Faisal Mekdad" -> "mekdad"
        }
      } else if (next < raw.size() && raw[next].type == ActorType::Person && raw[next].first == a.last + 1 &&
                 a.type == ActorType::Adjective) {
        used[next] = true;
        m.last = raw[next].last;
        m.entry = raw[next].where;
        country = actor_country(raw[next].code);
        role = actor_role(raw[next].code);
      }
      // A plural demonym on its own is people: "thousands of Syrians", "Haitians welcome";
      // with the article it is the nation acting ("the Kenyans landed"), or the force of
      // that nation the article has been telling of
      if (role.empty() && a.type == ActorType::Adjective && m.last == a.last && low[a.last].size() > 3 &&
          low[a.last].back() == 's' && !(a.last + 1 < n && low[a.last + 1] == "'s")) {
        if (a.first > 0 && low[a.first - 1] == "the")
          role = force_role(coref, country);
        else
          role = "CVL";
      }
      m.code = country + role;
      shape.bare = m.first == a.first && m.last == a.last && a.type != ActorType::Org && role.empty();
    } else {  // person
      m.code = a.code;
    }
    // "a former Ecuadorian vice president", "the former foreign minister of Iran": former
    // officials are coded without role (CONVENTIONS)
    if (m.entry.rfind("roles", 0) == 0 && m.code.size() > 3 && m.first > 0 && low[m.first - 1] == "former")
      m.code = actor_country(m.code);
    m.head = name_head != UINT32_MAX ? name_head : m.last;
    m.capital = a.type == ActorType::Capital && m.first == a.first && m.last == a.last;
    m.country = actor_country(m.code);
    m.role = actor_role(m.code);
    mentions.push_back(std::move(m));
    shapes.push_back(std::move(shape));
  }

  // Coordinated countries share one role noun: "Indian and Pakistani troops", "the US
  // and British militaries" (the role follows), "delegations of Russia and Ukraine" (it
  // precedes).
  for (size_t k = 0; k + 1 < mentions.size(); ++k) {
    Mention& x = mentions[k];
    Mention& y = mentions[k + 1];
    if (y.first != x.last + 2 || (low[x.last + 1] != "and" && low[x.last + 1] != "or")) continue;
    if (shapes[k].bare && !shapes[k + 1].noun_role.empty() && !shapes[k + 1].role_first &&
        low[y.last].size() > 2 && low[y.last].back() == 's') {
      x.role = shapes[k + 1].noun_role;
      x.code = x.country + x.role;
    } else if (shapes[k].role_first && !shapes[k].noun_role.empty() && shapes[k + 1].bare) {
      y.role = shapes[k].noun_role;
      y.code = y.country + y.role;
    }
  }

  auto is_place = [&](const Mention& m) {
    uint32_t k = m.first;
    while (k > 0 && low[k - 1] == "the") --k;
    return k > 0 && (low[k - 1] == "in" || low[k - 1] == "at" || low[k - 1] == "near" || low[k - 1] == "across" ||
                     low[k - 1] == "inside" || low[k - 1] == "outside");
  };

  // 3. Pronouns and descriptions, resolved against what the article said before.
  auto find_antecedent = [&](bool human, bool plural) -> const Coreference::Antecedent* {
    for (auto it = coref.history.rbegin(); it != coref.history.rend(); ++it) {
      if (human && it->human) return &*it;
      if (!human && !it->human && it->plural == plural) return &*it;
      if (!human && !plural && !it->human) return &*it;
    }
    return nullptr;
  };
  std::vector<Mention> resolved;
  auto span_text = [&](const Mention& m) {
    return std::string(text.substr(toks[m.first].span.begin, toks[m.last].span.end - toks[m.first].span.begin));
  };
  auto mention_at = [&](size_t k) -> const Mention* {
    for (const auto& m : mentions)
      if (k >= m.first && k <= m.last) return &m;
    for (const auto& m : resolved)
      if (k >= m.first && k <= m.last) return &m;
    return nullptr;
  };
  // Is the mention a person ("he", "she") rather than a state or body ("it", "they")?
  auto person_like = [&](const Mention& m) {
    const std::string& head = low[m.last];
    if (m.is_pronoun && m.first == m.last)
      return low[m.first] == "he" || low[m.first] == "she" || low[m.first] == "his" || low[m.first] == "her" ||
             low[m.first] == "him";
    if (m.entry.rfind("people", 0) == 0 || m.entry == "coreference") return !m.is_pronoun;
    if (m.entry.rfind("roles", 0) != 0) return false;  // countries, capitals, organisations, groups
    if (m.last > m.first && starts_upper(toks[m.last].form) && dict_->longest_match(toks, m.last).length == 0)
      return true;  // a title with a name: "Foreign Minister Abbas Araghchi"
    return head.size() > 1 && head.back() != 's' && !is_body_noun(head);  // "the minister", not "officials"
  };
  // The actor that is the subject of verb v: its nsubj in the parse (or a mention inside
  // that subject), else the mention just before it ("Iran has also said").
  auto subject_of = [&](size_t v) -> const Mention* {
    const bool parsed = !toks[v].deprel.empty();
    const Mention* sp = nullptr;
    if (parsed) {
      bool subject = false;  // "a territory that Somalia says": "that" and "Somalia" both nsubj
      for (size_t k = 0; k < v && !sp; ++k) {
        if (toks[k].head != static_cast<int32_t>(v) || toks[k].deprel.rfind("nsubj", 0) != 0) continue;
        subject = true;
        sp = mention_at(k);
        // "Ethiopia's foreign ministry spokesperson Nebiyu Tedla said": a mention inside the subject
        for (const auto& m : mentions) {
          if (sp || m.last >= v) continue;
          int up = static_cast<int>(m.head);
          for (int d = 0; d < 3 && up >= 0 && up != static_cast<int>(k); ++d) up = toks[static_cast<size_t>(up)].head;
          if (up == static_cast<int>(k)) sp = &m;
        }
      }
      if (!sp && subject) return nullptr;  // a subject that is no actor ("analysts said it ...")
    }
    if (!sp) {  // the mention just before the verb: "Iran has also said it"
      size_t k = v;
      static const std::unordered_set<std::string> kBetween = {"has", "had", "have", "also", "previously", "later",
                                                               "earlier", "again", "repeatedly", "already", "then",
                                                               "would", "will", "once", "publicly"};
      for (int d = 0; d < 3 && k > 0 && kBetween.count(low[k - 1]); ++d) --k;
      if (k == 0) return nullptr;
      sp = mention_at(k - 1);
      if (sp && sp->last != k - 1) sp = nullptr;
    }
    return sp;
  };
  // "Israel announced it would free prisoners", "Iran said on Friday that it will
  // retaliate": the subject pronoun of a clause that complements a verb of saying or
  // thinking is the speaker (the subject of that verb) when the two agree (it: a state or
  // body; he/she: a person; they: not a person).
  auto speaker_of = [&](size_t i) -> const Mention* {
    const std::string& w = low[i];
    size_t v = SIZE_MAX;
    const bool parsed = !toks[i].deprel.empty();
    if (parsed && toks[i].deprel.rfind("nsubj", 0) == 0 && toks[i].head >= 0) {
      size_t h = static_cast<size_t>(toks[i].head);
      if (toks[h].deprel == "conj" && toks[h].head >= 0) h = static_cast<size_t>(toks[h].head);  // "... and it offered"
      if ((toks[h].deprel == "ccomp" || toks[h].deprel == "parataxis") && toks[h].head >= 0 &&
          static_cast<size_t>(toks[h].head) < i && is_speech_verb(toks[toks[h].head], low[toks[h].head]))
        v = static_cast<size_t>(toks[h].head);
    }
    if (v == SIZE_MAX) {
      size_t j = i;
      const bool that = j > 0 && low[j - 1] == "that";
      if (that) --j;
      // "said on Friday that it", "told Israel that it": a few words back when "that" opens the clause
      for (size_t back = 0; j > 0 && back < (that ? 5u : 1u); ++back, --j) {
        if (is_speech_verb(toks[j - 1], low[j - 1])) {
          v = j - 1;
          break;
        }
        if (!is_alpha_word(toks[j - 1].form)) break;
      }
    }
    if (v == SIZE_MAX) return nullptr;
    const Mention* sp = subject_of(v);
    if (!sp) return nullptr;
    const bool person = person_like(*sp);
    if (w == "he" || w == "she") return person ? sp : nullptr;
    if (person) return nullptr;
    // "they": a plural body or group ("the militants said they"), never a state ("The US
    // claimed that they had attacked Iraq" speaks of others)
    if (w == "they")
      return sp->entry.rfind("countries", 0) != 0 && !sp->is_pronoun && low[sp->last].size() > 3 &&
                     low[sp->last].back() == 's'
                 ? sp
                 : nullptr;
    if (w == "it" && sp->entry.rfind("countries", 0) != 0 && low[sp->last].size() > 3 && low[sp->last].back() == 's' &&
        !sp->is_pronoun)
      return nullptr;  // "the militants said it": plural
    return sp;
  };
  // "the leaders of the two countries", "the foreign ministers of both nations": the role
  // noun just before "of" that a pair description at token i completes.
  auto role_of_pair = [&](size_t i) {
    PairOwner owner;
    const size_t start = i > 0 && low[i - 1] == "the" ? i - 1 : i;
    if (start < 2 || low[start - 1] != "of") return owner;
    for (const auto& role : orphan_roles)
      if (role.last + 2 == start && role.code.size() == 3) {
        owner.role = role.code;
        owner.first = role.first > 0 && low[role.first - 1] == "the" ? role.first - 1 : role.first;
      }
    return owner;
  };
  // "the East African country", "the troubled Caribbean nation": a country described by
  // its region stands for a country named before. Returns the determiner's index, or
  // UINT32_MAX. A capitalised modifier is required: "the whole country", "the country"
  // alone are often the story's setting, not a party.
  auto regional_description = [&](size_t i) -> uint32_t {
    if (!case_reliable || (low[i] != "country" && low[i] != "nation")) return UINT32_MAX;
    bool regional = false;
    for (size_t k = i, words = 0; k-- > 0 && words < 4; ++words) {
      if (low[k] == "the") return regional ? static_cast<uint32_t>(k) : UINT32_MAX;
      if (toks[k].form == "-") continue;
      if (!is_alpha_word(toks[k].form) || is_stop_word(low[k])) return UINT32_MAX;
      regional = regional || starts_upper(toks[k].form);
    }
    return UINT32_MAX;
  };
  // A pronoun at token i standing for the actor `code`: "its embassy", "their troops"
  // take the antecedent's country with the role noun after them.
  auto add_pronoun = [&](size_t i, const std::string& code, const std::string& from, bool possessive) {
    Mention m;
    m.first = m.last = m.head = static_cast<uint32_t>(i);
    m.code = code;
    if (possessive) {
      for (const auto& role : orphan_roles) {
        if (role.first <= i || role.first > i + 3 || !gap_ok(static_cast<uint32_t>(i), role.first)) continue;
        m.last = m.head = role.last;
        m.code = actor_country(code) + (role.code.size() == 3 ? role.code : "");
        break;
      }
    }
    m.country = actor_country(m.code);
    m.role = actor_role(m.code);
    m.entry = "coreference";
    m.resolved_from = from;
    m.is_pronoun = true;
    resolved.push_back(std::move(m));
  };
  std::vector<Mention> pair_here;  // the last pair description of this sentence ("both sides")
  for (size_t i = 0; i < n; ++i) {
    bool in_mention = false;
    for (const auto& m : mentions) in_mention = in_mention || (i >= m.first && i <= m.last);
    if (in_mention) continue;
    const std::string& w = low[i];
    // "the two countries", "both sides": the last two distinct countries
    if ((w == "two" || w == "both" || (w == "the" && i + 1 < n && low[i + 1] == "sides")) && i + 1 < n &&
        is_pair_noun(low[i + 1])) {
      std::vector<const Coreference::Antecedent*> pair;
      std::vector<Coreference::Antecedent> here;
      for (const auto& m : mentions)
        if (m.last < i && !is_place(m)) here.push_back({m.code, span_text(m), false, false, false, coref.sentences});
      pick_pair(coref, here, pair);
      if (pair.size() == 2) {
        // "the leaders of the two countries": the role noun before "of" gives each its role
        const PairOwner owner = role_of_pair(i);
        const std::string role = !owner.role.empty() ? owner.role : pair_role(coref, low[i + 1], pair);
        for (auto* p : pair) {
          Mention m;
          m.first = owner.first != UINT32_MAX ? owner.first
                                              : static_cast<uint32_t>(i > 0 && low[i - 1] == "the" ? i - 1 : i);
          m.last = m.head = static_cast<uint32_t>(i + 1);
          m.code = actor_country(p->code) + role;
          m.country = actor_country(m.code);
          m.role = actor_role(m.code);
          m.entry = "coreference";
          m.resolved_from = p->text;
          m.is_pronoun = true;
          resolved.push_back(m);
          pair_here.push_back(std::move(m));
        }
        if (pair_here.size() > 2) pair_here.erase(pair_here.begin(), pair_here.end() - 2);
        const Coreference::Antecedent first = *pair[0], second = *pair[1];  // pair may point into `together`
        coref.together = {first, second};
        coref.together[0].sentence = coref.together[1].sentence = coref.sentences;
      }
      continue;
    }
    if (const uint32_t det = regional_description(i); det != UINT32_MAX) {
      // "thanked the East African country": the country named last, as such -- not that
      // of the subject of its verb ("Haiti's prime minister thanked" another country)
      // (without a parse the word before the description, when no function word, is its verb)
      size_t verb = toks[i].head >= 0 ? static_cast<size_t>(toks[i].head) : SIZE_MAX;
      if (verb == SIZE_MAX && det > 0 && is_alpha_word(toks[det - 1].form) && !is_stop_word(low[det - 1]))
        verb = det - 1;
      const Mention* subject = verb < det ? subject_of(verb) : nullptr;
      const std::string besides = subject ? subject->country : "";
      const Mention* here = nullptr;
      for (const auto& m : mentions)
        if (m.last < det && m.country.size() == 3 && m.country != besides) here = &m;
      std::string code = here ? here->country : "", from = here ? span_text(*here) : "";
      for (auto it = coref.history.rbegin(); code.empty() && it != coref.history.rend(); ++it)
        if (actor_country(it->code).size() == 3 && actor_country(it->code) != besides) {
          code = actor_country(it->code);
          from = it->text;
        }
      if (code.empty()) continue;
      Mention m;
      m.first = det;
      m.last = m.head = static_cast<uint32_t>(i);
      m.code = m.country = code;
      m.entry = "coreference";
      m.resolved_from = from;
      m.is_pronoun = true;
      resolved.push_back(std::move(m));
      continue;
    }
    const bool he = w == "he" || w == "him" || w == "his" || w == "she" || w == "her";
    const bool they = w == "they" || w == "them" || w == "their";
    const bool its = w == "its";
    const bool it = w == "it";
    if (!he && !they && !its && !it) continue;
    const Coreference::Antecedent* a = nullptr;
    Coreference::Antecedent local;
    const bool possessive = w == "its" || w == "his" || w == "their" || w == "her";
    if (they && pair_here.size() == 2 && pair_here[0].last < i) {
      // "both sides acknowledged an exchange of fire between their forces": the pair
      for (const auto& p : pair_here) add_pronoun(i, p.code, p.resolved_from, possessive);
      continue;
    }
    if (w == "it" || w == "he" || w == "she" || w == "they") {
      if (const Mention* sp = speaker_of(i)) {
        local.code = sp->code;
        local.text = sp->resolved_from.empty() ? span_text(*sp) : sp->resolved_from;
        a = &local;
      }
    }
    if (it && !a && coref.speaker_sentence + 1 == coref.sentences && !coref.speaker.human && !coref.speaker.plural) {
      // "The Indian army said ... . It stated that ...": a sentence that opens with "It"
      // and a verb of saying (or an attribution after a comma: "..., it noted") goes on
      // with the last sentence's speaker
      bool opens = true;
      for (size_t k = 0; k < i; ++k) opens = opens && !is_alpha_word(toks[k].form);
      opens = opens || (i > 0 && low[i - 1] == ",");  // "..., it noted, adding ..."
      size_t v = i + 1;
      while (v < n && (low[v] == "also" || low[v] == "has" || low[v] == "had" || low[v] == "further")) ++v;
      if (opens && v < n && is_speech_verb(toks[v], low[v])) a = &coref.speaker;
    }
    if (it && !a) continue;  // "it" is resolved only as a speaker ("it is unclear", "the deal ... it")
    if (possessive && toks[i].head >= 0) {
      // With a parse: the subject of the nearest clause above the pronoun ("Ecuadorian
      // police forced their way", "Iran accused Israel of attacking its embassy").
      int h = toks[i].head;
      for (int depth = 0; h >= 0 && depth < 6 && !a; ++depth, h = toks[static_cast<size_t>(h)].head) {
        for (size_t k = 0; k < n && !a; ++k) {
          if (toks[k].head != h || toks[k].deprel != "nsubj") continue;
          for (const auto& m : mentions)
            if (k >= m.first && k <= m.last) {
              local.code = m.code;
              local.text = std::string(text.substr(toks[m.first].span.begin, toks[m.last].span.end - toks[m.first].span.begin));
              a = &local;
              break;
            }
          if (!a) h = -2;  // the clause has a subject that is no actor: stop climbing
        }
        if (h == -2) break;
      }
    }
    if (possessive && !a) {
      // "Iran accused Israel of attacking its embassy": the sentence's subject.
      for (const auto& m : mentions) {
        if (m.first >= i) break;
        local.code = m.code;
        local.text = std::string(text.substr(toks[m.first].span.begin, toks[m.last].span.end - toks[m.first].span.begin));
        a = &local;
        break;
      }
    }
    if (!a && he) {
      // "Zelensky said he ...": a person named earlier in the same sentence
      for (const auto& m : mentions) {
        if (m.first >= i) break;
        if (m.entry.rfind("people", 0) != 0) continue;
        local.code = m.code;
        local.text = std::string(text.substr(toks[m.first].span.begin, toks[m.last].span.end - toks[m.first].span.begin));
        a = &local;
        break;
      }
    }
    if (!a) a = he ? find_antecedent(true, false) : find_antecedent(false, they);
    // a pronoun never refers to an actor of its own sentence that comes after it
    if (!a) continue;
    add_pronoun(i, a->code, a->text, possessive);
  }

  // Descriptions: "the military said", "the militants", "the ministry", "the Iran-backed
  // militia group" refer back to an actor named before: the latest with the same head
  // word ("the ambassador" <- "the Ethiopian ambassador"), else the latest with that role
  // (in this sentence first). "the group", "the movement", "the faction" are the latest
  // armed group (REB; a movement may be OPP) of the last few sentences.
  // The determiner may be followed by modifiers: "the Iran-aligned group", "the armed
  // movement".
  auto description_start = [&](uint32_t first, uint32_t head) -> uint32_t {  // the determiner's index, or UINT32_MAX
    static const std::unordered_set<std::string> kModifier = {
        "armed", "militant", "rebel", "islamist", "jihadist", "extremist", "insurgent", "militia",
        "paramilitary", "separatist", "guerrilla", "terrorist", "terror", "radical", "hardline",
        "shiite", "shia", "sunni", "powerful", "notorious", "outlawed", "banned", "proscribed", "main",
        "same", "latter", "former", "new", "local", "regional", "islamic", "marxist", "leftist", "rightist"};
    uint32_t k = first;
    for (int words = 0; k > 0 && words < 4; ++words) {
      const std::string& prev = low[k - 1];
      // "that"/"this" only before a singular noun: "noting that gangs have ..." is no description
      const bool plural = low[head].size() > 3 && low[head].back() == 's';
      if (prev == "the" || (!plural && (prev == "this" || prev == "that")) ||
          (plural && (prev == "these" || prev == "those")))
        return k - 1;
      // "Iran-backed", "Iran-aligned": a hyphenated modifier whose first part may be a country
      // (not "the Taliban-led government", which is the Taliban's own)
      if (k >= 3 && low[k - 2] == "-" &&
          (prev == "backed" || prev == "aligned" || prev == "allied" || prev == "sponsored" || prev == "funded" ||
           prev == "supported" || prev == "linked" || prev == "affiliated" || prev == "inspired")) {
        k -= 3;
        continue;
      }
      if (!kModifier.count(prev)) break;
      --k;
    }
    return UINT32_MAX;
  };
  auto same_head = [](const std::string& a, const std::string& b) {
    auto stem = [](std::string w) {
      if (w.size() > 3 && w.back() == 's') w.pop_back();
      return w;
    };
    return stem(a) == stem(b);
  };
  auto last_word = [](const std::string& t) {
    size_t k = t.find_last_of(" \t");
    return fold_case(k == std::string::npos ? t : t.substr(k + 1));
  };
  auto covered_by = [](const std::vector<Mention>& ms, uint32_t first, uint32_t last) {
    for (const auto& m : ms)
      if (first <= m.last && last >= m.first) return true;
    return false;
  };
  auto add_description = [&](uint32_t det, uint32_t last, const std::string& code, const std::string& from) {
    Mention m;
    m.first = det;
    m.last = m.head = last;
    m.code = code;
    m.country = actor_country(code);
    m.role = actor_role(code);
    m.entry = "coreference";
    m.resolved_from = from;
    m.is_pronoun = true;
    resolved.push_back(std::move(m));
  };
  for (const auto& role : orphan_roles) {
    if (role.code.size() != 3 || role.first == 0) continue;
    const uint32_t det = description_start(role.first, role.last);
    if (det == UINT32_MAX) continue;
    if (covered_by(resolved, role.first, role.last)) continue;
    const std::string& head = low[role.last];
    // same head word here, then in the last sentences; then same role here, then before
    constexpr size_t kHeadWindow = 8;
    const Mention* local_head = nullptr;
    const Mention* local_role = nullptr;
    for (const auto& m : mentions) {
      if (m.last >= det || m.role != role.code) continue;
      local_role = &m;
      if (same_head(low[m.last], head)) local_head = &m;
    }
    std::string code, from;
    if (local_head) {
      code = local_head->code;
      from = span_text(*local_head);
    }
    for (auto it = coref.history.rbegin(); it != coref.history.rend() && code.empty(); ++it) {
      if (coref.sentences - it->sentence > kHeadWindow) break;
      if (actor_role(it->code) == role.code && same_head(last_word(it->text), head)) { code = it->code; from = it->text; }
    }
    if (code.empty() && local_role) {
      code = local_role->code;
      from = span_text(*local_role);
    }
    for (auto it = coref.history.rbegin(); it != coref.history.rend() && code.empty(); ++it)
      if (actor_role(it->code) == role.code) { code = it->code; from = it->text; }
    if (code.empty()) continue;
    add_description(det, role.last, code, from);
  }
  // "the group", "the movement": no role noun, so only an armed group (or a movement in
  // opposition) of this sentence or the last three.
  constexpr size_t kGroupWindow = 3;
  for (uint32_t i = 1; i < n; ++i) {
    const std::string& w = low[i];
    const bool movement = w == "movement";
    if (w != "group" && w != "faction" && w != "organisation" && w != "organization" && w != "outfit" && !movement)
      continue;
    if (i + 1 < n && low[i + 1] == "of") continue;  // "the group of seven", "the organisation of ..."
    if (covered_by(mentions, i, i) || covered_by(resolved, i, i)) continue;
    const uint32_t det = description_start(i, i);
    if (det == UINT32_MAX) continue;
    auto fits = [&](const std::string& code) {
      const std::string r = actor_role(code);
      return r == "REB" || (movement && r == "OPP");
    };
    std::string code, from;
    for (const auto& m : mentions)
      if (m.last < det && fits(m.code)) {
        code = m.code;
        from = span_text(m);
      }
    for (auto it = coref.history.rbegin(); code.empty() && it != coref.history.rend(); ++it) {
      if (coref.sentences - it->sentence > kGroupWindow) break;
      if (fits(it->code) && !it->place) { code = it->code; from = it->text; }
    }
    if (!code.empty()) add_description(det, i, code, from);
  }

  // Domestic roles with no country ("police broke into the embassy") belong to the
  // country the story is about: the dateline's, when the story itself names it (a
  // "TEHRAN (Tasnim)" dateline over a story on Kashmir is only the bureau), else the
  // country the article has named most often. A role already resolved as a description
  // above ("the militants" = the Houthis) is not coded a second time.
  const std::string home = home_country(coref, mentions);
  if (!home.empty()) {
    for (const auto& role : orphan_roles) {
      if (role.code != "COP" && role.code != "JUD" && role.code != "LEG" && role.code != "CVL" && role.code != "OPP" &&
          role.code != "REB")
        continue;
      if (role.first > 0 && (low[role.first - 1] == "foreign" || low[role.first - 1] == "international")) continue;
      if (covered_by(resolved, role.first, role.last)) continue;
      const std::string& country = home;
      Mention m;
      m.first = role.first;
      m.last = m.head = role.last;
      m.code = country + role.code;
      m.country = country;
      m.role = role.code;
      m.entry = role.where;
      mentions.push_back(std::move(m));
    }
    std::sort(mentions.begin(), mentions.end(), [](const Mention& x, const Mention& y) { return x.first < y.first; });
  }

  // Remember who spoke here: the subject of the first verb of saying with an actor as subject.
  for (size_t v = 0; v < n; ++v) {
    if (!is_speech_verb(toks[v], low[v]) || (!toks[v].upos.empty() && toks[v].upos != "VERB")) continue;
    const Mention* sp = subject_of(v);
    if (!sp) continue;
    coref.speaker = Coreference::Antecedent{};
    coref.speaker.code = sp->code;
    coref.speaker.text = sp->resolved_from.empty() ? span_text(*sp) : sp->resolved_from;
    coref.speaker.human = person_like(*sp);
    coref.speaker.plural = sp->entry.rfind("countries", 0) != 0 && !sp->is_pronoun && low[sp->last].size() > 3 &&
                           low[sp->last].back() == 's';
    coref.speaker.sentence = coref.sentences;
    coref.speaker_sentence = coref.sentences;
    break;
  }

  // Two countries named together ("between India and Pakistan") are the pair a later
  // "the two countries" most likely means, unless a pair was resolved here already.
  if (coref.together.empty() || coref.together[0].sentence != coref.sentences)
    for (size_t k = 0; k + 1 < mentions.size(); ++k) {
      const Mention& x = mentions[k];
      const Mention& y = mentions[k + 1];
      if (y.first != x.last + 2 || low[x.last + 1] != "and" || x.country == y.country || x.country.size() != 3 ||
          y.country.size() != 3 || is_place(x) || is_place(y))
        continue;
      coref.together = {{x.code, span_text(x), false, false, false, coref.sentences},
                        {y.code, span_text(y), false, false, false, coref.sentences}};
      break;
    }

  // Remember this sentence's actors for the next ones.
  for (const auto& m : mentions) {
    // "ELN leader Antonio Garcia" ... later "Garcia said"
    if (m.entry.rfind("people", 0) == 0 && m.last > m.first && starts_upper(toks[m.last].form))
      coref.names.emplace(low[m.last], m.code);
    Coreference::Antecedent a;
    a.code = m.code;
    a.text = std::string(text.substr(toks[m.first].span.begin, toks[m.last].span.end - toks[m.first].span.begin));
    a.human = m.entry.rfind("people", 0) == 0 || (m.entry == "coreference" && !m.is_pronoun) ||
              (m.role == "GOV" && m.entry.rfind("roles", 0) == 0 && m.last > m.first && starts_upper(toks[m.last].form) &&
               dict_->longest_match(toks, m.last).length == 0);
    a.plural = is_plural_form(low[m.last]) && !a.human;
    a.place = is_place(m);
    a.sentence = coref.sentences;
    coref.history.push_back(std::move(a));
  }
  ++coref.sentences;
  mentions.insert(mentions.end(), resolved.begin(), resolved.end());
  std::sort(mentions.begin(), mentions.end(), [](const Mention& x, const Mention& y) {
    return x.first != y.first ? x.first < y.first : x.code < y.code;
  });
  s.mentions = std::move(mentions);
}

}  // namespace dyad
