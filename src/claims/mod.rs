//! Claims: every checkable number, date, window, duration, percentage,
//! amount of money, age and titled name, with its exact span, a normalised
//! value a checker can compare against a source, what it counts, and who
//! claims it. The grammar is hand-written (see `numbers` and `dates`):
//! no crate reads "March 18–23" or "hundreds of" the way copy means them.

mod ages;
mod bounds;
pub mod calendar;
pub mod dates;
#[cfg(test)]
mod forms_tests;
mod heights;
mod mixed;
pub mod money;
mod money_ranges;
pub mod numbers;
mod numeric;
pub mod numeric_dates;
pub mod periods;
mod ratios;
mod relative;
mod spoken_years;

use std::sync::{Arc, LazyLock};

use jiff::civil::Date;
use serde::Serialize;

use crate::segment::Paragraph;
use crate::span::Span;
use crate::speakers::{EntityKind, Roster};
use calendar::{DateValue, Period};
use dates::{date_at, is_range_sep, resolve_weekday, resolve_year, year_at};
use numbers::{Amount, Lex, Qualifier, hedge_before, lex, num, scale_at, words_number};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ClaimKind {
    Count,
    Date,
    DateRange,
    Duration,
    Percent,
    Money,
    Age,
    Quantity,
    Person,
    /// A sentence a house rule marks for checking ("the largest", "a record").
    Statement,
}

impl ClaimKind {
    pub fn as_str(&self) -> &'static str {
        match self {
            ClaimKind::Count => "count",
            ClaimKind::Date => "date",
            ClaimKind::DateRange => "date_range",
            ClaimKind::Duration => "duration",
            ClaimKind::Percent => "percent",
            ClaimKind::Money => "money",
            ClaimKind::Age => "age",
            ClaimKind::Quantity => "quantity",
            ClaimKind::Person => "person",
            ClaimKind::Statement => "statement",
        }
    }
}

/// A claim's normalised value. Units and currencies are the lexicon's own
/// words (`&'static str`), not copies: a text of numbers holds half a
/// million values (issue 15).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum Value {
    /// Counts, percentages and ages.
    Number(Amount),
    Date(DateValue),
    DateRange(DateValue, DateValue),
    Duration {
        amount: Amount,
        unit: &'static str,
    },
    Money {
        amount: Amount,
        currency: &'static str,
    },
    Quantity {
        amount: Amount,
        unit: &'static str,
    },
    /// A range of money: "$150 to $400".
    MoneyRange {
        a: f64,
        b: f64,
        currency: &'static str,
    },
    /// Scores, tallies and numeric ranges: `[a, b]` with a unit.
    Pair {
        a: f64,
        b: f64,
        unit: &'static str,
    },
    Person {
        name: String,
        role: String,
    },
    /// A statement to verify: the house rule that marked it and what to check.
    Statement {
        rule: &'static str,
        note: String,
    },
}

impl Value {
    /// The JSON form documented in the README.
    pub fn to_json(&self) -> serde_json::Value {
        use serde_json::json;
        let with_unit = |amount: &Amount, key: &str, unit: &str| {
            let mut m = serde_json::Map::new();
            m.insert("amount".into(), amount.value.map_or(serde_json::Value::Null, num));
            m.insert(key.into(), json!(unit));
            if let Some(q) = amount.qualifier {
                m.insert("qualifier".into(), serde_json::to_value(q).unwrap_or_default());
                m.insert("min".into(), num(amount.min));
                m.insert("max".into(), num(amount.max));
            }
            serde_json::Value::Object(m)
        };
        match self {
            Value::Number(a) => a.to_json(),
            // A weekday with no dateline to resolve it against: unresolved.
            Value::Date(d) if d.month.is_none() && d.year.is_none() => serde_json::Value::Null,
            Value::Date(d) => json!(d.iso()),
            Value::DateRange(a, b) => json!([a.iso(), b.iso()]),
            Value::Duration { amount, unit } => with_unit(amount, "unit", unit),
            Value::Money { amount, currency } => with_unit(amount, "currency", currency),
            Value::Quantity { amount, unit } => with_unit(amount, "unit", unit),
            Value::Pair { a, b, unit } => json!({"amount": [num(*a), num(*b)], "unit": unit}),
            Value::MoneyRange { a, b, currency } => json!({"amount": [num(*a), num(*b)], "currency": currency}),
            Value::Person { name, role } => json!({"name": name, "role": role}),
            Value::Statement { rule, note } => json!({"rule": rule, "note": note}),
        }
    }

    /// A short human form for tables and worksheets.
    pub fn display(&self) -> String {
        let mut out = String::with_capacity(24);
        self.push_display(&mut out);
        out
    }

    /// Appends [`Value::display`] to `out`. Every claim's value is shown in
    /// its worksheet row, so this builds it in one string without `format!`.
    pub fn push_display(&self, out: &mut String) {
        let amt = |out: &mut String, a: &Amount| match (a.qualifier, a.value) {
            (Some(Qualifier::Vague), _) => {
                push_number(out, a.min);
                out.push('–');
                push_number(out, a.max);
            }
            (Some(q), Some(v)) => {
                out.push_str(qual_word(q));
                out.push(' ');
                push_number(out, v);
            }
            (_, Some(v)) => push_number(out, v),
            (_, None) => out.push('?'),
        };
        let with_unit = |out: &mut String, unit: &str| {
            out.push(' ');
            out.push_str(unit);
        };
        match self {
            Value::Number(a) => amt(out, a),
            Value::Date(d) if d.month.is_none() && d.year.is_none() => {
                out.push_str(dates::weekday_name(d.weekday.unwrap_or(1)));
                out.push_str(" (unresolved: no dateline)");
            }
            Value::Date(d) => d.push_iso(out),
            Value::DateRange(a, b) => {
                a.push_iso(out);
                out.push_str(" to ");
                b.push_iso(out);
            }
            Value::Duration { amount, unit }
            | Value::Money { amount, currency: unit }
            | Value::Quantity { amount, unit } => {
                amt(out, amount);
                with_unit(out, unit);
            }
            Value::Pair { a, b, unit } | Value::MoneyRange { a, b, currency: unit } => {
                push_number(out, *a);
                out.push('–');
                push_number(out, *b);
                with_unit(out, unit);
            }
            Value::Person { name, role } => {
                out.push_str(name);
                out.push_str(" (");
                out.push_str(role);
                out.push(')');
            }
            Value::Statement { note, .. } => out.push_str(note),
        }
    }

    pub fn amount(&self) -> Option<&Amount> {
        match self {
            Value::Number(a) => Some(a),
            Value::Duration { amount, .. } | Value::Money { amount, .. } | Value::Quantity { amount, .. } => {
                Some(amount)
            }
            _ => None,
        }
    }
}

/// A fortnight is two weeks: no unit of its own in the output.
fn fortnights(v: f64, unit: &'static str) -> (f64, &'static str) {
    if unit == "fortnight" {
        (v * 2.0, "week")
    } else {
        (v, unit)
    }
}

/// The amount inside a value that has one.
fn amount_mut(v: &mut Value) -> Option<&mut Amount> {
    match v {
        Value::Number(a) => Some(a),
        Value::Duration { amount, .. } | Value::Money { amount, .. } | Value::Quantity { amount, .. } => Some(amount),
        _ => None,
    }
}

fn qual_word(q: Qualifier) -> &'static str {
    match q {
        Qualifier::Approx => "about",
        Qualifier::Nearly => "nearly",
        Qualifier::MoreThan => "more than",
        Qualifier::AtLeast => "at least",
        Qualifier::LessThan => "less than",
        Qualifier::AtMost => "at most",
        Qualifier::Vague => "some",
    }
}

/// A number for people: no trailing ".0", thousands separated.
pub fn fmt(v: f64) -> String {
    let mut out = String::with_capacity(8);
    push_number(&mut out, v);
    out
}

/// Appends [`fmt`]`(v)` to `out`.
pub fn push_number(out: &mut String, v: f64) {
    if !v.is_finite() {
        out.push('∞');
        return;
    }
    if v.fract() != 0.0 {
        // Rare (percentages, "1.5 million" before scaling): the standard
        // float printing is the shortest exact form.
        out.push_str(&((v * 100.0).round() / 100.0).to_string());
        return;
    }
    if v < 0.0 {
        out.push('-');
    }
    // `as` saturates, as the `i64` this once went through did.
    let mut n = v.abs() as i64 as u64;
    let mut digits = [0u8; 20];
    let mut len = 0;
    loop {
        digits[len] = b'0' + (n % 10) as u8;
        len += 1;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for i in (0..len).rev() {
        out.push(char::from(digits[i]));
        if i > 0 && i % 3 == 0 {
            out.push(',');
        }
    }
}

/// One checkable claim. A text of counts has a claim every 18 bytes, so a
/// claim is kept small (issue 15): its noun and source are shared strings
/// (one per distinct noun, one per sentence's source), its paragraph and
/// whole are 32-bit.
#[derive(Debug, Clone)]
pub struct Claim {
    pub kind: ClaimKind,
    /// A duration written as a compound modifier ("six-day operation").
    pub modifier: bool,
    pub paragraph: u32,
    /// Index of the claim this one is a part of ("205 of those arrested").
    pub part_of: Option<u32>,
    pub span: Span,
    /// The sentence it sits in.
    pub sentence: Span,
    /// What a count counts: the noun after it ("individuals").
    pub noun: Option<Arc<str>>,
    /// Who claims it, when the sentence is attributed.
    pub source: Option<Arc<str>>,
    pub value: Value,
}

impl Claim {
    /// The claim this one is a part of, as an index into the claims.
    pub fn whole(&self) -> Option<usize> {
        self.part_of.map(|w| w as usize)
    }
}

/// One shared copy of each distinct word of an article's claims (their
/// nouns): a text of counts names a few nouns hundreds of thousands of
/// times.
#[derive(Default)]
struct Words(rustc_hash::FxHashSet<Arc<str>>);

impl Words {
    fn get(&mut self, w: String) -> Arc<str> {
        if let Some(k) = self.0.get(w.as_str()) {
            return k.clone();
        }
        let k: Arc<str> = w.into();
        self.0.insert(k.clone());
        k
    }
}

const CHANGE_SRC: &str = include_str!("../../data/lexicon/change_verbs.txt");

static CHANGE_WORDS: LazyLock<crate::lexicon::WordTable<()>> =
    LazyLock::new(|| crate::lexicon::entries(CHANGE_SRC).collect());

const TIME_UNITS_SRC: &str = include_str!("../../data/lexicon/time_units.txt");
const UNITS_SRC: &str = include_str!("../../data/lexicon/units.txt");

fn pairs(src: &'static str) -> crate::lexicon::WordTable<&'static str> {
    src.lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter_map(|l| l.split_once(' '))
        .collect()
}

static TIME_UNITS: LazyLock<crate::lexicon::WordTable<&str>> = LazyLock::new(|| pairs(TIME_UNITS_SRC));
static UNITS: LazyLock<crate::lexicon::WordTable<&str>> = LazyLock::new(|| pairs(UNITS_SRC));

fn time_unit(w: &str) -> Option<&'static str> {
    TIME_UNITS.get(w).copied()
}

fn unit(w: &str) -> Option<&'static str> {
    UNITS.get(w).copied()
}

