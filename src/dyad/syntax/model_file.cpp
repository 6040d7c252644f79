#include "dyad/syntax/model_file.h"

#include <zlib.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

namespace dyad::syntax {

namespace {

constexpr size_t kHeaderSize = 8 + 4 * 4;

uint32_t crc_of(std::string_view bytes) {
  uLong crc = crc32(0L, Z_NULL, 0);
  const auto* p = reinterpret_cast<const Bytef*>(bytes.data());
  size_t left = bytes.size();
  while (left > 0) {
    uInt chunk = static_cast<uInt>(std::min<size_t>(left, 1u << 30));
    crc = crc32(crc, p, chunk);
    p += chunk;
    left -= chunk;
  }
  return static_cast<uint32_t>(crc);
}

}  // namespace

const char* model_kind_name(ModelKind kind) {
  switch (kind) {
    case ModelKind::Tagger: return "tagger";
    case ModelKind::Lemmatizer: return "lemmatizer";
    case ModelKind::Parser: return "parser";
    case ModelKind::Ner: return "NER";
  }
  return "unknown";
}

void ModelWriter::save(const std::string& path) const {
  ByteWriter body;
  for (const auto& s : sections_) {
    body.u32(s.id);
    body.u64(s.bytes.size());
    body.raw(s.bytes.data(), s.bytes.size());
  }
  ByteWriter head;
  head.raw(kModelMagic, sizeof(kModelMagic));
  head.u32(kModelFormatVersion);
  head.u32(static_cast<uint32_t>(kind_));
  head.u32(static_cast<uint32_t>(sections_.size()));
  head.u32(crc_of(body.data()));
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) throw std::runtime_error("cannot write model file " + path);
  out.write(head.data().data(), static_cast<std::streamsize>(head.data().size()));
  out.write(body.data().data(), static_cast<std::streamsize>(body.data().size()));
  if (!out) throw std::runtime_error("error while writing model file " + path);
}

ModelReader ModelReader::open(const std::string& path, ModelKind expected) {
  const std::string what = std::string(model_kind_name(expected)) + " model " + path;
  ModelReader r;
  r.path_ = path;
  {
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) throw std::runtime_error(what + ": file not found or unreadable");
    std::error_code ec;
    auto size = std::filesystem::file_size(path, ec);
    if (!ec) r.data_.reserve(size);
    char buf[1 << 16];
    size_t got;
    while ((got = std::fread(buf, 1, sizeof(buf), f)) > 0) r.data_.append(buf, got);
    const bool error = std::ferror(f);
    std::fclose(f);
    if (error) throw std::runtime_error(what + ": read error");
  }
  const std::string& d = r.data_;
  if (d.size() < kHeaderSize || std::memcmp(d.data(), kModelMagic, sizeof(kModelMagic)) != 0)
    throw std::runtime_error(what + ": not a dyad syntax model (bad magic)");
  ByteReader h(std::string_view(d).substr(8, kHeaderSize - 8), what);
  uint32_t version = h.u32();
  uint32_t kind = h.u32();
  uint32_t count = h.u32();
  uint32_t crc = h.u32();
  if (version != kModelFormatVersion)
    throw std::runtime_error(what + ": model format version " + std::to_string(version) +
                             ", this build reads version " +
                             std::to_string(kModelFormatVersion) + "; retrain the models");
  if (kind != static_cast<uint32_t>(expected))
    throw std::runtime_error(what + ": file holds a model of another kind (" +
                             model_kind_name(static_cast<ModelKind>(kind)) + ")");
  std::string_view body = std::string_view(d).substr(kHeaderSize);
  if (crc_of(body) != crc)
    throw std::runtime_error(what + ": checksum mismatch (truncated or corrupted file)");
  ByteReader b(body, what);
  for (uint32_t i = 0; i < count; ++i) {
    uint32_t id = b.u32();
    uint64_t size = b.u64();
    if (size > b.remaining()) throw std::runtime_error(what + ": truncated section");
    size_t offset = kHeaderSize + (body.size() - b.remaining());
    r.sections_.push_back({id, offset, static_cast<size_t>(size)});
    b = ByteReader(body.substr(offset - kHeaderSize + size), what);
  }
  if (!b.done()) throw std::runtime_error(what + ": trailing bytes after the last section");
  return r;
}

bool ModelReader::has(uint32_t id) const {
  for (const auto& s : sections_)
    if (s.id == id) return true;
  return false;
}

ByteReader ModelReader::section(uint32_t id) const {
  std::string ctx = path_ + " (section " + std::to_string(id) + ")";
  for (const auto& s : sections_)
    if (s.id == id) return ByteReader(std::string_view(data_).substr(s.offset, s.size), ctx);
  throw std::runtime_error(path_ + ": missing section " + std::to_string(id));
}

}  // namespace dyad::syntax
