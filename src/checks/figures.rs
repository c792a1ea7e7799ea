//! Numbers in real copy that are not counts of a thing, whatever the claim
//! reader made of them: ratios ("7 in 10 voters"), clock times ("8:39PM"),
//! dates written with a slash ("9/11"), ordinals and compound modifiers
//! ("19th-century", "18-hole"), and bracketed source tags ("[538]"). The
//! arithmetic checks skip them, since comparing them with counts only
//! makes contradictions that are not there.

use crate::claims::Claim;

/// How far back `not_a_count` looks for the words before a number.
const BEFORE_WINDOW: usize = 200;

/// [`not_a_count`] of each of an article's claims, worked out the first
/// time a check asks and kept for the others (three checks ask it of the
/// same claims): 0 not asked yet, 1 a count, 2 not one.
#[derive(Default)]
pub(crate) struct NotCount(std::cell::OnceCell<Vec<std::cell::Cell<u8>>>);

impl NotCount {
    /// Whether `claims[i]` (of the article `text`) is not a count.
    pub(crate) fn get(&self, text: &str, claims: &[Claim], i: usize) -> bool {
        let known = self.0.get_or_init(|| vec![std::cell::Cell::new(0); claims.len()]);
        match known[i].get() {
            1 => false,
            2 => true,
            _ => {
                let not = not_a_count(text, &claims[i]);
                known[i].set(1 + u8::from(not));
                not
            }
        }
    }
}

/// Whether the claim's number reads as something other than a count.
pub(crate) fn not_a_count(text: &str, c: &Claim) -> bool {
    let before = text[..c.span.start].trim_end_matches(' ');
    let written = c.span.of(text);
    let after = &text[c.span.end..];
    let prev = text[..c.span.start].chars().next_back();
    let next = after.chars().next();
    // Clock times and slashed dates: a digit-joining mark on either side.
    if prev.is_some_and(|p| matches!(p, ':' | '/' | '[')) || next.is_some_and(|n| matches!(n, ':' | '/' | ']')) {
        return true;
    }
    if written.contains(':') || written.contains('/') {
        return true;
    }
    // "7 in 10" and the 10 of it.
    // Only the next few bytes are read: a copy of the rest of the article per
    // claim made this check quadratic in the article's length.
    let after_words = after.trim_start().as_bytes();
    if ["in 10", "in 100", "in ten", "in five", "in four", "in three", "out of"]
        .iter()
        .any(|r| {
            after_words
                .get(..r.len())
                .is_some_and(|w| w.eq_ignore_ascii_case(r.as_bytes()))
        })
    {
        return true;
    }
    // Words right before the number, in its own line and clause, looked for
    // within a bounded window so that one long line stays linear.
    let mut from = before.len().saturating_sub(BEFORE_WINDOW);
    while !before.is_char_boundary(from) {
        from += 1;
    }
    let (w1, w2) = last_clause_words(&before[from..]);
    if (w1.eq_ignore_ascii_case("in") || w1.eq_ignore_ascii_case("of")) && is_number(w2) && is_ratio_base(written) {
        return true;
    }
    // "650 18-hole courses": a number right after another one modifies
    // what the first counts.
    if is_number(w1) {
        return true;
    }
    // "19th-century", "3-2-1": an ordinal, or a run of numbers.
    let ordinal = ["th", "st", "nd", "rd"].iter().any(|o| after.starts_with(o));
    ordinal || (after.starts_with('-') && after[1..].starts_with(|ch: char| ch.is_ascii_digit()))
}

/// The last two words of the clause `s` ends with (it opens after the last
/// line break, '.', ';', ':' or '('), the last first, "" where there are
/// fewer: `clause.split_whitespace().rev()`, read back from the end only
/// as far as those words (a clause is often most of the window).
fn last_clause_words(s: &str) -> (&str, &str) {
    let mut words = ["", ""];
    let mut found = 0;
    // The end of the word being read, going back.
    let mut end = None;
    for (k, c) in s.char_indices().rev() {
        let mark = matches!(c, '\n' | '.' | ';' | ':' | '(');
        if !mark && !c.is_whitespace() {
            end.get_or_insert(k + c.len_utf8());
            continue;
        }
        if let Some(e) = end.take() {
            words[found] = &s[k + c.len_utf8()..e];
            found += 1;
        }
        if mark || found == 2 {
            return (words[0], words[1]);
        }
    }
    if let Some(e) = end {
        words[found] = &s[..e];
    }
    (words[0], words[1])
}

fn is_ratio_base(written: &str) -> bool {
    matches!(written.trim(), "10" | "100" | "ten" | "five" | "four" | "three")
}

fn is_number(w: &str) -> bool {
    let w = w.trim_matches(|ch: char| !ch.is_alphanumeric());
    (!w.is_empty() && w.chars().all(|ch| ch.is_ascii_digit() || ch == ',' || ch == '.'))
        || if w.is_ascii() {
            // The table ignores ASCII case: no lower-case copy needed.
            crate::lexicon::NUMBER_WORDS.contains_key(w)
        } else {
            crate::lexicon::NUMBER_WORDS.contains_key(&w.to_lowercase())
        }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_last_clause_words_are_the_clause_split_from_the_end() {
        for s in [
            "",
            " ",
            "one",
            "seven in",
            "said. Seven in ",
            "the (7 in",
            "about 40 of the\n  last of",
            "a; b c d",
            "in 10\u{a0}of\u{2009}",
            "end.",
            "x:y z",
        ] {
            let clause = &s[s.rfind(['\n', '.', ';', ':', '(']).map_or(0, |i| i + 1)..];
            let mut back = clause.split_whitespace().rev();
            let expected = (back.next().unwrap_or(""), back.next().unwrap_or(""));
            assert_eq!(last_clause_words(s), expected, "{s:?}");
        }
    }
}