/// "a week-long", "a fortnight-long" at `lex[i]`: the time unit.
fn long_unit(l: &[Lex], i: usize) -> Option<&'static str> {
    if !l[i].is_one_of(&["a", "an"]) {
        return None;
    }
    let head = l.get(i + 1)?.lower();
    time_unit(head.strip_suffix("-long")?)
}

/// Words after which a following number is part of a name ("Ward 4").
fn names_number(prev: &Lex) -> bool {
    prev.is_capitalized()
        && !prev.text.ends_with("’s")
        && !prev.text.ends_with("'s")
        && month(prev.text).is_none()
        && crate::lexicon::weekday(prev.text).is_none()
        && !crate::lexicon::FUNCTION_WORDS.contains(prev.text)
        && !prev.is_one_of(&["about", "nearly", "some", "over", "roughly", "more", "under"])
}

use crate::lexicon::{CLAIM_STARTS, month};

/// What the claim grammar found at one place, before linking.
struct Found {
    kind: ClaimKind,
    start: usize,
    end: usize,
    value: Value,
    modifier: bool,
}

struct Ctx<'a> {
    lex: Vec<Lex<'a>>,
    article: Option<Date>,
    /// The article writes "03/04" as 3 April (a day-first dateline).
    day_first: bool,
    /// Where the sentence's first strong future marker is (`lex.len()`
    /// when it has none), found once: [`Ctx::looks_ahead`] asks whether
    /// one comes before each date, which rescanned the sentence each time.
    first_future: std::cell::OnceCell<usize>,
}

