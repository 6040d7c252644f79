// Arc-hybrid transition system (Kuhlmann et al. 2011) with the root at the end of the
// buffer (Ballesteros & Nivre 2013) and a single-root constraint, plus the dynamic
// oracle of Goldberg & Nivre (2013).
//   SHIFT     move b0 onto the stack
//   LEFT(l)   s0 <-l- b0, pop s0        (b0 = ROOT only when s0 is the last item)
//   RIGHT(l)  s1 -l-> s0, pop s0
// Words are 0..n-1; index n is ROOT. Actions: 0 = SHIFT, 1+2l = LEFT(l), 2+2l = RIGHT(l).
#pragma once

#include <cstdint>
#include <vector>

namespace dyad::syntax {

enum class Move : uint8_t { Shift, Left, Right };

struct ParseState {
  int n = 0;
  int buf = 0;                 // front of the buffer (n = ROOT)
  std::vector<int> stack;
  std::vector<int> head;       // per word: head index (n = ROOT), -1 = none yet
  std::vector<int> label;      // per word: label id, -1 = none yet
  // Per word and ROOT (size n + 1): the two leftmost and two rightmost children,
  // child counts, and the sets of child labels (bit l % 64).
  std::vector<int> lc1, lc2, rc1, rc2, nl, nr;
  std::vector<uint64_t> lset, rset;
  std::vector<uint8_t> in_stack;

  void init(int words);
  bool terminal() const { return stack.empty() && buf == n; }
  int s(int i) const {  // i-th stack item from the top, -1 when absent
    return i < static_cast<int>(stack.size()) ? stack[stack.size() - 1 - i] : -1;
  }
};

// Gold tree for the oracle: heads use n for ROOT.
struct GoldTree {
  std::vector<int> head, label;
  std::vector<std::vector<int>> children;  // of each word and of ROOT (size n + 1)
  static GoldTree from(const std::vector<int>& head, const std::vector<int>& label);
};

class ArcHybrid {
 public:
  ArcHybrid(int num_labels, int root_label) : num_labels_(num_labels), root_label_(root_label) {}

  int num_actions() const { return 1 + 2 * num_labels_; }
  int num_labels() const { return num_labels_; }
  int root_label() const { return root_label_; }
  static Move move(int action) {
    return action == 0 ? Move::Shift : (action % 2 == 1 ? Move::Left : Move::Right);
  }
  static int label(int action) { return (action - 1) / 2; }
  static int left(int l) { return 1 + 2 * l; }
  static int right(int l) { return 2 + 2 * l; }

  bool legal(const ParseState& st, int action) const;
  void apply(ParseState& st, int action) const;

  // Number of gold arcs (labelled) that become unreachable by taking `action`.
  int cost(const ParseState& st, int action, const GoldTree& gold) const;
  // Cost of each move, ignoring labels; label_left/right get the gold label of the
  // arc the move would build, or -1 when that arc is not gold.
  void move_costs(const ParseState& st, const GoldTree& gold, int costs[3], int& gold_left_label,
                  int& gold_right_label) const;
  // A zero-cost action (for projective gold trees), preferring arcs over SHIFT.
  int static_oracle(const ParseState& st, const GoldTree& gold) const;

 private:
  int num_labels_;
  int root_label_;
};

}  // namespace dyad::syntax
