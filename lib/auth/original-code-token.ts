// The wire form of the original's sign-up code step: POST /validate answered `{"token"}`, a fixed
// character-by-character substitution of the mailed code, and its sign-up page applies the same
// substitution to what the user types and compares. The comparison happens in the browser, so this token
// proves nothing to the server (docs/original-frontend.md); it exists only so the original page works.

// Each pair: a code character and what the original's table turns it into.
const TABLE = new Map(
  "Ah BI CJ Di Eb F3 GK HL J4 KM Lp MN N8 PP Qe Rc Sq T0 U$ Vt WQ Xy Ys Zv 2U 3d 4T 59 6r 77 8u 9S"
    .split(" ")
    .map((pair) => [pair.charAt(0), pair.charAt(1)] as const),
);

/** The characters a code is made of: upper case and digits without the look-alikes I, O, 0 and 1. */
export const CODE_ALPHABET = [...TABLE.keys()].join("");

export function originalCodeToken(code: string): string {
  return [...code]
    .map((c) => {
      const t = TABLE.get(c);
      if (t === undefined) throw new Error(`'${c}' is not a sign-up code character`);
      return t;
    })
    .join("");
}
