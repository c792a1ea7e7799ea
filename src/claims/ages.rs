//! Ages standing alone: "aged 54", "age 64", "64 yo", and the number
//! after a name and a comma ("Ruth Enders, 71, who…").

use super::Ctx;
use super::numbers::Amount;
use crate::lexicon::month;

impl Ctx<'_> {
    /// Is the number `amount` at `lex[i..j]` an age?
    pub(super) fn is_age(&self, i: usize, j: usize, amount: Amount) -> bool {
        let l = &self.lex;
        let Some(v) = amount.value else { return false };
        if !(1.0..120.0).contains(&v) || !l[i].is_digits() || l[i].text.contains('.') {
            return false;
        }
        let prev = i.checked_sub(1).map(|k| &l[k]);
        let prev2 = i.checked_sub(2).map(|k| &l[k]);
        if prev.is_some_and(|p| p.is("aged") || p.is("age")) || l.get(j).is_some_and(|n| n.is("yo") || n.is("y.o.")) {
            return true;
        }
        // "Ruth Enders, 71, who…" / "Mayor Lee, 58."
        let after_name =
            prev.is_some_and(|p| p.is(",")) && prev2.is_some_and(|p| p.is_capitalized() && month(p.text).is_none());
        let closes = l
            .get(j)
            .is_none_or(|n| matches!(n.text, "," | "." | ";" | ")") || n.is("and") || n.is("who"));
        after_name && closes
    }
}
