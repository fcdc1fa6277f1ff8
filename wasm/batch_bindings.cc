// What the page's batch adds to the WebAssembly surface (bindings.cc), in a build of its own
// (gouji-batch.wasm) that only a batch loads: the single view's first load stays as small.
//
//   gouji.mayHoldReport(uint8array)      -> false for a file of a folder or zip that is no report's
//                                           format (an image, another archive): passed over
//   gouji.openArchive(uint8array)        -> {handle, entries: [names]} for a .zip of reports;
//                                           {handle: 0} if the bytes are no such zip (a .docx is
//                                           one document, a damaged zip one file that checkBytes names)
//   gouji.readArchive(handle, index)     -> a Uint8Array of that entry's bytes, or {error}
//   gouji.closeArchive(handle)           -> frees it
//   gouji.checkSet(members)              -> JSON {"set": ...} (set.h): members an array of
//                                           {file, body, year, t2, t3 (templates: "2019", "2021"),
//                                           whole, cells: {id: number or null}}
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "gouji/archive.h"
#include "gouji/check.h"
#include "gouji/set.h"

namespace {

using emscripten::val;

bool MayHoldReport(const std::string& bytes) { return gouji::MayHoldReport(bytes); }

// An archive stays open in the worker that holds it, its bytes with it, while the pool checks its
// entries: each read is one entry's bytes, never the archive's again.
struct HeldArchive {
  std::string bytes;
  std::optional<gouji::ReportArchive> archive;
};
std::map<int, std::unique_ptr<HeldArchive>>& Archives() {
  static std::map<int, std::unique_ptr<HeldArchive>> archives;
  return archives;
}

val ErrorOf(const gouji::Status& status) { return val::global("JSON").call<val>("parse", gouji::StatusToJson(status)); }

// `bytes` by value, moved into the archive kept: one copy of a large zip in the heap, not two.
val OpenArchive(std::string bytes) {
  val out = val::object();
  auto held = std::make_unique<HeldArchive>();
  held->bytes = std::move(bytes);
  gouji::Result<gouji::ReportArchive> opened = gouji::ReportArchive::Open(held->bytes);
  if (!opened.ok()) {  // a document, or a damaged zip: one file, which checkBytes reads or names
    out.set("handle", 0);
    return out;
  }
  held->archive.emplace(std::move(opened).value());
  val names = val::array();
  for (const gouji::ArchiveEntry& e : held->archive->entries()) names.call<void>("push", e.name);
  static int next = 1;
  const int handle = next++;
  Archives()[handle] = std::move(held);
  out.set("handle", handle);
  out.set("entries", names);
  return out;
}

val ReadArchive(int handle, unsigned index) {
  const auto it = Archives().find(handle);
  if (it == Archives().end() || index >= it->second->archive->entries().size()) {
    return ErrorOf(gouji::Status(gouji::StatusCode::kUnreadable, "压缩包已关闭", "The archive is closed"));
  }
  gouji::Result<std::string> file = it->second->archive->Read(it->second->archive->entries()[index]);
  if (!file.ok()) return ErrorOf(file.status());
  const std::string& b = file.value();
  // A copy: the view into wasm memory is gone once `file` is.
  return val::global("Uint8Array").new_(emscripten::typed_memory_view(b.size(), reinterpret_cast<const uint8_t*>(b.data())))
      .call<val>("slice");
}

void CloseArchive(int handle) { Archives().erase(handle); }

gouji::Template TemplateOf(const val& v) {
  if (!v.isString()) return gouji::Template::kUnknown;
  const std::string name = v.as<std::string>();
  return name == "2019" ? gouji::Template::k2019 : name == "2021" ? gouji::Template::k2021 : gouji::Template::kUnknown;
}

std::string CheckSet(const val& members) {
  std::vector<gouji::SetMember> list;
  const unsigned n = members["length"].as<unsigned>();
  for (unsigned i = 0; i < n; ++i) {
    const val m = members[i];
    gouji::SetMember member;
    member.file = m["file"].isString() ? m["file"].as<std::string>() : "";
    member.body = m["body"].isString() ? m["body"].as<std::string>() : "";
    if (m["year"].isNumber()) member.year = m["year"].as<int>();
    member.t2_version = TemplateOf(m["t2"]);
    member.t3_version = TemplateOf(m["t3"]);
    member.whole = m["whole"].isTrue();
    const val cells = m["cells"];
    if (!cells.isUndefined() && !cells.isNull()) {
      const val ids = val::global("Object").call<val>("keys", cells);
      const unsigned count = ids["length"].as<unsigned>();
      for (unsigned k = 0; k < count; ++k) {
        gouji::Cell cell;
        cell.id = ids[k].as<std::string>();
        const val v = cells[cell.id];
        if (v.isNumber()) {
          cell.value.kind = gouji::CellValue::Kind::kNumber;
          cell.value.number = v.as<double>();
        }
        member.cells.push_back(std::move(cell));
      }
    }
    list.push_back(std::move(member));
  }
  return gouji::SetReportToJson(gouji::CheckSet(list), list);
}

}  // namespace

EMSCRIPTEN_BINDINGS(gouji_batch) {
  emscripten::function("mayHoldReport", &MayHoldReport);
  emscripten::function("openArchive", &OpenArchive);
  emscripten::function("readArchive", &ReadArchive);
  emscripten::function("closeArchive", &CloseArchive);
  emscripten::function("checkSet", &CheckSet);
}
