// XML (read/xml.h, pugixml): elements, attributes, entities; malformed XML, unknown entities, deep
// nesting and too many tags are refused.
#include <catch2/catch.hpp>

#include <cstring>

#include "read/xml.h"

namespace gouji {
namespace {

TEST_CASE("XML: elements, attributes, entities; malformed XML is refused", "[readers][xml]") {
  Result<XmlDocument> root = ParseXml("<?xml version=\"1.0\"?><!-- c --><a x='1' y=\"&lt;&amp;&#x4E00;\">t&gt;<b/><![CDATA[<raw>]]></a>");
  REQUIRE(root.ok());
  const pugi::xml_node a = root.value().Root();
  CHECK(std::string(a.name()) == "a");
  CHECK(std::string(a.attribute("x").value()) == "1");
  CHECK(std::string(a.attribute("y").value()) == "<&一");
  std::vector<pugi::xml_node> children;  // (without the STL, pugixml's iterators have no std traits)
  for (pugi::xml_node child : a.children()) children.push_back(child);
  REQUIRE(children.size() == 3);
  CHECK(std::string(children[0].value()) == "t>");
  CHECK(std::string(children[1].name()) == "b");
  CHECK(std::string(children[2].value()) == "<raw>");
  for (const char* bad : {"<a><b></a>", "<a", "<a x=1/>", "<a>&bogus;</a>", "<a></a><b/>", "", "<a>",
                          "<a x='&bogus;'/>", "<a>&#0;</a>", "<a>&#x110000;</a>", "<a>&amp</a>"}) {
    INFO(bad);
    CHECK(ParseXml(bad).status().code() == StatusCode::kDamagedFile);
  }
  std::string deep, closing;
  for (size_t i = 0; i <= kMaxXmlDepth; ++i) deep += "<d>", closing += "</d>";  // one level too many
  CHECK(ParseXml(deep + closing).status().message_en().find("nested too deeply") != std::string::npos);
  CHECK(ParseXml(deep.substr(3) + closing.substr(4)).ok());  // at the limit
  std::string wide = "<a>";
  for (size_t i = 0; i <= kMaxXmlNodes; ++i) wide += "<b/>";
  CHECK(ParseXml(wide + "</a>").status().message_en().find("too many elements") != std::string::npos);
}

TEST_CASE("XML: text keeps its bytes, spaces and all", "[readers][xml]") {
  Result<XmlDocument> doc = ParseXml("\xEF\xBB\xBF<w:t xml:space=\"preserve\"> </w:t>");
  REQUIRE(doc.ok());
  CHECK(std::string(doc.value().Root().name()) == "w:t");
  CHECK(std::string(doc.value().Root().first_child().value()) == " ");
  Result<XmlDocument> lines = ParseXml("<a b=\"1\t2\">x\r\ny</a>");
  REQUIRE(lines.ok());
  CHECK(std::string(lines.value().Root().first_child().value()) == "x\r\ny");
  CHECK(std::string(lines.value().Root().attribute("b").value()) == "1\t2");
}

TEST_CASE("XML: a billion laughs is refused, never expanded", "[readers][xml]") {
  std::string dtd = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">";
  for (int i = 1; i <= 9; ++i) {
    dtd += "<!ENTITY lol" + std::to_string(i) + " \"";
    for (int k = 0; k < 10; ++k) dtd += "&lol" + (i == 1 ? std::string() : std::to_string(i - 1)) + ";";
    dtd += "\">";
  }
  dtd += "]>";
  Result<XmlDocument> laughs = ParseXml(dtd + "<lolz>&lol9;</lolz>");
  REQUIRE_FALSE(laughs.ok());
  CHECK(laughs.status().code() == StatusCode::kDamagedFile);
  CHECK(laughs.status().message_en().find("bad entity") != std::string::npos);
  // The DTD itself is skipped: a document that declares entities but uses none is read.
  Result<XmlDocument> unused = ParseXml(dtd + "<lolz>lol</lolz>");
  REQUIRE(unused.ok());
  CHECK(std::string(unused.value().Root().first_child().value()) == "lol");
}

}  // namespace
}  // namespace gouji
