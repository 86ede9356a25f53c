import MSNTable

/// A fitted model that the language can display, bind and pass to verbs (`evaluate`, `estimates`…).
/// Model modules conform their results to this; the evaluator needs no change for a new kind.
public protocol ModelValue: Sendable {
    /// The model's kind (`boost`, `sem`, `linear`, …).
    var kind: String { get }
    /// The summary shown when the model is displayed: data that renderers lay out.
    var summary: ModelSummary { get }
    /// A short shape for `:tables` (e.g. "300 trees, 4 features").
    var shape: String { get }
    /// Named tables shown after the summary, each under its name (a `compare` report's parts);
    /// `part NAME` picks one. Empty for most models.
    var parts: [(name: String, table: Table)] { get }
}

extension ModelValue {
    /// Most models carry no parts.
    public var parts: [(name: String, table: Table)] { [] }
}

/// A runtime value.
public enum Value: Sendable {
    /// A table.
    case table(Table)
    /// A single value (number, string, bool, null).
    case scalar(CellValue)
    /// A list `[…]`.
    case list([Value])
    /// A record `{key: value}`.
    case record([(String, Value)])
    /// A fitted model.
    case model(any ModelValue)
    /// Several values from one verb (e.g. `split` gives train and test).
    case tuple([Value])

    /// What the value is, for messages and `:tables`.
    /// The kind with its article, for messages: "an int", "a table", "a boost model", "2 values".
    public var kindPhrase: String {
        switch self {
        case .scalar(.null): return "null"
        case .scalar(.int): return "an int"
        case .model(let m): return m.kind == "comparison" ? "a comparison report" : "a \(m.kind) model"
        case .tuple: return kindName
        default: return "a " + kindName
        }
    }

    public var kindName: String {
        switch self {
        case .table: return "table"
        case .scalar(let c):
            switch c {
            case .null: return "null"
            case .int: return "int"
            case .float: return "float"
            case .string: return "string"
            case .bool: return "bool"
            }
        case .list: return "list"
        case .record: return "record"
        case .model(let m): return "model:\(m.kind)"
        case .tuple(let t): return "\(t.count) values"
        }
    }

    /// A short shape: "301 × 15" for tables, the value for scalars.
    public var shape: String {
        switch self {
        case .table(let t): return "\(t.rowCount) × \(t.columnCount)"
        case .scalar(let c): return c.isNull ? "null" : c.description
        case .list(let l): return "\(l.count) items"
        case .record(let r): return "\(r.count) fields"
        case .model(let m): return m.shape
        case .tuple(let t): return "\(t.count) values"
        }
    }
}
