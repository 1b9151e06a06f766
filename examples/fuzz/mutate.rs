//! Mutations of a seed: of its text (bytes inserted, deleted, repeated, replaced by the
//! tokens JSON5 is made of, or by a piece of another seed), and of its structure (a value
//! replaced by an extreme or mistyped one, a list repeated past its limit, a member
//! dropped, added or renamed, a part of another seed put in its place).

use serde_json::{Map, Value};

/// A small deterministic generator (SplitMix64): a run is replayed from its seed.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number below `n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        let n = u64::try_from(n).unwrap_or(u64::MAX).max(1);
        usize::try_from(self.next() % n).unwrap_or(0)
    }

    pub fn one_in(&mut self, n: usize) -> bool {
        self.below(n) == 0
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        items.get(self.below(items.len()))
    }
}

/// Pieces of JSON5 and of hostile text, put into a text where it breaks or bends.
const TOKENS: &[&str] = &[
    ",",
    "}",
    "]",
    "{",
    "[",
    "\"",
    "'",
    ":",
    "//",
    "/*",
    "*/",
    "\n",
    "\r",
    "\t",
    "\\",
    "\\u",
    "\\x4",
    "\u{feff}",
    "\u{0}",
    "\u{1b}[31m",
    "\u{202e}",
    "\u{2028}",
    "-",
    "+",
    ".",
    "e",
    "0x",
    "1e999",
    "-0",
    "NaN",
    "Infinity",
    "null",
    "true",
    "false",
    "\"\"",
    "{}",
    "[]",
    "79228162514264337593543950336",
    "0.0000000000000000000000000001",
    "4294967296",
    "東京",
    "🙂",
    "=HYPERLINK(\"x\")",
    "<b>",
    "|",
    "*",
    "a-b",
    "\"a\":1,",
    "\"a\":1,\"a\":2",
];

/// One to four changes to the text; `other` is another seed to take pieces from.
pub fn text(rng: &mut Rng, seed: &str, other: &str) -> String {
    let mut bytes = seed.as_bytes().to_vec();
    for _ in 0..=rng.below(4) {
        text_once(rng, &mut bytes, other.as_bytes());
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

fn text_once(rng: &mut Rng, bytes: &mut Vec<u8>, other: &[u8]) {
    let at = rng.below(bytes.len() + 1);
    let len = 1 + rng.below(64.min(bytes.len().saturating_sub(at)).max(1));
    let end = (at + len).min(bytes.len());
    match rng.below(6) {
        0 => {
            bytes.drain(at..end);
        }
        1 => {
            let token = rng.pick(TOKENS).copied().unwrap_or(",");
            bytes.splice(at..at, token.bytes());
        }
        2 => {
            let piece: Vec<u8> = bytes.get(at..end).unwrap_or_default().to_vec();
            let times = *rng.pick(&[2, 10, 1000]).unwrap_or(&2);
            let repeated = piece.repeat(times);
            bytes.splice(at..at, repeated);
        }
        3 => {
            if let Some(b) = bytes.get_mut(at) {
                *b ^= 1 << rng.below(8);
            }
        }
        4 => {
            let from = rng.below(other.len());
            let piece = other
                .get(from..(from + len).min(other.len()))
                .unwrap_or_default();
            bytes.splice(at..end, piece.iter().copied());
        }
        _ => {
            let token = rng.pick(TOKENS).copied().unwrap_or("");
            bytes.splice(at..end, token.bytes());
        }
    }
}

/// Values that sit at or just past a bound, or are of a type no field expects.
fn extreme(rng: &mut Rng) -> Value {
    let long = |n: usize, unit: &str| Value::String(unit.repeat(n));
    match rng.below(16) {
        0 => Value::from(0),
        1 => Value::from(-1),
        2 => Value::from(4_294_967_295_u64),
        3 => Value::from(4_294_967_296_u64),
        4 => Value::String("79228162514264337593543950335".into()),
        5 => Value::String("0.000000000000000000000000001".into()),
        6 => Value::String(format!("1{}", "0".repeat(400))),
        7 => Value::String([" 12 ", "0x10", "1e-3", "-0", ".5", "1,000"][rng.below(6)].into()),
        8 => long(*rng.pick(&[101, 201, 2_001, 10_001]).unwrap_or(&201), "x"),
        9 => long(*rng.pick(&[50, 1_000, 20_000]).unwrap_or(&50), "2i2c\n"),
        10 => long(
            *rng.pick(&[67, 700]).unwrap_or(&67),
            "東京 \u{1b}[31m\u{202e}🙂 ",
        ),
        11 => Value::String(String::new()),
        12 => Value::Bool(rng.one_in(2)),
        13 => Value::Null,
        14 => Value::Array(Vec::new()),
        _ => Value::Object(Map::new()),
    }
}

/// A random place in `v`: the root, or (more often) a member or element further down.
fn place<'v>(rng: &mut Rng, v: &'v mut Value) -> &'v mut Value {
    let len = match &*v {
        Value::Array(a) => a.len(),
        Value::Object(o) => o.len(),
        _ => 0,
    };
    if len == 0 || rng.one_in(4) {
        return v;
    }
    let i = rng.below(len);
    match v {
        // `i` is below the length just read.
        Value::Array(a) => place(rng, &mut a[i]),
        Value::Object(o) => {
            let key = o.keys().nth(i).cloned().unwrap_or_default();
            place(rng, o.entry(key).or_insert(Value::Null))
        }
        other => other,
    }
}

/// One change to the structure: `words` are the texts of every seed (keys and values),
/// `parts` values of every seed to put elsewhere.
pub fn structure(rng: &mut Rng, v: &mut Value, words: &[String], parts: &[Value]) {
    let at = place(rng, v);
    match (rng.below(5), at) {
        (0, Value::Array(a)) if !a.is_empty() => {
            let i = rng.below(a.len());
            let times = *rng.pick(&[2, 11, 21, 51, 101, 201]).unwrap_or(&2);
            let copy = a.get(i).cloned().unwrap_or(Value::Null);
            a.extend(std::iter::repeat_n(copy, times));
        }
        (1, Value::Array(a)) if !a.is_empty() => {
            a.remove(rng.below(a.len()));
        }
        (0 | 1, Value::Object(o)) if !o.is_empty() => {
            let key = o
                .keys()
                .nth(rng.below(o.len()))
                .cloned()
                .unwrap_or_default();
            let value = o.remove(&key).unwrap_or(Value::Null);
            if rng.one_in(2) {
                let renamed = rng.pick(words).cloned().unwrap_or(key);
                o.insert(renamed, value);
            }
        }
        (2, Value::Object(o)) => {
            let key = rng.pick(words).cloned().unwrap_or_default();
            let value = rng.pick(parts).cloned().unwrap_or(Value::Null);
            o.insert(key, value);
        }
        (3, at) => *at = rng.pick(parts).cloned().unwrap_or(Value::Null),
        (4, at) if !words.is_empty() && rng.one_in(2) => {
            *at = Value::String(rng.pick(words).cloned().unwrap_or_default())
        }
        (_, at) => *at = extreme(rng),
    }
}

/// Every text in `v` (keys and values) and every value in it, for [`structure`].
pub fn harvest(v: &Value, words: &mut Vec<String>, parts: &mut Vec<Value>) {
    parts.push(v.clone());
    match v {
        Value::String(s) => words.push(s.clone()),
        Value::Array(a) => a.iter().for_each(|x| harvest(x, words, parts)),
        Value::Object(o) => {
            for (k, x) in o {
                words.push(k.clone());
                harvest(x, words, parts);
            }
        }
        _ => {}
    }
}
