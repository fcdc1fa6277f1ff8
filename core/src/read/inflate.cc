#include "read/inflate.h"

#include <array>
#include <cstdint>

namespace gouji {
namespace {

constexpr int kMaxBits = 15;        // the longest code DEFLATE allows
constexpr int kMaxLitLen = 286;     // literal/length codes in use (288 in the fixed code)
constexpr int kMaxDist = 30;

class BitReader {
 public:
  explicit BitReader(std::string_view in) : in_(in) {}

  // The next `need` bits, least significant first; sets truncated() and returns 0 past the end.
  int Bits(int need) {
    uint32_t value = buffer_;
    while (count_ < need) {
      if (pos_ >= in_.size()) {
        truncated_ = true;
        return 0;
      }
      value |= static_cast<uint32_t>(static_cast<unsigned char>(in_[pos_++])) << count_;
      count_ += 8;
    }
    buffer_ = value >> need;
    count_ -= need;
    return static_cast<int>(value & ((1u << need) - 1));
  }

  // Drops the bits left in the current byte (stored blocks start on a byte boundary).
  void AlignToByte() { buffer_ = 0, count_ = 0; }
  bool TakeBytes(size_t n, std::string_view* bytes) {
    if (in_.size() - pos_ < n) return truncated_ = true, false;
    *bytes = in_.substr(pos_, n);
    pos_ += n;
    return true;
  }
  bool truncated() const { return truncated_; }

 private:
  std::string_view in_;
  size_t pos_ = 0;
  uint32_t buffer_ = 0;
  int count_ = 0;
  bool truncated_ = false;
};

// A canonical Huffman code: how many codes of each length, and the symbols in code order.
struct Huffman {
  std::array<int16_t, kMaxBits + 1> count{};
  std::array<int16_t, 288> symbol{};
};

// Builds the code from each symbol's code length. Returns 0 for a complete code, > 0 for an
// incomplete one, < 0 for an over-subscribed one (which is invalid).
int Construct(Huffman* h, const int16_t* length, int n) {
  h->count.fill(0);
  for (int s = 0; s < n; ++s) ++h->count[length[s]];
  if (h->count[0] == n) return 0;  // no codes at all: complete, but decoding anything fails
  int left = 1;
  for (int len = 1; len <= kMaxBits; ++len) {
    left <<= 1;
    left -= h->count[len];
    if (left < 0) return left;
  }
  std::array<int16_t, kMaxBits + 1> offs{};
  for (int len = 1; len < kMaxBits; ++len) offs[len + 1] = static_cast<int16_t>(offs[len] + h->count[len]);
  for (int s = 0; s < n; ++s) {
    if (length[s] != 0) h->symbol[offs[length[s]]++] = static_cast<int16_t>(s);
  }
  return left;
}

// One symbol, or -1 for a code that is not in the table (or the end of the input).
int Decode(BitReader* in, const Huffman& h) {
  int code = 0, first = 0, index = 0;
  for (int len = 1; len <= kMaxBits; ++len) {
    code |= in->Bits(1);
    if (in->truncated()) return -1;
    const int count = h.count[len];
    if (code - count < first) return h.symbol[index + (code - first)];
    index += count;
    first += count;
    first <<= 1;
    code <<= 1;
  }
  return -1;
}

constexpr int16_t kLengthBase[29] = {3,  4,  5,  6,  7,  8,  9,  10, 11,  13,  15,  17,  19,  23, 27,
                                     31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258};
constexpr int16_t kLengthExtra[29] = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2,
                                      2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
constexpr int16_t kDistBase[30] = {1,   2,   3,   4,   5,   7,    9,    13,   17,   25,   33,   49,   65,    97,    129,
                                   193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577};
constexpr int16_t kDistExtra[30] = {0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6,
                                    6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13};

class Inflater {
 public:
  Inflater(std::string_view in, size_t max_output, std::string* out) : in_(in), max_(max_output), out_(out) {}

  InflateError Run() {
    int last;
    do {
      last = in_.Bits(1);
      const int type = in_.Bits(2);
      if (in_.truncated()) return InflateError::kTruncated;
      InflateError error;
      if (type == 0) error = Stored();
      else if (type == 1) error = Fixed();
      else if (type == 2) error = Dynamic();
      else error = InflateError::kBadData;
      if (error != InflateError::kNone) return error;
    } while (!last);
    return InflateError::kNone;
  }

 private:
  InflateError Stored() {
    in_.AlignToByte();
    std::string_view header, data;
    if (!in_.TakeBytes(4, &header)) return InflateError::kTruncated;
    const auto byte = [&header](int i) { return static_cast<unsigned>(static_cast<unsigned char>(header[i])); };
    const unsigned len = byte(0) | byte(1) << 8, nlen = byte(2) | byte(3) << 8;
    if (len != (~nlen & 0xffffu)) return InflateError::kBadData;
    if (!in_.TakeBytes(len, &data)) return InflateError::kTruncated;
    if (out_->size() + len > max_) return InflateError::kTooLarge;
    out_->append(data);
    return InflateError::kNone;
  }

