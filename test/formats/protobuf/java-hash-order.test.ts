import { describe, expect, it } from "vitest";
import { javaHashCode, javaUnionOrder } from "../../../src/formats/protobuf/java-hash-order.js";

// Expected orders were produced by OpenJDK 17 with `new HashSet<>(a.keySet())` followed by
// `addAll(b.keySet())`, where a and b are HashMaps filled in the listed order.
describe("Java HashMap/HashSet iteration order", () => {
  it("computes String.hashCode with 32-bit overflow", () => {
    expect(javaHashCode("")).toBe(0);
    expect(javaHashCode("Aa")).toBe(javaHashCode("BB"));
    expect(javaHashCode("hello world, this overflows")).toBe(161437415);
  });

  it("orders a few message names", () => {
    expect(
      javaUnionOrder(["Order", "Customer", "Address", "LineItem"], ["Payment", "Order", "Shipment"]),
    ).toEqual(["Order", "Payment", "Address", "Customer", "LineItem", "Shipment"]);
  });

  it("orders names past a resize of the table", () => {
    const original = [
      "Zeta",
      "alpha",
      "Beta",
      "gamma",
      "Delta",
      "epsilon",
      "Eta",
      "Theta",
      "iota",
      "Kappa",
      "lambda",
      "Mu",
      "nu",
      "Xi",
      "omicron",
      "Pi",
      "rho",
      "Sigma",
    ];
    expect(javaUnionOrder(original, ["tau", "Upsilon", "phi", "Chi", "psi", "Omega"]).join(" ")).toBe(
      "iota Kappa Chi nu Sigma psi Mu tau Upsilon Omega Theta Beta epsilon phi Xi Zeta lambda Eta omicron Delta alpha rho Pi gamma",
    );
  });

  it("orders integers (enum numbers), negative ones included", () => {
    expect(javaUnionOrder([0, 1, 2, -1, 100, 17, 16], [33, -5, 3])).toEqual([
      0, -1, 16, 1, 17, 33, 2, 3, 100, -5,
    ]);
  });

  it("keeps colliding keys in insertion order across several resizes", () => {
    const many = Array.from({ length: 40 }, (_, i) => `M${(i * 7919) % 1000}`);
    expect(javaUnionOrder(many, ["Aa", "BB"]).slice(0, 12)).toEqual([
      "M352",
      "Aa",
      "BB",
      "M570",
      "M0",
      "M433",
      "M894",
      "M299",
      "M651",
      "M3",
      "M595",
      "M514",
    ]);
  });
});
