//! Rows by id, four bytes a row: an open-addressed table of row numbers,
//! each looked up by hashing the id and comparing it with the row's own
//! id cell. A hash map of `&str` to row held twenty-four bytes and a
//! control byte a row, beside rows of a few hundred bytes, and a merge
//! builds one for the whole old sheet (issue 15).

use std::hash::{Hash, Hasher};

/// Row numbers by their rows' ids; `EMPTY` marks a free slot.
pub(crate) struct IdIndex {
    slots: Vec<u32>,
    len: usize,
}

const EMPTY: u32 = u32::MAX;

fn hash(id: &str) -> u64 {
    let mut h = rustc_hash::FxHasher::default();
    id.hash(&mut h);
    h.finish()
}

impl IdIndex {
    /// Room for `rows` rows without growing.
    pub fn with_capacity(rows: usize) -> Self {
        IdIndex {
            slots: vec![EMPTY; (rows.max(4) * 2).next_power_of_two()],
            len: 0,
        }
    }

    /// The slot `id` is in, or the free slot it would go in.
    fn slot<'a>(&self, id: &str, id_of: &impl Fn(usize) -> &'a str) -> usize {
        let mask = self.slots.len() - 1;
        let mut at = hash(id) as usize & mask;
        loop {
            let r = self.slots[at];
            if r == EMPTY || id_of(r as usize) == id {
                return at;
            }
            at = (at + 1) & mask;
        }
    }

    /// The row with this id, if one was added.
    pub fn get<'a>(&self, id: &str, id_of: impl Fn(usize) -> &'a str) -> Option<usize> {
        let r = self.slots[self.slot(id, &id_of)];
        (r != EMPTY).then_some(r as usize)
    }

    /// Adds row `row`, whose id is `id_of(row)`; if a row with that id was
    /// added already, adds nothing and returns that row.
    pub fn insert<'a>(&mut self, row: usize, id_of: impl Fn(usize) -> &'a str) -> Option<usize> {
        if let Some(r) = self.get(id_of(row), &id_of) {
            return Some(r);
        }
        if (self.len + 1) * 2 > self.slots.len() {
            let mut grown = IdIndex::with_capacity(self.slots.len());
            for &r in self.slots.iter().filter(|&&r| r != EMPTY) {
                let at = grown.slot(id_of(r as usize), &id_of);
                grown.slots[at] = r;
            }
            grown.len = self.len;
            *self = grown;
        }
        let at = self.slot(id_of(row), &id_of);
        self.slots[at] = u32::try_from(row).unwrap_or(EMPTY - 1);
        self.len += 1;
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_are_found_by_id_and_a_repeated_id_is_named() {
        let ids: Vec<String> = (0..1000).map(|i| format!("c-{i:x}")).collect();
        let id_of = |i: usize| ids[i].as_str();
        let mut index = IdIndex::with_capacity(2);
        for i in 0..ids.len() {
            assert_eq!(index.insert(i, id_of), None);
        }
        assert_eq!(index.get("c-3e7", id_of), Some(999));
        assert_eq!(index.get("c-3e8", id_of), None);
        let mut twice = ids.clone();
        twice.push("c-10".into());
        assert_eq!(index.insert(1000, |i: usize| twice[i].as_str()), Some(16));
    }
}
