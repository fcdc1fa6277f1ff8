// Rewrites gumbo 0.10.1's src/char_ref.c with a compact named-character-reference table.
//
// gumbo matches the 2,231 named references (&nbsp; &amp; ...) with a Ragel state machine whose
// tables are 181 KB of data and 40 KB of code in WebAssembly: more than all the rest of the HTML
// reader, and enough to push the page over its 300 KB first-load budget. This keeps everything of
// char_ref.c but the machine, and finds the longest reference by binary search in a sorted table
// generated from the same list (char_ref.rl), so that it matches exactly what the machine matched:
// a page holding every reference, in text and in attributes, with and without its semicolon and
// cut short, parsed by both versions gives the same text, attributes and parse errors.
//
//   node scripts/gumbo-char-ref.mjs GUMBO_SRC_DIR      (run by scripts/fetch-gumbo.sh)
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
const source = readFileSync(join(dir, 'char_ref.c'), 'utf8');
const rules = readFileSync(join(dir, 'char_ref.rl'), 'utf8');

const refs = [];
const rule = /^ {2}'([A-Za-z0-9;]+)' => \{ output->first = (0x[0-9a-f]+);(?: output->second = (0x[0-9a-f]+);)? fbreak; \};$/gm;
for (const m of rules.matchAll(rule)) refs.push({ name: m[1], first: m[2], second: m[3] || '-1' });
if (refs.length !== 2231) throw new Error(`expected 2231 named references in char_ref.rl, found ${refs.length}`);
refs.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
const longest = Math.max(...refs.map((r) => r.name.length));

const machineStart = source.indexOf('static const short _char_ref_actions[]');
const consumeStart = source.indexOf('bool consume_char_ref(');
if (machineStart < 0 || consumeStart < 0) throw new Error('char_ref.c is not gumbo 0.10.1\'s');

const table = refs.map((r) => `  {"${r.name}", ${r.first}, ${r.second}},`).join('\n');
const replacement = `// gouji: the Ragel machine is replaced by this sorted table (scripts/gumbo-char-ref.mjs).
typedef struct {
  const char* name;
  int first;
  int second;
} NamedRef;

static const NamedRef kNamedRefs[] = {
${table}
};

enum { kNamedRefCount = ${refs.length}, kLongestNamedRef = ${longest} };

// The reference named exactly s[0, len), or NULL.
static const NamedRef* find_named_ref(const char* s, size_t len) {
  size_t lo = 0, hi = kNamedRefCount;
  while (lo < hi) {
    const size_t mid = (lo + hi) / 2;
    const char* name = kNamedRefs[mid].name;
    int c = strncmp(name, s, len);
    if (c == 0 && name[len] != '\\0') c = 1;
    if (c == 0) return &kNamedRefs[mid];
    if (c < 0) lo = mid + 1;
    else hi = mid;
  }
  return NULL;
}

static bool consume_named_ref(struct GumboInternalParser* parser,
    Utf8Iterator* input, bool is_in_attribute, OneOrTwoCodepoints* output) {
  assert(output->first == kGumboNoChar);
  const char* start = utf8iterator_get_char_pointer(input);
  const char* pe = utf8iterator_get_end_pointer(input);
  // The longest match, as the machine's scanner took it.
  size_t len = (size_t) (pe - start) < kLongestNamedRef ? (size_t) (pe - start) : kLongestNamedRef;
  const NamedRef* ref = NULL;
  while (len > 0 && !(ref = find_named_ref(start, len))) --len;
  if (ref) {
    const char* te = start + len;
    output->first = ref->first;
    output->second = ref->second;
    char last_char = *(te - 1);
    if (last_char == ';') {
      bool matched = utf8iterator_maybe_consume_match(input, start, len, true);
      assert(matched);
      (void) matched;
      return true;
    } else if (is_in_attribute && te < pe && (*te == '=' || isalnum(*te))) {
      output->first = kGumboNoChar;
      output->second = kGumboNoChar;
      utf8iterator_reset(input);
      return true;
    } else {
      GumboStringPiece bad_ref;
      bad_ref.length = te - start;
      bad_ref.data = start;
      add_named_reference_error(
          parser, input, GUMBO_ERR_NAMED_CHAR_REF_WITHOUT_SEMICOLON, bad_ref);
      bool matched = utf8iterator_maybe_consume_match(input, start, len, true);
      assert(matched);
      (void) matched;
      return false;
    }
  } else {
    output->first = kGumboNoChar;
    output->second = kGumboNoChar;
    bool status = maybe_add_invalid_named_reference(parser, input);
    utf8iterator_reset(input);
    return status;
  }
}

`;
writeFileSync(join(dir, 'char_ref.c'), source.slice(0, machineStart) + replacement + source.slice(consumeStart));
console.error(`gumbo-char-ref.mjs: ${refs.length} named references, the longest ${longest} characters`);