impl Ctx<'_> {
    fn span(&self, a: usize, b: usize) -> Span {
        Span::new(self.lex[a].span.start, self.lex[b - 1].span.end)
    }

    /// Does the sentence, up to `i`, speak of the future? Strong markers
    /// ("will", "expected", "next") count anywhere before; "by", "until"
    /// and "through" right before the date only when the sentence has no
    /// past-tense helper ("did not taper off until Sunday"). A date right
    /// after a reporting verb ("officials said Monday") is past.
    fn looks_ahead(&self, i: usize) -> bool {
        let l = &self.lex;
        let prev = |n: usize| i.checked_sub(n).map(|k| l[k].lower()).unwrap_or_default();
        let reported = |w: &str| {
            w == "said" || w == "told" || w == "announced" || (w.ends_with("ed") && crate::lexicon::is_speech_verb(w))
        };
        let prev1 = prev(1);
        if reported(&prev1) || (prev1 == "on" && reported(&prev(2))) {
            return false;
        }
        const FUTURE: &[&str] = &[
            "will",
            "would",
            "next",
            "expected",
            "expect",
            "expects",
            "scheduled",
            "plans",
            "planned",
            "upcoming",
            "'ll",
            "won’t",
            "won't",
        ];
        let first_future = *self
            .first_future
            .get_or_init(|| l.iter().position(|x| x.is_one_of(FUTURE)).unwrap_or(l.len()));
        if first_future < i {
            return true;
        }
        let bound = matches!(prev(1).as_ref(), "by" | "until" | "through" | "till");
        bound && !l.iter().any(|x| x.is_one_of(&["did", "was", "were", "had"]))
    }

    fn dated(&self, mut d: DateValue, i: usize) -> DateValue {
        if d.month.is_none() && d.weekday.is_some() {
            resolve_weekday(&mut d, self.article, self.looks_ahead(i));
        } else if d.month.is_some() {
            resolve_year(&mut d, self.article, self.looks_ahead(i));
        }
        d
    }

    /// A date, a date range or a calendar period at `i`.
    fn date_or_range(&self, i: usize) -> Option<Found> {
        let l = &self.lex;
        let lead = l[i].is("from") || l[i].is("between");
        let between = l[i].is("between");
        let s = if lead { i + 1 } else { i };
        // "from" or "between" as the sentence's last unit: nothing follows.
        if s >= l.len() {
            return None;
        }
        if let Some((p, start, end)) = periods::period_at(l, s, self.article, self.looks_ahead(i)) {
            return Some(match p {
                Period::Range(a, b) => self.plain(start, end, ClaimKind::DateRange, Value::DateRange(a, b)),
                Period::Day(d) => self.plain(start, end, ClaimKind::Date, Value::Date(d)),
            });
        }
        // "$ 12 December 27": a figure after a currency sign is money.
        if s > 0 && l[s].is_digits() && money::symbol(l[s - 1].text).is_some() {
            return None;
        }
        if let Some(f) = self.days_then_month(i, s, between) {
            return Some(f);
        }
        if let Some(f) = self.month_pair(i, s) {
            return Some(f);
        }
        // "in nineteen ninety six".
        if let Some((y, end)) = spoken_years::lone_spoken_year(l, s).filter(|_| !lead) {
            return Some(self.plain(
                s,
                end,
                ClaimKind::Date,
                Value::Date(DateValue::ymd(Some(y), None, None)),
            ));
        }
        let (d1, j, bare_year) = date_at(l, s, self.day_first)
            .map(|(d, j)| (d, j, false))
            .or_else(|| year_at(l, s).map(|y| (DateValue::ymd(Some(y), None, None), s + 1, true)))?;
        if let Some(f) = self.second_half(i, d1, j, between) {
            return Some(f);
        }
        if lead || bare_year {
            return None;
        }
        Some(Found {
            kind: ClaimKind::Date,
            start: i,
            end: j,
            value: Value::Date(self.dated(d1, i)),
            modifier: false,
        })
    }

    /// The end of a range whose start `d1` ends at `j`: a day ("March
    /// 18–23", "August 27th - 29th"), a date, a weekday or a year ("2014
    /// through May 2018", "between 2015 and Feb 2018").
    fn second_half(&self, i: usize, d1: DateValue, j: usize, between: bool) -> Option<Found> {
        let l = &self.lex;
        let sep = l.get(j).filter(|x| is_range_sep(x) && (!x.is("and") || between))?;
        let k = j + 1;
        let dash = matches!(sep.text, "-" | "–" | "—");
        let full = date_at(l, k, self.day_first).filter(|(d, _)| d.month.is_some());
        if d1.day.is_some() && full.is_none() {
            let kk = if l.get(k).is_some_and(|x| x.is("the")) {
                k + 1
            } else {
                k
            };
            if let Some((day, e, spelled)) = dates::day_at(l, kk) {
                // "May 24 to 26," with nothing counted after the day: a
                // later day of the same month. After "from" an earlier day
                // is the same month's too ("from July 17 to 13"), a range
                // written backwards that range-order reports.
                let (rest, e) = this_years_end(l, e, self.article);
                let bare_day = sep.is_one_of(&["to", "through", "until", "till", "thru"])
                    && d1.day.is_some_and(|d| day > d || l[i].is("from"))
                    && l.get(e).is_none_or(|x| !x.is_word());
                if (dash || spelled || bare_day) && dates::day_month_at(l, kk).is_none() {
                    // "from April 27th to the third": the day of the next month.
                    let month = match (d1.month, d1.day) {
                        (Some(m), Some(d)) if day < d && spelled && !dash => Some(m % 12 + 1),
                        (m, _) => m,
                    };
                    let mut d2 = DateValue::ymd(d1.year.or(rest), month, Some(day));
                    let mut end = e;
                    if let Some((y, after)) = dates::year_after(l, e, false) {
                        d2.year = Some(y);
                        end = after;
                    }
                    if !d2.is_valid() {
                        return None;
                    }
                    let mut a = d1;
                    a.year = a.year.or(d2.year);
                    return Some(self.range(i, end, a, d2));
                }
            }
        }
        let (mut d2, mut end) = date_at(l, k, self.day_first)
            .or_else(|| year_at(l, k).map(|y| (DateValue::ymd(Some(y), None, None), k + 1)))?;
        let weekday_only = |d: &DateValue| d.month.is_none() && d.year.is_none();
        // Two bare weekdays are a range only when a dateline dates them: a
        // range from "" to "" says nothing.
        let ok = (d1.month.is_some() && d2.month.is_some())
            || (weekday_only(&d1) && weekday_only(&d2) && self.article.is_some())
            || (d1.year.is_some() && d2.year.is_some() && d1.weekday.is_none() && d2.weekday.is_none());
        if !ok {
            return None;
        }
        let mut a = d1;
        // "from April to June in 2017": one year for both.
        if a.year.is_none() && d2.year.is_none() && l.get(end).is_some_and(|x| x.is("in")) {
            if let Some(y) = year_at(l, end + 1) {
                d2.year = Some(y);
                end += 2;
            }
        }
        if a.month.is_some() {
            a.year = a.year.or(d2.year);
        }
        Some(self.range(i, end, a, d2))
    }

    /// Days before their month: "from 2 to 9 March", "14–16 November",
    /// "23rd to 26th Oct", "between 4 and 22 this month".
    fn days_then_month(&self, i: usize, s: usize, between: bool) -> Option<Found> {
        let l = &self.lex;
        let s = if l.get(s).is_some_and(|x| x.is("the")) {
            s + 1
        } else {
            s
        };
        let (a, e1, _) = dates::day_at(l, s)?;
        l.get(e1).filter(|x| is_range_sep(x) && (!x.is("and") || between))?;
        let k = if l.get(e1 + 1).is_some_and(|x| x.is("the")) {
            e1 + 2
        } else {
            e1 + 1
        };
        let (b, e2, _) = dates::day_at(l, k)?;
        if b <= a {
            return None;
        }
        let m_at = if l.get(e2).is_some_and(|x| x.is("of")) {
            e2 + 1
        } else {
            e2
        };
        let (m, y, end) = if let Some(m) = l.get(m_at).and_then(|x| month(x.text)) {
            match dates::year_after(l, m_at + 1, true) {
                Some((y, end)) => (m, Some(y), end),
                None => (m, None, m_at + 1),
            }
        } else if l.get(m_at).is_some_and(|x| x.is("this")) && l.get(m_at + 1).is_some_and(|x| x.is("month")) {
            let art = self.article?;
            (art.month() as u8, Some(art.year()), m_at + 2)
        } else {
            return None;
        };
        let d1 = DateValue::ymd(y, Some(m), Some(a));
        let d2 = DateValue::ymd(y, Some(m), Some(b));
        if !(d1.is_valid() && d2.is_valid()) {
            return None;
        }
        Some(self.range(i, end, d1, d2))
    }

    /// Two months joined in one word: "June-August 1992".
    fn month_pair(&self, i: usize, s: usize) -> Option<Found> {
        let l = &self.lex;
        let (a, b) = l.get(s)?.text.split_once(['-', '–'])?;
        let (ma, mb) = (month(a)?, month(b)?);
        if !l[s].is_capitalized() {
            return None;
        }
        let (y, end) = dates::year_after(l, s + 1, false).map_or((None, s + 1), |(y, e)| (Some(y), e));
        Some(self.range(
            i,
            end,
            DateValue::ymd(y, Some(ma), None),
            DateValue::ymd(y, Some(mb), None),
        ))
    }

    fn range(&self, i: usize, end: usize, a: DateValue, b: DateValue) -> Found {
        let mut a = self.dated(a, i);
        let mut b = self.dated(b, i);
        if a.weekday.is_some() && a.month.is_some() && b.weekday.is_some() && a.day.is_none() {
            a.weekday = None;
        }
        // A range written without years that runs past New Year ("Dec. 28
        // to Jan. 3") or is a fiscal year ("July 1 to June 30") ends the
        // year after. Anything else reversed stays as written: range-order
        // is a check's business, not the parser's.
        if let (Some(ca), Some(cb)) = (a.civil(), b.civil()) {
            if cb < ca && a.year == b.year {
                if let Ok(next) = cb.checked_add(jiff::Span::new().years(1)) {
                    let days = dates::inclusive_days(ca, next).unwrap_or(0);
                    if days <= 62 || (365..=366).contains(&days) {
                        b.year = Some(next.year());
                    }
                }
            }
        }
        Found {
            kind: ClaimKind::DateRange,
            start: i,
            end,
            value: Value::DateRange(a, b),
            modifier: false,
        }
    }

    /// A number-based claim at `i`, with a sign before it ("-5", "minus
    /// five", "negative 1.2 million") and a hedge after it ("20 or more").
    fn number_claim(&self, i: usize) -> Option<Found> {
        let l = &self.lex;
        let sign = i.checked_sub(1).filter(|&k| {
            let m = &l[k];
            // A minus written against the number, with a space before it:
            // "27-3" is a score, "- 5" a dash.
            (matches!(m.text, "-" | "−") && numbers::adjacent(m, &l[i]) && (k == 0 || !numbers::adjacent(&l[k - 1], m)))
                || m.is_one_of(&["minus", "negative"])
        });
        let mut found = self.numeric(i);
        if found.is_none() && sign.is_some() {
            // "minus one": a number word below two is a claim once signed.
            if let Some((v, j)) = words_number(l, i) {
                found = Some(self.plain(i, j, ClaimKind::Count, Value::Number(Amount::exact(v))));
            }
        }
        let mut f = found?;
        let signed_kind = matches!(f.kind, ClaimKind::Count | ClaimKind::Percent | ClaimKind::Quantity);
        if let Some(k) = sign.filter(|_| f.start == i && signed_kind) {
            if let Some(a) = amount_mut(&mut f.value).filter(|a| a.is_exact()) {
                *a = Amount::exact(-a.value.unwrap_or(0.0));
                f.start = k;
            }
        }
        self.hedge_after(&mut f);
        if let Some(g) = self.joined_bounds(&f) {
            return Some(g);
        }
        Some(f)
    }

    /// "20 or more", "five hundred and more", "200 or greater": at least;
    /// "12 or fewer": at most.
    fn hedge_after(&self, f: &mut Found) {
        let l = &self.lex;
        if !matches!(
            f.kind,
            ClaimKind::Count | ClaimKind::Percent | ClaimKind::Money | ClaimKind::Quantity
        ) {
            return;
        }
        let (Some(join), Some(word)) = (l.get(f.end), l.get(f.end + 1)) else {
            return;
        };
        if !join.is_one_of(&["or", "and"]) || l.get(f.end + 2).is_some_and(|n| n.is("than")) {
            return;
        }
        let q = if word.is_one_of(&["more", "greater", "above", "higher", "upwards"]) {
            Qualifier::AtLeast
        } else if word.is_one_of(&["less", "fewer", "below", "lower"]) {
            Qualifier::AtMost
        } else {
            return;
        };
        if let Some(a) = amount_mut(&mut f.value).filter(|a| a.is_exact()) {
            *a = Amount::hedged(a.value.unwrap_or(0.0), q);
            f.end += 2;
        }
    }

    /// The rest of a compound duration after `amount` `unit`, ending at
    /// `end`: "an hour and a half" (1.5 hour), "1 hour and 30 minutes" (90
    /// minute), "one week three days" (10 day), "2 hours ten" (130 minute).
    fn compound_duration(&self, amount: f64, unit: &'static str, end: usize) -> Option<(f64, &'static str, usize)> {
        let l = &self.lex;
        let and = l.get(end).is_some_and(|x| x.is("and"));
        let k = if and { end + 1 } else { end };
        if and {
            let h = if l.get(k).is_some_and(|x| x.is("a")) { k + 1 } else { k };
            if l.get(h).is_some_and(|x| x.is("half")) && !l.get(h + 1).is_some_and(|x| x.is("of")) {
                return Some((amount + 0.5, unit, h + 1));
            }
        }
        let (n, e) = match l.get(k)?.digits_value() {
            Some(v) if !l[k].text.contains('.') => (v, k + 1),
            Some(_) => return None,
            None => words_number(l, k)?,
        };
        let secs = |u: &str| match u {
            "second" => Some(1.0),
            "minute" => Some(60.0),
            "hour" => Some(3600.0),
            "day" => Some(86400.0),
            "week" => Some(604800.0),
            _ => None,
        };
        if let Some(u2) = l.get(e).and_then(|x| time_unit(x.text)) {
            let (big, small) = (secs(unit)?, secs(u2)?);
            return (small < big).then_some((amount * big / small + n, u2, e + 1));
        }
        // "2 hours ten": minutes, where nothing else follows the number.
        let alone = l.get(e).is_none_or(|x| !x.is_word());
        (unit == "hour" && alone && n < 60.0).then_some((amount * 60.0 + n, "minute", e))
    }

    /// A unit at `lex[j]` and the index after it: "feet", "degrees
    /// celsius", "deg c", "metric tons", "miles an hour".
    fn unit_at(&self, j: usize) -> Option<(&'static str, usize)> {
        let l = &self.lex;
        let w = l.get(j)?;
        let next = l.get(j + 1);
        let next_is = |words: &[&str]| next.is_some_and(|n| n.is_one_of(words));
        if w.is("metric") && next_is(&["tons", "ton", "tonnes"]) {
            return Some(("tonne", j + 2));
        }
        let u = if w.is("deg") { "degF" } else { unit(w.text)? };
        if u == "degF" {
            // "12 degrees Celsius" is °C; "degrees" alone stays °F, as US copy means.
            if next_is(&["celsius", "centigrade", "c"]) {
                return Some(("degC", j + 2));
            }
            if next_is(&["fahrenheit", "f"]) {
                return Some(("degF", j + 2));
            }
            if w.is("deg") {
                return None;
            }
        }
        if u == "mile" && next_is(&["an", "per"]) && l.get(j + 2).is_some_and(|n| n.is("hour")) {
            return Some(("mph", j + 3));
        }
        Some((u, j + 1))
    }

    /// "every 10 minutes", "within 30 days" belong to the duration span.
    fn duration_extent(&self, i: usize, end: usize) -> (usize, usize) {
        if i > 0 && self.lex[i - 1].is_one_of(&["every", "within"]) {
            (i - 1, end)
        } else {
            (i, end)
        }
    }

    fn numeric_range(&self, i: usize, j: usize, first: Amount) -> Option<Found> {
        let l = &self.lex;
        let sep = l.get(j)?;
        if !(sep.is("to") || sep.text == "–" || (sep.is("and") && i > 0 && l[i - 1].is("between"))) {
            return None;
        }
        if self.states_a_change(i) {
            return None;
        }
        let (b, mut after_b) = match l.get(j + 1)?.digits_value() {
            Some(b) => (b, j + 2),
            None => words_number(l, j + 1)?,
        };
        let mut b = b;
        if let Some(k) = scale_at(l, after_b) {
            b *= k;
            after_b += 1;
        }
        let a = first.value?;
        // "3 to 4 million": the scale is shared.
        let a = match scale_at(l, after_b - 1) {
            Some(k) if scale_at(l, j - 1).is_none() && a * k <= b => a * k,
            _ => a,
        };
        let start = if i > 0 && (l[i - 1].is("from") || l[i - 1].is("between")) {
            i - 1
        } else {
            i
        };
        let j = after_b - 2;
        let after = l.get(j + 2).map(|n| n.lower()).unwrap_or_default();
        if let Some(u) = unit(&after) {
            return Some(self.plain(start, j + 3, ClaimKind::Quantity, Value::Pair { a, b, unit: u }));
        }
        if let Some(tu) = time_unit(&after) {
            return Some(self.plain(start, j + 3, ClaimKind::Duration, Value::Pair { a, b, unit: tu }));
        }
        // "between 20 and 30", "1000 – 5000": a range of counts. "from 62
        // to 65" without a unit is more often a change than a range.
        if (l[start].is("between") || sep.text == "–") && a < b {
            return Some(self.plain(start, j + 2, ClaimKind::Count, Value::Pair { a, b, unit: "range" }));
        }
        None
    }

    /// "rose from 31,500 to 33,075" states a before and an after, not a
    /// range: the number at `i` follows "from" after a word of change.
    fn states_a_change(&self, i: usize) -> bool {
        let l = &self.lex;
        i >= 2 && l[i - 1].is("from") && CHANGE_WORDS.contains(l[i - 2].text)
    }

    /// A race or clock time "2:10:05" as a duration in seconds.
    fn clock(&self, i: usize) -> Option<Found> {
        let l = &self.lex;
        let mut parts = vec![l[i].digits_value()?];
        let mut j = i + 1;
        while l.get(j).is_some_and(|x| x.is(":")) {
            let Some(v) = l.get(j + 1).and_then(|x| x.digits_value()) else {
                break;
            };
            parts.push(v);
            j += 2;
        }
        if parts.len() < 3
            || l.get(j)
                .is_some_and(|n| n.lower().starts_with("a.m") || n.lower().starts_with("p.m"))
        {
            return None;
        }
        let secs = parts.iter().fold(0.0, |acc, p| acc * 60.0 + p);
        Some(self.plain(
            i,
            j,
            ClaimKind::Duration,
            Value::Duration {
                amount: Amount::exact(secs),
                unit: "second",
            },
        ))
    }

    fn plain(&self, a: usize, b: usize, kind: ClaimKind, value: Value) -> Found {
        Found {
            kind,
            start: a,
            end: b,
            value,
            modifier: false,
        }
    }

    /// A claim whose span and value take in a hedge before `start`.
    fn hedged_from(
        &self,
        start: usize,
        end: usize,
        kind: ClaimKind,
        wrap: impl Fn(Amount) -> Value,
        amount: Amount,
    ) -> Found {
        if let (Some((h, q)), Some(v)) = (hedge_before(&self.lex, start), amount.value) {
            if amount.is_exact() {
                return self.plain(h, end, kind, wrap(Amount::hedged(v, q)));
            }
        }
        self.plain(start, end, kind, wrap(amount))
    }

    fn hedged(&self, start: usize, end: usize, kind: ClaimKind, value: Value) -> Found {
        match value {
            Value::Number(a) => self.hedged_from(start, end, kind, Value::Number, a),
            v => self.plain(start, end, kind, v),
        }
    }
}

