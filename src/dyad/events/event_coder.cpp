#include "dyad/events/event_coder.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <unordered_set>

#include "dyad/text/normalizer.h"

namespace dyad {
namespace {

const std::unordered_set<std::string> kDeterminers = {"the", "a", "an", "its", "their", "his", "her",
                                                      "'s", "this", "that", "these", "those", "our", "any"};
const std::unordered_set<std::string> kLocative = {"in", "at", "near", "from", "inside", "across", "outside",
                                                    "throughout", "around", "within", "into", "over"};
const std::unordered_set<std::string> kTopical = {"on", "about", "over", "regarding", "concerning"};
const std::unordered_set<std::string> kBe = {"was", "were", "been", "being", "is", "are", "be", "got", "get"};
const std::unordered_set<std::string> kNegators = {"not", "n't", "never", "no", "without", "nor"};
const std::unordered_set<std::string> kNegatingVerbs = {"refused", "refuse", "refuses", "declined", "decline",
                                                        "failed", "fail", "fails", "unable", "denied"};
const std::unordered_set<std::string> kModals = {"would", "could", "might", "may", "should", "if", "whether",
                                                 "unless", "can", "must"};
const std::unordered_set<std::string> kRealisingVerbs = {"continue", "continued", "continues", "continuing",
                                                         "began", "begin", "begins", "started", "start",
                                                         "starts", "moved", "proceeded", "went", "managed",
                                                         "used", "decided"};
// Verbs that only say an event took place ("the talks were held", "the swap will take
// place"): a definite event noun as their subject is the event the article reported.
const std::unordered_set<std::string> kOccurrenceVerbs = {"hold", "take", "occur", "happen", "begin", "start",
                                                          "resume", "conclude", "end", "proceed"};
// Stems of verbs whose "of"/"for" gerund is only alleged: "accuses Islamabad of supporting"
// (stems, not lemmas: a rare past form may be lemmatised wrongly).
const std::vector<std::string_view> kAllegingStems = {"accus", "suspect", "alleg", "charg", "blam", "indict"};
// Lemmas of verbs whose subject is the actor of the event noun they take as object:
// "China announced retaliatory measures", "the army launched an offensive".
const std::unordered_set<std::string> kSupportVerbs = {"announce", "impose", "launch", "conduct", "stage",
                                                       "adopt", "unveil", "introduce", "roll", "approve",
                                                       "order", "mount", "carry", "escalate", "intensify",
                                                       "expand", "extend", "issue"};
// Lemmas of verbs whose object's infinitive happened: "forced the airport to close".
const std::unordered_set<std::string> kCausingVerbs = {"cause", "force", "prompt", "lead", "compel", "drive",
                                                       "continue", "begin", "start", "manage"};

// May stand between a possessor/adjective actor and a nominal trigger:
// "Russia's full-scale invasion", "an Israeli missile strike".
bool is_nominal_modifier(const Token& t, const std::string& low) {
  if (kDeterminers.count(low) || low == "'" || low == "-") return true;
  if (!t.upos.empty())
    return t.upos == "ADJ" || t.upos == "NOUN" || t.upos == "PROPN" || t.upos == "NUM";
  if (low.find_first_of("0123456789,.;:\"()") != std::string::npos) return false;
  const bool verb_like = low.size() > 3 && (low.compare(low.size() - 2, 2, "ed") == 0 ||
                                            low.compare(low.size() - 3, 3, "ing") == 0);
  static const std::unordered_set<std::string> kFunction = {
      "and", "or", "but", "to", "of", "in", "on", "at", "with", "by", "from", "for", "after", "before",
      "against", "over", "into", "amid", "during", "since", "as", "than", "that", "which", "who", "said",
      "says", "say", "has", "have", "had", "will", "would", "not", "also", "while", "when", "where"};
  return !verb_like && !kBe.count(low) && !kFunction.count(low);
}

// A noun trigger matches the noun's own forms ("attack", "attacks"), not the verb's.
bool is_noun_form(const Token& t, const std::string& low, const std::string& lemma) {
  if (!t.upos.empty()) return t.upos == "NOUN" || t.upos == "PROPN";
  if (low == lemma) return true;
  const bool verb_like = low.size() > 3 && (low.compare(low.size() - 2, 2, "ed") == 0 ||
                                            low.compare(low.size() - 3, 3, "ing") == 0);
  return !verb_like;
}

// Words allowed between two pattern elements ("agreed to a six - month ceasefire").
constexpr uint32_t kMaxGap = 5;

bool is_clause_break(const std::string& f) { return f == ";" || f == ":" || f == "--" || f == "(" || f == ")"; }

struct Context {
  const Sentence& s;
  std::vector<std::string> low;
  std::vector<int> mention_at;  // first mention covering a token, -1 if none
  bool parsed = false;          // tokens carry heads and relations from the parser
  std::vector<std::vector<uint32_t>> children;
};

bool rel_is(const Token& t, std::string_view rel) {
  return t.deprel == rel || (t.deprel.size() > rel.size() && t.deprel.compare(0, rel.size(), rel) == 0 &&
                             t.deprel[rel.size()] == ':');
}

// The actor a phrase headed by token k stands for: a mention covering k, else one in
// its modifiers ("the building of the Iranian consulate", "Houthi targets").
int mention_in_phrase(const Context& c, uint32_t k, int depth = 0) {
  if (c.mention_at[k] >= 0) return c.mention_at[k];
  if (depth >= 2) return -1;
  for (uint32_t ch : c.children[k]) {
    const Token& t = c.s.tokens[ch];
    if (rel_is(t, "compound") || rel_is(t, "amod") || rel_is(t, "nmod") || rel_is(t, "flat") ||
        rel_is(t, "appos")) {
      const int m = mention_in_phrase(c, ch, depth + 1);
      if (m >= 0) return m;
    }
  }
  return -1;
}

int child_with(const Context& c, uint32_t v, std::string_view rel) {
  for (uint32_t ch : c.children[v])
    if (rel_is(c.s.tokens[ch], rel)) return static_cast<int>(ch);
  return -1;
}

bool has_case(const Context& c, uint32_t k, std::string_view prep) {
  for (uint32_t ch : c.children[k])
    if (c.s.tokens[ch].deprel == "case" && c.low[ch] == prep) return true;
  return false;
}

// Grammatical subject of verb v, following control, coordination and relative clauses.
int dep_subject(const Context& c, uint32_t v, int depth = 0) {
  if (depth > 4) return -1;
  // the subject nearest the verb first (a dateline may be parsed as a second subject)
  for (auto it = c.children[v].rbegin(); it != c.children[v].rend(); ++it) {
    if (*it > v || c.s.tokens[*it].deprel != "nsubj") continue;
    const int m = mention_in_phrase(c, *it);
    if (m >= 0) return m;
  }
  for (uint32_t ch : c.children[v])
    if (ch > v && c.s.tokens[ch].deprel == "nsubj") return mention_in_phrase(c, ch);  // "..., X said"
  const Token& t = c.s.tokens[v];
  if (t.head < 0) return -1;
  const auto h = static_cast<uint32_t>(t.head);
  if (rel_is(t, "xcomp")) {  // "urged Iran to stop": object control; "agreed to meet": subject control
    const int obj = child_with(c, h, "obj");
    if (obj >= 0) return mention_in_phrase(c, static_cast<uint32_t>(obj));
    return dep_subject(c, h, depth + 1);
  }
  // coordinated verbs and participial adjuncts share the subject ("met ..., agreeing to")
  if (rel_is(t, "conj") || rel_is(t, "advcl")) return dep_subject(c, h, depth + 1);
  if (rel_is(t, "acl")) return mention_in_phrase(c, h);  // "Mekdad, who condemned", "forces shelling"
  return -1;
}

int dep_object(const Context& c, uint32_t v) {
  for (uint32_t ch : c.children[v])
    if (c.s.tokens[ch].deprel == "obj" || c.s.tokens[ch].deprel == "iobj") {
      const int m = mention_in_phrase(c, ch);
      if (m >= 0) return m;
    }
  return -1;
}

int dep_oblique(const Context& c, uint32_t v, std::string_view prep) {
  for (uint32_t ch : c.children[v])
    if ((rel_is(c.s.tokens[ch], "obl") || rel_is(c.s.tokens[ch], "nmod")) && has_case(c, ch, prep)) {
      const int m = mention_in_phrase(c, ch);
      if (m >= 0) return m;
    }
  return -1;
}

bool dep_passive(const Context& c, uint32_t v) {
  for (uint32_t ch : c.children[v])
    if (c.s.tokens[ch].deprel == "nsubj:pass" || c.s.tokens[ch].deprel == "aux:pass") return true;
  return false;
}

// A past participle modifying a noun ("soldiers killed in Ukraine", "a member jailed a
// year ago") is a reduced passive: the noun is the patient, the agent comes with "by".
bool reduced_passive(const Context& c, uint32_t v) {
  const Token& t = c.s.tokens[v];
  // right after its noun, with no object ("rebels engaged peacekeepers" is a main verb the
  // parser took for a participle) and no auxiliary ("had targeted" is a perfect)
  if (t.deprel != "acl" || t.xpos != "VBN" || t.head < 0 || static_cast<uint32_t>(t.head) + 1 != v) return false;
  // and only an actor noun makes it one ("Russian soldiers killed", not "victims killed" or
  // a misparsed "on Thursday fired")
  if (c.s.tokens[static_cast<size_t>(t.head)].head < 0 || mention_in_phrase(c, static_cast<uint32_t>(t.head)) < 0)
    return false;
  if (child_with(c, v, "aux") >= 0 || child_with(c, v, "obj") >= 0) return false;
  static const std::unordered_set<std::string> kHave = {"have", "has", "had", "having"};
  return !kHave.count(c.low[v - 1]) && !kBe.count(c.low[v - 1]);
}

// Mentions coordinated with mention m ("the US and Britain", "Russia, Iran and Hezbollah"),
// including m itself and mentions sharing m's span ("the two countries").
std::vector<int> coordinated(const Context& c, int m) {
  std::set<int> group = {m};
  const auto& ms = c.s.mentions;
  for (int k = 0; k < static_cast<int>(ms.size()); ++k)
    if (ms[k].first == ms[m].first && ms[k].last == ms[m].last) group.insert(k);
  const std::set<int> own = group;
  // 0: not linked; 1: by a comma only; 2: by a conjunction
  auto linked = [&](uint32_t a_last, uint32_t b_first) {
    if (b_first <= a_last) return 0;
    const uint32_t gap = b_first - a_last - 1;
    if (gap == 0 || gap > 3) return 0;
    int link = 0;
    for (uint32_t k = a_last + 1; k < b_first; ++k) {
      const std::string& w = c.low[k];
      if (w == "and" || w == "or" || w == "&") link = 2;
      else if (w == ",") link = std::max(link, 1);
      else if (w != "the" && w != "as" && w != "well" && w != "both" && w != "'s") return 0;
    }
    return link;
  };
  bool grew = true, conjunction = false;
  while (grew) {
    grew = false;
    for (int k = 0; k < static_cast<int>(ms.size()); ++k) {
      if (group.count(k) || ms[k].is_pronoun) continue;
      for (int g : group) {
        const int link = std::max(linked(ms[g].last, ms[k].first), linked(ms[k].last, ms[g].first));
        if (link > 0) {
          conjunction = conjunction || link == 2;
          group.insert(k);
          grew = true;
          break;
        }
      }
    }
  }
  // "the talks in Riyadh, Russia's foreign ministry said": commas alone make no list
  if (!conjunction) return {own.begin(), own.end()};
  return {group.begin(), group.end()};
}

// Can mentions a and b be the two sides of an event? Actors of different countries, or
// of one country in distinct roles ("Colombia's government and the ELN": COLGOV, COLREB).
bool distinct_parties(const Context& c, int a, int b) {
  const Mention& x = c.s.mentions[a];
  const Mention& y = c.s.mentions[b];
  if (a == b) return false;
  if (x.country != y.country) return true;
  return !x.role.empty() && !y.role.empty() && x.role != y.role;
}

bool is_bare_possessive(const Context& c, int m) {
  const Mention& mm = c.s.mentions[m];
  if (!mm.is_pronoun || mm.first != mm.last) return false;
  const std::string& w = c.low[mm.first];
  return w == "his" || w == "her" || w == "its" || w == "their";
}

// The locative preposition before a mention ("in Moscow", "in eastern Ukraine",
// "southwest of Baghdad"), or -1.
int locative_before(const Context& c, const Mention& m) {
  static const std::unordered_set<std::string> kCompass = {
      "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
      "northeast", "northwest", "southeast", "southwest", "northeastern", "northwestern", "southeastern",
      "southwestern"};
  uint32_t k = m.first;
  while (k > 0 && (c.low[k - 1] == "the" || kCompass.count(c.low[k - 1]))) --k;
  if (k > 0 && kLocative.count(c.low[k - 1])) return static_cast<int>(k - 1);
  // "southwest of Baghdad", "north of Kyiv"
  if (k > 1 && c.low[k - 1] == "of" && kCompass.count(c.low[k - 2])) return static_cast<int>(k - 1);
  return -1;
}

bool preceded_by_locative(const Context& c, const Mention& m) { return locative_before(c, m) >= 0; }

// Is the verb at v preceded by a noun phrase that holds no actor ("after protesters
// invaded")? That noun is its subject, whatever the parse says, and no actor further
// left is.
bool noun_before(const Context& c, uint32_t v) {
  for (uint32_t k = v; k-- > 0;) {
    const Token& t = c.s.tokens[k];
    if (t.upos == "ADV" || t.upos == "AUX" || t.upos == "PART") continue;
    return (t.upos == "NOUN" || t.upos == "PRON") && c.mention_at[k] < 0 && mention_in_phrase(c, k) < 0 &&
           (k == 0 || c.mention_at[k - 1] < 0);
  }
  return false;
}

// Material conflict: assault, fight, mass violence.
bool is_force_root(const std::string& code) {
  return code.compare(0, 2, "18") == 0 || code.compare(0, 2, "19") == 0 || code.compare(0, 2, "20") == 0;
}

// Protest, force posture and force: acts aimed at whoever holds the place they happen in.
bool aims_at_place(const std::string& code) {
  return is_force_root(code) || code.compare(0, 2, "14") == 0 || code.compare(0, 2, "15") == 0;
}

// The first place named in a locative phrase of the trigger's clause ("in Yemen"),
// as a mention of another country than the source's; -1 when none.
int place_of_force(const Context& c, uint32_t from, int source) {
  const auto& ms = c.s.mentions;
  for (uint32_t k = from + 1; k < c.low.size() && k <= from + 12; ++k) {
    const std::string& w = c.low[k];
    if (is_clause_break(w) || w == "," || w == "that" || w == "which" || w == "who" || w == "after" ||
        w == "before" || w == "when" || w == "while")
      break;
    const int m = c.mention_at[k];
    if (m < 0) continue;
    const Mention& mm = ms[m];
    const int prep = locative_before(c, mm);
    if (prep < 0 || c.low[static_cast<uint32_t>(prep)] == "from") { k = mm.last; continue; }
    // "in solidarity with Palestinians in Gaza": where another actor is, not the act
    if (const int h = c.s.tokens[mm.head].head; c.parsed && h >= 0 && c.mention_at[static_cast<size_t>(h)] >= 0 &&
                                                c.mention_at[static_cast<size_t>(h)] != m) {
      k = mm.last;
      continue;
    }
    if (source >= 0 && ms[source].country == mm.country) return -1;
    return m;
  }
  return -1;
}

// An event noun that refers back to one reported before: definite ("the strike", "this
// attack") and the subject of its clause ("the strike occurred"). "After the attack"
// only dates something else.
int definite_determiner(const Context& c, uint32_t noun) {
  for (uint32_t ch : c.children[noun])
    if (c.s.tokens[ch].deprel == "det")
      return c.low[ch] == "the" || c.low[ch] == "this" || c.low[ch] == "that" ? static_cast<int>(ch) : -1;
  return -1;
}

bool is_definite_subject(const Context& c, uint32_t noun) {
  const std::string& rel = c.s.tokens[noun].deprel;
  return c.parsed && (rel == "nsubj" || rel == "nsubj:pass") && definite_determiner(c, noun) >= 0;
}

// "Countries that took part in the meeting included China, France and ...": the actors
// a relative clause's noun stands for are those listed after "include".
int listed_members(const Context& c, uint32_t verb, uint32_t after) {
  if (!rel_is(c.s.tokens[verb], "acl")) return -1;
  const int subj = child_with(c, verb, "nsubj");
  if (subj < 0 || !(c.low[subj] == "that" || c.low[subj] == "who" || c.low[subj] == "which")) return -1;
  for (uint32_t k = after + 1; k < c.low.size(); ++k) {
    if (is_clause_break(c.low[k])) break;
    if (c.s.tokens[k].lemma != "include" || c.s.tokens[k].upos != "VERB") continue;
    for (uint32_t j = k + 1; j < c.low.size() && j <= k + 3; ++j)
      if (c.mention_at[j] >= 0) return c.mention_at[j];
    return -1;
  }
  return -1;
}

// How many sentences back an event noun may refer; and how far back the article may
// have said who an event (the meeting it is about) was with.
constexpr size_t kRecallWindow = 5;
constexpr size_t kTopicWindow = 12;
// How many sentences back an actor's act of force is still the one it goes on with; its
// sanctions and tariffs, reported as a package over an article, for longer.
constexpr size_t kContinuationWindow = 2;
constexpr size_t kReductionWindow = 5;

EventMemory::Party party_of(const Sentence& s, int m) {
  const Mention& mm = s.mentions[static_cast<size_t>(m)];
  std::string text;
  for (uint32_t k = mm.first; k <= mm.last && k < s.tokens.size(); ++k) {
    if (!text.empty()) text += ' ';
    text += s.tokens[k].form;
  }
  return {mm.code, mm.country, mm.role, mm.resolved_from.empty() ? text : mm.resolved_from};
}

// The most recent event noun of the article that `noun` may refer to: the same noun,
// or for acts of force or meetings any of them ("the conflict between Israel and Hamas"
// ... "the war"; "the meeting" ... "the talks"). The same noun wins over a nearer
// relative: "the strike" is the strike reported before, not the army's later
// "targeted infrastructure".
const EventMemory::Entry* recall(const EventMemory& memory, const std::string& noun, const std::string& root,
                                 bool with_source) {
  const EventMemory::Entry* relative = nullptr;
  for (auto it = memory.entries.rbegin(); it != memory.entries.rend(); ++it) {
    if (memory.sentences - it->sentence > kRecallWindow) break;
    if (with_source && !it->source) continue;
    if (it->noun == noun) return &*it;
    const bool family = (is_force_root(root) && is_force_root(it->root)) || (root == "04" && it->root == "04");
    if (family && !relative) relative = &*it;
  }
  return relative;
}

// Who a remembered event noun was chiefly with ("the meeting" -> the UN committee
// that held it): the party named with the noun in the most recent sentences, other
// than `besides`; ties go to the most recent.
std::optional<EventMemory::Party> chief_party(const EventMemory& memory, const std::string& noun,
                                              const std::string& besides) {
  std::map<std::string, std::set<size_t>> sentences;  // country -> sentences it was named in
  std::optional<EventMemory::Party> best;
  size_t best_count = 0;
  for (auto it = memory.entries.rbegin(); it != memory.entries.rend(); ++it) {
    if (memory.sentences - it->sentence > kTopicWindow) break;
    if (it->noun != noun) continue;
    for (const auto& party : {it->source, it->target}) {
      if (!party || party->country == besides) continue;
      auto& seen = sentences[party->country];
      seen.insert(it->sentence);
      if (seen.size() > best_count) {
        best = party;
        best_count = seen.size();
      }
    }
  }
  return best;
}

// The party the article reports `speaker`'s side dealing with most (events in the last
// kTopicWindow sentences with the speaker's country on one side and another on the
// other); ties go to the most recent. None when the article reports no such events.
std::optional<EventMemory::Party> counterpart(const EventMemory& memory, const Mention& speaker) {
  std::map<std::string, size_t> count;
  std::optional<EventMemory::Party> best;
  size_t best_count = 0;
  for (auto it = memory.entries.rbegin(); it != memory.entries.rend(); ++it) {
    if (memory.sentences - it->sentence > kTopicWindow) break;
    if (!it->source || !it->target) continue;
    const EventMemory::Party* other = nullptr;
    if (it->source->country == speaker.country && !(it->target->code == speaker.code)) other = &*it->target;
    else if (it->target->country == speaker.country && !(it->source->code == speaker.code)) other = &*it->source;
    if (!other) continue;
    if (other->country == speaker.country && other->role == speaker.role) continue;
    if (++count[other->code] > best_count) {
      best = *other;
      best_count = count[other->code];
    }
  }
  return best;
}

// Who lately accused or criticised `country` ("New Delhi accuses Islamabad of ..."):
// the source of the latest disapproval (root 11) aimed at it in this sentence or the two
// before.
std::optional<EventMemory::Party> accuser_of(const EventMemory& memory, const std::string& country) {
  constexpr size_t kAccusationWindow = 2;
  for (auto it = memory.entries.rbegin(); it != memory.entries.rend(); ++it) {
    if (memory.sentences - it->sentence > kAccusationWindow) break;
    if (it->root == "11" && it->source && it->target && it->target->country == country &&
        it->source->country != country)
      return it->source;
  }
  return std::nullopt;
}

// A mention of a remembered actor, on the words that refer to it here.
int add_implicit_mention(Sentence& s, uint32_t first, uint32_t last, const EventMemory::Party& party) {
  Mention m;
  m.first = first;
  m.last = last;
  m.head = last;
  m.code = party.code;
  m.country = party.country;
  m.role = party.role;
  m.entry = "event anaphora";
  m.resolved_from = party.text;
  m.is_pronoun = true;
  s.mentions.push_back(std::move(m));
  return static_cast<int>(s.mentions.size()) - 1;
}

// Is the clause of token v reported speech ("said the swap would take place")? One of
// its governors is a speech verb.
bool reported_speech(const Context& c, uint32_t v, const VerbLexicon& lex) {
  int k = c.s.tokens[v].head;
  for (int depth = 0; k >= 0 && depth < 4; ++depth, k = c.s.tokens[static_cast<size_t>(k)].head)
    for (uint32_t pi : lex.patterns_with_trigger(c.s.tokens[static_cast<size_t>(k)].lemma))
      if (lex.pattern(pi).say) return true;
  return false;
}

// Is the gerund after token `prep` ("of", "for") what an accusation alleges ("accused
// Pakistan of supporting", "blamed Hamas for launching")? A verb of alleging shortly before
// in the same clause.
bool alleged_by_clause(const Context& c, uint32_t prep) {
  for (uint32_t k = prep; k-- > 0 && prep - k <= 6;) {
    if (is_clause_break(c.low[k]) || c.low[k] == ",") return false;
    for (std::string_view stem : kAllegingStems)
      if (c.low[k].compare(0, stem.size(), stem) == 0 && c.s.tokens[k].upos == "VERB") return true;
  }
  return false;
}

// Does the infinitive marker `to` complete a proposal or an offer ("a proposal by Putin
// on Sunday to resume")? Such a noun a few words before it, with no verb between.
bool proposed_by_noun(const Context& c, uint32_t to) {
  static const std::unordered_set<std::string> kProposalNouns = {"proposal", "offer"};
  for (uint32_t k = to; k-- > 0 && to - k <= 6;) {
    if (is_clause_break(c.low[k]) || c.low[k] == "," || c.s.tokens[k].upos == "VERB" || c.s.tokens[k].upos == "AUX")
      return false;
    if (kProposalNouns.count(c.s.tokens[k].lemma)) return true;
  }
  return false;
}

// Is verb v one of taking part ("participated in", "took part in", "engaged in"), whose
// subject is a party to the event noun it governs?
bool takes_part_in(const Context& c, uint32_t v) {
  const std::string& lemma = c.s.tokens[v].lemma;
  if (lemma == "participate" || lemma == "engage" || lemma == "join") return true;
  if (lemma != "take") return false;
  const int obj = child_with(c, v, "obj");
  return obj >= 0 && c.low[static_cast<size_t>(obj)] == "part";
}

// Is token v in what an allegation alleges ("the report alleged that French troops took
// part in the killing")? One of its governors is "allege".
bool under_allegation(const Context& c, uint32_t v) {
  int k = c.s.tokens[v].head;
  for (int depth = 0; k >= 0 && depth < 4; ++depth, k = c.s.tokens[static_cast<size_t>(k)].head)
    if (c.low[static_cast<size_t>(k)].compare(0, 5, "alleg") == 0 && c.s.tokens[static_cast<size_t>(k)].upos == "VERB")
      return true;
  return false;
}

// Does verb v have an object that mention m is no part of ("attack shipping lanes in
// solidarity with Palestinians": the Palestinians are not attacked)? False without one.
bool outside_object(const Context& c, uint32_t v, const Mention& m) {
  if (!c.parsed) return false;
  const int obj = child_with(c, v, "obj");
  if (obj < 0) return false;
  int k = static_cast<int>(m.head);
  for (int depth = 0; k >= 0 && depth < 5; ++depth, k = c.s.tokens[static_cast<size_t>(k)].head) {
    if (k == obj) return false;
    if (k == static_cast<int>(v)) return true;
  }
  return false;
}

// Is token v's clause, or one governing it, introduced by "if", "whether" or "unless"?
bool under_condition(const Context& c, uint32_t v) {
  int k = static_cast<int>(v);
  for (int depth = 0; k >= 0 && depth < 4; ++depth, k = c.s.tokens[static_cast<size_t>(k)].head)
    for (uint32_t ch : c.children[static_cast<size_t>(k)])
      if (c.s.tokens[ch].deprel == "mark" && (c.low[ch] == "if" || c.low[ch] == "whether" || c.low[ch] == "unless"))
        return true;
  return false;
}

struct Trigger;
bool all_words_matched(const EventPattern& p, const Trigger& t, const Sentence& s, const Context& c,
                       const VerbLexicon& lex);

struct Trigger {
  uint32_t first, last;  // tokens
  uint32_t pattern;
  int target = -1, source = -1;  // mentions from slots
  size_t score = 0;
};

// Did every word element before a final target slot match (in order, near each other)?
bool all_words_matched(const EventPattern& p, const Trigger& t, const Sentence& s, const Context& c,
                       const VerbLexicon& lex) {
  uint32_t pos = t.first + 1;
  const size_t n = s.tokens.size();
  for (size_t e = 1; e + 1 < p.elements.size(); ++e) {
    const auto& el = p.elements[e];
    if (el.kind != PatternElement::Kind::Word) return false;
    bool ok = false;
    for (uint32_t j = pos, hyphens = 0; j < n && j <= pos + kMaxGap + hyphens; ++j) {
      if (c.low[j] == "-") hyphens += 2;
      if (is_clause_break(c.low[j]) || c.mention_at[j] >= 0) break;
      if (lex.matches(s.tokens[j], c.low[j], el.lemma)) {
        pos = j + 1;
        ok = true;
        break;
      }
    }
    if (!ok) return false;
  }
  return true;
}

// The lexicon pattern of the trigger an event came from; -1 when none.
int trigger_pattern(const std::vector<Trigger>& triggers, const Event& e) {
  for (const Trigger& t : triggers)
    if (t.first == e.trigger_first) return static_cast<int>(t.pattern);
  return -1;
}

}  // namespace

void EventCoder::code(Sentence& s, EventMemory& memory) const {
  s.events.clear();
  if (s.boilerplate || (s.mentions.empty() && memory.entries.empty())) {
    ++memory.sentences;
    return;
  }
  Context c{s, {}, std::vector<int>(s.tokens.size(), -1), false, {}};
  const size_t n = s.tokens.size();
  c.low.reserve(n);
  for (const auto& t : s.tokens) c.low.push_back(fold_case(t.form));
  c.children.resize(n);
  for (uint32_t k = 0; k < n; ++k) {
    const int h = s.tokens[k].head;
    if (!s.tokens[k].deprel.empty()) c.parsed = true;
    if (h >= 0 && static_cast<size_t>(h) < n) c.children[static_cast<size_t>(h)].push_back(k);
  }
  for (int m = static_cast<int>(s.mentions.size()) - 1; m >= 0; --m)
    for (uint32_t k = s.mentions[m].first; k <= s.mentions[m].last && k < n; ++k) c.mention_at[k] = m;
  const bool question = n > 0 && (s.tokens.back().form == "?" ||
                                  (n > 1 && s.tokens[n - 2].form == "?"));

  // Capitalised words inside a sentence are names ("in March", "Strike Force"), not
  // triggers -- unless the whole text is in capitals or lower case.
  size_t upper = 0, lower = 0;
  for (uint32_t k = 1; k < n; ++k) {
    const unsigned char ch = static_cast<unsigned char>(s.tokens[k].form[0]);
    if (std::isalpha(ch)) (std::isupper(ch) ? upper : lower)++;
  }
  const bool case_reliable = lower > 0 && upper < lower * 3;

  // Definite event nouns that refer back to an act the article reported: "the strike",
  // "condemned the attack".
  std::vector<const EventMemory::Entry*> remembered(n, nullptr);
  if (c.parsed && !memory.entries.empty())
    for (uint32_t k = 0; k < n; ++k) {
      if (s.tokens[k].upos != "NOUN" || definite_determiner(c, k) < 0) continue;
      const std::string root = noun_root(s.tokens[k].lemma);
      if (!root.empty()) remembered[k] = recall(memory, s.tokens[k].lemma, root, true);
    }
  // A mention of the actor a remembered act was by (or, when that is `besides`, was on).
  auto refer_back = [&](uint32_t k, const std::string& besides) {
    const EventMemory::Entry* e = remembered[k];
    if (!e) return -1;
    const auto& party = e->source->country != besides ? e->source : e->target;
    if (!party || party->country == besides) return -1;
    const int det = definite_determiner(c, k);
    return add_implicit_mention(s, det >= 0 ? static_cast<uint32_t>(det) : k, k, *party);
  };

  // 1. Triggers: the most specific pattern at each token.
  std::vector<Trigger> triggers;
  for (uint32_t i = 0; i < n; ++i) {
    if (c.mention_at[i] >= 0 && !s.mentions[c.mention_at[i]].is_pronoun) continue;
    if (case_reliable && i > 0 && std::isupper(static_cast<unsigned char>(s.tokens[i].form[0])) &&
        !(s.tokens[i - 1].form == "\"" || s.tokens[i - 1].form == "'" || s.tokens[i - 1].form == "''"))
      continue;
    Trigger best{};
    bool found = false;
    for (const auto& lemma : lex_->lemmas_of(s.tokens[i], c.low[i])) {
      for (uint32_t pi : lex_->patterns_with_trigger(lemma)) {
        const EventPattern& p = lex_->pattern(pi);
        // "countries that took part": a relative "that" is no determiner
        const bool after_det = i > 0 && kDeterminers.count(c.low[i - 1]) &&
                               !(c.low[i - 1] == "that" && s.tokens[i - 1].upos == "PRON");
        if (!p.noun && after_det) continue;  // "the attack" is a noun
        // with a tagger: verb patterns on verbs only ("a territorial dispute" is no dispute)
        // and adjective patterns on adjectives ("is ready to talk")
        if (!p.noun && !s.tokens[i].upos.empty() && s.tokens[i].upos != (p.adjective ? "ADJ" : "VERB")) continue;
        // a participle used as an adjective is a state ("the Israeli-occupied sector",
        // "a government-held area"), not an act
        if (!p.noun && c.parsed && rel_is(s.tokens[i], "amod") && i > 0 && c.low[i - 1] == "-") continue;
        // "attacked" is a verb; an adjective opens a longer nominal pattern ("retaliatory measures")
        if (p.noun && !is_noun_form(s.tokens[i], c.low[i], lemma) && !(p.words() > 1 && s.tokens[i].upos == "ADJ"))
          continue;
        Trigger t{i, i, pi, -1, -1, p.words() * 10};
        uint32_t pos = i + 1;
        bool ok = true;
        // In the passive the pattern's object stands before the verb: "talks with the
        // ELN were called off" is "call off talk".
        int passive_object = !p.noun && c.parsed ? child_with(c, i, "nsubj:pass") : -1;
        for (size_t e = 1; e < p.elements.size() && ok; ++e) {
          const auto& el = p.elements[e];
          if (el.kind == PatternElement::Kind::Word && passive_object >= 0 &&
              lex_->matches(s.tokens[static_cast<size_t>(passive_object)], c.low[static_cast<size_t>(passive_object)],
                            el.lemma)) {
            passive_object = -1;
            continue;
          }
          ok = false;
          // a hyphenated word counts as one ("a face-to-face meeting")
          for (uint32_t j = pos, hyphens = 0; j < n && j <= pos + kMaxGap + hyphens; ++j) {
            if (c.low[j] == "-") hyphens += 2;
            if (is_clause_break(c.low[j])) break;
            if (el.kind == PatternElement::Kind::Word) {
              // a pattern word may be a role word inside a mention ("expelled the ambassador",
              // "withdrew troops from Niger"), but never a name
              if (c.mention_at[j] >= 0 && !s.mentions[c.mention_at[j]].is_pronoun &&
                  std::isupper(static_cast<unsigned char>(s.tokens[j].form[0])))
                break;
              if (lex_->matches(s.tokens[j], c.low[j], el.lemma)) {
                t.last = j;
                pos = j + 1;
                ok = true;
                break;
              }
            } else if ((p.adjacent && (j > pos + 2 || c.low[j] == "of")) || c.low[j] == ",") {
              break;  // "received asylum from his ally, Russian media said": no slot across a comma
            } else if (c.mention_at[j] >= 0 && !is_bare_possessive(c, c.mention_at[j]) &&
                       !(e == 1 && !p.noun && outside_object(c, i, s.mentions[c.mention_at[j]]))) {
              const int m = c.mention_at[j];
              (el.kind == PatternElement::Kind::Target ? t.target : t.source) = m;
              pos = s.mentions[m].last + 1;
              t.score += 1;
              ok = true;
              break;
            }
          }
        }
        // A target slot at the end is optional: "agreed to restore relations" still
        // codes, its target then comes from the sentence ("Iran and Saudi Arabia agreed").
        if (!ok && !p.adjacent && p.elements.back().kind == PatternElement::Kind::Target && t.target < 0 &&
            all_words_matched(p, t, s, c, *lex_))
          ok = true;
        if (ok && (!found || t.score > best.score)) {
          best = t;
          found = true;
        }
      }
    }
    if (found) triggers.push_back(best);
  }
  // A word inside a longer nominal pattern's match is part of that event: "the trade war
  // between the US and China" is no war (but "rejected the UN's demand" reports a demand).
  std::erase_if(triggers, [&](const Trigger& t) {
    return std::any_of(triggers.begin(), triggers.end(), [&](const Trigger& o) {
      return o.first < t.first && t.first <= o.last && lex_->pattern(o.pattern).noun;
    });
  });

  // 2. Arguments and modality for each trigger.
  struct Candidate {
    int source, target;
    std::string code;
    const Trigger* trig;
    Modality mod;
    bool statement = false;  // from a speech verb: target = what the content is about
  };
  std::vector<Candidate> cands;
  // Event nouns that refer back ("the strike occurred"): coded from the memory below.
  struct Anaphor {
    const Trigger* trig;
    std::string code;
    Modality mod;
    uint32_t first, last;  // "the strike"
    int target;            // a mention, when the sentence names it ("targeted the home of a family")
  };
  std::vector<Anaphor> anaphors;
  // Statements about the article's counterpart of the speaker, coded once the sentence's
  // own mentions have served every trigger.
  struct TopicStatement {
    int speaker;
    EventMemory::Party about;
    std::string code;
    const Trigger* trig;
    Modality mod;
  };
  std::vector<TopicStatement> topics;
  // Event nouns with a participant but no actor ("the meeting of the UN Security Council").
  std::vector<std::pair<std::string, int>> sightings;
  for (const auto& t : triggers) {
    const EventPattern& p = lex_->pattern(t.pattern);
    const uint32_t i = t.first;
    Modality mod = Modality::Asserted;
    // negation and modality in the few words before the trigger; a noun's own are in
    // its phrase ("no attacks"): "will not tolerate Houthi attacks" does not deny them
    uint32_t window = i >= 5 ? i - 5 : 0;
    if (p.noun && c.parsed) {
      window = i;
      while (window > 0 && i - window < 5 && is_nominal_modifier(s.tokens[window - 1], c.low[window - 1])) --window;
    }
    for (uint32_t k = window; k < i; ++k) {
      if (is_clause_break(c.low[k]) || c.low[k] == ",") { mod = Modality::Asserted; continue; }
      // "failed to create a rift" denies it; "failed negotiations" happened
      const bool negating_verb = kNegatingVerbs.count(c.low[k]) && s.tokens[k].upos != "ADJ" &&
                                 !(k + 1 < n && s.tokens[k + 1].upos == "NOUN" && s.tokens[k].upos != "");
      if (kNegators.count(c.low[k]) || negating_verb) mod = Modality::Negated;
      else if (kModals.count(c.low[k]) && mod != Modality::Negated) mod = Modality::Hypothetical;
    }
    if (i >= 1 && c.low[i - 1] == "to" && !p.noun && mod == Modality::Asserted) {
      // "began to shell", and "caused Trump to add Cuba": the governing verb says it happened
      bool realised = i >= 2 && kRealisingVerbs.count(c.low[i - 2]);
      if (!realised && c.parsed && (rel_is(s.tokens[i], "xcomp") || rel_is(s.tokens[i], "advcl")) &&
          s.tokens[i].head >= 0)
        realised = kCausingVerbs.count(s.tokens[static_cast<size_t>(s.tokens[i].head)].lemma) > 0;
      if (!realised) mod = Modality::Hypothetical;
    }
    // "a proposal by Putin to resume negotiations with Ukraine": what a proposal or an
    // offer puts forward is the proposer's intent (036), as "Putin proposed to resume".
    const bool proposed = !p.noun && future_ && mod == Modality::Hypothetical && i >= 2 && c.low[i - 1] == "to" &&
                          proposed_by_noun(c, i - 1);
    if (i >= 1 && (c.low[i - 1] == "of" || c.low[i - 1] == "for") && !p.noun && mod == Modality::Asserted &&
        alleged_by_clause(c, i - 1))
      mod = Modality::Hypothetical;
    if (mod == Modality::Asserted && c.parsed && under_allegation(c, i)) mod = Modality::Hypothetical;
    if (question) mod = Modality::Hypothetical;
    // A cooperative act in a certain future -- "will visit Beijing", or "would" reported
    // after a speech verb ("Medinsky said the swap would take place") -- is the intent the
    // sentence reports (036, 0353); refusing it ("said Putin would not attend") is a
    // rejection (125). Acts of conflict have no such codes and stay as they are.
    std::string code = p.code;
    if (proposed && !future_->intent_of(p.code).empty()) {
      code = future_->intent_of(p.code);
      mod = Modality::Asserted;
    }
    bool refusal = false;  // a rejection needs someone rejected: "he would not negotiate" alone is none
    if (!p.noun && future_ && !question) {
      bool will = false, would = false, other_modal = false, negated = false;
      for (uint32_t k = window; k < i; ++k) {
        const std::string& w = c.low[k];
        if (is_clause_break(w) || w == ",") will = would = other_modal = negated = false;
        else if (w == "will" || w == "shall" || w == "'ll") will = true;
        else if (w == "would") would = true;
        else if (kModals.count(w)) other_modal = true;
        else if (w == "not" || w == "n't" || w == "never") negated = true;
      }
      // "will release the sailors if London apologises": a condition after it
      bool conditional = false;
      for (uint32_t k = t.last + 1; k < n && !is_clause_break(c.low[k]); ++k)
        conditional = conditional || c.low[k] == "if" || c.low[k] == "unless";
      // "asked if there will ever be a situation when he will meet the Taliban": a clause
      // under "if"/"whether" is no certain future
      conditional = conditional || (c.parsed && under_condition(c, i));
      if (conditional && (will || would)) mod = Modality::Hypothetical;
      if (!other_modal && !conditional && (will || (would && c.parsed && reported_speech(c, i, *lex_)))) {
        const std::string changed = negated ? future_->refusal_of(p.code) : future_->intent_of(p.code);
        if (!changed.empty()) {
          code = changed;
          mod = Modality::Asserted;
          refusal = negated;
        }
      }
    }

    // passive: "was attacked by X"
    bool passive = false;
    if (c.parsed) {
      passive = !p.noun && (dep_passive(c, i) || reduced_passive(c, i));
    } else if (!p.noun && i >= 1) {
      uint32_t k = i - 1;
      if (k > 0 && (c.low[k].size() > 2 && c.low[k].substr(c.low[k].size() - 2) == "ly")) --k;
      passive = kBe.count(c.low[k]) > 0 && c.low[i].size() > 2 &&
                (c.low[i].substr(c.low[i].size() - 2) == "ed" || c.low[i].substr(c.low[i].size() - 2) == "en" ||
                 c.low[i] != fold_case(p.elements[0].lemma));
      if (passive && (c.low[i].size() > 3 && c.low[i].substr(c.low[i].size() - 3) == "ing")) passive = false;
    }

    int source = t.source, target = t.target;
    auto nearest_left = [&](uint32_t from, uint32_t max_back) {
      int best = -1;
      for (uint32_t k = from; k-- > 0 && from - k <= max_back;) {
        if (is_clause_break(c.low[k])) break;
        const int m = c.mention_at[k];
        if (m < 0) continue;
        if (preceded_by_locative(c, s.mentions[m])) { k = s.mentions[m].first; continue; }
        // skip "according to X", possessed nouns ("X's")
        best = m;
        break;
      }
      return best;
    };
    auto first_right = [&](uint32_t from, uint32_t max_ahead, bool stop_at_comma) {
      for (uint32_t k = from; k < n && k <= from + max_ahead; ++k) {
        if (is_clause_break(c.low[k]) || (stop_at_comma && c.low[k] == ",")) break;
        if (c.low[k] == "that" || c.low[k] == "which" || c.low[k] == "who") break;
        const int m = c.mention_at[k];
        if (m < 0) continue;
        if (preceded_by_locative(c, s.mentions[m])) { k = s.mentions[m].last; continue; }
        if (is_bare_possessive(c, m)) continue;  // "his Iranian counterpart": not the object
        return m;
      }
      return -1;
    };

    if (p.say) {
      // Speaker: slot; after a pattern ending in a preposition ("according to X");
      // else the subject before; else "..., X said" after.
      const auto& last_el = p.elements.back();
      if (source < 0 && last_el.kind == PatternElement::Kind::Word &&
          (last_el.lemma == "to" || last_el.lemma == "by" || last_el.lemma == "from")) {
        source = first_right(t.last + 1, 2, true);
        if (source < 0) continue;  // "according to diplomats": no actor speaks
      }
      // "was reported by Russian agencies": the speaker is the agent, never the subject
      if (source < 0 && c.parsed && dep_passive(c, i)) {
        source = dep_oblique(c, i, "by");
        if (source < 0) continue;
      }
      if (source < 0 && c.parsed) source = dep_subject(c, i);  // also "..., X said"
      if (source < 0) source = nearest_left(i, 12);
      if (source < 0) {
        for (uint32_t k = t.last + 1; k < n && k <= t.last + 8; ++k)
          if (c.mention_at[k] >= 0) { source = c.mention_at[k]; break; }
      }
      if (source < 0) continue;
      if (s.mentions[source].role == "MED") continue;  // outlets that merely report
      // "Obama and Putin said ...": each speaker; the content is the rest of the
      // sentence, and the statement is about the actors in it.
      const auto speakers = coordinated(c, source);
      std::set<std::string> speaker_countries;
      for (int sp : speakers) speaker_countries.insert(s.mentions[sp].country);
      // "X said ..., but Y said he was unaware": a speaker opening a second clause speaks
      // about what follows, not about the actors of the clause before
      uint32_t content_from = 0;
      if (s.mentions[source].last < t.first) {
        uint32_t k = s.mentions[source].first;
        while (k > 0 && kDeterminers.count(c.low[k - 1])) --k;
        static const std::unordered_set<std::string> kClauseJoin = {"and", "but", "while", "whereas", ";"};
        if (k > 0 && kClauseJoin.count(c.low[k - 1]))
          for (int sp : speakers) content_from = std::max(content_from, s.mentions[sp].first);
      }
      // "'The tariffs seriously violate WTO rules,' the ministry said": the content's
      // words of judgement make the statement a criticism (data/events/statement_cues.tsv)
      if (cues_ && code == "010")
        for (uint32_t k = content_from; k < n; ++k) {
          if (k >= t.first && k <= t.last) continue;
          if (std::any_of(speakers.begin(), speakers.end(),
                          [&](int sp) { return k >= s.mentions[sp].first && k <= s.mentions[sp].last; }))
            continue;
          const std::string* cue = cues_->code_of(s.tokens[k].lemma);
          if (!cue) cue = cues_->code_of(c.low[k]);
          if (cue) {
            code = *cue;
            break;
          }
        }
      std::set<std::string> seen;
      for (int m = 0; m < static_cast<int>(s.mentions.size()); ++m) {
        const Mention& mm = s.mentions[m];
        if (mm.last < content_from) continue;
        if (speaker_countries.count(mm.country)) continue;
        if (mm.role == "MED" || (mm.first >= t.first && mm.last <= t.last)) continue;
        if (preceded_by_locative(c, mm) || is_bare_possessive(c, m)) continue;  // "in Moscow", "its"
        if (!seen.insert(mm.country).second) continue;
        for (int sp : speakers)
          cands.push_back({sp, m, code, &t, mod == Modality::Hypothetical ? Modality::Asserted : mod, true});
      }
      // "Islamabad has denied any involvement, calling efforts to tie Pakistan to the
      // attack ...": a denial that names no one else answers the accusation against the
      // speaker; it is aimed at the accuser, not at the act it mentions.
      if (seen.empty() && p.elements[0].lemma == "deny")
        if (const auto accuser = accuser_of(memory, s.mentions[source].country);
            accuser && !speaker_countries.count(accuser->country)) {
          const int m = add_implicit_mention(s, t.first, t.last, *accuser);
          for (int sp : speakers)
            cands.push_back({sp, m, code, &t, mod == Modality::Hypothetical ? Modality::Asserted : mod, true});
          continue;
        }
      // "said the strike occurred": a remembered act in the content is about its actor
      for (uint32_t k = 0; k < n; ++k) {
        if (!remembered[k] || speaker_countries.count(remembered[k]->source->country) ||
            seen.count(remembered[k]->source->country))
          continue;
        const int m = refer_back(k, "");
        seen.insert(s.mentions[m].country);
        for (int sp : speakers)
          cands.push_back({sp, m, code, &t, mod == Modality::Hypothetical ? Modality::Asserted : mod, true});
      }
      // "both sides acknowledged ...", "the two countries released a statement": joint
      // statements with nobody else in them are about each other
      if (seen.empty() && speaker_countries.size() >= 2)
        for (int a : speakers)
          for (int b : speakers)
            if (distinct_parties(c, a, b)) cands.push_back({a, b, code, &t, mod});
      // "'We have not yet signed substantial agreements,' he said", in a story on the
      // government's talks with the ELN: a speaker's words with no actor in them are
      // about the counterpart the article reports the speaker's side dealing with.
      if (seen.empty() && speaker_countries.size() == 1 && s.mentions[source].role != "CVL")
        if (auto other = counterpart(memory, s.mentions[source]))
          topics.push_back({source, std::move(*other), code, &t, mod == Modality::Hypothetical ? Modality::Asserted : mod});
      continue;
    }

    if (p.noun) {
      if (source < 0) {
        // possessor or adjective right before: "Russia's invasion", "Israeli missile strike"
        for (uint32_t k = i; k-- > 0 && i - k <= 5;) {
          if (c.mention_at[k] >= 0) {
            // "the Riyadh talks": a city naming the venue is no possessor
            const Mention& pm = s.mentions[c.mention_at[k]];
            if (!(pm.capital && k + 1 < n && c.low[k + 1] != "'s")) source = c.mention_at[k];
            break;
          }
          if (!is_nominal_modifier(s.tokens[k], c.low[k])) break;
        }
      }
      if (source < 0) {  // "attacks by the militia", "efforts by the regional groupings of CARICOM"
        for (uint32_t k = t.last + 1; k + 1 < n && k <= t.last + 4; ++k)
          if (c.low[k] == "by") {
            source = first_right(k + 1, 5, true);
            break;
          }
      }
      if (source < 0 && c.parsed) {  // "China imposed retaliatory measures", "the ELN took part in talks with"
        uint32_t noun = i;  // the phrase's head: "retaliatory" -> "measures"
        while ((rel_is(s.tokens[noun], "amod") || rel_is(s.tokens[noun], "compound")) &&
               s.tokens[noun].head > static_cast<int>(noun))
          noun = static_cast<uint32_t>(s.tokens[noun].head);
        const int verb = s.tokens[noun].head;
        if (verb >= 0 && ((rel_is(s.tokens[noun], "obj") && kSupportVerbs.count(s.tokens[static_cast<size_t>(verb)].lemma)) ||
                          (rel_is(s.tokens[noun], "obl") && takes_part_in(c, static_cast<uint32_t>(verb)))))
          source = dep_subject(c, static_cast<uint32_t>(verb));
      }
      if (source < 0 && t.last + 2 < n && c.low[t.last + 1] == "between") {
        // "talks between A and B", "the conflict between Israel and Hamas": mutual
        const int first = first_right(t.last + 2, 6, true);  // "between the leaders of the two countries"
        if (first >= 0) {
          const auto group = coordinated(c, first);
          for (int a : group)
            for (int b : group)
              if (distinct_parties(c, a, b)) cands.push_back({a, b, code, &t, mod});
          continue;
        }
      }
      if (target < 0 && !p.notarget) {
        for (uint32_t k = t.last + 1; k + 1 < n && k <= t.last + 3; ++k) {
          const std::string& w = c.low[k];
          if (kTopical.count(w) && p.code.compare(0, 2, "04") == 0) break;  // "a meeting on Syria"
          if (w == "on" || w == "against" || w == "of" || w == "with" || w == "to" || w == "between") {
            const int m = first_right(k + 1, 3, true);
            if (m >= 0 && m != source) target = m;
            break;
          }
        }
      }
      // "the Taliban rejected its demand", "Kyiv welcomed Moscow's offer": an appeal,
      // offer or demand is addressed to whoever answers it
      const uint32_t noun_word = s.tokens[t.first].deprel == "obj" ? t.first : t.last;
      if (target < 0 && !p.notarget && c.parsed && source >= 0 && s.tokens[noun_word].deprel == "obj" &&
          (code < "04" || code.compare(0, 2, "10") == 0) && code >= "02") {
        target = dep_subject(c, static_cast<uint32_t>(s.tokens[noun_word].head));
        if (target >= 0 && !distinct_parties(c, source, target)) target = -1;
      }
      // "an Israeli missile strike hit the Iranian embassy": the nominal event's target
      // is the object of the verb it is the subject of.
      const uint32_t noun_head = p.elements.back().kind == PatternElement::Kind::Word ? t.last : t.first;
      if (target < 0 && !p.notarget && c.parsed && s.tokens[noun_head].deprel == "nsubj" &&
          s.tokens[noun_head].head >= 0) {
        const auto h = static_cast<uint32_t>(s.tokens[noun_head].head);
        target = dep_object(c, h);
        if (target < 0) {  // "hit the building in the compound of the Iranian embassy"
          for (uint32_t ch : c.children[h]) {
            // "wrapped up without recognition of the Taliban government": no one it was on
            if (!rel_is(s.tokens[ch], "obl") || has_case(c, ch, "without")) continue;
            const int m = mention_in_phrase(c, ch);
            if (m >= 0 && !s.mentions[m].capital) { target = m; break; }
          }
        }
        if (target == source) target = -1;
      }
      if (source < 0) {
        // only acts of force are told on by their noun ("the strike targeted the home"),
        // and others as they take place ("the talks were held over four days"); "the
        // demand is interference" reports nothing new
        const uint32_t noun = t.first;
        const int governor = s.tokens[noun].head;
        bool occurs = governor >= 0 && kOccurrenceVerbs.count(s.tokens[static_cast<size_t>(governor)].lemma);
        if (occurs && s.tokens[static_cast<size_t>(governor)].lemma == "take") {  // "take place", not "take effect"
          const int obj = child_with(c, static_cast<uint32_t>(governor), "obj");
          occurs = obj >= 0 && c.low[static_cast<size_t>(obj)] == "place";
        }
        if ((is_force_root(code) || occurs) && is_definite_subject(c, noun)) {
          const int det = child_with(c, t.first, "det");
          anaphors.push_back({&t, code, mod, det >= 0 ? static_cast<uint32_t>(det) : t.first, t.first, target});
        } else if (target >= 0) {
          sightings.emplace_back(event_noun(p), target);
        }
        continue;
      }
    } else if (passive) {
      // in the passive the slot after the verb holds the agent ("attacked by Russia")
      if (target >= 0 && s.mentions[target].first > 0) {
        uint32_t k = s.mentions[target].first - 1;
        while (k > 0 && kDeterminers.count(c.low[k])) --k;  // "killed by the Malaysia Airlines crash"
        if (c.low[k] == "by") target = -1;
      }
      if (c.parsed) {
        source = dep_oblique(c, i, "by");
        // "by conservative then-president Ivan Duque", parsed with the adjective as agent
        for (uint32_t k = t.last + 1; source < 0 && k + 1 < n && k <= t.last + 6; ++k)
          if (c.low[k] == "by") source = first_right(k + 1, 5, true);
        if (target < 0 && !p.notarget) {
          const int subj = child_with(c, i, "nsubj:pass");
          if (subj >= 0) target = mention_in_phrase(c, static_cast<uint32_t>(subj));
          else if (reduced_passive(c, i)) target = mention_in_phrase(c, static_cast<uint32_t>(s.tokens[i].head));
        }
      } else {
        for (uint32_t k = t.last + 1; k + 1 < n && k <= t.last + 6; ++k)
          if (c.low[k] == "by") { source = first_right(k + 1, 3, true); break; }
        if (target < 0 && !p.notarget) target = nearest_left(i, 15);
      }
      if (source < 0) continue;  // agentless passive: no source
    } else if (source >= 0) {
      // the pattern names the giver ("received asylum from %"): the subject receives
      if (target < 0 && !p.notarget) target = c.parsed ? dep_subject(c, i) : nearest_left(i, 25);
    } else {
      if (source < 0 && c.parsed) {
        source = dep_subject(c, i);
        if (source < 0) source = listed_members(c, i, t.last);
        // the parse names a subject that is no actor ("The deal was struck"): no event
        if (source < 0 && child_with(c, i, "nsubj") >= 0) continue;
      }
      if (source < 0 && !noun_before(c, i)) source = nearest_left(i, 25);
      if (source < 0) continue;
      if (target < 0 && !p.notarget) {
        const int m = c.parsed ? dep_object(c, i) : first_right(t.last + 1, 8, false);
        if (m >= 0) target = m;
        else if (c.parsed) target = first_right(t.last + 1, 4, true);
        // "held a meeting on Syria": what a meeting is about is no participant
        if (target >= 0 && p.code.compare(0, 2, "04") == 0 && s.mentions[target].first > 0 &&
            kTopical.count(c.low[s.mentions[target].first - 1]))
          target = -1;
      }
    }
    if (target == source) target = -1;
    // Force used or shown with no actor as object is aimed at the place it is used in:
    // "struck targets in Yemen", "held military exercises near Taiwan", and foreigners
    // protesting in a country protest against it.
    if (target < 0 && aims_at_place(p.code)) target = place_of_force(c, t.last, source);

    auto sources = coordinated(c, source);
    // "Russia and Ukraine concluded their meeting": "their" is the coordinated subject
    if (s.mentions[source].is_pronoun && (c.low[s.mentions[source].first] == "their" ||
                                          c.low[s.mentions[source].first] == "they")) {
      for (int m = 0; m < static_cast<int>(s.mentions.size()); ++m) {
        if (s.mentions[m].first >= s.mentions[source].first) break;
        auto group = coordinated(c, m);
        if (group.size() >= 2) {
          sources = std::move(group);
          break;
        }
      }
    }
    // "American and British fighter jets hit sites": partners in the act are not its target
    if (target >= 0 && std::find(sources.begin(), sources.end(), target) != sources.end()) target = -1;
    // "condemned the attack": the act's actor is the target
    if (target < 0 && !p.noun && !p.notarget && c.parsed && code.compare(0, 3, "045") != 0) {
      const int obj = child_with(c, i, "obj");
      if (obj >= 0) target = refer_back(static_cast<uint32_t>(obj), s.mentions[source].country);
    }
    // "took part in the meeting": whoever the article said the meeting was with
    if (target < 0 && !p.noun && !p.notarget && p.elements.size() > 1 && code.compare(0, 3, "045") != 0) {
      const std::string noun = event_noun(p);
      if (const auto party = noun.empty() ? std::nullopt : chief_party(memory, noun, s.mentions[source].country))
        target = add_implicit_mention(s, t.last, t.last, *party);
    }
    // "Islamabad has denied any involvement": a denial answers the accusation against its
    // speaker, so its target is the accuser, not an act it mentions.
    if (p.elements[0].lemma == "deny" && (target < 0 || s.mentions[target].entry == "event anaphora"))
      if (const auto accuser = accuser_of(memory, s.mentions[source].country))
        target = add_implicit_mention(s, t.first, t.last, *accuser);
    std::vector<int> targets;
    if (target >= 0) targets = coordinated(c, target);
    if (targets.empty()) {
      // "Iran and Saudi Arabia agreed ...": cooperation by coordinated actors is mutual;
      // conflict only when the pattern says so ("India and Pakistan clashed").
      // A description standing for both ("the two countries expelled diplomats") acts on
      // each other whatever the act.
      const bool cooperative = p.code < "09" && p.code.compare(0, 3, "045") != 0;  // co-mediators mediate between others
      const bool one_description = std::all_of(sources.begin(), sources.end(), [&](int m) {
        return s.mentions[m].first == s.mentions[source].first && s.mentions[m].last == s.mentions[source].last;
      });
      if (sources.size() >= 2 && (p.mutual || cooperative || one_description)) {
        for (int a : sources)
          for (int b : sources)
            if (distinct_parties(c, a, b)) cands.push_back({a, b, code, &t, mod});
        continue;
      }
      if (!refusal)
        for (int a : sources) cands.push_back({a, -1, code, &t, mod});
      continue;
    }
    for (int a : sources)
      for (int b : targets) {
        // within one country only between distinct roles ("COLGOV -> COLREB")
        if (!distinct_parties(c, a, b)) continue;
        cands.push_back({a, b, code, &t, mod});
        if (p.mutual && !proposed) cands.push_back({b, a, code, &t, mod});  // a proposal is the proposer's
      }
  }

  // "The strike targeted the home ...": the event noun's actors are those of the act
  // it refers back to, shown on its own words.
  for (const Anaphor& a : anaphors) {
    const EventPattern& p = lex_->pattern(a.trig->pattern);
    const auto* e = recall(memory, event_noun(p), a.code.substr(0, 2), true);
    if (!e) continue;
    const int src = add_implicit_mention(s, a.first, a.last, *e->source);
    int tgt = a.target;
    if (tgt < 0 && e->target) tgt = add_implicit_mention(s, a.first, a.last, *e->target);
    cands.push_back({src, tgt, a.code, a.trig, a.mod});
    if (p.mutual && tgt >= 0) cands.push_back({tgt, src, a.code, a.trig, a.mod});
  }

  // "Fidan, who chairs the talks", "mediation efforts by CARICOM": a mediator's
  // counterparts are the parties it brings together -- those meeting in the sentence,
  // else those of the meeting the article reported last.
  {
    std::vector<Candidate> added;
    for (const auto& cd : cands) {
      if (cd.target >= 0 || cd.code.compare(0, 3, "045") != 0) continue;
      std::vector<int> parties;
      for (const auto& other : cands)
        if (other.code.compare(0, 2, "04") == 0 && other.code.compare(0, 3, "045") != 0 && other.target >= 0 &&
            distinct_parties(c, cd.source, other.source) &&
            std::none_of(parties.begin(), parties.end(),
                         [&](int m) { return s.mentions[m].code == s.mentions[other.source].code; }))
          parties.push_back(other.source);
      if (parties.empty())
        if (const auto* e = recall(memory, "", "04", true); e && e->target)
          for (const auto& party : {*e->source, *e->target})
            if (party.country != s.mentions[cd.source].country)
              parties.push_back(add_implicit_mention(s, cd.trig->first, cd.trig->last, party));
      const bool mutual = lex_->pattern(cd.trig->pattern).mutual;
      for (int m : parties) {
        added.push_back({cd.source, m, cd.code, cd.trig, cd.mod});
        if (mutual) added.push_back({m, cd.source, cd.code, cd.trig, cd.mod});
      }
    }
    cands.insert(cands.end(), added.begin(), added.end());
  }

  for (const auto& ts : topics)
    cands.push_back({ts.speaker, add_implicit_mention(s, ts.trig->first, ts.trig->last, ts.about), ts.code, ts.trig,
                     ts.mod, true});

  // "The US and Britain struck Houthi targets in Yemen. ... American and British jets hit
  // 18 sites": force with no target continues the same actor's last act of force; a
  // sanction with none ("China also rolled out export controls") its last sanction.
  for (auto& cd : cands) {
    const bool force = is_force_root(cd.code), reduction = cd.code.compare(0, 2, "16") == 0;
    if (cd.target >= 0 || cd.statement || cd.mod != Modality::Asserted || !(force || reduction)) continue;
    const std::string& country = s.mentions[cd.source].country;
    for (auto it = memory.entries.rbegin(); it != memory.entries.rend(); ++it) {
      if (memory.sentences - it->sentence > (force ? kContinuationWindow : kReductionWindow)) break;
      if (!(force ? is_force_root(it->root) : it->root == "16") || !it->source || it->source->country != country ||
          !it->target || it->target->country == country)
        continue;
      cd.target = add_implicit_mention(s, cd.trig->first, cd.trig->last, *it->target);
      break;
    }
  }

  // A statement whose content reports acts of other actors is about those actors
  // ("the ministry said Israel launched an aggression targeting the Iranian consulate"
  // is about Israel, not the consulate).
  {
    std::set<std::string> actors_in_content;
    for (const auto& cd : cands)
      if (!cd.statement && cd.mod == Modality::Asserted) actors_in_content.insert(s.mentions[cd.source].country);
    std::vector<Candidate> kept;
    for (const auto& cd : cands) {
      if (cd.statement && !actors_in_content.empty() && !actors_in_content.count(s.mentions[cd.source].country) &&
          !actors_in_content.count(s.mentions[cd.target].country))
        continue;
      kept.push_back(cd);
    }
    cands.swap(kept);
  }

  // "China announced the addition of American companies to its sanctions lists": the
  // speaker's own act with no target is aimed at the one actor the statement is about.
  for (auto& cd : cands) {
    if (cd.target >= 0 || cd.statement || cd.mod != Modality::Asserted || cd.code.compare(0, 2, "01") == 0) continue;
    int about = -1;
    bool single = true;
    for (const auto& st : cands) {
      if (!st.statement || st.target < 0 || s.mentions[st.source].country != s.mentions[cd.source].country) continue;
      if (about >= 0 && s.mentions[about].country != s.mentions[st.target].country) single = false;
      about = st.target;
    }
    // "American and British jets hit sites, according to US officials": a partner in
    // the act is not what it is aimed at
    const bool partner = about >= 0 && std::any_of(cands.begin(), cands.end(), [&](const Candidate& o) {
      return o.trig == cd.trig && s.mentions[o.source].country == s.mentions[about].country;
    });
    if (about >= 0 && single && !partner) cd.target = about;
  }

  // A statement whose speaker does something more specific to the same actor in the
  // same sentence ("China announced tariffs on the US", "Zelensky said he is open to a
  // meeting") is that act, not an 01 as well -- unless it reports an act of force: no one
  // uses force by speaking, so "its forces targeted Gaza, the military said" and "both
  // sides acknowledged an exchange of fire" are statements too.
  std::vector<Candidate> kept;
  for (const auto& cd : cands) {
    bool redundant = false;
    if (cd.code.compare(0, 2, "01") == 0 && cd.target >= 0) {
      for (const auto& other : cands)
        if (other.code.compare(0, 2, "01") != 0 && other.target >= 0 && other.mod == Modality::Asserted &&
            s.mentions[other.source].country == s.mentions[cd.source].country &&
            s.mentions[other.target].country == s.mentions[cd.target].country &&
            !is_force_root(other.code))
          redundant = true;
    }
    if (!redundant) kept.push_back(cd);
  }
  cands.swap(kept);

  // 3. One event per (source, target, root): the most specific code wins.
  std::map<std::tuple<std::string, std::string, std::string, int>, size_t> index;
  for (auto& cd : cands) {
    // Civilians have no military force to use: "protesters invaded the embassy" is a riot.
    if (cd.code.compare(0, 2, "19") == 0 && s.mentions[cd.source].role == "CVL") cd.code = "145";
    const std::string src = s.mentions[cd.source].code;
    const std::string tgt = cd.target >= 0 ? s.mentions[cd.target].code : "---";
    const auto key = std::make_tuple(src, tgt, cd.code.substr(0, 2), static_cast<int>(cd.mod));
    Event e;
    e.source = cd.source;
    e.target = cd.target;
    e.code = cd.code;
    e.trigger_first = cd.trig->first;
    e.trigger_last = cd.trig->last;
    e.rule = lex_->pattern(cd.trig->pattern).where;
    e.modality = cd.mod;
    auto it = index.find(key);
    if (it == index.end()) {
      index.emplace(key, s.events.size());
      s.events.push_back(std::move(e));
    } else if (e.code.size() > s.events[it->second].code.size()) {
      s.events[it->second] = std::move(e);
    }
  }
  // "An Israeli air strike killed 15 members of a Palestinian family": the strike with
  // no target and the killing with one are the same act of the same source.
  // The same root is one event; a different kind of force takes the other's target.
  for (Event& e : s.events) {
    if (e.target >= 0 || !is_force_root(e.code)) continue;
    for (const Event& o : s.events)
      if (o.target >= 0 && o.modality == e.modality && is_force_root(o.code) &&
          o.code.compare(0, 2, e.code, 0, 2) != 0 && s.mentions[o.source].code == s.mentions[e.source].code) {
        e.target = o.target;
        break;
      }
  }
  std::erase_if(s.events, [&](const Event& e) {
    if (e.target >= 0) return false;
    for (const Event& o : s.events)
      if (o.target >= 0 && o.modality == e.modality && o.code.compare(0, 2, e.code, 0, 2) == 0 &&
          s.mentions[o.source].code == s.mentions[e.source].code)
        return true;
    return false;
  });

  // "An Israeli air strike killed 15 members of a family": a verb of force whose subject
  // (or the noun it qualifies) is a nominal act of force of the same source reports that
  // act's effect, not a second act ("a missile strike hit the consulate ... in Damascus":
  // the strike's target, not the place of the hit).
  if (c.parsed) {
    std::vector<bool> effect(s.events.size(), false);
    for (size_t a = 0; a < s.events.size(); ++a) {
      const Event& e = s.events[a];
      // its subject, or the noun it qualifies ("a strike that killed 15")
      if (!is_force_root(e.code)) continue;
      const Token& v = s.tokens[e.trigger_first];
      const int subj = child_with(c, e.trigger_first, "nsubj");
      const int qualified = rel_is(v, "acl") ? v.head : -1;
      auto within = [](const Event& o, int k) {
        return k >= 0 && static_cast<int>(o.trigger_first) <= k && k <= static_cast<int>(o.trigger_last);
      };
      for (Event& o : s.events)
        if (&o != &e && is_force_root(o.code) && o.modality == e.modality && (within(o, subj) || within(o, qualified)) && s.mentions[o.source].code == s.mentions[e.source].code) {
          if (o.target < 0) o.target = e.target;
          effect[a] = true;
          break;
        }
    }
    for (size_t a = s.events.size(); a-- > 0;)
      if (effect[a]) s.events.erase(s.events.begin() + static_cast<std::ptrdiff_t>(a));
  }

  // 4. What this sentence adds to the article's memory.
  for (const Event& e : s.events) {
    if (e.modality != Modality::Asserted || e.source < 0) continue;
    const int pattern = trigger_pattern(triggers, e);
    if (pattern < 0) continue;
    memory.entries.push_back({event_noun(lex_->pattern(static_cast<uint32_t>(pattern))), e.code.substr(0, 2), party_of(s, e.source),
                              e.target >= 0 ? std::optional(party_of(s, e.target)) : std::nullopt, memory.sentences});
  }
  for (const auto& [noun, m] : sightings)
    memory.entries.push_back({noun, "", std::nullopt, party_of(s, m), memory.sentences});
  ++memory.sentences;

  // "The UN committee's meeting wrapped up": a meeting noun with no counterpart in the
  // sentence refers to talks, it reports none (the memory above still knows them).
  std::erase_if(s.events, [&](const Event& e) {
    if (e.target >= 0 || e.code.compare(0, 2, "04") != 0) return false;
    const int pattern = trigger_pattern(triggers, e);
    return pattern >= 0 && lex_->pattern(static_cast<uint32_t>(pattern)).noun;
  });
}

std::string EventCoder::noun_root(const std::string& lemma) const {
  for (uint32_t pi : lex_->patterns_with_trigger(lemma))
    if (lex_->pattern(pi).noun) return lex_->pattern(pi).code.substr(0, 2);
  return {};
}

std::string EventCoder::event_noun(const EventPattern& p) const {
  // the last word that names events on its own: "air strike" -> strike, "take part in
  // meeting" -> meeting, "meeting with $" -> meeting
  for (size_t e = p.elements.size(); e-- > 0;) {
    const auto& el = p.elements[e];
    if (el.kind == PatternElement::Kind::Word && (e > 0 || p.noun) && !noun_root(el.lemma).empty()) return el.lemma;
  }
  return p.noun ? p.elements[0].lemma : std::string();
}

}  // namespace dyad
