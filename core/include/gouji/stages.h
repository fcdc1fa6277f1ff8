// Where a check's time goes, stage by stage: for benchmarks (bench/, `gouji check --stages`), not
// for results. A thread that installs a StageTimes gets each stage's time added to it by every
// check it runs; a thread that installs none pays one thread-local load per stage.
//
//   gouji::StageTimes times;
//   gouji::SetStageTimes(&times);
//   ... gouji::Check(bytes) ..., gouji::ReportToJson(report) ...
//   gouji::SetStageTimes(nullptr);
//   for (int s = 0; s < gouji::kStageCount; ++s) print(gouji::StageName(s), times.seconds[s]);
#ifndef GOUJI_STAGES_H_
#define GOUJI_STAGES_H_

namespace gouji {

// The pipeline's stages in the order data flows through them.
enum Stage : int {
  kStageRead,       // a published format (HTML, .docx, PDF positioned text) to a document
  kStageDecode,     // bytes to text (encodings), or a document flattened to text and rows
  kStageNormalise,  // NFKC, traditional to simplified, the map back to the source
  kStageUnfold,     // converter markup taken away, run-together lines cut back
  kStageOutline,    // the report's sections and where each report starts
  kStageTables,     // the tables found and their cells placed
  kStageRules,      // values read, the format's rules applied, the smallest fix
  kStageProse,      // the text's statements against the tables
  kStageJson,       // the report written as JSON
  kStageCount
};

struct StageTimes {
  double seconds[kStageCount] = {};
};

// Installs `times` for the calling thread (nullptr: none).
void SetStageTimes(StageTimes* times);

// A stage's name in English, as benchmarks print it.
const char* StageName(int stage);

// Adds the time from its making to its end (or to the next Switch) to the calling thread's
// StageTimes, if one is installed. Nested timers do not add twice: an inner one's time is taken
// from its outer one's.
class StageTimer {
 public:
  explicit StageTimer(Stage stage);
  ~StageTimer();
  StageTimer(const StageTimer&) = delete;
  StageTimer& operator=(const StageTimer&) = delete;

 private:
  Stage stage_;
  StageTimer* outer_;
  long long start_ns_ = 0;
  long long inner_ns_ = 0;  // time of the timers nested in this one
};

}  // namespace gouji

#endif  // GOUJI_STAGES_H_
