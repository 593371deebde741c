// Maximum-cardinality matching in a bipartite graph (augmenting paths, Kuhn's algorithm): the
// combinator comparison pairs every subschema with at most one compatible partner.

/**
 * `edges[i]` lists the right-hand vertices left vertex `i` may be paired with. Returns, for each
 * left vertex, its partner or -1. The graphs here are tiny (subschemas of one combinator).
 */
export function maximumMatching(edges: readonly (readonly number[])[], rightCount: number): number[] {
  const partnerOfRight = new Array<number>(rightCount).fill(-1);
  const tryAssign = (left: number, visited: boolean[]): boolean => {
    for (const right of edges[left] ?? []) {
      if (visited[right]) continue;
      visited[right] = true;
      const current = partnerOfRight[right]!;
      if (current === -1 || tryAssign(current, visited)) {
        partnerOfRight[right] = left;
        return true;
      }
    }
    return false;
  };
  for (let left = 0; left < edges.length; left++) tryAssign(left, new Array<boolean>(rightCount).fill(false));
  const partnerOfLeft = new Array<number>(edges.length).fill(-1);
  partnerOfRight.forEach((left, right) => {
    if (left !== -1) partnerOfLeft[left] = right;
  });
  return partnerOfLeft;
}
