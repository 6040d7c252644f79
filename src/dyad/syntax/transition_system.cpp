#include "dyad/syntax/transition_system.h"

namespace dyad::syntax {

void ParseState::init(int words) {
  n = words;
  buf = 0;
  stack.clear();
  stack.reserve(words + 1);
  head.assign(n, -1);
  label.assign(n, -1);
  lc1.assign(n + 1, -1);
  lc2.assign(n + 1, -1);
  rc1.assign(n + 1, -1);
  rc2.assign(n + 1, -1);
  nl.assign(n + 1, 0);
  nr.assign(n + 1, 0);
  lset.assign(n + 1, 0);
  rset.assign(n + 1, 0);
  in_stack.assign(n + 1, 0);
}

GoldTree GoldTree::from(const std::vector<int>& head, const std::vector<int>& label) {
  GoldTree g;
  g.head = head;
  g.label = label;
  const int n = static_cast<int>(head.size());
  g.children.assign(n + 1, {});
  for (int i = 0; i < n; ++i)
    if (head[i] >= 0 && head[i] <= n) g.children[head[i]].push_back(i);
  return g;
}

bool ArcHybrid::legal(const ParseState& st, int action) const {
  const int depth = static_cast<int>(st.stack.size());
  switch (move(action)) {
    case Move::Shift: return st.buf < st.n;
    case Move::Left: {
      if (depth == 0) return false;
      const bool root = label(action) == root_label_;
      return st.buf < st.n ? !root : depth == 1 && root;
    }
    case Move::Right: return depth >= 2 && label(action) != root_label_;
  }
  return false;
}

void ArcHybrid::apply(ParseState& st, int action) const {
  if (move(action) == Move::Shift) {
    st.in_stack[st.buf] = 1;
    st.stack.push_back(st.buf++);
    return;
  }
  const int d = st.stack.back();
  st.stack.pop_back();
  st.in_stack[d] = 0;
  const int h = move(action) == Move::Left ? st.buf : st.stack.back();
  const int l = label(action);
  st.head[d] = h;
  st.label[d] = l;
  if (d < h) {
    if (st.lc1[h] < 0 || d < st.lc1[h]) {
      st.lc2[h] = st.lc1[h];
      st.lc1[h] = d;
    } else if (st.lc2[h] < 0 || d < st.lc2[h]) {
      st.lc2[h] = d;
    }
    ++st.nl[h];
    st.lset[h] |= uint64_t{1} << (l & 63);
  } else {
    if (st.rc1[h] < 0 || d > st.rc1[h]) {
      st.rc2[h] = st.rc1[h];
      st.rc1[h] = d;
    } else if (st.rc2[h] < 0 || d > st.rc2[h]) {
      st.rc2[h] = d;
    }
    ++st.nr[h];
    st.rset[h] |= uint64_t{1} << (l & 63);
  }
}

void ArcHybrid::move_costs(const ParseState& st, const GoldTree& g, int costs[3],
                           int& gold_left_label, int& gold_right_label) const {
  const int s0 = st.s(0), s1 = st.s(1), b = st.buf, n = st.n;
  gold_left_label = gold_right_label = -1;
  costs[0] = costs[1] = costs[2] = 1 << 20;
  if (b < n) {  // SHIFT
    int c = 0;
    const int h = g.head[b];
    if (h >= 0 && h < n && st.in_stack[h] && h != s0) ++c;
    for (int k : g.children[b])
      if (st.in_stack[k]) ++c;
    costs[0] = c;
  }
  if (s0 >= 0) {
    int deps_in_buffer = 0;
    for (int k : g.children[s0])
      if (k >= b) ++deps_in_buffer;
    const int h = g.head[s0];
    // LEFT: s0 <- b
    int c = deps_in_buffer;
    if (h == b) gold_left_label = g.label[s0];
    else if (h == s1 || h >= b) ++c;
    costs[1] = c;
    // RIGHT: s1 -> s0
    if (s1 >= 0) {
      c = deps_in_buffer;
      if (h == s1) gold_right_label = g.label[s0];
      else if (h >= b) ++c;
      costs[2] = c;
    }
  }
}

int ArcHybrid::cost(const ParseState& st, int action, const GoldTree& g) const {
  int costs[3], gl, gr;
  move_costs(st, g, costs, gl, gr);
  switch (move(action)) {
    case Move::Shift: return costs[0];
    case Move::Left: return costs[1] + (gl >= 0 && gl != label(action) ? 1 : 0);
    case Move::Right: return costs[2] + (gr >= 0 && gr != label(action) ? 1 : 0);
  }
  return 0;
}

int ArcHybrid::static_oracle(const ParseState& st, const GoldTree& g) const {
  int costs[3], gl, gr;
  move_costs(st, g, costs, gl, gr);
  if (gl >= 0 && costs[1] == 0 && legal(st, left(gl))) return left(gl);
  if (gr >= 0 && costs[2] == 0 && legal(st, right(gr))) return right(gr);
  if (legal(st, 0)) return 0;
  // Not reachable for projective trees; fall back to any legal action.
  for (int a = 1; a < num_actions(); ++a)
    if (legal(st, a)) return a;
  return 0;
}

}  // namespace dyad::syntax
