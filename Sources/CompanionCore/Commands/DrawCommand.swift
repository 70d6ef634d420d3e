import Foundation

/// `companion draw PICTURE --out FILE`: the package's pictures, written as SVG.
let drawCommand = Command(
  name: "draw", summary: tr("summary.draw"), help: tr("help.draw")
) { arguments, _ throws(UsageError) in
  let parsed = try ParsedArguments(arguments, valued: ["--out", "--width", "--seed"])
  guard parsed.positional.count == 1 else {
    throw UsageError(tr("input.drawOnePicture"))
  }
  guard let path = parsed.values["--out"] else {
    throw UsageError(tr("input.drawNeedsOut"))
  }
  let picture: (svg: String, summary: String)
  switch parsed.positional[0] {
  case "folding":
    let width = try parsed.integer("--width", default: 2) ?? 2
    guard (2...16).contains(width) else {
      throw UsageError(tr("input.drawWidth", ["width": "\(width)"]))
    }
    if let seed = try parsed.integer("--seed") {
      guard seed >= 0 else { throw UsageError(tr("input.drawSeed", ["seed": "\(seed)"])) }
      picture = try FoldingPicture.draw(width: width, seed: UInt64(seed))
    } else {
      let chosen = FoldingPicture.defaultSeed(width: width)
      picture = try FoldingPicture.draw(width: width, seed: chosen.seed, seedNote: chosen.note)
    }
  case "x-filter":
    for option in ["--width", "--seed"] where parsed.values[option] != nil {
      throw UsageError(tr("input.xFilterOption", ["option": option]))
    }
    picture = XFilterPicture.draw()
  default:
    throw UsageError(tr("input.drawPicture", ["name": parsed.positional[0]]))
  }
  if path == "-" { return picture.svg }
  do {
    try picture.svg.write(toFile: path, atomically: true, encoding: .utf8)
  } catch {
    throw UsageError(tr("input.cannotWriteFile"), file: path)
  }
  return "wrote \(path): \(picture.summary)\n"
}
