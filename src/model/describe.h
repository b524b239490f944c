// A readable reference of the record kinds, generated from their descriptions: it is
// committed as docs/record.md, and a test fails when the two drift apart.
#pragma once

#include <string>

namespace journey::model {

std::string KindsMarkdown();

}  // namespace journey::model
