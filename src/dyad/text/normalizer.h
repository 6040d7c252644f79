// Unicode normalisation for matching. Curly quotes, dashes, odd spaces and the like
// are mapped to their ASCII look-alikes in token forms only; the text itself and
// every byte offset are left untouched.
#pragma once

#include <string>
#include <string_view>

namespace dyad {

// Returns the ASCII replacement of code point cp for matching, or nullptr when cp
// is kept as it is.
const char* ascii_equivalent(char32_t cp);

// Normalised copy of s: look-alike punctuation mapped, accents kept.
std::string normalize_for_matching(std::string_view s);

// Lower-cases ASCII letters and folds common Latin accents (é -> e) so that
// "Erdoğan" matches "Erdogan".
std::string fold_case(std::string_view s);

bool is_space(char32_t cp);

}  // namespace dyad
