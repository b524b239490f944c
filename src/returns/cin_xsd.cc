// XSD validation of the CIN census with libxml2.
#include "returns/cin_xsd.h"

#include <fmt/format.h>
#include <libxml/parser.h>
#include <libxml/xmlschemas.h>

#include <memory>
#include <mutex>

#include "base/embedded.h"

namespace journey::returns {
namespace {

void Collect(void* ctx, const xmlError* e) {
  auto* out = static_cast<std::vector<std::string>*>(ctx);
  std::string m = e->message ? e->message : "";
  while (!m.empty() && m.back() == '\n') m.pop_back();
  out->push_back(fmt::format("line {}: {}", e->line, m));
}
void CollectStructured(void* ctx, xmlErrorPtr e) { Collect(ctx, e); }

}  // namespace

std::vector<std::string> CheckCinXsd(std::string_view xml) {
  std::vector<std::string> errors;
  static std::mutex mu;  // libxml2's schema objects are built once, used under a lock
  std::lock_guard<std::mutex> lock(mu);
  static xmlSchemaPtr schema = [] {
    auto xsd = embedded::Find("data/cin_census.xsd");
    if (!xsd) return xmlSchemaPtr{nullptr};
    xmlSchemaParserCtxtPtr p =
        xmlSchemaNewMemParserCtxt(xsd->data(), static_cast<int>(xsd->size()));
    xmlSchemaPtr s = xmlSchemaParse(p);
    xmlSchemaFreeParserCtxt(p);
    return s;
  }();
  if (!schema) return {"the embedded data/cin_census.xsd could not be read"};
  // XML_PARSE_NONET: nothing is fetched; no XML_PARSE_NOENT and no XML_PARSE_DTDLOAD, so
  // entities are never substituted and no external DTD is read.
  xmlDocPtr doc = xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "cin.xml", "UTF-8",
                                XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (!doc) {
    const xmlError* e = xmlGetLastError();
    errors.push_back(e ? fmt::format("line {}: {}", e->line, e->message ? e->message : "")
                       : "not well-formed XML");
    return errors;
  }
  xmlSchemaValidCtxtPtr v = xmlSchemaNewValidCtxt(schema);
  xmlSchemaSetValidStructuredErrors(v, CollectStructured, &errors);
  xmlSchemaValidateDoc(v, doc);
  xmlSchemaFreeValidCtxt(v);
  xmlFreeDoc(doc);
  return errors;
}

}  // namespace journey::returns
