// A stream of bytes from a file or stdin, decompressing gzip and zstd on the fly
// (recognised by their magic bytes, whatever the file is called).
#pragma once

#include <cstdio>
#include <memory>
#include <string>

namespace dyad {

class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Reads up to n bytes; returns 0 at end of input. Throws std::runtime_error on a
  // read or decompression error.
  virtual size_t read(char* buf, size_t n) = 0;

  // "-" is stdin. Throws std::runtime_error if the file can't be opened.
  static std::unique_ptr<ByteSource> open(const std::string& path);
};

// Reads lines of at most max_line bytes; longer lines are consumed but reported as
// truncated so that memory stays bounded.
class LineReader {
 public:
  LineReader(std::unique_ptr<ByteSource> src, size_t max_line)
      : src_(std::move(src)), max_line_(max_line), buf_(1 << 16, '\0') {}
  // Returns false at end of input. `too_long` is set when the line was cut.
  bool next(std::string& line, bool& too_long);
  size_t line_number() const { return line_no_; }

 private:
  bool fill();
  std::unique_ptr<ByteSource> src_;
  size_t max_line_;
  std::string buf_;
  size_t pos_ = 0, len_ = 0;
  size_t line_no_ = 0;
  bool eof_ = false;
};

}  // namespace dyad
