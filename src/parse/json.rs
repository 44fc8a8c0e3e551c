//! A small JSON reader (RFC 8259) into a [`Value`] tree.
//!
//! Why not serde_json: the derived, generic deserializers it drives were the
//! largest part of the WebAssembly the page ships. This reader is plain,
//! non-generic code; [`super::read`] turns its tree into `Answers`.
//!
//! Invariants: never panics; nesting deeper than [`MAX_DEPTH`] is refused
//! (a deep document must not exhaust the stack); a duplicate key is refused.

/// A JSON value. Object members keep their order.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// `null`
    Null,
    /// `true` / `false`
    Bool(bool),
    /// A number; `integer` when written without fraction or exponent.
    Number {
        /// The value.
        value: f64,
        /// Written as an integer (`5`, not `5.0`).
        integer: bool,
    },
    /// A string.
    String(String),
    /// An array.
    Array(Vec<Value>),
    /// An object.
    Object(Vec<(String, Value)>),
}

/// The deepest nesting accepted.
pub const MAX_DEPTH: usize = 64;

/// Parses a whole document. The error says what is wrong and where
/// (`key must be a string at line 1 column 2`).
pub fn parse(text: &str) -> Result<Value, String> {
    parse_with(text, read_number)
}

/// Reads the text of a JSON number, already checked against JSON's number
/// grammar, to the nearest `f64` (infinite when out of range).
pub type NumberReader = fn(&str) -> Option<f64>;

/// Rust's correctly rounded `f64` parsing.
fn read_number(text: &str) -> Option<f64> {
    text.parse().ok()
}

/// [`parse`] with numbers read by `number`, which must round to the nearest
/// `f64` as Rust does. The page passes JavaScript's `Number()` (correctly
/// rounded in current engines; see `ui::html::read_number`): Rust's parser
/// carries a 10 KB table of powers of five that gzip cannot shrink.
pub fn parse_with(text: &str, number: NumberReader) -> Result<Value, String> {
    let mut p = Parser { s: text.as_bytes(), i: 0, number };
    p.ws();
    let v = p.value(0)?;
    p.ws();
    if p.i < p.s.len() {
        return Err(p.err("trailing characters"));
    }
    Ok(v)
}

struct Parser<'a> {
    s: &'a [u8],
    i: usize,
    number: NumberReader,
}

