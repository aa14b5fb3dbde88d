/**
 * The value of an untagged plain YAML scalar as kubectl reads it. kubectl converts YAML to JSON
 * with sigs.k8s.io/yaml, whose fork of go-yaml v2 resolves plain scalars with YAML 1.1 rules
 * (goyaml.v2 `resolve.go`): `yes`/`on`/`y` are booleans, `0755` is octal, `1_000` is 1000,
 * `1:20` and `2001-12-14` stay strings (no sexagesimal numbers; timestamps decoded into an
 * untyped value are kept as strings "for backward compatibility"). Both YAML readers of
 * pullguard call this one function, so they cannot disagree on a value.
 */
export function resolvePlainScalar(source: string): unknown {
  if (source.length === 0) return null;
  // No word is longer than five characters: longer scalars (most values) skip hashing for the look-up.
  if (source.length <= MAX_WORD_LENGTH) {
    const word = WORDS.get(source);
    if (word !== undefined) return word.value;
  }
  const first = source.charCodeAt(0);
  if (first === 46 /* . */) return DOT_FLOAT.test(source) ? Number(source) : source;
  if (!(first === 43 || first === 45 || (first >= 48 && first <= 57))) return source;
  const plain = source.includes('_') ? source.replaceAll('_', '') : source;
  const integer = parseGoInteger(plain);
  if (integer !== undefined) return integer;
  if (YAML_STYLE_FLOAT.test(plain)) {
    const float = Number(plain);
    if (Number.isFinite(float)) return float;
  }
  return source;
}

/** Whether a resolved key is the YAML 1.1 merge key (only a plain `<<` is). */
export const MERGE_KEY = Symbol('<<');

const WORDS = new Map<string, { value: unknown }>();
for (const w of ['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']) WORDS.set(w, { value: true });
for (const w of ['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']) WORDS.set(w, { value: false });
for (const w of ['~', 'null', 'Null', 'NULL']) WORDS.set(w, { value: null });
for (const w of ['.nan', '.NaN', '.NAN']) WORDS.set(w, { value: Number.NaN });
for (const w of ['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF']) WORDS.set(w, { value: Number.POSITIVE_INFINITY });
for (const w of ['-.inf', '-.Inf', '-.INF']) WORDS.set(w, { value: Number.NEGATIVE_INFINITY });
WORDS.set('<<', { value: MERGE_KEY });
const MAX_WORD_LENGTH = Math.max(...[...WORDS.keys()].map((w) => w.length));

// go-yaml v2 `yamlStyleFloat`, and what Go's ParseFloat accepts after a leading dot.
const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const DOT_FLOAT = /^\.[0-9]+([eE][-+]?[0-9]+)?$/;

const INT64_MAX = 9223372036854775807n;
const INT64_MIN = -9223372036854775808n;
const UINT64_MAX = 18446744073709551615n;

/** Go's strconv.ParseInt(s, 0, 64), then ParseUint(s, 0, 64) (no sign), as go-yaml v2 tries them. */
function parseGoInteger(s: string): number | undefined {
  const match = /^([-+]?)(0[xX][0-9a-fA-F]+|0[bB][01]+|0[oO][0-7]+|0[0-7]*|[1-9][0-9]*)$/.exec(s);
  if (match === null) return undefined;
  const sign = match[1] as string;
  const body = match[2] as string;
  let magnitude: bigint;
  // Decimal integers of up to 15 digits (ports, replicas, sizes) are exact as doubles: no BigInt.
  if (body.length <= 15 && body.charCodeAt(0) !== 48 /* 0 */) return sign === '-' ? -Number(body) : Number(body);
  const prefix = body.length > 1 ? body.charAt(1).toLowerCase() : '';
  if (body.charAt(0) === '0' && (prefix === 'x' || prefix === 'b' || prefix === 'o')) {
    magnitude = BigInt(`0${prefix}${body.slice(2)}`);
  } else if (body.charAt(0) === '0' && body.length > 1) {
    magnitude = BigInt(`0o${body.slice(1)}`);
  } else {
    magnitude = BigInt(body);
  }
  const value = sign === '-' ? -magnitude : magnitude;
  if (value >= INT64_MIN && value <= INT64_MAX) return Number(value);
  if (sign === '' && value <= UINT64_MAX) return Number(value);
  return undefined;
}
