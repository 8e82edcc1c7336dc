import Testing
@testable import ProtositeCore

@Suite("JSON written by hand")
struct JSONValueTests {
    static let value: JSONValue = .object([
        ("version", .number(1)),
        ("empty", .array([])),
        ("nothing", .object([])),
        ("items", .array([
            .object([("title", .string("Code & <Conduct> \u{2028}")), ("count", .number(-3)), ("draft", .bool(false)), ("note", .null)]),
            .array([.bool(true), .string("")]),
        ])),
    ])

    @Test func compactHasNoSpaceAndKeepsKeysInOrder() {
        #expect(Self.value.serialized() == #"{"version":1,"empty":[],"nothing":{},"items":[{"title":"Code \u0026 \u003cConduct\u003e \u2028","count":-3,"draft":false,"note":null},[true,""]]}"#)
    }

    @Test func prettyIndentsEachLevelByTwoSpaces() {
        #expect(Self.value.serialized(pretty: true) == """
        {
          "version": 1,
          "empty": [],
          "nothing": {},
          "items": [
            {
              "title": "Code \\u0026 \\u003cConduct\\u003e \\u2028",
              "count": -3,
              "draft": false,
              "note": null
            },
            [
              true,
              ""
            ]
          ]
        }
        """)
    }
}