impl Parser<'_> {
    fn err(&self, what: &str) -> String {
        let upto = &self.s[..self.i.min(self.s.len())];
        let line = upto.iter().filter(|&&c| c == b'\n').count() + 1;
        let col = upto.iter().rev().take_while(|&&c| c != b'\n').count() + 1;
        format!("{what} at line {line} column {col}")
    }

    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }

    fn ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.i += 1;
        }
    }

    fn eat(&mut self, c: u8) -> bool {
        if self.peek() == Some(c) {
            self.i += 1;
            true
        } else {
            false
        }
    }

    fn word(&mut self, w: &str, v: Value) -> Result<Value, String> {
        if self.s[self.i..].starts_with(w.as_bytes()) {
            self.i += w.len();
            Ok(v)
        } else {
            Err(self.err("expected value"))
        }
    }

    fn value(&mut self, depth: usize) -> Result<Value, String> {
        if depth > MAX_DEPTH {
            return Err(self.err("nesting too deep"));
        }
        match self.peek() {
            None => Err(self.err("EOF while parsing a value")),
            Some(b'{') => self.object(depth),
            Some(b'[') => self.array(depth),
            Some(b'"') => self.string().map(Value::String),
            Some(b't') => self.word("true", Value::Bool(true)),
            Some(b'f') => self.word("false", Value::Bool(false)),
            Some(b'n') => self.word("null", Value::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => Err(self.err("expected value")),
        }
    }

    fn object(&mut self, depth: usize) -> Result<Value, String> {
        self.i += 1;
        let mut members: Vec<(String, Value)> = Vec::new();
        self.ws();
        if self.eat(b'}') {
            return Ok(Value::Object(members));
        }
        loop {
            self.ws();
            if self.peek() != Some(b'"') {
                return Err(self.err(if self.peek().is_none() {
                    "EOF while parsing an object"
                } else {
                    "key must be a string"
                }));
            }
            let key = self.string()?;
            if members.iter().any(|(k, _)| *k == key) {
                return Err(self.err(&format!("duplicate field `{key}`")));
            }
            self.ws();
            if !self.eat(b':') {
                return Err(self.err("expected `:`"));
            }
            self.ws();
            let v = self.value(depth + 1)?;
            members.push((key, v));
            self.ws();
            if self.eat(b'}') {
                return Ok(Value::Object(members));
            }
            if !self.eat(b',') {
                return Err(self.err(if self.peek().is_none() {
                    "EOF while parsing an object"
                } else {
                    "expected `,` or `}`"
                }));
            }
        }
    }

    fn array(&mut self, depth: usize) -> Result<Value, String> {
        self.i += 1;
        let mut items = Vec::new();
        self.ws();
        if self.eat(b']') {
            return Ok(Value::Array(items));
        }
        loop {
            self.ws();
            items.push(self.value(depth + 1)?);
            self.ws();
            if self.eat(b']') {
                return Ok(Value::Array(items));
            }
            if !self.eat(b',') {
                return Err(self.err(if self.peek().is_none() {
                    "EOF while parsing a list"
                } else {
                    "expected `,` or `]`"
                }));
            }
        }
    }

    fn hex4(&mut self) -> Result<u32, String> {
        let digits = self.s.get(self.i..self.i + 4).ok_or_else(|| self.err("EOF while parsing a string"))?;
        let text = std::str::from_utf8(digits).map_err(|_| self.err("invalid escape"))?;
        let n = u32::from_str_radix(text, 16).map_err(|_| self.err("invalid escape"))?;
        self.i += 4;
        Ok(n)
    }

    fn string(&mut self) -> Result<String, String> {
        self.i += 1;
        let mut out: Vec<u8> = Vec::new();
        loop {
            let Some(c) = self.peek() else { return Err(self.err("EOF while parsing a string")) };
            self.i += 1;
            match c {
                b'"' => return String::from_utf8(out).map_err(|_| self.err("invalid unicode")),
                b'\\' => {
                    let Some(e) = self.peek() else { return Err(self.err("EOF while parsing a string")) };
                    self.i += 1;
                    let ch = match e {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => {
                            let hi = self.hex4()?;
                            let code = if (0xD800..0xDC00).contains(&hi) {
                                if !(self.eat(b'\\') && self.eat(b'u')) {
                                    return Err(self.err("lone leading surrogate in hex escape"));
                                }
                                let lo = self.hex4()?;
                                if !(0xDC00..0xE000).contains(&lo) {
                                    return Err(self.err("invalid surrogate pair in hex escape"));
                                }
                                0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
                            } else {
                                hi
                            };
                            char::from_u32(code).ok_or_else(|| self.err("invalid unicode code point"))?
                        }
                        _ => return Err(self.err("invalid escape")),
                    };
                    let mut buf = [0u8; 4];
                    out.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
                }
                0x00..=0x1F => return Err(self.err("control character in a string")),
                _ => out.push(c),
            }
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.i;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.i += 1;
        }
        self.i - start
    }

    fn number(&mut self) -> Result<Value, String> {
        let start = self.i;
        self.eat(b'-');
        if self.eat(b'0') {
            if matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(self.err("invalid number"));
            }
        } else if self.digits() == 0 {
            return Err(self.err("invalid number"));
        }
        let mut integer = true;
        if self.eat(b'.') {
            integer = false;
            if self.digits() == 0 {
                return Err(self.err("invalid number"));
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            integer = false;
            self.i += 1;
            if !self.eat(b'+') {
                self.eat(b'-');
            }
            if self.digits() == 0 {
                return Err(self.err("invalid number"));
            }
        }
        let text = std::str::from_utf8(&self.s[start..self.i]).map_err(|_| self.err("invalid number"))?;
        // Correctly rounded (Rust's, or JavaScript's in current engines): a
        // value reads back exactly.
        let value = (self.number)(text).ok_or_else(|| self.err("invalid number"))?;
        if !value.is_finite() {
            return Err(self.err("number out of range"));
        }
        Ok(Value::Number { value, integer })
    }
}

impl Value {
    /// The value as JSON text, indented by two spaces per level (as
    /// `JSON.stringify(v, null, 2)` writes it). Numbers are written so that
    /// they read back exactly; a non-finite number is written `null`.
    #[must_use]
    pub fn to_json_pretty(&self) -> String {
        self.to_json_pretty_with(display_number)
    }

    /// [`Value::to_json_pretty`] with finite numbers written by `number`,
    /// which must write a JSON number that reads back to the same `f64`.
    /// The page passes JavaScript's `Number#toString` (also shortest
    /// round-trip), so its wasm carries no float printer of its own.
    #[must_use]
    pub fn to_json_pretty_with(&self, number: NumberWriter) -> String {
        let mut out = String::new();
        self.write(&mut out, 0, number);
        out
    }

