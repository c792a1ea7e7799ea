//! The calendar values the date grammars produce: a date as precise as the
//! text makes it, and the period a phrase names. Every date reader
//! (`dates`, `numeric_dates`, `periods`, `relative`) builds these, so they
//! live apart from all of them.

use jiff::civil::Date;
use serde::Serialize;

/// A calendar date as precise as the text makes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct DateValue {
    pub year: Option<i16>,
    pub month: Option<u8>,
    pub day: Option<u8>,
    /// The weekday the text names (Monday = 1), if any.
    pub weekday: Option<u8>,
}

impl DateValue {
    /// `YYYY-MM-DD`, `--MM-DD` without a year, `YYYY-MM`, or `YYYY`.
    pub fn iso(&self) -> String {
        let mut out = String::with_capacity(10);
        self.push_iso(&mut out);
        out
    }

    /// Appends [`DateValue::iso`] to `out`. Worksheet values and check notes
    /// are built for every claim, so this writes digits without `format!`.
    pub fn push_iso(&self, out: &mut String) {
        match (self.year, self.month, self.day) {
            (Some(y), m, d) => {
                push_year(out, y);
                if let Some(m) = m {
                    out.push('-');
                    push_two_digits(out, m);
                    if let Some(d) = d {
                        out.push('-');
                        push_two_digits(out, d);
                    }
                }
            }
            (None, Some(m), d) => {
                out.push_str("--");
                push_two_digits(out, m);
                if let Some(d) = d {
                    out.push('-');
                    push_two_digits(out, d);
                }
            }
            (None, None, _) => {}
        }
    }

    pub fn civil(&self) -> Option<Date> {
        Date::new(self.year?, self.month? as i8, self.day? as i8).ok()
    }

    /// Day-of-year key for comparing dates without a year.
    pub fn month_day(&self) -> Option<(u8, u8)> {
        Some((self.month?, self.day?))
    }
}

/// A year as four digits (`{:04}`).
fn push_year(out: &mut String, y: i16) {
    match u16::try_from(y) {
        Ok(y) => push_padded(out, u64::from(y), 4),
        Err(_) => out.push_str(&format!("{y:04}")),
    }
}

/// A month or day as two digits (`{:02}`).
fn push_two_digits(out: &mut String, n: u8) {
    push_padded(out, u64::from(n), 2);
}

/// `n` with zeros in front to `width` digits, as `{:0width$}` writes it.
pub(crate) fn push_padded(out: &mut String, mut n: u64, width: usize) {
    // Digits from the right into a buffer (a division by a constant ten is
    // a multiply), then appended.
    let mut digits = [b'0'; 20];
    let mut start = digits.len();
    loop {
        start -= 1;
        digits[start] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    // Pushed one by one: extending a string with characters reserves and
    // encodes each (every worksheet row writes its line and column here).
    for _ in 0..width.saturating_sub(digits.len() - start) {
        out.push('0');
    }
    for &d in &digits[start..] {
        out.push(char::from(d));
    }
}

/// What a period phrase names.
pub(crate) enum Period {
    Range(DateValue, DateValue),
    Day(DateValue),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn padded_numbers_are_what_format_writes() {
        for (n, width) in [
            (0, 1),
            (7, 2),
            (12, 2),
            (2024, 4),
            (99, 4),
            (1234, 1),
            (u64::MAX, 1),
            (5, 0),
        ] {
            let mut out = String::from("x");
            push_padded(&mut out, n, width);
            assert_eq!(out, format!("x{n:0width$}"));
        }
    }
}
