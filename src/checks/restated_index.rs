//! Which earlier claims `restated-number` compares a claim with: those
//! counting the same noun (stem), and those whose value is the claim's with
//! two adjacent digits swapped. Every pair the check can report is among
//! them, so it no longer scans every earlier claim. Per noun, only the most
//! recent [`WINDOW`] earlier counts are compared: an article with more
//! counts of one thing than that (a table pasted as text) would otherwise
//! compare every pair of them. The same window bounds the earlier counts
//! a total is summed from.

use rustc_hash::FxHashMap;

use crate::claims::Claim;

/// Earlier claims of the same noun compared with a claim.
pub const WINDOW: usize = 100;

pub struct Earlier {
    by_stem: FxHashMap<String, Vec<usize>>,
    by_value: FxHashMap<u64, Vec<usize>>,
}

fn stem(c: &Claim) -> Option<&str> {
    let n = c.noun.as_deref()?;
    Some(n.strip_suffix('s').unwrap_or(n))
}

fn value(c: &Claim) -> Option<f64> {
    c.value.amount().and_then(|a| a.value)
}

/// The last `WINDOW` entries of `list` below `before`.
fn recent(list: &[usize], before: usize) -> &[usize] {
    let end = list.partition_point(|&i| i < before);
    &list[end.saturating_sub(WINDOW)..end]
}

/// `v` with each pair of adjacent, different digits swapped.
fn swaps(v: f64) -> Vec<f64> {
    if v.fract() != 0.0 || v.abs() >= 1e15 {
        return Vec::new();
    }
    let digits: Vec<u8> = (v.abs() as u64).to_string().into_bytes();
    (0..digits.len().saturating_sub(1))
        .filter(|&i| digits[i] != digits[i + 1])
        .filter_map(|i| {
            let mut d = digits.clone();
            d.swap(i, i + 1);
            let n: f64 = std::str::from_utf8(&d).ok()?.parse().ok()?;
            Some(if v < 0.0 { -n } else { n })
        })
        .collect()
}

impl Earlier {
    pub fn new(claims: &[Claim]) -> Self {
        let mut by_stem: FxHashMap<String, Vec<usize>> = FxHashMap::default();
        let mut by_value: FxHashMap<u64, Vec<usize>> = FxHashMap::default();
        for (i, c) in claims.iter().enumerate() {
            if let Some(s) = stem(c) {
                by_stem.entry(s.to_string()).or_default().push(i);
            }
            if let Some(v) = value(c).filter(|v| v.fract() == 0.0) {
                by_value.entry(v.to_bits()).or_default().push(i);
            }
        }
        Earlier { by_stem, by_value }
    }

    /// The earlier claims to compare claim `bi` with, in claim order.
    pub fn of(&self, bi: usize, b: &Claim) -> Vec<usize> {
        let mut out: Vec<usize> = Vec::new();
        if let Some(list) = stem(b).and_then(|s| self.by_stem.get(s)) {
            out.extend_from_slice(recent(list, bi));
        }
        for v in value(b).map(swaps).unwrap_or_default() {
            if let Some(list) = self.by_value.get(&v.to_bits()) {
                out.extend_from_slice(recent(list, bi));
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// The most recent [`WINDOW`] earlier claims of `b`'s noun stem, in
    /// claim order: the parts a total may add up. A sum of counts spread
    /// over more than that many earlier mentions is no sentence's total,
    /// and reading them all made a text of counts quadratic.
    pub fn same_stem(&self, bi: usize, b: &Claim) -> &[usize] {
        match stem(b).and_then(|s| self.by_stem.get(s)) {
            Some(list) => recent(list, bi),
            None => &[],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::swaps;

    #[test]
    fn swaps_of_a_number() {
        assert_eq!(swaps(412.0), vec![142.0, 421.0]);
        assert_eq!(swaps(-23.0), vec![-32.0]);
        assert!(swaps(7.0).is_empty());
        assert!(swaps(1.5).is_empty());
        assert_eq!(swaps(100.0), vec![10.0]);
    }
}
