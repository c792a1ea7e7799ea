//! A claim that starts at a number, read in two steps as named rules.
//!
//! First the number itself: digits ("322 hundred", "3/4"), a vague amount
//! ("dozens"), a share ("half", "a third"), number words ("five and a half
//! million"), or a hyphenated compound ("six-day"). Some of these are a
//! whole claim already (a clock time, "a week-long strike", "an hour a
//! day"). Then what follows the number decides its kind: a hyphenated unit
//! ("-year-old", "-point"), a currency, a percent sign, a time unit, a
//! unit of measure, a rate, a range, an age, a year, else a count.

use super::calendar::DateValue;
use super::dates::year_at;
use super::mixed::{self, scaled_rest};
use super::numbers::adjacent;
use super::numbers::{Amount, Qualifier, fraction_at, scale_at, vague_at, words_number};
use super::{ClaimKind, Ctx, Found, Value, counts_people, fortnights, long_unit, money, names_number, time_unit, unit};

/// What the start of a number gave: the number and the token after it,
/// or already the whole answer (a claim of its own, or no claim).
enum Core {
    Number {
        amount: Amount,
        end: usize,
        /// The unit a hyphen joined to a number word ("six-day": "day").
        hyphen_unit: Option<String>,
    },
    Done(Option<Found>),
}

impl Core {
    fn number(amount: Amount, end: usize) -> Core {
        Core::Number {
            amount,
            end,
            hyphen_unit: None,
        }
    }
}

