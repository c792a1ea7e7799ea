//! Currencies as copy writes them around an amount: symbols and dollar
//! prefixes before it ("$", "£", "C$", "HK$", "A$", "Mex$"), ISO codes before
//! or after it ("USD 200", "CHF3.04", "50 million USD", "120 MEUR"), names
//! after it ("42 qatari riyals", "125 million australian dollars") and
//! sub-units ("197 pence", "45p", "10¢"). The names and codes are
//! `data/lexicon/currencies.txt`.

use std::sync::LazyLock;

use super::numbers::Lex;
use super::numbers::adjacent;

const CURRENCIES_SRC: &str = include_str!("../../data/lexicon/currencies.txt");

/// A currency and the share of it one unit is (a hundredth for "pence").
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Currency {
    pub code: &'static str,
    pub factor: f64,
}

/// Phrases of one, two or three words (joined by spaces) and their currency.
static CURRENCIES: LazyLock<crate::lexicon::WordTable<Currency>> = LazyLock::new(|| {
    crate::lexicon::entries(CURRENCIES_SRC)
        .filter_map(|l| l.rsplit_once(' '))
        .map(|(phrase, code)| {
            let (code, factor) = match code.split_once('/') {
                Some((c, _)) => (c, 0.01),
                None => (code, 1.0),
            };
            (phrase.trim(), Currency { code, factor })
        })
        .collect()
});

/// Letters written against a "$" that name another dollar.
const DOLLARS: &[(&str, &str)] = &[
    ("A", "AUD"),
    ("AU", "AUD"),
    ("C", "CAD"),
    ("CA", "CAD"),
    ("HK", "HKD"),
    ("Mex", "MXN"),
    ("NZ", "NZD"),
    ("R", "BRL"),
    ("S", "SGD"),
    ("US", "USD"),
];

pub(crate) fn symbol(t: &str) -> Option<&'static str> {
    Some(match t {
        "$" => "USD",
        "£" => "GBP",
        "€" => "EUR",
        "¥" => "JPY",
        "₹" => "INR",
        _ => return None,
    })
}

/// An ISO code written in capitals ("USD", "CHF").
fn code(l: &Lex) -> Option<&'static str> {
    let t = l.text;
    if t.len() != 3 || !t.bytes().all(|b| b.is_ascii_uppercase()) {
        return None;
    }
    let c = CURRENCIES.get(t)?;
    (c.factor == 1.0 && c.code.eq_ignore_ascii_case(t)).then_some(c.code)
}

/// A dollar prefix before a "$" at `lex[k]`: "C$", "HK$", "nzd$", and the
/// spaced "c $" of some copy.
fn dollar_prefix(lex: &[Lex], k: usize) -> Option<&'static str> {
    let p = lex.get(k)?;
    let d = lex.get(k + 1)?;
    // "A $5 fee" is an article: only "c $" is read with a space.
    let spaced_c = p.text.eq_ignore_ascii_case("c") && p.span.end + 1 == d.span.start;
    if !(adjacent(p, d) || spaced_c) {
        return None;
    }
    if let Some((_, c)) = DOLLARS
        .iter()
        .find(|(w, _)| p.text == *w || (spaced_c && w.eq_ignore_ascii_case(p.text)))
    {
        return Some(c);
    }
    let c = CURRENCIES.get(p.text)?;
    (c.factor == 1.0 && c.code.eq_ignore_ascii_case(p.text)).then_some(c.code)
}

/// The currency written before the amount at `lex[i]`: (first index, code).
pub(crate) fn before(lex: &[Lex], i: usize) -> Option<(usize, &'static str)> {
    let k = i.checked_sub(1)?;
    let l = &lex[k];
    if let Some(c) = symbol(l.text) {
        if c == "USD" && k > 0 {
            if let Some(other) = dollar_prefix(lex, k - 1) {
                return Some((k - 1, other));
            }
        }
        return Some((k, c));
    }
    code(l).map(|c| (k, c))
}

