#include "dyad/io/byte_source.h"

#include <zlib.h>
#include <zstd.h>

#include <cstring>
#include <stdexcept>
#include <vector>

namespace dyad {
namespace {

class FileSource : public ByteSource {
 public:
  FileSource(FILE* f, bool owned, std::string prefix)
      : f_(f), owned_(owned), prefix_(std::move(prefix)) {}
  ~FileSource() override {
    if (owned_ && f_) std::fclose(f_);
  }
  size_t read(char* buf, size_t n) override {
    if (prefix_pos_ < prefix_.size()) {
      const size_t k = std::min(n, prefix_.size() - prefix_pos_);
      std::memcpy(buf, prefix_.data() + prefix_pos_, k);
      prefix_pos_ += k;
      return k;
    }
    const size_t got = std::fread(buf, 1, n, f_);
    if (got == 0 && std::ferror(f_)) throw std::runtime_error("read error");
    return got;
  }

 private:
  FILE* f_;
  bool owned_;
  std::string prefix_;  // bytes already read to sniff the format
  size_t prefix_pos_ = 0;
};

class GzipSource : public ByteSource {
 public:
  explicit GzipSource(std::unique_ptr<ByteSource> raw) : raw_(std::move(raw)), in_(1 << 16) {
    std::memset(&z_, 0, sizeof z_);
    if (inflateInit2(&z_, 15 + 32) != Z_OK) throw std::runtime_error("zlib init failed");
  }
  ~GzipSource() override { inflateEnd(&z_); }
  size_t read(char* buf, size_t n) override {
    z_.next_out = reinterpret_cast<Bytef*>(buf);
    z_.avail_out = static_cast<uInt>(n);
    while (z_.avail_out == n) {
      if (z_.avail_in == 0) {
        if (done_) return 0;
        const size_t got = raw_->read(in_.data(), in_.size());
        if (got == 0) {
          if (!stream_end_) throw std::runtime_error("truncated gzip stream");
          return 0;
        }
        z_.next_in = reinterpret_cast<Bytef*>(in_.data());
        z_.avail_in = static_cast<uInt>(got);
      }
      if (stream_end_) {  // concatenated gzip members
        inflateReset(&z_);
        stream_end_ = false;
      }
      const int rc = inflate(&z_, Z_NO_FLUSH);
      if (rc == Z_STREAM_END) stream_end_ = true;
      else if (rc != Z_OK && rc != Z_BUF_ERROR) throw std::runtime_error("corrupt gzip data");
      if (rc == Z_BUF_ERROR && z_.avail_in == 0) continue;
    }
    return n - z_.avail_out;
  }

 private:
  std::unique_ptr<ByteSource> raw_;
  std::vector<char> in_;
  z_stream z_;
  bool stream_end_ = false, done_ = false;
};

class ZstdSource : public ByteSource {
 public:
  explicit ZstdSource(std::unique_ptr<ByteSource> raw)
      : raw_(std::move(raw)), in_(ZSTD_DStreamInSize()), ds_(ZSTD_createDStream()) {
    ZSTD_initDStream(ds_);
  }
  ~ZstdSource() override { ZSTD_freeDStream(ds_); }
  size_t read(char* buf, size_t n) override {
    ZSTD_outBuffer out{buf, n, 0};
    while (out.pos == 0) {
      if (ib_.pos == ib_.size) {
        const size_t got = raw_->read(in_.data(), in_.size());
        if (got == 0) {
          if (last_ret_ != 0) throw std::runtime_error("truncated zstd stream");
          return 0;
        }
        ib_ = {in_.data(), got, 0};
      }
      last_ret_ = ZSTD_decompressStream(ds_, &out, &ib_);
      if (ZSTD_isError(last_ret_))
        throw std::runtime_error(std::string("corrupt zstd data: ") + ZSTD_getErrorName(last_ret_));
    }
    return out.pos;
  }

 private:
  std::unique_ptr<ByteSource> raw_;
  std::vector<char> in_;
  ZSTD_DStream* ds_;
  ZSTD_inBuffer ib_{nullptr, 0, 0};
  size_t last_ret_ = 0;
};

}  // namespace

std::unique_ptr<ByteSource> ByteSource::open(const std::string& path) {
  FILE* f = path == "-" ? stdin : std::fopen(path.c_str(), "rb");
  if (!f) throw std::runtime_error("cannot open " + path + ": " + std::strerror(errno));
  char magic[4] = {0, 0, 0, 0};
  const size_t got = std::fread(magic, 1, 4, f);
  std::string prefix(magic, got);
  auto raw = std::make_unique<FileSource>(f, path != "-", prefix);
  const auto* m = reinterpret_cast<const unsigned char*>(magic);
  if (got >= 2 && m[0] == 0x1f && m[1] == 0x8b) return std::make_unique<GzipSource>(std::move(raw));
  if (got >= 4 && m[0] == 0x28 && m[1] == 0xb5 && m[2] == 0x2f && m[3] == 0xfd)
    return std::make_unique<ZstdSource>(std::move(raw));
  return raw;
}

bool LineReader::fill() {
  if (eof_) return false;
  len_ = src_->read(buf_.data(), buf_.size());
  pos_ = 0;
  if (len_ == 0) eof_ = true;
  return len_ > 0;
}

bool LineReader::next(std::string& line, bool& too_long) {
  line.clear();
  too_long = false;
  bool any = false;
  for (;;) {
    if (pos_ >= len_ && !fill()) {
      if (!any) return false;
      ++line_no_;
      return true;
    }
    any = true;
    const char* start = buf_.data() + pos_;
    const void* nl = std::memchr(start, '\n', len_ - pos_);
    const size_t take = nl ? static_cast<size_t>(static_cast<const char*>(nl) - start) : len_ - pos_;
    if (!too_long) {
      if (line.size() + take > max_line_) {
        too_long = true;
        line.append(start, max_line_ - line.size());
      } else {
        line.append(start, take);
      }
    }
    pos_ += take;
    if (nl) {
      ++pos_;
      ++line_no_;
      if (!line.empty() && line.back() == '\r') line.pop_back();
      return true;
    }
  }
}

}  // namespace dyad
