/// A node of a decoder or encoder over a ``JSONValue`` tree that knows only its own key and its parent: the
/// coding path is spelled out when asked (for an error), not built for every value on the way down.
protocol CodingPathNode: AnyObject {
  /// The key or index this node is under; `nil` at the root.
  var key: (any CodingKey)? { get }
  /// The node this one is under.
  var parent: Self? { get }
}

extension CodingPathNode {
  /// The keys from the root down to this node.
  var chainedCodingPath: [any CodingKey] {
    var path: [any CodingKey] = []
    var node: Self? = self
    while let current = node, let key = current.key {
      path.append(key)
      node = current.parent
    }
    return path.reversed()
  }
}
