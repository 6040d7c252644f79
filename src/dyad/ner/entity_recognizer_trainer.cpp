#include "dyad/ner/entity_recognizer_trainer.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <ostream>
#include <stdexcept>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "dyad/context/gazetteer.h"
#include "dyad/core/tsv.h"
#include "dyad/ner/ner_evaluation.h"
#include "dyad/ner/ner_features.h"
#include "dyad/ner/org_cues.h"
#include "dyad/syntax/perceptron_trainer.h"
#include "dyad/text/tokenizer.h"

namespace dyad::ner {

namespace {

std::vector<std::string> alias_tokens(const Tokenizer& tokenizer, const std::string& alias) {
  std::vector<std::string> out;
  for (Token& t : tokenizer.tokenize(alias)) out.push_back(std::move(t.form));
  return out;
}

std::string lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

// Averaged weights of a small dense vector (the class transitions), on the same clock as
// the emission trainer.
class AveragedVector {
 public:
  explicit AveragedVector(size_t n) : w_(n, 0.0f), total_(n, 0.0), stamp_(n, 1) {}
  const float* current() const { return w_.data(); }
  void add(size_t i, float delta) {
    total_[i] += static_cast<double>(time_ - stamp_[i]) * w_[i];
    stamp_[i] = time_;
    w_[i] += delta;
  }
  void tick() { ++time_; }
  std::vector<float> averaged() const {
    std::vector<float> out(w_.size());
    for (size_t i = 0; i < w_.size(); ++i)
      out[i] = static_cast<float>((total_[i] + static_cast<double>(time_ - stamp_[i]) * w_[i]) /
                                  static_cast<double>(time_));
    return out;
  }

