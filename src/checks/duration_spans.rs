//! The rest of the `duration-vs-range` family: a duration measured between
//! two dates the article gives apart rather than as one range.
//!
//! - an offset: "on January 10, and again a fortnight later, on January 14"
//!   (the duration, "later", then a date; the date before it is the start);
//! - a span opened by a start word and closed by a later date in the same
//!   sentence: "the fortnight-long celebration started on March 1, and is
//!   planned till March 10"; "Starting in 1968, he spent 12 years …; the
//!   bill was signed into law in 1983".
//!
//! Each duration looks at a bounded number of neighbouring claims, so the
//! pass stays linear.

use super::{CheckContext, Report, Severity};
use crate::claims::calendar::DateValue;
use crate::claims::{Claim, ClaimKind, Value, fmt};

/// How many claims either side of a duration are looked at.
const REACH: usize = 6;

/// Words that open a span at the date after them.
const STARTS: &[&str] = &[
    "started on",
    "started in",
    "starting on",
    "starting in",
    "began on",
    "began in",
    "beginning on",
    "beginning in",
    "since",
];

/// Words that close a span at the date after them.
const ENDS: &[&str] = &[
    "till",
    "until",
    "through",
    "to",
    "ended on",
    "ending on",
    "ended in",
    "in",
    "on",
];

fn date_of(c: &Claim) -> Option<DateValue> {
    match (&c.kind, &c.value) {
        (ClaimKind::Date, Value::Date(d)) if d.year.is_some() || d.month.is_some() => Some(*d),
        _ => None,
    }
}

/// The words right before a claim, lower-cased.
fn lead(cx: &CheckContext, c: &Claim) -> String {
    let from = c.span.start.saturating_sub(16).max(c.sentence.start);
    let from = (from..=c.span.start)
        .find(|&i| cx.text.is_char_boundary(i))
        .unwrap_or(c.span.start);
    cx.text[from..c.span.start].trim_end().to_lowercase()
}

/// Days from `a` to `b` (exclusive of the first), or whole years when a
/// side has only its year. `None` when the two cannot be placed.
fn between(a: &DateValue, b: &DateValue) -> Option<(f64, &'static str)> {
    let (mut a, mut b) = (*a, *b);
    if a.day.is_some() && b.day.is_some() && a.month.is_some() && b.month.is_some() {
        if a.year.is_none() && b.year.is_none() {
            a.year = Some(2001);
            b.year = Some(2001);
        }
        let days = a.civil()?.until(b.civil()?).ok()?.get_days();
        return Some((f64::from(days), "day"));
    }
    let (ya, yb) = (a.year?, b.year?);
    (a.month.is_none() || b.month.is_none()).then_some((f64::from(yb - ya), "year"))
}

/// The duration in the unit of [`between`], and how far off may still
/// agree: inclusive and exclusive counts, rounding of weeks and months, a
/// year either way for years given bare.
fn expected(amount: f64, unit: &str, measure: &str, exactly: bool) -> Option<(f64, f64)> {
    let days = match unit {
        "day" => 1.0,
        "week" => 7.0,
        "month" => 30.44,
        "year" => 365.25,
        "decade" => 3652.5,
        _ => return None,
    };
    match measure {
        "day" => {
            let tol = match unit {
                "day" => 1.0,
                "week" => 2.0,
                "month" => 4.0,
                _ if exactly => 1.0,
                _ => 20.0,
            };
            Some((amount * days, tol))
        }
        _ => (days >= 365.0).then_some((amount * days / 365.25, 1.0)),
    }
}

