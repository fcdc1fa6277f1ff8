// DEFLATE (RFC 1951) decompression: what a .docx's zip entries need, and nothing else.
//
// gouji carries its own inflater so that the native and the WebAssembly builds unzip with the same
// code and no library has to be built for wasm (zlib's source is not on this project's mirrors).
// It follows Mark Adler's reference decoder (zlib's contrib/puff): canonical Huffman codes decoded
// a bit at a time, which is fast enough for a report's few hundred kilobytes. The tests inflate
// what the system's zlib deflated, at every level and strategy, and compare.
#ifndef GOUJI_READ_INFLATE_H_
#define GOUJI_READ_INFLATE_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace gouji {

enum class InflateError { kNone, kTruncated, kBadData, kTooLarge };

// Decompresses raw DEFLATE data (no zlib or gzip header) into *out. Stops with kTooLarge rather
// than write more than max_output bytes (a zip bomb must not take the page's memory).
InflateError Inflate(std::string_view compressed, size_t max_output, std::string* out);

// The CRC-32 (ISO 3309, as zip uses it) of the bytes.
uint32_t Crc32(std::string_view bytes);

}  // namespace gouji

#endif  // GOUJI_READ_INFLATE_H_