impl Ctx<'_> {
    /// A number-based claim whose number starts at `i`.
    pub(super) fn numeric(&self, i: usize) -> Option<Found> {
        let (amount, mut j, mut hyphen_unit) = match self.numeric_core(i) {
            Core::Number {
                amount,
                end,
                hyphen_unit,
            } => (amount, end, hyphen_unit),
            Core::Done(found) => return found,
        };
        let l = &self.lex;
        // Digits followed by "-day", "-year-old".
        if hyphen_unit.is_none()
            && l.get(j)
                .is_some_and(|n| n.text == "-" && n.span.start == l[j - 1].span.end)
        {
            if let Some(n) = l.get(j + 1).filter(|n| n.is_word()) {
                hyphen_unit = Some(n.lower().into_owned());
                j += 2;
            } else if let Some(b) = l.get(j + 1).and_then(|n| n.digits_value()) {
                return self.score_or_tally(i, j, amount, b);
            }
        }
        if let Some(u) = hyphen_unit {
            return self.hyphen_compound(i, j, amount, &u);
        }
        let kind_from_what_follows = self
            .money_after_number(i, j, amount)
            .or_else(|| self.percent_after_number(i, j, amount))
            .or_else(|| self.duration_after_number(i, j, amount))
            .or_else(|| self.quantity_after_number(i, j, amount))
            // Numeric ranges "from 9 to 31 inches", "between 18 and 24".
            .or_else(|| self.numeric_range(i, j, amount));
        if kind_from_what_follows.is_some() {
            return kind_from_what_follows;
        }
        self.age_year_or_count(i, j, amount)
    }

    /// The number starting at `i`, tried form by form.
    fn numeric_core(&self, i: usize) -> Core {
        let l = &self.lex;
        if let Some(v) = l[i].digits_value() {
            return self.digits_core(i, v);
        }
        if let Some(a) = vague_at(l, i) {
            return Core::number(a, i + 1);
        }
        if let Some((pct, j)) = fraction_at(l, i) {
            return Core::Done(self.share_or_half_unit(i, pct, j));
        }
        if let Some(tu) = long_unit(l, i) {
            // "a week-long strike", "a fortnight-long trip".
            return Core::Done(Some(self.one_unit_modifier(i, i + 2, tu)));
        }
        if let Some(tu) = self.one_time_unit(i) {
            return Core::Done(Some(self.one_unit_duration(i, tu)));
        }
        if let Some((v, j)) = words_number(l, i) {
            return self.words_core(v, j);
        }
        if l[i].text.contains('-') {
            return self.hyphenated_word_core(i).unwrap_or(Core::Done(None));
        }
        Core::Done(None)
    }

    /// Digits: "322 hundred", "3/4 mile", "4 thousand 3 hundred". Clock
    /// times, ordinals, decades and "Ward 4" are not amounts.
    fn digits_core(&self, i: usize, mut v: f64) -> Core {
        let l = &self.lex;
        let t = &l[i];
        if t.text.ends_with('s') {
            // "the 40s": a decade or a temperature band.
            return Core::Done(None);
        }
        // "9:05": the minutes of a clock time (out of scope).
        if i >= 2 && l[i - 1].is(":") && adjacent(&l[i - 1], t) && l[i - 2].is_digits() {
            return Core::Done(None);
        }
        let score_follows = l.get(i + 1).is_some_and(|n| n.text == "-") && l.get(i + 2).is_some_and(|n| n.is_digits());
        // "Ward 4" names a ward; "USD 200" is money.
        if i > 1
            && names_number(&l[i - 1])
            && l[i - 1].span.end + 1 >= t.span.start
            && !score_follows
            && money::before(l, i).is_none()
        {
            return Core::Done(None);
        }
        if l.get(i + 1)
            .is_some_and(|n| n.is_one_of(&["st", "nd", "rd", "th"]) && n.span.start == t.span.end)
        {
            return Core::Done(None);
        }
        if l.get(i + 1).is_some_and(|n| n.is(":") && n.span.start == t.span.end) {
            return Core::Done(self.clock(i));
        }
        if l.get(i + 1)
            .is_some_and(|n| n.is_one_of(&["a.m.", "p.m.", "a.m", "p.m"]))
        {
            return Core::Done(None);
        }
        let mut j = i + 1;
        // "3/4 mile", "1/2 day": a fraction of a unit ("9/11" and
        // "24/7" have none and are not numbers).
        if let Some((f, e)) = mixed::slash_fraction(l, i) {
            if l.get(e)
                .is_some_and(|n| time_unit(n.text).is_some() || unit(n.text).is_some())
            {
                (v, j) = (f, e);
            }
        }
        if j == i + 1 && mixed::in_slashed_pair(l, i) {
            return Core::Done(None);
        }
        // "322 hundred", "2.12 hundred", "3 hundred thousand".
        if l.get(j).is_some_and(|n| n.is("hundred")) {
            v *= 100.0;
            j += 1;
        }
        if let Some(k) = scale_at(l, j) {
            v *= k;
            j += 1;
        }
        // "4 thousand 3 hundred", "3 hundred and one".
        if j > i + 1 {
            if let Some((rest, e)) = scaled_rest(l, j, v) {
                v += rest;
                j = e;
            }
        }
        if let Some((w, e)) = mixed::extend(l, j, v, mixed::scale_before(l, j).filter(|_| j > i + 1), |w| {
            time_unit(w).is_some()
        }) {
            v = w;
            j = e;
        }
        Core::number(Amount::exact(v), j)
    }

    /// A share ("half", "a third", "two-thirds") ending at `j`; "half an
    /// hour" is half the unit, and "half-empty" is no share.
    fn share_or_half_unit(&self, i: usize, pct: f64, j: usize) -> Option<Found> {
        let l = &self.lex;
        let t = &l[i];
        // "half-empty", "a half hour" are not shares.
        if t.text.contains('-') && t.lower().starts_with("half") {
            return None;
        }
        // "half an hour", "half a day", "half year": half the unit.
        if t.is("half") {
            let k = if l.get(j).is_some_and(|n| n.is_one_of(&["a", "an"])) {
                j + 1
            } else {
                j
            };
            if let Some(tu) = l.get(k).and_then(|n| time_unit(n.text)) {
                let (v, unit) = fortnights(0.5, tu);
                return Some(self.duration(i, k + 1, Amount::exact(v), unit));
            }
        }
        if l.get(j).is_some_and(|n| time_unit(n.text).is_some()) {
            return None;
        }
        Some(self.hedged(i, j, ClaimKind::Percent, Value::Number(Amount::exact(pct))))
    }

    /// "an hour a day", "one week", "a fortnight", "an hour and a half":
    /// the time unit after "a"/"an"/"one" when it is an amount of time,
    /// not "a day" alone.
    fn one_time_unit(&self, i: usize) -> Option<&'static str> {
        let l = &self.lex;
        let t = &l[i];
        if !t.is_one_of(&["an", "a", "one"]) {
            return None;
        }
        let tu = l.get(i + 1).and_then(|n| time_unit(n.text))?;
        let amount_of_time = t.is("one")
            || tu == "fortnight"
            || (l.get(i + 2).is_some_and(|n| n.is("a") || n.is("per"))
                && l.get(i + 3).is_some_and(|n| time_unit(n.text).is_some()))
            || self.compound_duration(1.0, tu, i + 2).is_some();
        amount_of_time.then_some(tu)
    }

    /// The duration "one week", "an hour and a half" starting at `i`.
    fn one_unit_duration(&self, i: usize, tu: &'static str) -> Found {
        let (v, unit, end) = self.compound_duration(1.0, tu, i + 2).unwrap_or((1.0, tu, i + 2));
        let (v, unit) = fortnights(v, unit);
        self.duration(i, end, Amount::exact(v), unit)
    }

    /// "week-long", "a fortnight-long trip": one unit, as a modifier.
    fn one_unit_modifier(&self, i: usize, end: usize, tu: &'static str) -> Found {
        let (v, unit) = fortnights(1.0, tu);
        let mut f = self.duration(i, end, Amount::exact(v), unit);
        f.modifier = true;
        f
    }

    /// Number words: "five and a half million", "one and a quarter hours".
    /// "one" alone, with no unit after it, is no claim.
    fn words_core(&self, v: f64, j: usize) -> Core {
        let l = &self.lex;
        let unit_word = |w: &str| time_unit(w).is_some();
        let (v, j) = mixed::extend(l, j, v, mixed::scale_before(l, j), unit_word).unwrap_or((v, j));
        if v < 2.0
            && v.fract() == 0.0
            && !l.get(j).is_some_and(|n| {
                time_unit(n.text).is_some() || unit(n.text).is_some() || money::named(n.text).is_some()
            })
        {
            return Core::Done(None);
        }
        Core::number(Amount::exact(v), j)
    }

    /// A number word joined to its unit: "six-day", "three-year-old",
    /// "11-point"; "week-long" is one unit.
    fn hyphenated_word_core(&self, i: usize) -> Option<Core> {
        let (head, rest) = self.lex[i].text.split_once('-')?;
        if rest.eq_ignore_ascii_case("long") {
            let tu = time_unit(&head.to_lowercase())?;
            return Some(Core::Done(Some(self.one_unit_modifier(i, i + 1, tu))));
        }
        let v = crate::lexicon::NUMBER_WORDS
            .get(head.to_lowercase().as_str())
            .copied()?;
        Some(Core::Number {
            amount: Amount::exact(f64::from(v)),
            end: i + 1,
            hyphen_unit: Some(rest.to_lowercase()),
        })
    }

    /// "27-3", "58-55": a score, or a tally when "vote(s)" follows.
    fn score_or_tally(&self, i: usize, j: usize, amount: Amount, b: f64) -> Option<Found> {
        let a = amount.value?;
        let tally = self.lex.get(j + 2).is_some_and(|n| n.is("vote") || n.is("votes"));
        let unit = if tally { "tally" } else { "score" };
        Some(self.plain(i, j + 2, ClaimKind::Quantity, Value::Pair { a, b, unit }))
    }

    /// A number and the unit a hyphen joins to it: "3-year-old", "six-day",
    /// "12-cent", "11-point", "24-bed".
    fn hyphen_compound(&self, i: usize, j: usize, amount: Amount, u: &str) -> Option<Found> {
        let v = amount.value?;
        if u.starts_with("year-old") || u == "month-old" {
            return Some(self.plain(i, j, ClaimKind::Age, Value::Number(Amount::exact(v))));
        }
        if let Some(tu) = time_unit(u) {
            let mut f = self.duration(i, j, amount, tu);
            f.modifier = true;
            return Some(f);
        }
        // "12-cent", "one-yen".
        if let Some(c) = money::named(u) {
            return Some(self.plain(
                i,
                j,
                ClaimKind::Money,
                Value::Money {
                    amount: amount.scaled(c.factor),
                    currency: c.code,
                },
            ));
        }
        let measure = if u == "point" { Some("point") } else { unit(u) };
        if let Some(un) = measure {
            return Some(self.plain(i, j, ClaimKind::Quantity, Value::Quantity { amount, unit: un }));
        }
        // "24-bed", "three-term": a count of the thing the compound
        // names. Plurals are other words ("three-pointers"), and so are
        // ordinals and number words ("twenty-first", "fifty-fifty").
        let numberish = super::dates::ordinal(u).is_some() || crate::lexicon::NUMBER_WORDS.get(u).is_some();
        if v >= 2.0 && u.chars().all(|c| c.is_alphabetic()) && !u.ends_with('s') && !numberish {
            return Some(self.plain(i, j, ClaimKind::Count, Value::Number(amount)));
        }
        None
    }

    /// Money: "$3.4 billion", "25 cents", "£4.5m", "C$300", "USD 200",
    /// "42 qatari riyals", "197 pence".
    fn money_after_number(&self, i: usize, j: usize, amount: Amount) -> Option<Found> {
        let l = &self.lex;
        if let Some((start, cur)) = money::before(l, i) {
            if let Some(f) = self.money_range(start, j, amount, cur) {
                return Some(f);
            }
            let mut f = self.hedged_from(
                start,
                j,
                ClaimKind::Money,
                |a| Value::Money {
                    amount: a,
                    currency: cur,
                },
                amount,
            );
            self.with_cents(&mut f);
            return Some(f);
        }
        let (cur, end) = money::after(l, j)?;
        let mut f = self.hedged_from(
            i,
            end,
            ClaimKind::Money,
            |a| Value::Money {
                amount: a,
                currency: cur.code,
            },
            amount.scaled(cur.factor),
        );
        if cur.factor == 1.0 {
            self.with_cents(&mut f);
        }
        Some(f)
    }

    /// Percentages: "12%", "12 percent", "12 per cent", "8 to 12 percent",
    /// "7 in 10", "3 percentage points".
    fn percent_after_number(&self, i: usize, j: usize, amount: Amount) -> Option<Found> {
        let l = &self.lex;
        let next = l.get(j).map_or("", |n| n.text);
        let next_is = |w: &str| next.eq_ignore_ascii_case(w);
        if next_is("%") || next_is("percent") || (next_is("per") && l.get(j + 1).is_some_and(|n| n.is("cent"))) {
            let end = j + if next_is("per") { 2 } else { 1 };
            if let Some(f) = self.percent_range(i, end, amount) {
                return Some(f);
            }
            return Some(self.hedged_from(i, end, ClaimKind::Percent, Value::Number, amount));
        }
        // "8 to 12 percent", "7 in 10".
        if let Some(f) = self
            .bare_percent_range(i, j, amount)
            .or_else(|| self.ratio(i, j, amount))
        {
            return Some(f);
        }
        if next_is("percentage") && l.get(j + 1).is_some_and(|n| n.lower().starts_with("point")) {
            return Some(self.hedged_from(i, j + 2, ClaimKind::Percent, Value::Number, amount));
        }
        None
    }

    /// A number before a time unit: an age ("3 years old", "3 years of
    /// age") or a duration ("two weeks and three days", "within 3 days").
    fn duration_after_number(&self, i: usize, j: usize, mut amount: Amount) -> Option<Found> {
        let l = &self.lex;
        let next = l.get(j).map_or("", |n| n.text);
        // "3h": an hour sign written against the figures.
        let hour_sign = next == "h" && adjacent(&l[j - 1], &l[j]) && l[j - 1].is_digits();
        let tu = time_unit(next).or(hour_sign.then_some("hour"))?;
        // "3 years old", "around 3 years of age".
        if tu == "year" && l.get(j + 1).is_some_and(|n| n.is("old")) {
            return Some(self.hedged_from(i, j + 2, ClaimKind::Age, Value::Number, amount));
        }
        if tu == "year" && l.get(j + 1).is_some_and(|n| n.is("of")) && l.get(j + 2).is_some_and(|n| n.is("age")) {
            return Some(self.hedged_from(i, j + 3, ClaimKind::Age, Value::Number, amount));
        }
        let (mut tu, mut after) = (tu, j + 1);
        if let Some((v, unit, end)) = amount.value.and_then(|v| self.compound_duration(v, tu, j + 1)) {
            amount = Amount::exact(v);
            (tu, after) = (unit, end);
        }
        if tu == "fortnight" {
            amount = amount.scaled(2.0);
            tu = "week";
        }
        let (start, end) = self.duration_extent(i, after);
        let mut f = self.hedged_from(
            start,
            end,
            ClaimKind::Duration,
            |a| Value::Duration { amount: a, unit: tu },
            amount,
        );
        if start < i && l[start].is("within") {
            if let Value::Duration { amount, .. } = &mut f.value {
                *amount = Amount::hedged(amount.value.unwrap_or(0.0), Qualifier::AtMost);
            }
        }
        Some(f)
    }

    /// A number and its unit of measure ("6 feet 1 inch", "40 km"), or a
    /// rate ("38 dentists per 100,000 residents", "12 per 100,000").
    fn quantity_after_number(&self, i: usize, j: usize, amount: Amount) -> Option<Found> {
        let l = &self.lex;
        if let Some((u, end)) = self.unit_at(j) {
            // "6 feet 1 inch": one height.
            if let Some(f) = self.feet_and_inches(i, u, end, amount) {
                return Some(f);
            }
            return Some(self.quantity(i, end, amount, u));
        }
        // "38 dentists per 100,000 residents": a rate.
        if l.get(j + 1).is_some_and(|n| n.is("per"))
            && l.get(j + 2).and_then(|n| n.digits_value()) == Some(100000.0)
            && l[j].is_word()
        {
            let end = if l.get(j + 3).is_some_and(|n| n.is_word()) {
                j + 4
            } else {
                j + 3
            };
            return Some(self.quantity(i, end, amount, "per_100k"));
        }
        let per = l.get(j).is_some_and(|n| n.text.eq_ignore_ascii_case("per"));
        if per && l.get(j + 1).and_then(|n| n.digits_value()) == Some(100000.0) {
            return Some(self.quantity(i, j + 2, amount, "per_100k"));
        }
        None
    }

    /// What a number alone is: an age threshold ("65 or older"), an age
    /// ("Ruth Enders, 71,"), a year ("in 1846"), else a count ("1846
    /// persons were hospitalized").
    fn age_year_or_count(&self, i: usize, j: usize, amount: Amount) -> Option<Found> {
        let l = &self.lex;
        let at_least = |end: usize| {
            let v = amount.value?;
            Some(self.plain(
                i,
                end,
                ClaimKind::Age,
                Value::Number(Amount::hedged(v, Qualifier::AtLeast)),
            ))
        };
        // "65 or older", "18 and over": an age threshold.
        let older = |k: usize| {
            l.get(k).is_some_and(|n| n.is("or") || n.is("and"))
                && l.get(k + 1)
                    .is_some_and(|n| n.is_one_of(&["older", "over", "above", "up"]))
        };
        if older(j) && amount.value.is_some_and(|v| v < 120.0) {
            return at_least(j + 2);
        }
        // Ages: "Ruth Enders, 71,", "aged 54".
        if self.is_age(i, j, amount) {
            let older = l.get(j).is_some_and(|n| n.is("or"))
                && l.get(j + 1).is_some_and(|n| n.is_one_of(&["older", "over", "above"]));
            if older {
                return at_least(j + 2);
            }
            return Some(self.hedged_from(i, j, ClaimKind::Age, Value::Number, amount));
        }
        // Years standing alone are dates; "1846 persons were hospitalized"
        // counts people.
        let t = &l[i];
        if amount.is_exact()
            && year_at(l, i).is_some()
            && t.text.len() == 4
            && !t.text.contains(',')
            && !counts_people(l, i, j)
        {
            let v = amount.value? as i16;
            let d = DateValue {
                year: Some(v),
                month: None,
                day: None,
                weekday: None,
            };
            return Some(self.plain(i, j, ClaimKind::Date, Value::Date(d)));
        }
        Some(self.hedged_from(i, j, ClaimKind::Count, Value::Number, amount))
    }

    /// A plain duration claim of `amount` `unit`s over tokens `i..end`.
    fn duration(&self, i: usize, end: usize, amount: Amount, unit: &'static str) -> Found {
        self.plain(i, end, ClaimKind::Duration, Value::Duration { amount, unit })
    }

    /// A (possibly hedged) quantity claim of `amount` `unit`s.
    fn quantity(&self, i: usize, end: usize, amount: Amount, unit: &'static str) -> Found {
        self.hedged_from(
            i,
            end,
            ClaimKind::Quantity,
            |a| Value::Quantity { amount: a, unit },
            amount,
        )
    }
}