/// The article's date: the first full date near the top (the dateline).
pub fn article_date(text: &str, paragraphs: &[Paragraph]) -> Option<Date> {
    // Only a paragraph with a four-digit run can hold a full date.
    let has_year = |s: &str| s.as_bytes().windows(4).any(|w| w.iter().all(u8::is_ascii_digit));
    paragraphs
        .iter()
        .take(4)
        .filter(|p| has_year(p.span.of(text)))
        .find_map(|p| dates::article_date(&[lex(text, p.span)]))
        .map(|(d, _)| d)
}

const DAY_FIRST_SRC: &str = include_str!("../../data/lexicon/day_first_datelines.txt");

/// Datelines of newsrooms that write the day first (London, Sydney, Delhi;
/// the AAP and PA agencies).
static DAY_FIRST_DATELINES: LazyLock<crate::lexicon::WordTable<()>> =
    LazyLock::new(|| crate::lexicon::entries(DAY_FIRST_SRC).collect());

/// Does the article write dates day first? Its first dated line says so
/// ("Thursday 7 March 2024"), or a dateline from a day-first newsroom
/// ("LONDON (Reuters) -", "SYDNEY, Aug 9 (AAP) –"). This settles numeric
/// dates such as "03/04/2025".
pub fn writes_day_first(text: &str, paragraphs: &[Paragraph]) -> bool {
    let has_year = |s: &str| s.as_bytes().windows(4).any(|w| w.iter().all(u8::is_ascii_digit));
    for p in paragraphs.iter().take(2) {
        let top = p.span.of(text);
        // The dateline's place is an upper-case word or two at the start.
        let head: Vec<&str> = top.split_whitespace().take(2).collect();
        let upper = |w: &&str| w.len() > 1 && !w.bytes().any(|b| b.is_ascii_lowercase());
        let place = |w: &str| {
            let w = w.trim_end_matches([',', ':']);
            DAY_FIRST_DATELINES.contains(w)
        };
        if head.first().is_some_and(|w| upper(w) && place(w))
            || (head.len() == 2
                && head.iter().all(upper)
                && place(&format!("{}-{}", head[0], head[1].trim_end_matches([',', ':']))))
        {
            return true;
        }
        let mut cut = top.len().min(160);
        while !top.is_char_boundary(cut) {
            cut -= 1;
        }
        let lead = &top[..cut];
        if lead.contains("(AAP)") || lead.contains("(PA)") || lead.contains("(PTI)") {
            return true;
        }
    }
    paragraphs
        .iter()
        .take(4)
        .filter(|p| has_year(p.span.of(text)))
        .find_map(|p| dates::article_date(&[lex(text, p.span)]))
        .is_some_and(|(_, day_first)| day_first)
}

/// Extracts every claim of the article, in text order. `article` is the
/// article's date (see [`article_date`]), which years and weekdays resolve against.
pub fn extract_claims(text: &str, paragraphs: &[Paragraph], roster: &Roster, article: Option<Date>) -> Vec<Claim> {
    let body = Span::new(paragraphs.first().map_or(0, |p| p.span.start), text.len());
    extract_claims_with(text, paragraphs, roster, article, &crate::token::tokenize(text, body))
}

/// [`extract_claims`] with the article's tokens (the source of a sentence
/// is read from them).
pub(crate) fn extract_claims_with(
    text: &str,
    paragraphs: &[Paragraph],
    roster: &Roster,
    article: Option<Date>,
    tokens: &[crate::token::Token],
) -> Vec<Claim> {
    // Room for about a claim per word with a digit, sized once: a text of
    // counts has half a million claims, and a vector grown by doubling
    // leaves its smaller copies behind in the allocator (untouched room
    // costs address space, not memory).
    let mut claims = Vec::with_capacity(tokens.iter().filter(|t| t.has_digit()).count() + 8);
    let mut words = Words::default();
    let mut token_cursor = 0;
    let day_first = writes_day_first(text, paragraphs);
    for (pi, p) in paragraphs.iter().enumerate() {
        for &sentence in &p.sentences {
            // More than half of a story's sentences hold no number, date
            // or amount; the article's tokens say which before lexing.
            let sentence_tokens = crate::token::within_from(tokens, &mut token_cursor, sentence);
            if !could_hold_claim(sentence_tokens) {
                continue;
            }
            // The article token at each claim unit, when the two read the
            // same word: its word lists were looked up already.
            let mut next_token = 0;
            let mut same_token = |l: &Lex| {
                while sentence_tokens
                    .get(next_token)
                    .is_some_and(|t| t.span().start < l.span.start)
                {
                    next_token += 1;
                }
                sentence_tokens.get(next_token).filter(|t| t.span() == l.span)
            };
            let ctx = Ctx {
                lex: numbers::lex_with_tokens(text, sentence, sentence_tokens),
                article,
                day_first,
                first_future: std::cell::OnceCell::new(),
            };
            // Who the sentence attributes its facts to, worked out only for
            // sentences that hold a claim.
            let mut source_cache: Option<Option<Arc<str>>> = None;
            let mut source = || {
                source_cache
                    .get_or_insert_with(|| crate::quotes::sentence_source(text, sentence_tokens, roster).map(Arc::from))
                    .clone()
            };
            let mut i = 0;
            let first = claims.len();
            let mut last_date: Option<(DateValue, usize)> = None;
            while i < ctx.lex.len() {
                let found = if could_start_claim(&ctx.lex[i], same_token(&ctx.lex[i])) {
                    ctx.date_or_range(i).or_else(|| ctx.number_claim(i))
                } else {
                    None
                };
                let Some(f) = found else {
                    i += 1;
                    continue;
                };
                let mut f = f;
                // "April 6, the Saturday before …": the weekday names that date.
                if let (Value::Date(d), Some(prev)) = (&f.value, last_date) {
                    let bare = d.weekday.is_some() && f.end == f.start + 1;
                    let apposed = f.start >= 2
                        && (ctx.lex[f.start - 1].is("the") || ctx.lex[f.start - 1].is("a"))
                        && ctx.lex[f.start - 2].is(",");
                    if bare && apposed && prev.1 + 2 == f.start {
                        let mut same = prev.0;
                        same.weekday = d.weekday;
                        f.value = Value::Date(same);
                    }
                }
                if let Value::Date(d) = &f.value {
                    last_date = Some((*d, f.end));
                }
                let span = ctx.span(f.start, f.end);
                // A change in percentage points is a difference of two
                // shares, not a share: it says so in place of a noun.
                let noun = if f.kind == ClaimKind::Percent && in_points(&ctx.lex, f.end) {
                    Some("percentage points".to_string())
                } else {
                    noun_after(&ctx.lex, f.end)
                }
                .map(|n| words.get(n));
                claims.push(Claim {
                    kind: f.kind,
                    span,
                    value: f.value,
                    sentence,
                    paragraph: pi as u32,
                    noun,
                    source: source(),
                    part_of: None,
                    modifier: f.modifier,
                });
                i = f.end.max(i + 1);
            }
            link_parts(&ctx.lex, &mut claims, first);
        }
    }
    claims.extend(person_claims(roster));
    in_text_order(&mut claims);
    claims
}

