#include "synth/generator.h"

namespace journey::synth {

Result<Summary> Generate(const Options& opt, Sink& sink) {
  return Err(Internal("the generator is not written yet"));
}

}  // namespace journey::synth
