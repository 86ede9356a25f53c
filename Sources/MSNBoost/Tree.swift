/// One regression tree: a flat array of nodes, node 0 the root.
public struct Tree: Sendable {
    /// A split or a leaf.
    public struct Node: Sendable {
        /// Split feature (-1 for a leaf).
        public var feature: Int
        /// Rows with value < threshold go left.
        public var threshold: Double
        /// Missing values go left when true.
        public var defaultLeft: Bool
        /// Child indices.
        public var left: Int, right: Int
        /// Leaf value (already scaled by the learning rate).
        public var value: Double
        /// Hessian sum of the training rows reaching the node (XGBoost's cover).
        public var cover: Double
        /// Loss reduction of the split.
        public var gain: Double
        /// A categorical split: category codes 0 … 63 whose bit is set in `categories` go left; every
        /// other value (an unseen category) goes right; `threshold` is unused.
        public var isCategorical = false
        /// The categories sent left by a categorical split (bit c for code c).
        public var categories: UInt64 = 0
        /// Whether the node is a leaf.
        public var isLeaf: Bool { feature < 0 }
        /// Whether a row with value `x` of the split feature goes to the left child.
        @inline(__always) public func goesLeft(_ x: Double) -> Bool {
            if x.isNaN { return defaultLeft }
            if !isCategorical { return x < threshold }
            guard x >= 0, x < 64, x == x.rounded(.down) else { return false }
            return categories & (1 << UInt64(x)) != 0
        }
    }

    /// The nodes.
    public var nodes: [Node]

    /// The number of split levels (0 for a single leaf).
    public var depth: Int {
        func below(_ i: Int) -> Int { nodes[i].isLeaf ? 0 : 1 + max(below(nodes[i].left), below(nodes[i].right)) }
        return nodes.isEmpty ? 0 : below(0)
    }

    /// The distinct split features, ascending.
    public var splitFeatures: [Int] { Array(Set(nodes.lazy.filter { !$0.isLeaf }.map(\.feature))).sorted() }

    /// The leaf value for one row (features by index).
    @inline(__always) public func predict(_ row: (Int) -> Double) -> Double {
        var i = 0
        while !nodes[i].isLeaf {
            let n = nodes[i]
            let x = row(n.feature)
            i = n.goesLeft(x) ? n.left : n.right
        }
        return nodes[i].value
    }
}