/// Sorts claims into text order (claims at one place keep theirs), with
/// part-of links renumbered to the new positions. The order is worked out
/// on indices and the claims are swapped in place: a copy of a long
/// article's claims beside them was a peak of its memory (issue 15).
fn in_text_order(claims: &mut [Claim]) {
    // 32-bit positions: these two lists are made at the peak of a long
    // article's memory (its tokens and claims both alive).
    let n = u32::try_from(claims.len()).expect("fewer claims than bytes");
    let mut order: Vec<u32> = (0..n).collect();
    order.sort_by_key(|&i| claims[i as usize].span.start);
    let mut new_index = vec![0u32; claims.len()];
    for (pos, &old) in (0..n).zip(order.iter()) {
        new_index[old as usize] = pos;
    }
    drop(order);
    for c in claims.iter_mut() {
        c.part_of = c.part_of.map(|w| new_index[w as usize]);
    }
    // Each claim to its place: the one at `i` goes to `new_index[i]`, and
    // the one that was there is looked at next.
    let mut target = new_index;
    for i in 0..claims.len() {
        while target[i] as usize != i {
            let j = target[i] as usize;
            claims.swap(i, j);
            target.swap(i, j);
        }
    }
}

/// "week-long", "fortnight-long": a duration of one unit.
fn unit_long(t: &str) -> bool {
    t.split_once('-')
        .is_some_and(|(head, rest)| rest.eq_ignore_ascii_case("long") && time_unit(&head.to_lowercase()).is_some())
}

const COUNTED_NOUNS_SRC: &str = include_str!("../../data/lexicon/counted_nouns.txt");

static COUNTED_NOUNS: LazyLock<crate::lexicon::WordTable<()>> =
    LazyLock::new(|| crate::lexicon::entries(COUNTED_NOUNS_SRC).collect());

/// A four-digit number at `i` (ending at `j`) that counts people: a plural
/// of [`COUNTED_NOUNS`] follows, and no word before it makes it a year's
/// modifier ("the 2016 voters", "in 2016 students"); or it is the subject
/// of a second clause ("… and 1920 had been discharged").
fn counts_people(l: &[Lex], i: usize, j: usize) -> bool {
    let noun = l
        .get(j)
        .is_some_and(|n| n.is_word() && COUNTED_NOUNS.get(n.text).is_some());
    let prev = i.checked_sub(1).map(|k| &l[k]);
    let modifier = prev.is_some_and(|p| {
        p.is_one_of(&[
            "the", "a", "in", "since", "by", "until", "before", "after", "from", "its", "their", "his", "her",
        ]) || p.text.ends_with("'s")
            || p.text.ends_with("’s")
    });
    let subject = prev.is_some_and(|p| p.is("and")) && l.get(j).is_some_and(|n| n.is_one_of(&["had", "have", "were"]));
    (noun && !modifier) || subject
}

/// "of last year", "of this year", "of next year" after a range's last day
/// (`lex[e]`): the year it names from the article's date, and the index
/// after it; otherwise nothing and `e`.
fn this_years_end(l: &[Lex], e: usize, article: Option<Date>) -> (Option<i16>, usize) {
    let (Some(of), Some(which), Some(year)) = (l.get(e), l.get(e + 1), l.get(e + 2)) else {
        return (None, e);
    };
    if !of.is("of") || !year.is("year") {
        return (None, e);
    }
    let shift = if which.is("last") {
        -1
    } else if which.is("this") {
        0
    } else if which.is("next") {
        1
    } else {
        return (None, e);
    };
    (article.map(|a| a.year() + shift), e + 3)
}

/// Words after "a"/"an" that can make a claim of it: "a dozen", "a third
/// of", "a day", "one in five".
static AFTER_ARTICLE: LazyLock<crate::lexicon::WordTable<()>> = LazyLock::new(|| {
    ["dozen", "in", "hundred", "thousand", "million", "billion"]
        .into_iter()
        .chain(numbers::FRACTIONS.iter().map(|(w, _)| *w))
        .chain(crate::lexicon::NUMBER_WORDS.keys().copied())
        .chain(TIME_UNITS.keys().copied())
        .collect()
});

/// Could a claim start anywhere in this sentence? The same test as
/// [`could_start_claim`], asked of the shared tokens (a superset: a
/// sentence that fails holds no claim), with "a"/"an" counted only before
/// a word that can follow them in a claim.
fn could_hold_claim(toks: &[crate::token::Token]) -> bool {
    use crate::lexicon::class;
    toks.iter().enumerate().any(|(k, t)| {
        if !t.is_word() {
            return matches!(t.text, "$" | "£" | "€" | "¥" | "₹" | "¢");
        }
        // Any digit: the claim lexer splits "C2I" where this tokenizer does
        // not. Lower-case month and weekday names count ("monday", "june
        // 2016"), but not the short ones that are other words ("may", "sun").
        if t.has_digit() || (t.is_date_word() && (t.is_capitalized() || t.text.len() >= 4)) {
            return true;
        }
        // "the third quarter".
        if t.text.eq_ignore_ascii_case("quarter") {
            return true;
        }

        // A plain word's lists were looked up when it was tokenized; other
        // words are looked up by the part before any hyphen ("six-day").
        let head = if t.plain() { t.text } else { before_hyphen(t.text) };
        let listed = if t.plain() || (head.len() == t.text.len() && !head.ends_with('.')) {
            t.has(class::CLAIM_START)
        } else {
            CLAIM_STARTS.contains(head.trim_end_matches('.')) || unit_long(t.text)
        };
        if !listed {
            return false;
        }
        if head.eq_ignore_ascii_case("a") || head.eq_ignore_ascii_case("an") {
            return toks.get(k + 1).is_some_and(|n| {
                let next = before_hyphen(n.text);
                AFTER_ARTICLE.contains(next.trim_end_matches('.'))
            });
        }
        true
    })
}

/// The word before its first hyphen ("six-day" → "six"). Words are short:
/// a plain scan beats setting up a substring search.
fn before_hyphen(word: &str) -> &str {
    match word.bytes().position(|b| b == b'-') {
        Some(k) => &word[..k],
        None => word,
    }
}

/// Can a claim start at this token? Most words cannot, and saying so
/// before the grammar runs keeps extraction fast.
fn could_start_claim(l: &Lex, token: Option<&crate::token::Token>) -> bool {
    let t = l.text;
    let first = t.as_bytes()[0];
    if first.is_ascii_digit() || matches!(t, "$" | "£" | "€" | "¥" | "₹") {
        return true;
    }
    if !first.is_ascii_alphabetic() {
        return false;
    }
    if let Some(token) = token {
        // The same tests on the lists the article's token is on.
        use crate::lexicon::class;
        if token.is_date_word() && (first.is_ascii_uppercase() || t.len() >= 4) {
            return true;
        }
        let head = before_hyphen(t);
        return if head.len() == t.len() {
            token.has(class::CLAIM_START) || starts_period(t) || relative::starts_relative(t)
        } else {
            // "June-August 1992".
            CLAIM_STARTS.contains(head)
                || unit_long(t)
                || (first.is_ascii_uppercase() && crate::lexicon::month(head).is_some())
        };
    }
    if starts_period(t) || relative::starts_relative(t) {
        return true;
    }
    // Months and weekdays are capitalised; anything else starts a claim in
    // any case ("Two-thirds of …", "Hundreds of …").
    if (first.is_ascii_uppercase() || t.len() >= 4)
        && (crate::lexicon::month(t).is_some()
            || crate::lexicon::weekday(t.strip_suffix("’s").or_else(|| t.strip_suffix("'s")).unwrap_or(t)).is_some())
    {
        return true;
    }
    // One lookup of the word before any hyphen ("six-day" → "six"). The
    // set is a superset of what the grammar accepts, which is all a
    // filter needs.
    let head = before_hyphen(t);
    CLAIM_STARTS.contains(head)
}

