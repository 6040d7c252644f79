// UTF-8 helpers. dyad keeps every offset in bytes of the text as given, so repair
// must keep byte lengths: an invalid byte becomes one replacement byte ('?'), never
// the 3-byte U+FFFD, so offsets still index the original input.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace dyad::utf8 {

// Length in bytes of the valid UTF-8 sequence starting at s[i], or 0 if invalid.
size_t sequence_length(std::string_view s, size_t i);

// Decodes the code point at s[i] (which must start a valid sequence).
char32_t decode(std::string_view s, size_t i);

// Appends the UTF-8 encoding of cp.
void append(std::string& out, char32_t cp);

// Replaces every invalid byte by '?' in place (same length). Returns the count.
size_t repair(std::string& s);

bool is_valid(std::string_view s);

}  // namespace dyad::utf8
