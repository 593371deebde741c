// Exact decimal arithmetic for `multipleOf`, which the registry compares as BigDecimals.

interface Decimal {
  /** value = mantissa × 10^-scale */
  mantissa: bigint;
  scale: number;
}

function parseDecimal(lexeme: string): Decimal {
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/.exec(lexeme);
  if (!m) throw new Error(`not a JSON number: ${lexeme}`);
  const [, sign, int, frac = "", exp = "0"] = m;
  let mantissa = BigInt(`${sign}${int}${frac}`);
  let scale = frac.length - Number(exp);
  if (scale < 0) {
    mantissa *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return { mantissa, scale };
}

/** Both values as integers at a common scale. */
function align(a: string, b: string): [bigint, bigint] {
  const x = parseDecimal(a);
  const y = parseDecimal(b);
  const scale = Math.max(x.scale, y.scale);
  return [x.mantissa * 10n ** BigInt(scale - x.scale), y.mantissa * 10n ** BigInt(scale - y.scale)];
}

/** Numeric equality of two lexemes (`0.5` equals `0.50`). */
export function decimalEquals(a: string, b: string): boolean {
  const [x, y] = align(a, b);
  return x === y;
}

/** Whether the value of `a` is an integral multiple of the value of `b`. */
export function isMultipleOf(a: string, b: string): boolean {
  const [x, y] = align(a, b);
  return y !== 0n && x % y === 0n;
}