/// Words that open a period or a relative date though no list above has
/// them: "third quarter", "Q1", "first of March".
fn starts_period(t: &str) -> bool {
    // Ordinals end in "st", "nd", "rd" or "th": one byte test turns most
    // words away before the lookup.
    matches!(t, "Q" | "q" | "H")
        || (matches!(t.as_bytes().last(), Some(b't' | b'd' | b'h')) && dates::ordinal(t).is_some())
}

/// The word a number counts: the next content word ("370 individuals",
/// "205 of those arrested" → "arrested").
/// Whether a percentage claim ending before `end` is in percentage points.
fn in_points(lex: &[Lex], end: usize) -> bool {
    end.checked_sub(1)
        .and_then(|k| lex.get(k))
        .is_some_and(|w| w.lower().starts_with("point"))
}

fn noun_after(lex: &[Lex], j: usize) -> Option<String> {
    let mut k = j;
    let skip = [
        "of",
        "those",
        "these",
        "them",
        "the",
        "who",
        "were",
        "had",
        "have",
        "are",
        "was",
        "new",
        "more",
        "other",
        "additional",
    ];
    while k < lex.len() && k < j + 5 {
        let w = &lex[k];
        if !w.is_word() {
            return None;
        }
        let l = w.lower();
        if !skip.contains(&l.as_ref()) {
            return Some(l.into_owned());
        }
        k += 1;
    }
    None
}

/// Counts introduced as parts of a total: "205 of those arrested" (the
/// total came before), "of the 214 people arrested, 231 had …" and "among
/// the 214 respondents, 118 …" (the total is named in the sentence), "Of
/// those, 157 had …", "the remaining 217".
fn link_parts(lex: &[Lex], claims: &mut [Claim], first: usize) {
    let index_of = |span_start: usize| lex.iter().position(|l| l.span.start == span_start);
    let is_count = |c: &Claim| c.kind == ClaimKind::Count && c.value.amount().is_some_and(|a| a.value.is_some());
    // A count right after "of the" / "among the" / "out of" names the total
    // for the counts after it in the sentence.
    let mut sentence_whole: Option<usize> = None;
    // "Of those, …" at the start: the total is the latest count before.
    let refers_back = lex.first().is_some_and(|l| l.is("of") || l.is("among"))
        && lex.get(1).is_some_and(|l| l.is_one_of(&["those", "them", "these"]));
    let before_sentence = |claims: &[Claim]| {
        (0..first)
            .rev()
            .take(12)
            .find(|&w| is_count(&claims[w]) && claims[w].part_of.is_none())
    };
    if refers_back {
        // "Among those who skipped care, 611 …": those are the latest
        // count, even when it is itself a part.
        sentence_whole = (0..first).rev().take(12).find(|&w| is_count(&claims[w]));
    }
    for c in first..claims.len() {
        if !is_count(&claims[c]) {
            continue;
        }
        let Some(k) = index_of(claims[c].span.start) else {
            continue;
        };
        let prev = |n: usize| k.checked_sub(n).map(|i| lex[i].lower()).unwrap_or_default();
        // The two words before the count, lower-cased once.
        let (p1, p2) = (prev(1), prev(2));
        // "Of 600 residents surveyed, 330 …": at the start of a clause.
        let opens_with_of = matches!(p1.as_ref(), "of" | "among") && (k == 1 || matches!(p2.as_ref(), "," | ";" | "—"));
        let names_total = opens_with_of
            || (matches!(p2.as_ref(), "of" | "among") && matches!(p1.as_ref(), "the" | "all"))
            || (p2 == "out" && p1 == "of")
            || (p1 == "combined" || (p2 == "total" && p1 == "of"));
        // "355 of 812 voters", "146 out of 214": the count just before "of" is a part of this one.
        // (Both end in "of".)
        let direct_of = p1 == "of";
        if direct_of {
            let back = if p1 == "of" && p2 != "out" { 2 } else { 3 };
            if let Some(p) = (first..c).rev().find(|&p| is_count(&claims[p])) {
                if index_of(claims[p].span.start).is_some_and(|pk| pk + back == k) {
                    claims[p].part_of = Some(c as u32);
                    continue;
                }
            }
        }
        if names_total {
            // "231 of the 214 arrested": the part came first.
            if let Some(p) = (first..c)
                .rev()
                .find(|&p| is_count(&claims[p]) && claims[p].part_of.is_none())
            {
                if p2 == "of" && index_of(claims[p].span.start).is_some_and(|pk| pk + 3 >= k) {
                    claims[p].part_of = Some(c as u32);
                    continue;
                }
            }
            sentence_whole = Some(c);
            continue;
        }
        let end_k = lex.iter().position(|l| l.span.end == claims[c].span.end).unwrap_or(k);
        let of_those = lex.get(end_k + 1).is_some_and(|l| l.is("of"))
            && lex
                .get(end_k + 2)
                .is_some_and(|l| l.is_one_of(&["those", "them", "these", "its", "their"]));
        let remaining = matches!(p1.as_ref(), "remaining" | "other");
        if of_those {
            claims[c].part_of = (0..c)
                .rev()
                .take(12)
                .find(|&w| is_count(&claims[w]) && claims[w].part_of.is_none())
                .map(|w| w as u32);
        } else if let Some(w) = sentence_whole {
            claims[c].part_of = Some(w as u32);
        } else if remaining {
            claims[c].part_of = before_sentence(claims).map(|w| w as u32);
        }
    }
}

