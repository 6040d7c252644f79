#!/usr/bin/env bash
# Prints the path of a clang++ (the libFuzzer compiler), or nothing when there is none.
for c in clang++ clang++-14 clang++-15 clang++-16 clang++-17 clang++-18 clang++-19; do
  if command -v "$c" >/dev/null 2>&1; then command -v "$c"; exit 0; fi
done
