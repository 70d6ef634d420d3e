/// The texts about choosing a language, and those every command shares.

let languageMessages: [(String, Text)] = [
  (
    "language.unknownOption",
    Text(
      "--lang takes en or zh, not '{value}'",
      "--lang 只接受 en 或 zh，而不是 '{value}'")
  ),
  (
    "language.missing",
    Text("--lang takes a language: en or zh", "--lang 后面要跟语言：en 或 zh")
  ),
  (
    "language.unknownVariable",
    Text(
      "COMPANION_LANG must be en or zh, not '{value}'",
      "COMPANION_LANG 只能是 en 或 zh，而不是 '{value}'")
  ),
]

let generalMessages: [(String, Text)] = [
  ("error.prefix", Text("companion: error: ", "companion: 错误：")),
  (
    "track.solutions",
    Text(
      "Computed by the reference implementation (Solutions/).",
      "由参考实现（Solutions/）计算。")
  ),
  (
    "track.exercises",
    Text(
      "Computed by your exercises (Exercises/, COMPANION_TRACK=exercises).",
      "由你的练习（Exercises/，COMPANION_TRACK=exercises）计算。")
  ),
]
