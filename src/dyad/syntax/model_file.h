// Binary model files for the syntax stage (tagger, lemmatizer, parser).
//
// Layout (little-endian):
//   8 bytes  magic "DYADSYN\0"
//   u32      format version (kModelFormatVersion)
//   u32      kind (ModelKind)
//   u32      section count
//   u32      CRC-32 of everything after this header
//   sections: u32 id, u64 size, size bytes
// Section ids are added, never reused. Every read is bounds-checked: a missing,
// truncated, corrupted or other-version file throws std::runtime_error naming the file.
#pragma once

#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace dyad::syntax {

inline constexpr char kModelMagic[8] = {'D', 'Y', 'A', 'D', 'S', 'Y', 'N', '\0'};
inline constexpr uint32_t kModelFormatVersion = 1;

enum class ModelKind : uint32_t { Tagger = 1, Lemmatizer = 2, Parser = 3, Ner = 4 };

const char* model_kind_name(ModelKind kind);

// Section ids shared by all kinds.
inline constexpr uint32_t kSectionProvenance = 1;  // text: data, commit, hyper-parameters

class ByteWriter {
 public:
  void u8(uint8_t v) { raw(&v, 1); }
  void u32(uint32_t v) { raw(&v, 4); }
  void u64(uint64_t v) { raw(&v, 8); }
  void f32(float v) { raw(&v, 4); }
  void str(std::string_view s) {
    u64(s.size());
    raw(s.data(), s.size());
  }
  void strings(const std::vector<std::string>& v) {
    u64(v.size());
    for (const auto& s : v) str(s);
  }
  template <class T>
  void vec(const std::vector<T>& v) {
    static_assert(std::is_trivially_copyable_v<T>);
    u64(v.size());
    raw(v.data(), v.size() * sizeof(T));
  }
  void raw(const void* p, size_t n) { buf_.append(static_cast<const char*>(p), n); }
  const std::string& data() const { return buf_; }
  std::string take() { return std::move(buf_); }

 private:
  std::string buf_;
};

class ByteReader {
 public:
  ByteReader(std::string_view data, std::string context)
      : p_(data.data()), end_(data.data() + data.size()), context_(std::move(context)) {}

  uint8_t u8() { return pod<uint8_t>(); }
  uint32_t u32() { return pod<uint32_t>(); }
  uint64_t u64() { return pod<uint64_t>(); }
  float f32() { return pod<float>(); }
  std::string str() {
    uint64_t n = u64();
    need(n);
    std::string s(p_, n);
    p_ += n;
    return s;
  }
  std::vector<std::string> strings() {
    uint64_t n = u64();
    if (n > remaining()) fail("string count out of range");
    std::vector<std::string> v;
    v.reserve(n);
    for (uint64_t i = 0; i < n; ++i) v.push_back(str());
    return v;
  }
  template <class T>
  std::vector<T> vec() {
    static_assert(std::is_trivially_copyable_v<T>);
    uint64_t n = u64();
    if (n > remaining() / sizeof(T)) fail("array size out of range");
    std::vector<T> v(n);
    if (n) std::memcpy(v.data(), p_, n * sizeof(T));
    p_ += n * sizeof(T);
    return v;
  }
  size_t remaining() const { return static_cast<size_t>(end_ - p_); }
  bool done() const { return p_ == end_; }
  [[noreturn]] void fail(const std::string& what) const {
    throw std::runtime_error(context_ + ": " + what);
  }
  const std::string& context() const { return context_; }

 private:
  template <class T>
  T pod() {
    need(sizeof(T));
    T v;
    std::memcpy(&v, p_, sizeof(T));
    p_ += sizeof(T);
    return v;
  }
  void need(uint64_t n) {
    if (n > remaining()) fail("truncated data");
  }

  const char* p_;
  const char* end_;
  std::string context_;
};

class ModelWriter {
 public:
  explicit ModelWriter(ModelKind kind) : kind_(kind) {}
  void add_section(uint32_t id, std::string bytes) { sections_.push_back({id, std::move(bytes)}); }
  // Throws std::runtime_error when the file cannot be written.
  void save(const std::string& path) const;

 private:
  struct Section {
    uint32_t id;
    std::string bytes;
  };
  ModelKind kind_;
  std::vector<Section> sections_;
};

class ModelReader {
 public:
  // Throws std::runtime_error with a message naming the file on any problem.
  static ModelReader open(const std::string& path, ModelKind expected);

  bool has(uint32_t id) const;
  // Throws when the section is absent.
  ByteReader section(uint32_t id) const;
  const std::string& path() const { return path_; }

 private:
  struct Section {
    uint32_t id;
    size_t offset, size;
  };
  std::string path_;
  std::string data_;
  std::vector<Section> sections_;
};

}  // namespace dyad::syntax
