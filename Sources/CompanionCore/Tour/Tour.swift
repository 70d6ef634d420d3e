/// The tour: every worked example of the lecture in turn, and what to run next.

func tour() -> String {
  var text = "DeepLearningCompanion: the lecture's worked examples, computed live.\n"
  text += trackLine() + "\n"
  for example in examples {
    text += "\n== \(example.name) [\(example.ids)]: \(example.summary)\n\n"
    text += example.render() + "\n"
  }
  text += """

    What next:
      swift run companion check               where you stand on the exercises, what to do next
      swift run companion test CHAPTER        a chapter's tests on your exercises
      swift run companion watch CHAPTER       both, again every time you save
      swift run companion hint EXERCISE       a pointer to the lecture's formula
      swift run companion list                the examples; `swift run companion show NAME` one
      swift run companion --help              every command
      swift test                              every test, on the reference implementation

    """
  return text
}
