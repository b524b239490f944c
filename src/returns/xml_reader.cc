#include "returns/xml_reader.h"

#include <fmt/format.h>

#include <algorithm>

namespace journey::returns {

XmlReader::XmlReader(const InputFile& f, std::vector<returns::Problem>& problems)
    : file_(f), problems_(problems) {
  for (size_t i = 0; i < f.text.size(); ++i)
    if (f.text[i] == '\n') newlines_.push_back(i);
}

int XmlReader::LineAt(size_t offset) const {
  return static_cast<int>(std::lower_bound(newlines_.begin(), newlines_.end(), offset) -
                          newlines_.begin()) +
         1;
}

void XmlReader::Problem(int line, std::string path, std::string value, std::string message) {
  problems_.push_back(
      returns::Problem{file_.name, line, std::move(path), std::move(value), std::move(message)});
}

pugi::xml_node XmlReader::Open(std::string_view root_name, std::string_view what) {
  const std::string& t = file_.text;
  // UTF-16 or UTF-32 (a byte-order mark, or NUL bytes): the returns are UTF-8.
  if ((t.size() >= 2 &&
       ((t[0] == '\xFF' && t[1] == '\xFE') || (t[0] == '\xFE' && t[1] == '\xFF'))) ||
      t.find('\0') != std::string::npos) {
    Problem(0, "", "",
            fmt::format("the file is UTF-16 (or holds NUL bytes); {} is read as UTF-8: save it "
                        "as UTF-8 and load it again",
                        what));
    return {};
  }
  // No DOCTYPE: it is where entities are declared, and no return needs one. Refusing it
  // means no entity is ever expanded (no "billion laughs"), and none reaches a network.
  if (auto at = t.find("<!DOCTYPE"); at != std::string::npos) {
    Problem(LineAt(at), "", "",
            fmt::format("the file has a DOCTYPE declaration; {} has none, and entity "
                        "declarations are not accepted",
                        what));
    return {};
  }
  const unsigned options = pugi::parse_default & ~pugi::parse_doctype;
  pugi::xml_parse_result r = doc_.load_buffer(t.data(), t.size(), options, pugi::encoding_utf8);
  if (!r) {
    const size_t at = static_cast<size_t>(std::max<ptrdiff_t>(0, r.offset));
    Problem(LineAt(std::min(at, t.size())), "", "",
            fmt::format("the file is not well-formed XML ({}){}", r.description(),
                        at >= t.size() ? ": it ends early, as a truncated file does" : ""));
    return {};
  }
  pugi::xml_node root = doc_.document_element();
  if (std::string_view(root.name()) != root_name) {
    Problem(root ? Line(root) : 1, root.name(), "",
            fmt::format("the root element is <{}>; {} is a <{}>", root.name(), what, root_name));
    return {};
  }
  return root;
}

void XmlReader::ReadLeaf(const pugi::xml_node& n, const std::string& path, Leaf& leaf) {
  if (leaf.line) {
    Problem(Line(n), path, "", fmt::format("{} is given twice; it may appear once here", n.name()));
    return;
  }
  for (pugi::xml_node c : n.children())
    if (c.type() == pugi::node_element) {
      Problem(Line(c), path + "/" + c.name(), "",
              fmt::format("{} holds a value, not elements", n.name()));
      return;
    }
  leaf.v = n.child_value();
  // Surrounding white space is not part of a value (XML Schema's collapse for tokens).
  const auto b = leaf.v.find_first_not_of(" \t\r\n");
  const auto e = leaf.v.find_last_not_of(" \t\r\n");
  leaf.v = b == std::string::npos ? std::string() : leaf.v.substr(b, e - b + 1);
  leaf.line = Line(n);
}

void XmlReader::Children(const pugi::xml_node& n, const std::string& path,
                         const std::vector<Slot>& slots) {
  for (pugi::xml_node c : n.children()) {
    if (c.type() != pugi::node_element) continue;
    const std::string child_path = path + "/" + c.name();
    auto it = std::find_if(slots.begin(), slots.end(),
                           [&](const Slot& s) { return std::string_view(s.name) == c.name(); });
    if (it == slots.end()) {
      std::string allowed;
      for (const Slot& s : slots) allowed += (allowed.empty() ? "" : ", ") + std::string(s.name);
      Problem(Line(c), child_path, "",
              fmt::format("{} is not an element of {}; allowed: {}", c.name(), n.name(), allowed));
      continue;
    }
    it->handle(c, child_path);
  }
}

XmlReader::Slot XmlReader::LeafSlot(const char* name, Leaf& l) {
  return {name, [this, &l](const pugi::xml_node& c, const std::string& p) { ReadLeaf(c, p, l); }};
}

XmlReader::Slot XmlReader::ListSlot(const char* name, std::vector<Leaf>& v) {
  return {name, [this, &v](const pugi::xml_node& c, const std::string& p) {
            v.emplace_back();
            ReadLeaf(c, p, v.back());
          }};
}

XmlReader::Slot XmlReader::Once(const char* name, int& seen, Handler h) {
  return {name, [this, name, &seen, h](const pugi::xml_node& c, const std::string& p) {
            if (seen++) {
              Problem(Line(c), p, "", fmt::format("{} is given twice; it may appear once", name));
              return;
            }
            h(c, p);
          }};
}

}  // namespace journey::returns
