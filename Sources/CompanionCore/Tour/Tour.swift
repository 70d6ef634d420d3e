/// The tour: every worked example of the lecture in turn, and what to run next.

func tour() -> String {
  var text = tr("tour.heading") + "\n"
  text += trackLine() + "\n"
  for example in examples {
    text +=
      "\n"
      + tr(
        "tour.exampleHeading",
        ["name": example.name, "ids": example.ids, "summary": example.summary]) + "\n\n"
    text += example.render() + "\n"
  }
  text += "\n" + tr("tour.whatNext")
  return text
}