/// Compares durations with the dates around them that the text links.
pub fn check(cx: &CheckContext, out: &mut Report, id: &'static str, compared: &[bool]) {
    let claims = cx.claims;
    for (di, d) in claims.iter().enumerate() {
        let Value::Duration { amount, unit } = &d.value else {
            continue;
        };
        if compared[di] || !amount.is_exact() {
            continue;
        }
        let Some(v) = amount.value else { continue };
        let after = cx.text[d.span.end..d.sentence.end].trim_start();
        let pair = if after.starts_with("later") {
            offset(cx, di)
        } else {
            span(cx, di)
        };
        let Some((a, b)) = pair else { continue };
        let (Some(mut da), Some(mut db)) = (date_of(&claims[a]), date_of(&claims[b])) else {
            continue;
        };
        // A year the text does not write was guessed from the dateline and
        // the tense ("is planned till April 12"): two such dates share one.
        let written = |c: &Claim| c.span.of(cx.text).bytes().filter(u8::is_ascii_digit).count() >= 4;
        if da.day.is_some() && db.day.is_some() && !written(&claims[a]) && !written(&claims[b]) {
            da.year = None;
            db.year = None;
        }
        let Some((got, measure)) = between(&da, &db) else {
            continue;
        };
        let exactly = lead(cx, d).ends_with("exactly");
        let Some((want, tol)) = expected(v, unit, measure, exactly) else {
            continue;
        };
        let shown = |c: &Claim| c.span.of(cx.text).to_string();
        let plural = if got == 1.0 { "" } else { "s" };
        if (got - want).abs() <= tol || (got + 1.0 - want).abs() <= tol {
            let note = format!(
                "{} from {} to {}",
                cx.quoted(d.span),
                shown(&claims[a]),
                shown(&claims[b])
            );
            out.pass(id, di, note);
        } else if got > 0.0 {
            let message = format!(
                "{} disagrees with {} to {} ({} {measure}{plural} apart)",
                cx.quoted(d.span),
                shown(&claims[a]),
                shown(&claims[b]),
                fmt(got)
            );
            // The link between the duration and the dates is read from
            // the wording, not stated as one range: a warning.
            out.flag(
                id,
                Some(di),
                Severity::Warning,
                d.span,
                vec![claims[a].span, claims[b].span],
                message,
            );
        }
    }
}

/// "…, a fortnight later, on January 14": the date after "later" in the
/// same sentence, and the nearest date before the duration within the
/// previous sentence.
fn offset(cx: &CheckContext, di: usize) -> Option<(usize, usize)> {
    let claims = cx.claims;
    let d = &claims[di];
    let b = (di + 1..claims.len().min(di + REACH))
        .take_while(|&j| claims[j].sentence == d.sentence)
        .find(|&j| date_of(&claims[j]).is_some() && claims[j].span.start - d.span.end < 24)?;
    let a = (di.saturating_sub(REACH)..di).rev().find(|&j| {
        let c = &claims[j];
        date_of(c).is_some() && (c.sentence == d.sentence || d.span.start - c.span.end < 160)
    })?;
    Some((a, b))
}

/// A start word before a date, then a later date in the same sentence,
/// with the duration in that sentence.
fn span(cx: &CheckContext, di: usize) -> Option<(usize, usize)> {
    let claims = cx.claims;
    let d = &claims[di];
    let lo = di.saturating_sub(REACH);
    let hi = claims.len().min(di + REACH);
    let in_sentence = |j: &usize| claims[*j].sentence == d.sentence && date_of(&claims[*j]).is_some();
    let a = (lo..hi)
        .filter(in_sentence)
        .find(|&j| STARTS.iter().any(|w| lead(cx, &claims[j]).ends_with(w)))?;
    let b = (a + 1..hi).filter(in_sentence).find(|&j| {
        let l = lead(cx, &claims[j]);
        ENDS.iter().any(|w| l.ends_with(&format!(" {w}")) || l == *w)
    })?;
    // The duration sits between the two dates or before both ("the
    // fortnight-long celebration started on …").
    (d.span.start < claims[b].span.start).then_some((a, b))
}

#[cfg(test)]
mod tests {
    use crate::checks::test_support::run_one;

    #[test]
    fn an_offset_later_is_measured_from_the_date_before() {
        let text = |d: &str| {
            format!(
                "Monday, March 4, 2019\n\nThe firm wrote to the council on February 1, and again {d} later, on February 5, but heard nothing.\n"
            )
        };
        let bad = run_one("duration-vs-range", &text("a fortnight"));
        assert_eq!(bad.findings.len(), 1, "{:?}", bad.findings);
        assert!(
            bad.findings[0].message.contains("4 days apart"),
            "{}",
            bad.findings[0].message
        );
        let good = run_one("duration-vs-range", &text("four days"));
        assert!(good.findings.is_empty(), "{:?}", good.findings);
    }

    #[test]
    fn a_span_opened_by_a_start_word_and_closed_by_a_later_date() {
        let text = |d: &str| {
            format!("Wednesday, May 1, 2019\n\nThe {d} festival started on April 3, and is planned till April 12.\n")
        };
        assert_eq!(run_one("duration-vs-range", &text("fortnight-long")).findings.len(), 1);
        assert!(run_one("duration-vs-range", &text("ten-day")).findings.is_empty());
    }

    #[test]
    fn years_spent_between_a_start_year_and_a_later_year() {
        let text = |n: &str| {
            format!("Starting in 1990, she spent {n} years pressing for the law; the governor signed it in 2004.\n")
        };
        assert_eq!(run_one("duration-vs-range", &text("nine")).findings.len(), 1);
        assert!(run_one("duration-vs-range", &text("14")).findings.is_empty());
    }
}
