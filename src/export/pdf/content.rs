//! Page content streams, written by hand with fixed-point numbers.
//!
//! Why not `pdf_writer::Content`: it writes every operand as an `f32` through `ryu`
//! (and core's float `Display` for extreme values), and those tables and that code were
//! more than half of the web app's lazily loaded PDF chunk (42.7 KB gzip; 20.0 KB
//! without them; budget 30 KB). Here every number is an integer count of hundredths,
//! printed exactly (`12345` → `123.45`), so no float formatting is linked. The few
//! operators a quote needs are written the way `Content` wrote them (one operation a
//! line, operands separated by spaces, the same string escapes): the same bytes.
//! `pdf-writer` still writes every object of the file, these streams included.

/// A content stream being written.
#[derive(Debug, Default)]
pub(super) struct Stream {
    buf: Vec<u8>,
}

/// A number in hundredths, rounded to the nearest (half away from zero); 0 for NaN,
/// saturated at the `i32` range (far beyond any page).
pub(super) fn centi(v: f32) -> i32 {
    (v * 100.0).round() as i32
}

impl Stream {
    /// Starts an operation: operations go one a line.
    fn start(&mut self) {
        if !self.buf.is_empty() {
            self.buf.push(b'\n');
        }
    }

    /// An operation without operands (`BT`, `f`, `S`, …).
    pub fn op(&mut self, operator: &[u8]) {
        self.start();
        self.buf.extend_from_slice(operator);
    }

    /// An operation on numbers, each in hundredths (`50 700.5 Td`).
    pub fn op_numbers(&mut self, numbers: &[i32], operator: &[u8]) {
        self.start();
        for &n in numbers {
            write_centi(&mut self.buf, n);
            self.buf.push(b' ');
        }
        self.buf.extend_from_slice(operator);
    }

    /// `Tf`: selects a font resource (`F1`) at a size in hundredths of a point.
    pub fn font(&mut self, name: &[u8], size: i32) {
        self.start();
        self.buf.push(b'/');
        self.buf.extend_from_slice(name);
        self.buf.push(b' ');
        write_centi(&mut self.buf, size);
        self.buf.extend_from_slice(b" Tf");
    }

    /// `Tj`: shows a string of WinAnsi bytes.
    pub fn show(&mut self, text: &[u8]) {
        self.start();
        write_string(&mut self.buf, text);
        self.buf.extend_from_slice(b" Tj");
    }

    pub fn finish(self) -> Vec<u8> {
        self.buf
    }
}

/// Writes hundredths as a PDF number: `-1205` → `-12.05`, `150` → `1.5`, `700` → `7`.
fn write_centi(out: &mut Vec<u8>, n: i32) {
    if n < 0 {
        out.push(b'-');
    }
    let n = n.unsigned_abs();
    write_u32(out, n / 100);
    let frac = n % 100;
    if frac != 0 {
        out.push(b'.');
        out.push(b'0' + (frac / 10) as u8);
        if frac % 10 != 0 {
            out.push(b'0' + (frac % 10) as u8);
        }
    }
}

fn write_u32(out: &mut Vec<u8>, n: u32) {
    let mut digits = [0u8; 10];
    let mut i = digits.len();
    let mut n = n;
    loop {
        i -= 1;
        if let Some(d) = digits.get_mut(i) {
            *d = b'0' + (n % 10) as u8;
        }
        n /= 10;
        if n == 0 || i == 0 {
            break;
        }
    }
    out.extend_from_slice(digits.get(i..).unwrap_or_default());
}

/// Writes a PDF string: printable ASCII as a literal string, `\` escaped and `(` `)`
/// escaped unless they pair up (PDF 32000-1, 7.3.4.2); anything else as a hex string.
fn write_string(out: &mut Vec<u8>, s: &[u8]) {
    if !s.iter().all(|b| (b' '..=b'~').contains(b)) {
        out.push(b'<');
        for &b in s {
            out.push(hex_digit(b >> 4));
            out.push(hex_digit(b & 0xF));
        }
        out.push(b'>');
        return;
    }
    let balanced = parens_balanced(s);
    out.push(b'(');
    for &b in s {
        if b == b'\\' || (!balanced && (b == b'(' || b == b')')) {
            out.push(b'\\');
        }
        out.push(b);
    }
    out.push(b')');
}

/// The upper-case hex digit of a nibble (0–15).
fn hex_digit(n: u8) -> u8 {
    if n < 10 {
        b'0' + n
    } else {
        b'A' + (n - 10)
    }
}

/// Whether every `(` has its `)` after it and every `)` its `(` before it.
fn parens_balanced(s: &[u8]) -> bool {
    let mut depth = 0usize;
    for &b in s {
        match b {
            b'(' => depth += 1,
            b')' => match depth.checked_sub(1) {
                Some(d) => depth = d,
                None => return false,
            },
            _ => {}
        }
    }
    depth == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn number(n: i32) -> String {
        let mut out = Vec::new();
        write_centi(&mut out, n);
        String::from_utf8(out).unwrap_or_default()
    }

    fn string(s: &[u8]) -> String {
        let mut out = Vec::new();
        write_string(&mut out, s);
        String::from_utf8(out).unwrap_or_default()
    }

    #[test]
    fn numbers_are_exact_hundredths() {
        assert_eq!(number(0), "0");
        assert_eq!(number(5), "0.05");
        assert_eq!(number(50), "0.5");
        assert_eq!(number(62), "0.62");
        assert_eq!(number(79200), "792");
        assert_eq!(number(12345), "123.45");
        assert_eq!(number(12340), "123.4");
        assert_eq!(number(-1205), "-12.05");
        assert_eq!(number(-7), "-0.07");
        assert_eq!(number(i32::MAX), "21474836.47");
        assert_eq!(number(i32::MIN), "-21474836.48");
    }

    #[test]
    fn rounding_to_hundredths() {
        assert_eq!(centi(700.125), 70013);
        assert_eq!(centi(0.62), 62);
        assert_eq!(centi(-0.004), 0);
        assert_eq!(centi(-12.345), -1235);
        assert_eq!(centi(f32::NAN), 0);
        assert_eq!(centi(f32::INFINITY), i32::MAX);
        assert_eq!(centi(-1e30), i32::MIN);
    }

    #[test]
    fn strings_are_escaped() {
        assert_eq!(string(b"Total (1 year)"), "(Total (1 year))");
        assert_eq!(string(b"a ) b ("), r"(a \) b \()");
        assert_eq!(string(b"(("), r"(\(\()");
        assert_eq!(string(br"C:\x"), r"(C:\\x)");
        assert_eq!(string(b""), "()");
        assert_eq!(string(b"Montr\xE9al"), "<4D6F6E7472E9616C>");
        assert_eq!(string(b"a\x07"), "<6107>");
    }

    #[test]
    fn operations_one_a_line() {
        let mut s = Stream::default();
        s.op(b"BT");
        s.font(b"F2", 1150);
        s.op_numbers(&[62, 12, 10], b"rg");
        s.op_numbers(&[5000, 70012], b"Td");
        s.show(b"Quote");
        s.op(b"ET");
        assert_eq!(
            String::from_utf8(s.finish()).unwrap_or_default(),
            "BT\n/F2 11.5 Tf\n0.62 0.12 0.1 rg\n50 700.12 Td\n(Quote) Tj\nET"
        );
    }
}
