// The CIN census message as XML: written with pugixml in the DfE's element order, and read
// back with the line of every element. Reading is safe on any input: a DOCTYPE (and so any
// entity declaration) is refused, never expanded; UTF-16 and other encodings are refused
// (the census is UTF-8); a file that is not well formed names the line where it broke.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "returns/cin_message.h"
#include "returns/ssda903_read.h"  // Problem, InputFile

namespace journey::returns {

// The message as XML text (UTF-8, two-space indent, "\n" line ends); empty leaves are left
// out. `year` picks the sex element (Sex from 2024/25, GenderCurrent before).
std::string CinXml(const CinMessage& m, int year);

struct CinRead {
  CinMessage message;
  std::vector<Problem> problems;  // file, line, element path (as column), value, message
  bool ok() const { return problems.empty(); }
};

// Reads one census file. Unknown elements, elements given twice where one is allowed and a
// wrong root are problems; values are not checked here (the import and the rules do).
CinRead ReadCinXml(const InputFile& file);

// The DfE element path of a part, for messages ("Child/CINdetails/Assessments").
inline constexpr std::string_view kChildPath = "Message/Children/Child";

}  // namespace journey::returns
