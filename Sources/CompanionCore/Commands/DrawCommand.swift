import Foundation

/// `companion draw PICTURE --out FILE`: the package's pictures, written as SVG.
let drawCommand = Command(
  name: "draw", summary: "draw a picture of the lecture as an SVG file",
  help: """
    usage: companion draw folding --out FILE.svg [--width W] [--seed N]
           companion draw x-filter --out FILE.svg

    Writes a picture as SVG (open it in a browser); `--out -` writes it to standard output.

      folding   two nested circles carried through a network of 4 ReLU layers of W units
                (default 2, at most 16), initialised from seed N and trained by gradient
                descent: the input and every layer before and after ReLU, with a grid of
                lines carried along so that the folds show [E6.12]. Without --seed, the first
                of the seeds 1 to 20 whose network separates the circles, and how many do.
                Each panel is fitted to its points and labels its own ranges; a layer wider
                than 2 shows its 2 units that vary most, named in the panel's title. Needs the
                Folding chapter's forward pass; untrained until trainFolding is written.
      x-filter  the 9x9 X, its three filters, their 7x7 maps and the maps pooled to 4x4,
                as shaded cells with their numbers [E1.1-E1.3, E2.1-E2.3].

    """
) { arguments, _ throws(UsageError) in
  let parsed = try ParsedArguments(arguments, valued: ["--out", "--width", "--seed"])
  guard parsed.positional.count == 1 else {
    throw UsageError("draw takes one picture name: folding or x-filter")
  }
  guard let path = parsed.values["--out"] else {
    throw UsageError("draw needs --out FILE.svg (or --out - for standard output)")
  }
  let picture: (svg: String, summary: String)
  switch parsed.positional[0] {
  case "folding":
    let width = try parsed.integer("--width", default: 2) ?? 2
    guard (2...16).contains(width) else {
      throw UsageError("--width must be from 2 to 16, not \(width)")
    }
    if let seed = try parsed.integer("--seed") {
      guard seed >= 0 else { throw UsageError("--seed must not be negative, not \(seed)") }
      picture = try FoldingPicture.draw(width: width, seed: UInt64(seed))
    } else {
      let chosen = FoldingPicture.defaultSeed(width: width)
      picture = try FoldingPicture.draw(width: width, seed: chosen.seed, seedNote: chosen.note)
    }
  case "x-filter":
    for option in ["--width", "--seed"] where parsed.values[option] != nil {
      throw UsageError("x-filter takes no \(option)")
    }
    picture = XFilterPicture.draw()
  default:
    throw UsageError("no picture named '\(parsed.positional[0])': folding or x-filter")
  }
  if path == "-" { return picture.svg }
  do {
    try picture.svg.write(toFile: path, atomically: true, encoding: .utf8)
  } catch {
    throw UsageError("cannot write this file", file: path)
  }
  return "wrote \(path): \(picture.summary)\n"
}