  InflateError Codes(const Huffman& lengths, const Huffman& distances) {
    for (;;) {
      int symbol = Decode(&in_, lengths);
      if (symbol < 0) return in_.truncated() ? InflateError::kTruncated : InflateError::kBadData;
      if (symbol < 256) {
        if (out_->size() >= max_) return InflateError::kTooLarge;
        out_->push_back(static_cast<char>(symbol));
        continue;
      }
      if (symbol == 256) return InflateError::kNone;
      symbol -= 257;
      if (symbol >= 29) return InflateError::kBadData;
      const size_t length = kLengthBase[symbol] + in_.Bits(kLengthExtra[symbol]);
      symbol = Decode(&in_, distances);
      if (symbol < 0) return in_.truncated() ? InflateError::kTruncated : InflateError::kBadData;
      if (symbol >= 30) return InflateError::kBadData;
      const size_t distance = kDistBase[symbol] + in_.Bits(kDistExtra[symbol]);
      if (in_.truncated()) return InflateError::kTruncated;
      if (distance > out_->size()) return InflateError::kBadData;
      if (out_->size() + length > max_) return InflateError::kTooLarge;
      // Byte by byte: a copy may overlap what it writes (distance < length repeats a pattern).
      size_t from = out_->size() - distance;
      for (size_t k = 0; k < length; ++k) out_->push_back((*out_)[from++]);
    }
  }

  InflateError Fixed() {
    static const auto codes = [] {
      std::array<int16_t, 288> lengths{};
      int s = 0;
      for (; s < 144; ++s) lengths[s] = 8;
      for (; s < 256; ++s) lengths[s] = 9;
      for (; s < 280; ++s) lengths[s] = 7;
      for (; s < 288; ++s) lengths[s] = 8;
      std::pair<Huffman, Huffman> h;
      Construct(&h.first, lengths.data(), 288);
      lengths.fill(5);
      Construct(&h.second, lengths.data(), kMaxDist);
      return h;
    }();
    return Codes(codes.first, codes.second);
  }

  InflateError Dynamic() {
    static constexpr int kOrder[19] = {16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15};
    const int nlen = in_.Bits(5) + 257, ndist = in_.Bits(5) + 1, ncode = in_.Bits(4) + 4;
    if (in_.truncated()) return InflateError::kTruncated;
    if (nlen > kMaxLitLen || ndist > kMaxDist) return InflateError::kBadData;
    std::array<int16_t, kMaxLitLen + kMaxDist> lengths{};
    for (int i = 0; i < ncode; ++i) lengths[kOrder[i]] = static_cast<int16_t>(in_.Bits(3));
    if (in_.truncated()) return InflateError::kTruncated;
    Huffman lencode, distcode;
    if (Construct(&lencode, lengths.data(), 19) != 0) return InflateError::kBadData;  // must be complete
    for (int index = 0; index < nlen + ndist;) {
      int symbol = Decode(&in_, lencode);
      if (symbol < 0) return in_.truncated() ? InflateError::kTruncated : InflateError::kBadData;
      if (symbol < 16) {
        lengths[index++] = static_cast<int16_t>(symbol);
        continue;
      }
      int16_t repeat_length = 0;
      int times;
      if (symbol == 16) {
        if (index == 0) return InflateError::kBadData;  // nothing to repeat
        repeat_length = lengths[index - 1];
        times = 3 + in_.Bits(2);
      } else if (symbol == 17) {
        times = 3 + in_.Bits(3);
      } else {
        times = 11 + in_.Bits(7);
      }
      if (in_.truncated()) return InflateError::kTruncated;
      if (index + times > nlen + ndist) return InflateError::kBadData;
      while (times--) lengths[index++] = repeat_length;
    }
    if (lengths[256] == 0) return InflateError::kBadData;  // no end-of-block code
    // An incomplete code is allowed only as a single code of one bit (zlib writes those).
    int err = Construct(&lencode, lengths.data(), nlen);
    if (err < 0 || (err > 0 && nlen != lencode.count[0] + lencode.count[1])) return InflateError::kBadData;
    err = Construct(&distcode, lengths.data() + nlen, ndist);
    if (err < 0 || (err > 0 && ndist != distcode.count[0] + distcode.count[1])) return InflateError::kBadData;
    return Codes(lencode, distcode);
  }

  BitReader in_;
  size_t max_;
  std::string* out_;
};

}  // namespace

InflateError Inflate(std::string_view compressed, size_t max_output, std::string* out) {
  out->clear();
  return Inflater(compressed, max_output, out).Run();
}

uint32_t Crc32(std::string_view bytes) {
  static const auto table = [] {
    std::array<uint32_t, 256> t{};
    for (uint32_t n = 0; n < 256; ++n) {
      uint32_t c = n;
      for (int k = 0; k < 8; ++k) c = c & 1 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
      t[n] = c;
    }
    return t;
  }();
  uint32_t crc = 0xFFFFFFFFu;
  for (char b : bytes) crc = table[(crc ^ static_cast<unsigned char>(b)) & 0xFF] ^ (crc >> 8);
  return crc ^ 0xFFFFFFFFu;
}

}  // namespace gouji