    fn write(&self, out: &mut String, indent: usize, number: NumberWriter) {
        let pad = |out: &mut String, n: usize| {
            out.push('\n');
            for _ in 0..n {
                out.push_str("  ");
            }
        };
        match self {
            Value::Null => out.push_str("null"),
            Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Value::Number { value, .. } if !value.is_finite() => out.push_str("null"),
            Value::Number { value, .. } => number(*value, out),
            Value::String(s) => write_string(out, s),
            Value::Array(items) if items.is_empty() => out.push_str("[]"),
            Value::Array(items) => {
                out.push('[');
                for (i, v) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    pad(out, indent + 1);
                    v.write(out, indent + 1, number);
                }
                pad(out, indent);
                out.push(']');
            }
            Value::Object(members) if members.is_empty() => out.push_str("{}"),
            Value::Object(members) => {
                out.push('{');
                for (i, (k, v)) in members.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    pad(out, indent + 1);
                    write_string(out, k);
                    out.push_str(": ");
                    v.write(out, indent + 1, number);
                }
                pad(out, indent);
                out.push('}');
            }
        }
    }
}

/// Writes a finite number as JSON (see [`Value::to_json_pretty_with`]).
pub type NumberWriter = fn(f64, &mut String);

/// Rust's shortest round-trip form (`0.1`, `1000000`, never an exponent).
fn display_number(value: f64, out: &mut String) {
    use std::fmt::Write;
    let _ = write!(out, "{value}");
}

fn write_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                let n = c as usize;
                out.push_str("\\u00");
                out.push(char::from(HEX[(n >> 4) & 0xf]));
                out.push(char::from(HEX[n & 0xf]));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(v: f64, integer: bool) -> Value {
        Value::Number { value: v, integer }
    }

    #[test]
    fn reads_every_kind_of_value() {
        let v = parse(r#" {"a": [1, -2.5, 3e2, true, false, null], "b": "x\"\\\/\n\u00e9\ud83d\ude00", "c": {}} "#);
        assert_eq!(
            v,
            Ok(Value::Object(vec![
                (
                    "a".into(),
                    Value::Array(vec![
                        n(1.0, true),
                        n(-2.5, false),
                        n(300.0, false),
                        Value::Bool(true),
                        Value::Bool(false),
                        Value::Null
                    ])
                ),
                ("b".into(), Value::String("x\"\\/\né😀".into())),
                ("c".into(), Value::Object(vec![])),
            ]))
        );
    }

    #[test]
    fn numbers_read_back_exactly() {
        for text in ["0.1", "1913.7332711104905", "4.965", "1e-7", "123456789.123456789"] {
            let want: f64 = text.parse().unwrap_or(f64::NAN);
            assert_eq!(parse(text), Ok(n(want, false)), "{text}");
        }
    }

    #[test]
    fn malformed_documents_are_refused_with_their_position() {
        let cases = [
            ("", "EOF while parsing a value at line 1 column 1"),
            ("{patient:", "key must be a string at line 1 column 2"),
            ("{} x", "trailing characters at line 1 column 4"),
            ("[1, 2", "EOF while parsing a list at line 1 column 6"),
            ("{\"a\": 1,\n \"a\": 2}", "duplicate field `a` at line 2 column 5"),
            ("01", "invalid number at line 1 column 2"),
            ("1.", "invalid number at line 1 column 3"),
            ("-", "invalid number at line 1 column 2"),
            ("1e999", "number out of range at line 1 column 6"),
            ("\"a\u{1}\"", "control character in a string at line 1 column 4"),
            ("\"\\x\"", "invalid escape at line 1 column 4"),
            ("\"\\ud800\"", "lone leading surrogate in hex escape at line 1 column 8"),
            ("tru", "expected value at line 1 column 1"),
            ("NaN", "expected value at line 1 column 1"),
        ];
        for (text, want) in cases {
            assert_eq!(parse(text), Err(want.to_string()), "{text:?}");
        }
    }

    #[test]
    fn written_json_reads_back_to_the_same_value() {
        let text =
            r#"{"a": [1, -2.5, 0.1, 1913.7332711104905, true, null, {}], "b": "q\"\\\n\u0001é", "c": {"d": []}}"#;
        let v = parse(text).unwrap_or(Value::Null);
        assert_ne!(v, Value::Null);
        let written = v.to_json_pretty();
        assert_eq!(parse(&written), Ok(v), "{written}");
        assert_eq!(
            parse("{\"a\": [1, {}]}").map(|v| v.to_json_pretty()),
            Ok("{\n  \"a\": [\n    1,\n    {}\n  ]\n}".into())
        );
    }

    #[test]
    fn deep_nesting_is_refused_not_a_stack_overflow() {
        let deep = "[".repeat(100_000);
        assert!(parse(&deep).is_err_and(|e| e.starts_with("nesting too deep")));
        let ok = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(parse(&ok).is_ok());
    }
}
