import Foundation
@testable import MSNKernel
import MSNLanguage
import Testing

@Test func everyVerbHasHelpAndEveryVerbTopicIsAVerb() {
    let topics = Set(HelpCatalog.topics().map { String($0.split(separator: " ")[0]) })
    for verb in Verbs.names { #expect(topics.contains(verb), "verb '\(verb)' has no help entry") }
    let languageTopics: Set<String> = ["def", "use", "set", "functions"]
    for topic in topics where !languageTopics.contains(topic) { #expect(Verbs.names.contains(topic), "help topic '\(topic)' is not a verb") }
}

@Test func optionCheckingAndCompletionReadTheRegistry() {
    let s = makeSession()
    _ = s.execute("hs = load \"data/HolzingerSwineford1939.csv\"")
    let bad = s.failure("hs | drop outliers x1 with kk = 2")
    #expect(bad?.message == "drop has no option 'kk'")
    #expect(bad?.hint == "did you mean 'k'?")
    let sem = s.failure("s = fit sem on hs { visual =~ x1 + x2 + x3 } with trees = 3")
    #expect(sem?.message == "fit has no option 'trees'")
    #expect(VerbOptions.names(for: "drop") == Verbs.options("drop"))
    #expect(VerbOptions.names(for: "fit").contains("trees") && VerbOptions.names(for: "fit").contains("group_equal"))
    #expect(s.verbNames == Verbs.names.sorted())
}

@Test func theParserKnowsExactlyTheRegisteredVerbs() {
    // `show` was once parsed as a verb without being registered; now a name is a verb only if registered.
    let s = makeSession()
    _ = s.execute("hs = load \"data/HolzingerSwineford1939.csv\"\ndef show(t) = t | head 1")
    let r = s.execute("hs | show")
    #expect(r.succeeded)
    #expect(!Verbs.names.contains("show"))
}