/// The currency written after an amount that ends at `lex[j]`:
/// (currency, scale folded in, index after). "pounds" are sterling when
/// the sentence talks of money.
pub(crate) fn after(lex: &[Lex], j: usize) -> Option<(Currency, usize)> {
    let l = lex.get(j)?;
    let prev = j.checked_sub(1).map(|k| &lex[k]);
    let against = prev.is_some_and(|p| adjacent(p, l));
    // "45p", "43c", "10¢": a sub-unit written against the figures.
    if against && prev.is_some_and(|p| p.is_digits()) {
        let sub = match l.text {
            "p" => Some("GBP"),
            "c" | "¢" => Some("USD"),
            _ => None,
        };
        if let Some(code) = sub {
            return Some((Currency { code, factor: 0.01 }, j + 1));
        }
        // "3.14US$".
        if l.text == "US" && lex.get(j + 1).is_some_and(|d| d.text == "$" && adjacent(l, d)) {
            return Some((
                Currency {
                    code: "USD",
                    factor: 1.0,
                },
                j + 2,
            ));
        }
    }
    if l.text == "¢" {
        return Some((
            Currency {
                code: "USD",
                factor: 0.01,
            },
            j + 1,
        ));
    }
    if let Some(c) = code(l) {
        // "75 USD million".
        let (factor, end) = match super::numbers::scale_at(lex, j + 1) {
            Some(k) => (k, j + 2),
            None => (1.0, j + 1),
        };
        return Some((Currency { code: c, factor }, end));
    }
    // "120 MEUR": millions of a code.
    if l.text.len() == 4 && l.text.starts_with('M') {
        let rest = Lex {
            span: l.span,
            text: &l.text[1..],
        };
        if let Some(c) = code(&rest) {
            return Some((Currency { code: c, factor: 1e6 }, j + 1));
        }
    }
    if l.is_one_of(&["pounds", "pound"]) {
        // Sterling, unless it weighs something ("pounds of beef") or the
        // sentence says nothing of money.
        let of = lex.get(j + 1).is_some_and(|n| n.is("of"));
        let scaled = prev.is_some_and(|p| super::numbers::scale_at(lex, j - 1).is_some() && p.is_word());
        return (!of && (scaled || money_talk(lex))).then_some((
            Currency {
                code: "GBP",
                factor: 1.0,
            },
            j + 1,
        ));
    }
    if !l.is_word() {
        return None;
    }
    // Names of up to three words, the longest first.
    let mut phrase = String::new();
    let mut best = None;
    for (n, w) in lex[j..].iter().take(3).enumerate() {
        if !w.is_word() {
            break;
        }
        if n > 0 {
            phrase.push(' ');
        }
        phrase.push_str(&w.lower());
        if let Some(c) = CURRENCIES
            .get(&phrase)
            .filter(|c| !c.code.eq_ignore_ascii_case(&phrase))
        {
            best = Some((*c, j + n + 1));
        }
    }
    // "8 Rand Paul": one capitalised word before another is a name.
    let name = lex[j].is_capitalized() && lex.get(j + 1).is_some_and(|x| x.is_capitalized());
    best.filter(|&(_, end)| !(end == j + 1 && name))
}

/// A currency named by one word ("dollars", "cent", "yen"), for compounds
/// such as "12-cent" and "one-yen".
pub(crate) fn named(w: &str) -> Option<Currency> {
    CURRENCIES.get(w).copied().filter(|c| !c.code.eq_ignore_ascii_case(w))
}

/// Words that make a sentence about money, for "pounds".
pub(crate) fn money_talk(lex: &[Lex]) -> bool {
    const WORDS: &[&str] = &[
        "£",
        "sterling",
        "budget",
        "cost",
        "costs",
        "paid",
        "pay",
        "spent",
        "spend",
        "fund",
        "funding",
        "price",
        "worth",
        "salary",
        "fine",
        "fined",
        "deal",
        "bill",
        "loan",
        "debt",
        "tax",
        "raised",
        "pension",
        "profit",
        "revenue",
        "sales",
        "cash",
        "money",
        "bonus",
        "fee",
        "fees",
        "pounds-worth",
    ];
    lex.iter().any(|l| l.is_one_of(WORDS))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claims::numbers::lex;
    use crate::span::Span;

    fn lexed(t: &str) -> Vec<Lex<'_>> {
        lex(t, Span::new(0, t.len()))
    }

    #[test]
    fn dollar_prefixes_and_codes_before() {
        for (t, code) in [
            ("C$300", "CAD"),
            ("HK$ 5", "HKD"),
            ("A$40", "AUD"),
            ("A $40 fee", "USD"),
            ("a $40 fee", "USD"),
            ("USD 200", "USD"),
            ("£3", "GBP"),
        ] {
            let l = lexed(t);
            let i = l.iter().position(|x| x.is_digits()).unwrap();
            assert_eq!(before(&l, i).map(|(_, c)| c), Some(code), "{t}");
        }
    }

    #[test]
    fn names_codes_and_sub_units_after() {
        for (t, code, factor) in [
            ("42 qatari riyals", "QAR", 1.0),
            ("9 Norwegian kroner", "NOK", 1.0),
            ("197 pence", "GBP", 0.01),
            ("45p", "GBP", 0.01),
            ("50 USD", "USD", 1.0),
            ("120 MEUR", "EUR", 1e6),
        ] {
            let l = lexed(t);
            assert_eq!(
                after(&l, 1).map(|(c, _)| (c.code, c.factor)),
                Some((code, factor)),
                "{t}"
            );
        }
        assert_eq!(after(&lexed("8 Rand Paul"), 1), None);
        // Lower-case codes are words ("5 try").
        assert_eq!(after(&lexed("5 try"), 1), None);
    }

    #[test]
    fn pounds_are_sterling_only_when_money_is_talked_of() {
        assert_eq!(after(&lexed("It cost 40 pounds"), 3).map(|(c, _)| c.code), Some("GBP"));
        assert_eq!(
            after(&lexed("It cost 40 million pounds"), 4).map(|(c, _)| c.code),
            Some("GBP")
        );
        assert_eq!(after(&lexed("He lost 40 pounds"), 3), None);
        assert_eq!(after(&lexed("It cost 40 pounds of beef"), 3), None);
    }
}