 private:
  std::vector<float> w_;
  std::vector<double> total_;
  std::vector<uint64_t> stamp_;
  uint64_t time_ = 1;
};

// Features of every token of a sentence, computed once.
struct Example {
  std::vector<uint64_t> feats;
  std::vector<uint32_t> offsets;  // token i: feats[offsets[i], offsets[i + 1])
  std::vector<uint8_t> gold;
};

// Words seen at most `rare_count` times in training get a fresh hash at each occurrence,
// so that no weight learns them: the model then leans on shape, affixes and context for
// rare words, as it must for the unseen words of new text.
Example make_example(const LabeledSentence& ls, const Gazetteer& gazetteer, bool use_pos,
                     const std::unordered_map<uint64_t, uint32_t>& counts, uint32_t rare_count,
                     uint64_t sentence_id) {
  Example ex;
  NerSentenceAtoms atoms;
  ner_atoms(ls.sentence, gazetteer, use_pos, atoms);
  for (size_t i = 0; i < atoms.words.size(); ++i) {
    NerWord& w = atoms.words[i];
    auto it = counts.find(w.lower);
    if (it != counts.end() && it->second > rare_count) continue;
    w.form = syntax::mix64(w.form ^ (sentence_id << 16) ^ i);
    w.lower = syntax::mix64(w.lower ^ (sentence_id << 16) ^ i ^ 0x5555);
  }
  const size_t n = ls.sentence.tokens.size();
  ex.offsets.push_back(0);
  for (size_t i = 0; i < n; ++i) {
    ner_features(atoms, static_cast<int>(i), ex.feats);
    ex.offsets.push_back(static_cast<uint32_t>(ex.feats.size()));
  }
  ex.gold = spans_to_classes(ls.entities, n);
  return ex;
}

double dev_f1(const EntityRecognizer& r, const std::vector<LabeledSentence>& dev) {
  NerScores scores;
  for (const auto& ls : dev) scores.add(ls.entities, r.recognize(ls.sentence));
  return scores.overall().f1();
}

// Dev F1 under the recognizer's current O penalty and type biases, from emission
// scores computed once (the biases only change decoding).
double dev_f1_scored(const EntityRecognizer& r, const std::vector<LabeledSentence>& dev,
                     const std::vector<std::vector<float>>& scores) {
  NerScores total;
  std::vector<float> work;
  std::vector<uint8_t> classes;
  for (size_t k = 0; k < dev.size(); ++k) {
    work = scores[k];
    r.decode(work, classes);
    std::vector<EntitySpan> spans = classes_to_spans(classes);
    std::erase_if(spans, [](const EntitySpan& e) { return e.type == EntityType::Other; });
    total.add(dev[k].entities, spans);
  }
  return total.overall().f1();
}

// The perceptron favours O (recall < precision), some types more than others: picks the
// O penalty (0 to 10 by 0.25), then a bias per type (-2 to 2 by 0.25, two rounds of
// coordinate ascent), each kept only when it raises dev F1.
double tune_biases(EntityRecognizer& r, const std::vector<LabeledSentence>& dev, double f1, std::ostream* log) {
  std::vector<std::vector<float>> scores(dev.size());
  for (size_t k = 0; k < dev.size(); ++k) r.emission_scores(dev[k].sentence, scores[k]);
  float best_penalty = r.outside_penalty();
  for (int step = 0; step <= 40; ++step) {
    r.set_outside_penalty(0.25f * static_cast<float>(step));
    const double v = dev_f1_scored(r, dev, scores);
    if (v > f1) {
      f1 = v;
      best_penalty = r.outside_penalty();
    }
  }
  r.set_outside_penalty(best_penalty);
  if (log) *log << "ner: O penalty " << best_penalty << " (dev F1 " << 100 * f1 << ")\n";
  for (int round = 0; round < 2; ++round) {
    for (EntityType t : {EntityType::Per, EntityType::Org, EntityType::Loc}) {
      float best = r.type_bias(t);
      for (int step = -8; step <= 8; ++step) {
        r.set_type_bias(t, 0.25f * static_cast<float>(step));
        const double v = dev_f1_scored(r, dev, scores);
        if (v > f1) {
          f1 = v;
          best = r.type_bias(t);
        }
      }
      r.set_type_bias(t, best);
    }
  }
  if (log)
    *log << "ner: type biases PER " << r.type_bias(EntityType::Per) << ", ORG " << r.type_bias(EntityType::Org)
         << ", LOC " << r.type_bias(EntityType::Loc) << " (dev F1 " << 100 * f1 << ")\n";
  return f1;
}

}  // namespace

Gazetteer build_gazetteer(const std::string& actors_dir, const Abbreviations& abbreviations,
                          const std::string& word_list) {
  const Tokenizer tokenizer(&abbreviations);
  Gazetteer g;
  {
    std::ifstream in(word_list);
    if (!in) throw std::runtime_error(word_list + ": cannot read the word list (apt-get install wamerican)");
    std::string w;
    while (std::getline(in, w)) {
      if (w.empty() || w.find('\'') != std::string::npos) continue;
      g.add({w}, w[0] >= 'A' && w[0] <= 'Z' ? GazType::WordCapital : GazType::WordLower);
    }
  }
  // Role words are not name words ("President" of "President Obama").
  std::unordered_set<std::string> role_words;
  const std::string roles = actors_dir + "/roles.tsv";
  for_each_tsv_row(roles, [&](const TsvRow& row) {
    if (row.field(0) != "role") throw std::runtime_error(row.where() + ": unknown row type '" + row.field(0) + "'");
    for (const std::string& alias : split(row.field(2), '|')) {
      auto toks = alias_tokens(tokenizer, trim(alias));
      g.add(toks, GazType::Role);
      for (const auto& t : toks) role_words.insert(lower(t));
    }
  });
  for (const char* file : {"countries.tsv", "organizations.tsv", "groups.tsv", "places.tsv", "people.tsv"}) {
    for_each_tsv_row(actors_dir + "/" + file, [&](const TsvRow& row) {
      const std::string& kind = row.field(0);
      GazType type;
      if (kind == "country") type = GazType::Country;
      else if (kind == "adj") type = GazType::Adjective;
      else if (kind == "capital") type = GazType::Capital;
      else if (kind == "epithet") type = GazType::Epithet;
      else if (kind == "org") type = GazType::Organization;
      else if (kind == "place") type = GazType::Place;
      else if (kind == "person") type = GazType::Person;
      else throw std::runtime_error(row.where() + ": unknown row type '" + kind + "'");
      for (const std::string& alias : split(row.field(2), '|')) {
        auto toks = alias_tokens(tokenizer, trim(alias));
        g.add(toks, type);
        if (type != GazType::Person) continue;
        for (const auto& t : toks) {
          if (t.size() > 1 && t[0] >= 'A' && t[0] <= 'Z' && t.back() != '.' && !role_words.count(lower(t)))
            g.add({t}, GazType::PersonWord);
        }
      }
    });
  }
  const std::string data_dir = std::filesystem::path(actors_dir).parent_path().string();
  for (const std::string& cue : read_org_cues(data_dir + "/" + kOrgCuesFile)) g.add({cue}, GazType::OrgCue);
  // Place names: libgeonames cities and regions, data/geo seas and sites.
  const dyad::Gazetteer places = dyad::Gazetteer::load(data_dir, tokenizer, true);
  for (uint32_t id = 0; id < places.size(); ++id) {
    const Place& p = places.place(id);
    GazType type;
    if (p.kind == "city") type = p.population >= 100000 ? GazType::BigCity : GazType::Town;
    else if (p.kind == "region") type = GazType::Region;
    else if (p.kind == "country") continue;  // countries.tsv already
    else type = GazType::Site;
    g.add(alias_tokens(tokenizer, p.name), type);
  }
  g.finish();
  return g;
}

namespace {

// One training run: options.epochs epochs; keeps the epoch with the best dev F1 (the last
// when dev is empty) and reports which in `kept_epoch`.
EntityRecognizer train_run(const std::vector<LabeledSentence>& train, const std::vector<LabeledSentence>& dev,
                           const Gazetteer& gazetteer, const NerTrainOptions& options, int& kept_epoch) {
  constexpr int K = kNumClasses;
  std::unordered_map<uint64_t, uint32_t> counts;
  {
    NerSentenceAtoms atoms;
    for (const auto& ls : train) {
      ner_atoms(ls.sentence, gazetteer, false, atoms);
      for (const NerWord& w : atoms.words) ++counts[w.lower];
    }
  }
  std::vector<Example> examples;
  examples.reserve(train.size());
  for (size_t k = 0; k < train.size(); ++k)
    examples.push_back(make_example(train[k], gazetteer, options.use_pos, counts, options.rare_count, k));

  // Ensemble members: the same examples, each shuffled by its own seed (seed, seed + 1,
  // ...); each epoch their averaged weights are averaged into one model.
  struct Member {
    syntax::PerceptronTrainer emissions{K};
    AveragedVector transitions{kNumTransitionWeights};
    syntax::Rng rng;
    std::vector<size_t> order;
    size_t tokens = 0, errors = 0;
    explicit Member(uint64_t seed) : rng(seed) {}
  };
  const int members_count = std::max(1, options.ensemble);
  std::vector<std::unique_ptr<Member>> members;
  for (int m = 0; m < members_count; ++m) {
    members.push_back(std::make_unique<Member>(options.seed + static_cast<uint64_t>(m)));
    members.back()->order.resize(examples.size());
    for (size_t i = 0; i < examples.size(); ++i) members.back()->order[i] = i;
  }
  auto trans_index = [](int prev, int cur) { return static_cast<size_t>((prev + 1) * K + cur); };
  auto run_epoch = [&](Member& mb) {
    std::vector<float> scores;
    std::vector<uint8_t> pred;
    mb.rng.shuffle(mb.order);
    mb.tokens = mb.errors = 0;
    for (size_t idx : mb.order) {
      const Example& ex = examples[idx];
      const size_t n = ex.gold.size();
      scores.assign(n * K, 0.0f);
      for (size_t i = 0; i < n; ++i)
        mb.emissions.score(&ex.feats[ex.offsets[i]], ex.offsets[i + 1] - ex.offsets[i], &scores[i * K]);
      viterbi_classes(scores.data(), n, mb.transitions.current(), pred);
      mb.tokens += n;
      if (pred != ex.gold) {
        for (size_t i = 0; i < n; ++i) {
          if (pred[i] != ex.gold[i]) {
            ++mb.errors;
            mb.emissions.update(&ex.feats[ex.offsets[i]], ex.offsets[i + 1] - ex.offsets[i], ex.gold[i], pred[i]);
          }
          const int gp = i ? ex.gold[i - 1] : -1, pp = i ? pred[i - 1] : -1;
          if (gp != pp || ex.gold[i] != pred[i]) {
            mb.transitions.add(trans_index(gp, ex.gold[i]), 1.0f);
            mb.transitions.add(trans_index(pp, pred[i]), -1.0f);
          }
        }
        if (ex.gold[n - 1] != pred[n - 1]) {
          mb.transitions.add(trans_index(K, ex.gold[n - 1]), 1.0f);
          mb.transitions.add(trans_index(K, pred[n - 1]), -1.0f);
        }
      }
      mb.emissions.tick();
      mb.transitions.tick();
    }
  };

  EntityRecognizer best;
  double best_f1 = -1;
  int best_epoch = 0;
  for (int epoch = 1; epoch <= options.epochs; ++epoch) {
    // Members are independent: two threads (each member's result does not depend on
    // which thread ran it).
    {
      std::thread second;
      auto odd = [&] {
        for (size_t m = 1; m < members.size(); m += 2) run_epoch(*members[m]);
      };
      if (members.size() > 1 && options.threads > 1) second = std::thread(odd);
      for (size_t m = 0; m < members.size(); m += (second.joinable() ? 2 : 1)) run_epoch(*members[m]);
      if (second.joinable()) second.join();
    }
    std::vector<const syntax::PerceptronTrainer*> trainers;
    std::vector<float> trans(kNumTransitionWeights, 0.0f);
    size_t tokens = 0, errors = 0;
    for (const auto& mb : members) {
      trainers.push_back(&mb->emissions);
      const std::vector<float> t = mb->transitions.averaged();
      for (size_t i = 0; i < t.size(); ++i) trans[i] += t[i] / static_cast<float>(members.size());
      tokens += mb->tokens;
      errors += mb->errors;
    }
    EntityRecognizer r(members.size() == 1 ? members[0]->emissions.averaged(options.prune, options.min_updates)
                                           : syntax::PerceptronTrainer::averaged(trainers, options.prune,
                                                                                 options.min_updates),
                       members.size() == 1 ? members[0]->transitions.averaged() : trans, gazetteer,
                       options.use_pos);
    // Epochs compete with their biases tuned: the O penalty shifts the best epoch.
    const double f1 = dev.empty() ? 0.0
                      : options.tune_outside_penalty ? tune_biases(r, dev, dev_f1(r, dev), nullptr)
                                                     : dev_f1(r, dev);
    if (options.log)
      *options.log << "ner epoch " << epoch << ": train token errors " << errors << "/" << tokens
                   << ", dev F1 " << 100 * f1 << ", " << r.model().num_features() << " features\n";
    if (dev.empty() || f1 > best_f1) {
      best_f1 = f1;
      best_epoch = epoch;
      best = std::move(r);
    }
  }
  if (options.log && !dev.empty()) *options.log << "ner: kept epoch " << best_epoch << " (dev F1 " << 100 * best_f1 << ")\n";
  if (!dev.empty() && options.tune_outside_penalty && options.log)
    *options.log << "ner: O penalty " << best.outside_penalty() << ", type biases PER "
                 << best.type_bias(EntityType::Per) << ", ORG " << best.type_bias(EntityType::Org) << ", LOC "
                 << best.type_bias(EntityType::Loc) << "\n";
  kept_epoch = best_epoch;
  return best;
}

}  // namespace

EntityRecognizer train_entity_recognizer(const std::vector<LabeledSentence>& train,
                                         const std::vector<LabeledSentence>& dev, Gazetteer gazetteer,
                                         const NerTrainOptions& options) {
  int epoch = 0;
  EntityRecognizer chosen = train_run(train, dev, gazetteer, options, epoch);
  if (!options.retrain_with_dev || dev.empty()) return chosen;
  // Dev has chosen the epoch, the O penalty and the biases; train again on train + dev
  // with them (dev F1 of the result no longer measures anything).
  std::vector<LabeledSentence> all = train;
  all.insert(all.end(), dev.begin(), dev.end());
  NerTrainOptions again = options;
  again.epochs = epoch;
  if (options.log) *options.log << "ner: training again on train + dev for " << epoch << " epochs\n";
  EntityRecognizer r = train_run(all, {}, gazetteer, again, epoch);
  r.set_outside_penalty(chosen.outside_penalty());
  for (EntityType t : {EntityType::Per, EntityType::Org, EntityType::Loc}) r.set_type_bias(t, chosen.type_bias(t));
  return r;
}

}  // namespace dyad::ner
