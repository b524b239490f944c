// Reading an XML return (the CIN census, the SSDA903's XML form) safely and with the line
// of every element: one reader that each return's reader builds on. Safe on any input: a
// DOCTYPE (and so any entity declaration) is refused, never expanded; UTF-16 and NUL bytes
// are refused (the returns are UTF-8); a file that is not well formed names the line where
// it broke. Problems name the file, the line and the element path.
#pragma once

#include <functional>
#include <pugixml.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "returns/cin_message.h"   // Leaf: a value and its line
#include "returns/ssda903_read.h"  // Problem, InputFile

namespace journey::returns {

class XmlReader {
 public:
  XmlReader(const InputFile& f, std::vector<Problem>& problems);

  // Parses the file and returns its root element, or a null node after recording why not
  // (encoding, DOCTYPE, not well formed, or a root other than `root`). `what` names the
  // return in messages ("the CIN census").
  pugi::xml_node Open(std::string_view root, std::string_view what);

  int Line(const pugi::xml_node& n) const { return LineAt(static_cast<size_t>(n.offset_debug())); }
  int LineAt(size_t offset) const;
  void Problem(int line, std::string path, std::string value, std::string message);

  // A leaf element's text, trimmed; an element given twice, or holding elements where text
  // was expected, is a problem.
  void ReadLeaf(const pugi::xml_node& n, const std::string& path, Leaf& leaf);

  using Handler = std::function<void(const pugi::xml_node&, const std::string&)>;
  struct Slot {
    const char* name;
    Handler handle;
  };
  // Reads the element children of `n` by name; anything else is a problem naming what is
  // allowed.
  void Children(const pugi::xml_node& n, const std::string& path, const std::vector<Slot>& slots);
  Slot LeafSlot(const char* name, Leaf& l);
  Slot ListSlot(const char* name, std::vector<Leaf>& v);
  // An element that may appear once and holds others.
  Slot Once(const char* name, int& seen, Handler h);

  const InputFile& file() const { return file_; }

 private:
  const InputFile& file_;
  std::vector<returns::Problem>& problems_;
  std::vector<size_t> newlines_;
  pugi::xml_document doc_;
};

}  // namespace journey::returns
