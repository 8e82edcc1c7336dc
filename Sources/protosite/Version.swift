/// protosite's version, in one place: `protosite --version` prints it and
/// scripts/package reads it from this line (keep it a plain string literal).
let protositeVersion = "0.1.0"