/// A person named with a title is a claim too: names and titles are what
/// newsrooms correct most.
fn person_claims(roster: &Roster) -> Vec<Claim> {
    let mut out = Vec::new();
    for e in roster.entities.iter().filter(|e| e.kind == EntityKind::Person) {
        for (role, span) in &e.roles {
            let role = crate::speakers::clean_role(role);
            out.push(Claim {
                kind: ClaimKind::Person,
                span: *span,
                value: Value::Person {
                    name: e.name.clone(),
                    role,
                },
                sentence: *span,
                paragraph: 0,
                noun: None,
                source: None,
                part_of: None,
                modifier: false,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::segment;

    pub(super) fn claims(t: &str) -> Vec<Claim> {
        let paras = segment(t, 0);
        let roster = Roster::build(t, Span::new(0, t.len()));
        extract_claims(t, &paras, &roster, article_date(t, &paras))
            .into_iter()
            .filter(|c| c.kind != ClaimKind::Person)
            .collect()
    }

    pub(super) fn one(t: &str) -> (String, ClaimKind, serde_json::Value) {
        let cs = claims(t);
        assert_eq!(cs.len(), 1, "{t}: {cs:?}");
        (cs[0].span.of(t).to_string(), cs[0].kind, cs[0].value.to_json())
    }

    #[test]
    fn numbers_read_as_people_write_them() {
        for (v, shown) in [
            (0.0, "0"),
            (-0.0, "0"),
            (7.0, "7"),
            (370.0, "370"),
            (1234.0, "1,234"),
            (-41000.0, "-41,000"),
            (1_500_000.0, "1,500,000"),
            (2.5, "2.5"),
            (33.333, "33.33"),
            (f64::INFINITY, "∞"),
        ] {
            assert_eq!(fmt(v), shown, "{v}");
        }
        let range = |lo: f64, hi: f64| Amount {
            value: None,
            min: lo,
            max: hi,
            qualifier: Some(Qualifier::Vague),
        };
        assert_eq!(Value::Number(range(200.0, 900.0)).display(), "200–900");
        assert_eq!(
            Value::Money {
                amount: Amount::exact(2_000_000.0),
                currency: "USD"
            }
            .display(),
            "2,000,000 USD"
        );
    }

    /// The sentence filter must pass every sentence the grammar finds a
    /// claim in, and may skip the ones without.
    #[test]
    fn sentence_filter_passes_every_sentence_with_a_claim() {
        for t in [
            "A dozen people came.",
            "It lasted an hour a day.",
            "About a third of voters agreed.",
            "One in five stayed home.",
            "Two-thirds of the seats changed hands.",
            "The six-day operation ended.",
            "Hundreds of people marched.",
            "The vote is on Tuesday’s agenda.",
            "The talks ran from March 18 to March 23.",
            "The budget is $412 million.",
            "C2I plans to grow.",
        ] {
            let toks = crate::token::tokenize(t, Span::new(0, t.len()));
            assert!(!claims(t).is_empty(), "{t} should hold a claim");
            assert!(could_hold_claim(&toks), "{t}");
        }
        for t in ["The mayor said the plan was a mistake.", "An aide left the room."] {
            let toks = crate::token::tokenize(t, Span::new(0, t.len()));
            assert!(!could_hold_claim(&toks), "{t}");
            assert!(claims(t).is_empty(), "{t}");
        }
    }

    #[test]
    fn counts_with_separators_and_scales() {
        assert_eq!(
            one("Officials counted 41,000 votes."),
            ("41,000".into(), ClaimKind::Count, serde_json::json!(41000))
        );
        assert_eq!(
            one("It cost $3.4 billion."),
            (
                "$3.4 billion".into(),
                ClaimKind::Money,
                serde_json::json!({"amount": 3400000000i64, "currency": "USD"})
            )
        );
    }

    #[test]
    fn hedges_are_intervals() {
        let (text, kind, v) = one("Police arrested more than 300 people.");
        assert_eq!((text.as_str(), kind), ("more than 300", ClaimKind::Count));
        assert_eq!(v["min"], 300);
        assert!(v["max"].is_null());
    }

    #[test]
    fn vague_hundreds() {
        let (text, _, v) = one("They arrested hundreds of offenders.");
        assert_eq!(text, "hundreds");
        assert_eq!(v["qualifier"], "vague");
    }

    #[test]
    fn unit_long_is_a_duration_modifier_and_a_bare_later_day_ends_a_range() {
        let cs = claims("The week-long fair ran May 24 to 26, and a fortnight-long one from June 2 to 15.\n");
        let kinds: Vec<_> = cs.iter().map(|c| (c.kind, c.value.to_json().to_string())).collect();
        assert_eq!(kinds[0].1, r#"{"amount":1,"unit":"week"}"#, "{kinds:?}");
        assert!(cs[0].modifier);
        assert_eq!(kinds[1].1, r#"["--05-24","--05-26"]"#, "{kinds:?}");
        assert_eq!(kinds[2].1, r#"{"amount":2,"unit":"week"}"#, "{kinds:?}");
        assert_eq!(kinds[3].1, r#"["--06-02","--06-15"]"#, "{kinds:?}");
        // A number of things after the day is not a day.
        let cs = claims("On May 24 to 26 people came.\n");
        assert!(cs.iter().all(|c| c.kind != ClaimKind::DateRange), "{cs:?}");
    }

    #[test]
    fn six_day_is_a_duration_modifier() {
        let cs = claims("The six-day operation ended.");
        assert_eq!(cs[0].value.to_json(), serde_json::json!({"amount": 6, "unit": "day"}));
        assert!(cs[0].modifier);
    }

    #[test]
    fn four_digit_counts_of_people_are_not_years() {
        let cs = claims(
            "Of these, 1846 persons were hospitalized and 1920 had been discharged. The 2016 voters left. In 2016 students marched.\n",
        );
        let kinds: Vec<_> = cs.iter().map(|c| (c.kind, c.value.to_json().to_string())).collect();
        assert_eq!(kinds[0], (ClaimKind::Count, "1846".to_string()), "{kinds:?}");
        assert_eq!(kinds[1], (ClaimKind::Count, "1920".to_string()), "{kinds:?}");
        assert_eq!(kinds[2].0, ClaimKind::Date, "{kinds:?}");
        assert_eq!(kinds[3].0, ClaimKind::Date, "{kinds:?}");
    }

    #[test]
    fn date_ranges_every_way() {
        for t in [
            "It ran from March 18 to March 23.",
            "It ran March 18–23.",
            "It ran between March 18 and March 23.",
        ] {
            let (_, kind, v) = one(t);
            assert_eq!(kind, ClaimKind::DateRange, "{t}");
            assert_eq!(v, serde_json::json!(["--03-18", "--03-23"]), "{t}");
        }
    }

    #[test]
    fn range_across_months_and_fiscal_year() {
        let t = "BOSTON, March 5, 2025 — It ran from Jan. 30 to Feb. 2. The fiscal year runs from July 1 to June 30.";
        let cs = claims(t);
        let ranges: Vec<_> = cs
            .iter()
            .filter(|c| c.kind == ClaimKind::DateRange)
            .map(|c| c.value.to_json())
            .collect();
        assert_eq!(ranges[0], serde_json::json!(["2025-01-30", "2025-02-02"]));
        assert_eq!(ranges[1], serde_json::json!(["2025-07-01", "2026-06-30"]));
    }

    #[test]
    fn weekday_date_keeps_the_weekday() {
        let cs = claims("Officials said on May 9, 2024 that it began Tuesday, March 11.");
        assert_eq!(cs[1].value.to_json(), serde_json::json!("2024-03-11"));
        assert!(matches!(cs[1].value, Value::Date(DateValue { weekday: Some(2), .. })));
    }

    #[test]
    fn percentages_and_points() {
        assert_eq!(one("Turnout rose 3.4 percentage points.").2, serde_json::json!(3.4));
        let points = claims("Turnout rose 3.4 percentage points among voters.");
        assert_eq!(points[0].noun.as_deref(), Some("percentage points"));
        let share = claims("Turnout was 34 percent among voters.");
        assert_eq!(share[0].noun.as_deref(), Some("among"));
        assert_eq!(one("About 55% agreed.").1, ClaimKind::Percent);
        assert_eq!(one("Nearly half agreed.").2["value"], 50);
        assert_eq!(one("Roughly one in five agreed.").2["value"], 20);
    }

    #[test]
    fn ages() {
        assert_eq!(one("said Ruth Enders, 71, who stayed.").1, ClaimKind::Age);
        assert_eq!(one("A 54-year-old man was hurt.").2, serde_json::json!(54));
    }

    #[test]
    fn numbers_in_names_and_ordinals_are_not_claims() {
        assert!(claims("Voters in Ward 4 met the MS-13 task force about COVID-19 for the third time.").is_empty());
    }

    #[test]
    fn part_links_to_whole() {
        let cs = claims("ICE arrested 370 people. According to ICE, 205 of those arrested had convictions.");
        assert_eq!(cs[1].part_of, Some(0));
        assert_eq!(cs[1].noun.as_deref(), Some("arrested"));
        assert_eq!(cs[1].source.as_deref(), Some("ICE"));
    }

    #[test]
    fn durations_with_words_and_hedges() {
        assert_eq!(
            one("A decision is not expected for at least two weeks.").2["qualifier"],
            "at_least"
        );
        assert_eq!(one("Claims must be filed within 30 days.").0, "within 30 days");
        assert_eq!(
            one("She won in 2:10:05 flat.").2,
            serde_json::json!({"amount": 7805, "unit": "second"})
        );
    }

    /// Each form the claim grammar reads, as a sentence of our own, with
    /// the claim text, kind and JSON value a checker should see.
    #[test]
    fn every_form_reads_as_a_fact_checker_reads_it() {
        use serde_json::json;
        let cases: &[(&str, &str, ClaimKind, serde_json::Value)] = &[
            (
                "Crews hired two dozen workers.",
                "two dozen",
                ClaimKind::Count,
                json!(24),
            ),
            (
                "The city has 1.2 million residents.",
                "1.2 million",
                ClaimKind::Count,
                json!(1200000),
            ),
            (
                "Some 2,300 residents fled.",
                "Some 2,300",
                ClaimKind::Count,
                json!({"value": 2300, "min": 2070, "max": 2530, "qualifier": "approx"}),
            ),
            (
                "Nearly 1,100 students enrolled.",
                "Nearly 1,100",
                ClaimKind::Count,
                json!({"value": 1100, "min": 935, "max": 1100, "qualifier": "nearly"}),
            ),
            (
                "Turnout fell to 55 per cent.",
                "55 per cent",
                ClaimKind::Percent,
                json!(55),
            ),
            (
                "The fund lost £4.5 million.",
                "£4.5 million",
                ClaimKind::Money,
                json!({"amount": 4500000, "currency": "GBP"}),
            ),
            (
                "Tickets cost €20 each.",
                "€20",
                ClaimKind::Money,
                json!({"amount": 20, "currency": "EUR"}),
            ),
            (
                "A stamp costs 25 cents.",
                "25 cents",
                ClaimKind::Money,
                json!({"amount": 0.25, "currency": "USD"}),
            ),
            (
                "Revenue will be $5.2 billion to $5.3 billion.",
                "$5.2 billion to $5.3 billion",
                ClaimKind::Money,
                json!({"amount": [5200000000i64, 5300000000i64], "currency": "USD"}),
            ),
            ("It reopens Jan. 3.", "Jan. 3", ClaimKind::Date, json!("--01-03")),
            (
                "It ran from March 30 to April 2.",
                "from March 30 to April 2",
                ClaimKind::DateRange,
                json!(["--03-30", "--04-02"]),
            ),
            (
                "It runs March 18 through March 23.",
                "March 18 through March 23",
                ClaimKind::DateRange,
                json!(["--03-18", "--03-23"]),
            ),
            (
                "The strike lasted 48 hours.",
                "48 hours",
                ClaimKind::Duration,
                json!({"amount": 48, "unit": "hour"}),
            ),
            (
                "Repairs took three weeks.",
                "three weeks",
                ClaimKind::Duration,
                json!({"amount": 3, "unit": "week"}),
            ),
            ("A 54-year-old man was hurt.", "54-year-old", ClaimKind::Age, json!(54)),
            (
                "Voters 65 or older lean right.",
                "65 or older",
                ClaimKind::Age,
                json!({"value": 65, "min": 65, "max": null, "qualifier": "at_least"}),
            ),
            (
                "The river rose 24.6 feet.",
                "24.6 feet",
                ClaimKind::Quantity,
                json!({"amount": 24.6, "unit": "ft"}),
            ),
            (
                "The Tigers won 58-55.",
                "58-55",
                ClaimKind::Quantity,
                json!({"amount": [58, 55], "unit": "score"}),
            ),
            (
                "The council voted 7-2 vote to pass it.",
                "7-2",
                ClaimKind::Quantity,
                json!({"amount": [7, 2], "unit": "tally"}),
            ),
            (
                "Officers arrested 370\u{a0}people.",
                "370",
                ClaimKind::Count,
                json!(370),
            ),
            ("The plan covers 2019.", "2019", ClaimKind::Date, json!("2019")),
        ];
        for (sentence, text, kind, value) in cases {
            let cs = claims(sentence);
            let c = cs.iter().find(|c| c.span.of(sentence) == *text).unwrap_or_else(|| {
                panic!(
                    "{sentence}: no claim {text:?} in {:?}",
                    cs.iter().map(|c| c.span.of(sentence)).collect::<Vec<_>>()
                )
            });
            assert_eq!(c.kind, *kind, "{sentence}");
            assert_eq!(&c.value.to_json(), value, "{sentence}");
        }
    }

    fn values(t: &str) -> Vec<(String, ClaimKind, serde_json::Value)> {
        claims(t)
            .into_iter()
            .map(|c| (c.span.of(t).to_string(), c.kind, c.value.to_json()))
            .collect()
    }

    #[test]
    fn signed_numbers() {
        use serde_json::json;
        assert_eq!(values("It fell to -5 overnight.")[0].2, json!(-5));
        assert_eq!(
            values("The balance is minus 1,200.")[0],
            ("minus 1,200".into(), ClaimKind::Count, json!(-1200))
        );
        assert_eq!(values("The answer is minus one.")[0].2, json!(-1));
        assert_eq!(values("It fell to minus five point five.")[0].2, json!(-5.5));
        assert_eq!(values("They counted 322 hundred.")[0].2, json!(32200));
        assert_eq!(
            values("The Tigers won 27-3.")[0].2,
            json!({"amount": [27, 3], "unit": "score"})
        );
    }

    #[test]
    fn comparatives_bound_the_number() {
        let v = values("Police held no less than 194 people and no more than 12 officers.");
        assert_eq!(
            (v[0].0.as_str(), &v[0].2["qualifier"]),
            ("no less than 194", &serde_json::json!("at_least"))
        );
        assert_eq!(v[1].2["qualifier"], "at_most");
        assert_eq!(
            values("Temperatures were above 90 degrees.")[0].2["qualifier"],
            "more_than"
        );
        let v = values("Then 20 or more people came.");
        assert_eq!(v[0].0, "20 or more");
        assert_eq!(v[0].2["min"], 20);
    }

    #[test]
    fn ranges_of_counts_and_money() {
        use serde_json::json;
        assert_eq!(
            values("Crowds of between 20 and 30 gathered.")[0],
            (
                "between 20 and 30".into(),
                ClaimKind::Count,
                json!({"amount": [20, 30], "unit": "range"})
            )
        );
        assert_eq!(
            values("It will cost between $3 and $4 billion.")[0].2,
            json!({"amount": [3000000000i64, 4000000000i64], "currency": "USD"})
        );
        // A change states two values, not a range.
        let v = values("The wage rose from $31,500 to $33,075.");
        assert_eq!(v.len(), 2, "{v:?}");
        assert_eq!(v[1].2, json!({"amount": 33075, "currency": "USD"}));
    }

    #[test]
    fn durations_compound_and_abbreviated() {
        use serde_json::json;
        let d = |t: &str| {
            let v = values(t);
            v.into_iter().find(|c| c.1 == ClaimKind::Duration).map(|c| (c.0, c.2))
        };
        assert_eq!(
            d("It took a fortnight."),
            Some(("a fortnight".into(), json!({"amount": 2, "unit": "week"})))
        );
        assert_eq!(
            d("It took an hour and a half."),
            Some(("an hour and a half".into(), json!({"amount": 1.5, "unit": "hour"})))
        );
        assert_eq!(
            d("It took 1 hour and 30 minutes."),
            Some(("1 hour and 30 minutes".into(), json!({"amount": 90, "unit": "minute"})))
        );
        assert_eq!(
            d("It took 3h."),
            Some(("3h".into(), json!({"amount": 3, "unit": "hour"})))
        );
        assert_eq!(
            d("It took twenty min."),
            Some(("twenty min".into(), json!({"amount": 20, "unit": "minute"})))
        );
        assert_eq!(
            d("It took half a day."),
            Some(("half a day".into(), json!({"amount": 0.5, "unit": "day"})))
        );
        assert_eq!(
            d("It took two decades."),
            Some(("two decades".into(), json!({"amount": 2, "unit": "decade"})))
        );
    }

    #[test]
    fn quantities_with_their_scales() {
        use serde_json::json;
        assert_eq!(
            values("It was 12 degrees Celsius.")[0].2,
            json!({"amount": 12, "unit": "degC"})
        );
        assert_eq!(values("It was 70 degrees.")[0].2, json!({"amount": 70, "unit": "degF"}));
        assert_eq!(
            values("They shipped 16,000 metric tons.")[0].2,
            json!({"amount": 16000, "unit": "tonne"})
        );
        assert_eq!(values("He weighs 150lbs.")[0].2, json!({"amount": 150, "unit": "lb"}));
        assert_eq!(
            values("It ran 188 miles an hour.")[0].2,
            json!({"amount": 188, "unit": "mph"})
        );
    }

    #[test]
    fn claim_word_lists_are_sorted_without_duplicates() {
        for src in [DAY_FIRST_SRC, dates::ORDINALS_SRC, CHANGE_SRC] {
            let keys: Vec<&str> = crate::lexicon::entries(src)
                .map(|l| l.split(' ').next().unwrap_or(""))
                .collect();
            let mut sorted = keys.clone();
            sorted.sort();
            sorted.dedup();
            assert_eq!(keys, sorted);
        }
    }

    fn dates_of(t: &str) -> Vec<(String, serde_json::Value)> {
        claims(t)
            .into_iter()
            .filter(|c| matches!(c.kind, ClaimKind::Date | ClaimKind::DateRange))
            .map(|c| (c.span.of(t).to_string(), c.value.to_json()))
            .collect()
    }

    #[test]
    fn day_first_ranges() {
        use serde_json::json;
        for (t, text, v) in [
            (
                "It ran from 2 to 9 March.",
                "from 2 to 9 March",
                json!(["--03-02", "--03-09"]),
            ),
            (
                "It ran between 28 June and 6 July.",
                "between 28 June and 6 July",
                json!(["--06-28", "--07-06"]),
            ),
            (
                "It ran 14–16 November 2024.",
                "14–16 November 2024",
                json!(["2024-11-14", "2024-11-16"]),
            ),
            (
                "It ran August 27th - 29th.",
                "August 27th - 29th",
                json!(["--08-27", "--08-29"]),
            ),
            (
                "It ran from 2014 till 2018.",
                "from 2014 till 2018",
                json!(["2014", "2018"]),
            ),
            (
                "It ran from 2015 to May 5th, 2017.",
                "from 2015 to May 5th, 2017",
                json!(["2015", "2017-05-05"]),
            ),
            (
                "Sales fell June-August 1992.",
                "June-August 1992",
                json!(["1992-06", "1992-08"]),
            ),
            (
                "Off from April 27th to the third.",
                "from April 27th to the third",
                json!(["--04-27", "--05-03"]),
            ),
            (
                "Off between the ninth and the 17th of April.",
                "between the ninth and the 17th of April",
                json!(["--04-09", "--04-17"]),
            ),
            (
                "Off from 10/1/2018-10/7/2018.",
                "from 10/1/2018-10/7/2018",
                json!(["2018-10-01", "2018-10-07"]),
            ),
        ] {
            assert_eq!(dates_of(t), vec![(text.to_string(), v)], "{t}");
        }
    }

    #[test]
    fn undated_weekday_ranges_are_not_empty_ranges() {
        for c in claims("The shop opens Monday to Friday.") {
            if let Value::DateRange(a, b) = c.value {
                assert!(!a.iso().is_empty() && !b.iso().is_empty(), "{a:?} {b:?}");
            }
        }
        let dated = dates_of("BOSTON, March 5, 2025 — The shop opened Monday to Tuesday.");
        assert_eq!(dated[1].1, serde_json::json!(["2025-03-03", "2025-03-04"]));
    }

    #[test]
    fn periods_are_ranges() {
        use serde_json::json;
        assert_eq!(dates_of("Profit rose in Q1 2016.")[0].1, json!(["2016-01", "2016-03"]));
        assert_eq!(dates_of("Prices soared in the 1990s.")[0].1, json!(["1990", "1999"]));
        let t = "BOSTON, May 2, 2024 — Sales fell in the first quarter.";
        assert_eq!(dates_of(t)[1].1, json!(["2024-01", "2024-03"]));
    }

    #[test]
    fn the_dateline_decides_numeric_dates() {
        use serde_json::json;
        let us = "BOSTON, March 5, 2025 — The law took effect on 03/04/2025.";
        assert_eq!(dates_of(us)[1].1, json!("2025-03-04"));
        let uk = "LONDON (Reuters) - The law took effect on 03/04/2025.";
        assert_eq!(dates_of(uk)[0].1, json!("2025-04-03"));
        let uk = "Thursday 7 March 2024\n\nThe law took effect on 03/04/2025.";
        assert_eq!(dates_of(uk)[1].1, json!("2025-04-03"));
        let au = "SYDNEY, Aug 9 (AAP) – The law took effect on 03/04/2025.";
        assert_eq!(dates_of(au)[1].1, json!("2025-04-03"));
    }

    #[test]
    fn relative_days_resolve_against_the_dateline() {
        use serde_json::json;
        let t = "BOSTON, March 5, 2025 — The mayor spoke yesterday and will speak again tomorrow.";
        let d = dates_of(t);
        assert_eq!(d[1], ("yesterday".into(), json!("2025-03-04")));
        assert_eq!(d[2], ("tomorrow".into(), json!("2025-03-06")));
        assert!(dates_of("The mayor spoke yesterday.").is_empty());
    }

    #[test]
    fn remaining_counts_are_parts_of_the_total() {
        let cs = claims("Inspectors visited 412 homes. Of those, 157 had damage and the remaining 255 had none.");
        assert_eq!(cs[1].part_of, Some(0));
        assert_eq!(cs[2].part_of, Some(0));
    }

    #[test]
    fn relative_weekday_is_resolved_only_with_a_dateline() {
        let dated = claims("BOSTON, March 20, 2025 — The mayor spoke Tuesday.");
        assert_eq!(dated[1].value.to_json(), serde_json::json!("2025-03-18"));
        let undated = claims("The mayor spoke Tuesday.");
        assert!(matches!(
            undated[0].value,
            Value::Date(DateValue {
                year: None,
                month: None,
                weekday: Some(2),
                ..
            })
        ));
    }
}
